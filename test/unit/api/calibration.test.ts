import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { MIGRATIONS } from '../../../src-main/store/migrations.js';
import { openStore } from '../../../src-main/store/index.js';
import { readCalibrationProfiles } from '../../../src-main/store/calibration.js';
import * as logs from '../engine/calibration/logs.js';
import { storedProfileCount as count } from '../helpers/calibration.js';
import { ok, tempDir, tempStore } from '../helpers/temp.js';

describe('calibration API', () => {
  it('reads a log: figures, matched records and the profile it would save, storing nothing', async () => {
    const { ctx, path } = tempStore();
    const reading = await ok(ctx, 'calibration.read', { text: logs.SGLANG_LLAMA_H200, source: 'sglang-h200.log' });
    expect(reading).toMatchObject({
      modelId: 'llama-3.1-8b',
      serverId: 'dgx200',
      logDate: '2025-04-03',
      logDateFrom: 'log',
      problems: [],
      replaces: null,
      profile: { engine: 'sglang', tp: 1, source: 'sglang-h200.log', measured: { weightsGiB: 15.15 } },
    });
    expect(reading.log.figures.kvTokens?.line).toBe(6);
    expect(count(path)).toBe(0);
  });

  it('saves a profile, lists it, replaces it with a newer log of the same key, and deletes it', async () => {
    const { ctx } = tempStore();
    const first = await ok(ctx, 'calibration.save', { text: logs.SGLANG_LLAMA_H200 });
    expect(first.replaced).toBeNull();
    expect(first.saved).toMatchObject({
      id: expect.any(Number),
      modelId: 'llama-3.1-8b',
      serverId: 'dgx200',
      source: 'pasted text',
      logDate: '2025-04-03',
    });
    const newer = logs.SGLANG_LLAMA_H200.replaceAll('2025-04-03', '2025-06-01').replace('mem usage=15.15 GB', 'mem usage=15.20 GB');
    expect((await ok(ctx, 'calibration.read', { text: newer })).replaces).toMatchObject({ id: first.saved.id, logDate: '2025-04-03' });
    const second = await ok(ctx, 'calibration.save', { text: newer, source: 'newer.log' });
    expect(second.replaced).toMatchObject({ id: first.saved.id, logDate: '2025-04-03' });
    expect(second.saved).toMatchObject({ id: first.saved.id, logDate: '2025-06-01', measured: { weightsGiB: 15.2 } });
    const other = await ok(ctx, 'calibration.save', { text: logs.VLLM_V1_TP2_QWEN, serverId: 'dgx100' });
    const listed = await ok(ctx, 'calibration.list', {});
    expect(listed.map((p) => [p.modelId, p.serverId, p.engine, p.tp])).toEqual([
      ['llama-3.1-8b', 'dgx200', 'sglang', 1],
      ['qwen3-32b', 'dgx100', 'vllm', 2],
    ]);
    expect(await ok(ctx, 'calibration.delete', { id: other.saved.id })).toEqual({ deleted: other.saved.id });
    expect(await ok(ctx, 'calibration.list', {})).toHaveLength(1);
    expect(await callApi(ctx, 'calibration.delete', { id: other.saved.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
  });

  it('refuses foreign, truncated and failed-start logs in the asked language, storing nothing', async () => {
    const { ctx, path } = tempStore();
    const cases: [string, RegExp][] = [
      [logs.TRTLLM_LOG, /^text: not a vLLM or SGLang start-up log/],
      [logs.VLLM_TRUNCATED, /^text: this vLLM log stops before the engine sized its KV cache/],
      [logs.VLLM_FAILED_START, /^text: this vLLM start-up failed/],
      ['', /^text: the log is empty$/],
    ];
    for (const [text, message] of cases) {
      for (const method of ['calibration.read', 'calibration.save'] as const) {
        const r = await callApi(ctx, method, { text });
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'text', message: expect.stringMatching(message) } });
      }
    }
    const pt = await callApi(ctx, 'calibration.save', { text: logs.SGLANG_TRUNCATED, lang: 'pt-BR' }, { lang: 'pt-BR' });
    expect(pt).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^text: este log do SGLang termina antes/) } });
    expect(count(path)).toBe(0);
  });

  it('refuses to save when the model or server cannot be known, naming the field', async () => {
    const { ctx, path } = tempStore();
    const noGpu = await callApi(ctx, 'calibration.save', { text: logs.VLLM_V1_085_L40S });
    expect(noGpu).toMatchObject({
      ok: false,
      error: { field: 'serverId', message: expect.stringMatching(/^serverId: the log does not say which GPU it ran on/) },
    });
    const noModel = await callApi(ctx, 'calibration.save', { text: logs.VLLM_V0_TP4_COLOURED, serverId: 'dgx100' });
    expect(noModel).toMatchObject({
      ok: false,
      error: { field: 'modelId', message: expect.stringContaining('"/models/DeepSeek-R1-AWQ" in the log matches no model record') },
    });
    const unknown = await callApi(
      ctx,
      'calibration.save',
      { text: logs.VLLM_V1_085_L40S, serverId: 'dgx999', lang: 'pt-BR' },
      { lang: 'pt-BR' },
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: { field: 'serverId', message: expect.stringMatching(/^serverId: "dgx999" não é um servidor/) },
    });
    expect(count(path)).toBe(0);
  });

  it('checks its input at the boundary', async () => {
    const { ctx } = tempStore();
    const cases: [unknown, string, RegExp][] = [
      [{}, 'text', /expected the log as text/],
      [{ text: 'x'.repeat(1_000_001) }, 'text', /at most 1,000,000 characters/],
      [{ text: 'x', logDate: '2025-02-30' }, 'logDate', /expected a date as YYYY-MM-DD/],
      [{ text: 'x', modelId: '' }, 'modelId', /must not be empty/],
      [{ text: 'x', extra: 1 }, '', /extra/],
    ];
    for (const [input, field, message] of cases) {
      const r = await callApi(ctx, 'calibration.read', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
      if (field && !r.ok) expect(r.error.field).toBe(field);
    }
  });
});

describe('calibration profiles in the store', () => {
  it('a database of the previous schema gains the table on opening, after a backup, keeping its projects', () => {
    const dir = tempDir();
    const path = `${dir}/projects.db`;
    const calibration = MIGRATIONS.findIndex((m) => m.name.startsWith('calibration profiles'));
    const removed = MIGRATIONS.splice(calibration, 1);
    try {
      const old = openStore(path);
      old.projects.create('Kept');
      old.close();
    } finally {
      MIGRATIONS.splice(calibration, 0, ...removed);
    }
    const store = openStore(path);
    try {
      expect(store.projects.list().map((p) => p.name)).toEqual(['Kept']);
      expect(store.calibrations.list()).toEqual([]);
    } finally {
      store.close();
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('a damaged stored profile is reported by id and field, not passed on', async () => {
    const { ctx, store } = tempStore();
    const { saved } = await ok(ctx, 'calibration.save', { text: logs.SGLANG_LLAMA_H200 });
    store.db.prepare("UPDATE calibration_profiles SET profile_json = json_set(profile_json, '$.tp', 0) WHERE id = ?").run(saved.id);
    const listed = await callApi(ctx, 'calibration.list', {});
    expect(listed).toMatchObject({
      ok: false,
      error: { message: `calibration profile ${saved.id} in the database is not valid: tp: expected at least 1` },
    });
    store.db.prepare("UPDATE calibration_profiles SET profile_json = '{' WHERE id = ?").run(saved.id);
    expect(await callApi(ctx, 'calibration.list', {})).toMatchObject({
      ok: false,
      error: { message: `calibration profile ${saved.id} is not valid JSON in the database` },
    });
  });

  it('reads profiles straight from a file without creating, migrating or touching it', async () => {
    const dir = tempDir();
    expect(readCalibrationProfiles(`${dir}/none.db`)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    const { ctx, path, store } = tempStore();
    await ok(ctx, 'calibration.save', { text: logs.SGLANG_LLAMA_H200 });
    store.close();
    const before = statSync(path).mtimeMs;
    expect(readCalibrationProfiles(path).map((p) => [p.modelId, p.serverId, p.logDate])).toEqual([
      ['llama-3.1-8b', 'dgx200', '2025-04-03'],
    ]);
    expect(statSync(path).mtimeMs).toBe(before);

    const old = `${dir}/old.db`;
    const calibration = MIGRATIONS.findIndex((m) => m.name.startsWith('calibration profiles'));
    const removed = MIGRATIONS.splice(calibration, 1);
    try {
      openStore(old).close();
    } finally {
      MIGRATIONS.splice(calibration, 0, ...removed);
    }
    expect(readCalibrationProfiles(old)).toEqual([]);
  });
});
