import { describe, expect, it } from 'vitest';
import { callApi, createApiContext, type ApiContext } from '../../../src-main/api/index.js';
import { ApiError, toErrorBody } from '../../../src-main/api/errors.js';
import { both } from '../../../src-main/i18n/text.js';
import { openStore } from '../../../src-main/store/index.js';
import { StoreError } from '../../../src-main/store/errors.js';
import { tempDir } from '../helpers/temp.js';

// What crosses every transport when a call fails: {code, message, field} in the caller's language.

const duplicate = both('name already used', 'nome já usado');

describe('error bodies', () => {
  it('keeps only the first line of an unexpected error, never its stack, in the caller’s language', () => {
    const error = new TypeError('cannot read x\n    at handler (file.ts:1:1)');
    expect(toErrorBody(error)).toEqual({ code: 'internal', message: 'internal error: cannot read x' });
    expect(toErrorBody(error, { lang: 'pt-BR' })).toEqual({ code: 'internal', message: 'erro interno: cannot read x' });
    expect(toErrorBody('plain text thrown')).toEqual({ code: 'internal', message: 'internal error: plain text thrown' });
  });

  it('gives a store error its code and, inside an import, a field under the file', () => {
    const inFile = { lang: 'pt-BR' as const, fieldPrefix: 'file.' };
    expect(toErrorBody(new StoreError('conflict', duplicate, 'scenarios[1].name'), inFile)).toEqual({
      code: 'conflict',
      message: 'nome já usado',
      field: 'file.scenarios[1].name',
    });
    // A problem with the whole file names the file, not "file.".
    expect(toErrorBody(new StoreError('invalid-data', duplicate, ''), inFile)).toEqual({
      code: 'invalid_input',
      message: 'nome já usado',
      field: 'file',
    });
    expect(toErrorBody(new StoreError('conflict', duplicate, 'file.name'), inFile).field).toBe('file.name');
    // No field key at all, not one set to undefined: IPC's structured clone would carry it.
    expect(toErrorBody(new StoreError('locked', duplicate), inFile)).toStrictEqual({ code: 'store_busy', message: 'nome já usado' });
    expect(toErrorBody(new StoreError('conflict', duplicate, 'name'))).toEqual({
      code: 'conflict',
      message: 'name already used',
      field: 'name',
    });
  });

  it('passes an API error through with its field', () => {
    expect(toErrorBody(ApiError.invalid('top', both('too many', 'demais')), { lang: 'pt-BR' })).toEqual({
      code: 'invalid_input',
      message: 'top: demais',
      field: 'top',
    });
  });
});

describe('the dispatcher', () => {
  it('refuses a method it does not have, naming it in both languages', async () => {
    const ctx = createApiContext(openStore(`${tempDir()}/projects.db`));
    try {
      expect(await callApi(ctx, 'projects.drop', {})).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: 'unknown API method "projects.drop"' },
      });
      expect(await callApi(ctx, 'projects.drop', {}, { lang: 'pt-BR' })).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: 'método de API desconhecido: "projects.drop"' },
      });
    } finally {
      ctx.store.close();
    }
  });
});

describe('the dispatcher’s log', () => {
  it('logs an internal error with the method and the stack, and never a refused input', async () => {
    const store = openStore(`${tempDir()}/projects.db`);
    const entries: Parameters<NonNullable<ApiContext['log']>>[0][] = [];
    const ctx = { ...createApiContext(store), log: (entry: (typeof entries)[number]) => void entries.push(entry) };
    expect(await callApi(ctx, 'projects.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(entries).toEqual([]);
    store.close();
    expect(await callApi(ctx, 'projects.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error: The database connection is not open' },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 'error', message: 'projects.list: internal error: The database connection is not open' });
    expect(entries[0]!.stack).toMatch(/^TypeError: The database connection is not open\n\s+at /);
  });

  it('answers an internal error when no log is attached', async () => {
    const store = openStore(`${tempDir()}/projects.db`);
    store.close();
    expect(await callApi(createApiContext(store), 'projects.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error: The database connection is not open' },
    });
  });
});
