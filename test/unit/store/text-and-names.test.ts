import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, createApiContext } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import { startWebHost } from '../../../src-main/web/server.js';
import { sizing } from '../helpers/cli.js';
import { rawRequest } from '../helpers/serve.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;

/** A one-scenario project file as text, with the scenario's name written raw into the JSON. */
function fileWithName(rawName: string): string {
  return `{"format":"llm-sizing-planner/project","schemaVersion":1,"project":{"name":"Shared"},"scenarios":[{"key":"a","name":"${rawName}","inputs":${JSON.stringify(saas)}}]}`;
}

describe('names: one normalisation when saved and when looked up', () => {
  it('trimmed and NFC everywhere: saving " lead" twice updates one scenario, and " sp" finds "sp"', async () => {
    const { ctx, path } = tempStore();
    await ok(ctx, 'scenarios.save', { projectName: ' lead', name: 'x', inputs: saas });
    const again = await ok(ctx, 'scenarios.save', { projectName: ' lead', name: 'x ', inputs: saas });
    expect(again).toMatchObject({ created: false, project: { name: 'lead' }, scenario: { name: 'x' } });
    expect(await callApi(ctx, 'projects.create', { name: 'lead ' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const composed = await ok(ctx, 'projects.create', { name: 'Cafe\u0301' });
    expect(composed.name).toBe('Caf\u00e9');
    expect(await ok(ctx, 'projects.find', { name: 'Caf\u00e9' })).toMatchObject({ id: composed.id });
    expect(await ok(ctx, 'projects.find', { name: '  CAFE\u0301 ' })).toBeNull(); // É/é are not the same name: SQLite's NOCASE folds A–Z only
    ctx.store.close();
    expect(sizing(['save', '--project', 'sp', '--name', 'S', '--template', 'saas-startup', '--db', path]).status).toBe(0);
    const shown = sizing(['show', '--project', ' sp', '--scenario', ' S ', '--db', path, '--format', 'json']);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout).scenario.name).toBe('S');
  });

  it('control characters, line breaks and direction overrides are refused in names, with the field', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    for (const bad of [
      'a\u0000b',
      'line\nbreak',
      'tab\there',
      'bell\u0007',
      'next\u0085line',
      'sep\u2028arator',
      'evil\u202Eexe.txt',
      'del\u007F',
    ]) {
      expect(await callApi(ctx, 'projects.create', { name: bad }), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'name' },
      });
      expect(
        await callApi(ctx, 'scenarios.create', {
          projectId: project.id,
          name: 'S',
          inputs: saas,
          regions: [{ name: bad, concurrency: 5, overrides: {} }],
        }),
      ).toMatchObject({ ok: false, error: { field: 'regions[0].name' } });
    }
    expect(await callApi(ctx, 'scenarios.create', { projectId: project.id, name: 'S', notes: 'a\u0000', inputs: saas })).toMatchObject({
      ok: false,
      error: { field: 'notes' },
    });
    const fine = await ok(ctx, 'scenarios.create', {
      projectId: project.id,
      name: 'Équipe 👩‍💻 São Paulo',
      notes: 'two\nlines\tand a tab',
      inputs: saas,
    });
    expect(fine.notes).toBe('two\nlines\tand a tab');
  });

  it('a lone surrogate is refused with its path, through the API and in a project file', async () => {
    const { ctx, store } = tempStore();
    expect(await callApi(ctx, 'projects.create', { name: 'a\ud800' })).toMatchObject({
      ok: false,
      error: { field: 'name', message: 'name: contains a lone UTF-16 surrogate (not valid Unicode text)' },
    });
    const r = await callApi(ctx, 'projects.import', { text: fileWithName('A\\udc00') });
    expect(r).toMatchObject({ ok: false, error: { field: 'file.scenarios[0].name' } });
    expect(store.db.prepare('SELECT count(*) AS n FROM projects').get()).toEqual({ n: 0 });
  });
});

describe('project files are decoded strictly', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const [before, after] = fileWithName('@').split('@') as [string, string];

  it('invalid, overlong and surrogate UTF-8 are refused with the byte offset; nothing is stored', () => {
    const { dir, path, store } = tempStore();
    store.close();
    const cases: Array<[string, Buffer]> = [
      ['invalid bytes', bytes(before, 'Ba', [0xff, 0xfe], 'se', after)],
      ['overlong "/"', bytes(before, 'a', [0xc0, 0xaf], after)],
      ['overlong three bytes', bytes(before, 'a', [0xe0, 0x80, 0xaf], after)],
      ['UTF-8-encoded surrogate', bytes(before, 'a', [0xed, 0xa0, 0x80], after)],
      ['truncated sequence', bytes(before, 'a', [0xe2, 0x82], after)],
      ['above U+10FFFF', bytes(before, 'a', [0xf4, 0x90, 0x80, 0x80], after)],
    ];
    for (const [name, content] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, content);
      const r = sizing(['project', 'import', file, '--db', path]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toBe(
        `sizing: ${file}: project file: (file): not valid UTF-8 text (byte ${before.length + (name === 'invalid bytes' ? 2 : 1)})\n`,
      );
    }
    expect(JSON.parse(sizing(['project', 'list', '--db', path, '--format', 'json']).stdout)).toEqual([]);
  });

  it('a UTF-8 byte-order mark is dropped, not "not JSON"', () => {
    const { dir, path, store } = tempStore();
    store.close();
    const file = join(dir, 'bom.json');
    writeFileSync(file, bytes([0xef, 0xbb, 0xbf], fileWithName('São Paulo')));
    const r = sizing(['project', 'import', file, '--db', path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('imported Shared (1 scenario)\n');
  });

  it('over HTTP too: invalid UTF-8 is a 400 naming the byte, a BOM is dropped, a lone surrogate is named by its field', async () => {
    const { store } = tempStore();
    const host = await startWebHost({
      api: (method, input, options) => callApi(createApiContext(store), method, input, options),
      token: 'tok',
    });
    const post = (body: Buffer | string) =>
      rawRequest(host.port, {
        path: '/api/projects.create',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok', Host: `127.0.0.1:${host.port}` },
        body,
      });
    try {
      const invalid = await post(bytes('{"name":"Ba', [0xff, 0xfe], 'se"}'));
      expect(invalid.status).toBe(400);
      expect(JSON.parse(invalid.body).error.message).toBe('the body is not valid JSON: not valid UTF-8 text (byte 11)');
      const bom = await post(bytes([0xef, 0xbb, 0xbf], '{"name":"With BOM"}'));
      expect(bom.status).toBe(200);
      const surrogate = await post('{"name":"a\\ud800"}');
      expect(surrogate.status).toBe(422);
      expect(JSON.parse(surrogate.body).error.field).toBe('name');
      expect((await ok(createApiContext(store), 'projects.list', {})).map((p) => p.name)).toEqual(['With BOM']);
    } finally {
      await host.close();
    }
  });
});
