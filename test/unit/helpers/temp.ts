import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../../src-main/store/index.js';
import {
  callApi,
  createApiContext,
  type ApiContext,
  type ApiInput,
  type ApiMethodName,
  type ApiResult,
} from '../../../src-main/api/index.js';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sizing-test-'));
  dirs.push(dir);
  return dir;
}

/** A real store on a real file in a fresh folder. */
export function tempStore(): { store: Store; ctx: ApiContext; path: string; dir: string } {
  const dir = tempDir();
  const path = join(dir, 'projects.db');
  const store = openStore(path);
  stores.push(store);
  return { store, ctx: createApiContext(store), path, dir };
}

/** Calls the API and fails the test with the error message when it does not succeed. */
export async function ok<M extends ApiMethodName>(ctx: ApiContext, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const r = await callApi(ctx, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.result as ApiResult<M>;
}

/** A call that must be refused, made in English and in Portuguese: its code and field (the same in both) and the two messages. */
export async function refusedInBoth(ctx: ApiContext, method: string, input: unknown) {
  const en = await callApi(ctx, method, input, { lang: 'en' });
  const pt = await callApi(ctx, method, input, { lang: 'pt-BR' });
  if (en.ok || pt.ok) throw new Error(`${method} was expected to refuse ${JSON.stringify(input)}`);
  if (pt.error.code !== en.error.code || pt.error.field !== en.error.field)
    throw new Error(`${method} refused differently by language: ${JSON.stringify([en.error, pt.error])}`);
  return { code: en.error.code, field: en.error.field, en: en.error.message, pt: pt.error.message };
}
