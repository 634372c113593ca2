import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { ok, refusedInBoth as refusal, tempStore } from '../helpers/temp.js';

// app.*, variants.* and sizing.compare through the real dispatcher on a real store.

const saas = findTemplate('saas-startup')!.inputs;

type LogEntry = Parameters<NonNullable<ApiContext['log']>>[0];

describe('app.info and app.reportError', () => {
  it('gives the version, the database path and the runtime', async () => {
    const { ctx, path } = tempStore();
    expect(await ok(ctx, 'app.info', {})).toEqual({ version: packageJson.version, dbPath: path, runtime: { node: process.versions.node } });
  });

  it('writes a renderer’s error to the log, with Vue’s hint when there is one, and says whether it was logged', async () => {
    const { ctx } = tempStore();
    const entries: LogEntry[] = [];
    const logged = { ...ctx, log: (entry: LogEntry) => void entries.push(entry) };
    expect(await ok(logged, 'app.reportError', { source: 'vue', message: 'boom', stack: 'at x', info: 'render function' })).toEqual({
      logged: true,
    });
    expect(await ok(logged, 'app.reportError', { source: 'unhandledrejection', message: 'lost' })).toEqual({ logged: true });
    expect(entries).toEqual([
      { level: 'error', message: 'renderer vue: boom (render function)', stack: 'at x' },
      { level: 'error', message: 'renderer unhandledrejection: lost', stack: undefined },
    ]);
    expect(await ok(ctx, 'app.reportError', { source: 'error', message: 'nowhere to write' })).toEqual({ logged: false });
  });
});

describe('variants', () => {
  it('refuses a variant of a variant, and deleting a scenario as if it were a variant, in both languages', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    const base = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'Base', inputs: saas });
    const variant = await ok(ctx, 'variants.create', { scenarioId: base.id, name: 'Bigger', changes: { concurrency: 2000 } });
    expect(variant.inputs.concurrency).toBe(2000);
    expect(await refusal(ctx, 'variants.create', { scenarioId: variant.id, name: 'Again', changes: {} })).toEqual({
      code: 'invalid_input',
      field: 'scenarioId',
      en: 'scenarioId: a variant is made from a scenario, not from another variant',
      pt: 'scenarioId: uma variante é feita a partir de um cenário, não de outra variante',
    });
    expect(await refusal(ctx, 'variants.delete', { id: base.id })).toEqual({
      code: 'invalid_input',
      field: 'id',
      en: `id: scenario ${base.id} is not a variant`,
      pt: `id: o cenário ${base.id} não é uma variante`,
    });
    expect(await ok(ctx, 'variants.delete', { id: variant.id })).toEqual({ deleted: variant.id });
  });
});

describe('sizing.compare', () => {
  it('shows each scenario’s use as the first line of its notes, cut at 80 characters', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    const long = 'u'.repeat(90);
    const a = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'A', inputs: saas, notes: `Chat for support\nsecond line` });
    const b = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'B', inputs: saas, notes: long });
    const compared = await ok(ctx, 'sizing.compare', { scenarioIds: [a.id, b.id], lang: 'en' });
    expect(compared.table.map((row) => row.usage)).toEqual(['Chat for support', 'u'.repeat(80)]);
  });
});
