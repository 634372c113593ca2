import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, callApi } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;

describe('API contract', () => {
  it('exposes exactly these methods (any change to the surface shows here)', () => {
    expect(API_METHOD_NAMES).toMatchInlineSnapshot(`
      [
        "app.info",
        "projects.list",
        "projects.create",
        "projects.rename",
        "projects.delete",
        "projects.export",
        "projects.import",
        "scenarios.list",
        "scenarios.get",
        "scenarios.create",
        "scenarios.update",
        "scenarios.duplicate",
        "scenarios.delete",
        "regions.set",
        "variants.create",
        "variants.list",
        "variants.delete",
        "sizing.scenario",
        "sizing.plan",
        "sizing.stored",
        "catalog.list",
        "catalog.add",
        "catalog.update",
        "catalog.delete",
        "templates.list",
        "templates.createScenario",
        "settings.get",
        "settings.set",
      ]
    `);
  });

  it('projects: create, list, search, rename, delete; names are unique regardless of case', () => {
    const { ctx } = tempStore();
    const a = ok(ctx, 'projects.create', { name: 'Acme inference' });
    ok(ctx, 'projects.create', { name: 'Beta' });
    expect(ok(ctx, 'projects.list', {}).map((p) => p.name).sort()).toEqual(['Acme inference', 'Beta']);
    expect(ok(ctx, 'projects.list', { search: 'acme' }).map((p) => p.name)).toEqual(['Acme inference']);
    const dup = callApi(ctx, 'projects.create', { name: 'beta' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect(ok(ctx, 'projects.rename', { id: a.id, name: 'Acme' }).name).toBe('Acme');
    ok(ctx, 'projects.delete', { id: a.id });
    expect(callApi(ctx, 'projects.get' as never, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(callApi(ctx, 'projects.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('scenarios: create, update, duplicate, delete; deleting a project removes its scenarios', () => {
    const { ctx, store } = tempStore();
    const p = ok(ctx, 'projects.create', { name: 'P' });
    const s = ok(ctx, 'scenarios.create', { projectId: p.id, name: 'SaaS', inputs: saas });
    expect(ok(ctx, 'scenarios.get', { id: s.id }).inputs).toEqual(saas);
    const updated = ok(ctx, 'scenarios.update', { id: s.id, inputs: { ...saas, kvPrecision: 'fp16' }, notes: 'try fp16' });
    expect(updated.inputs.kvPrecision).toBe('fp16');
    expect(updated.notes).toBe('try fp16');
    const copy = ok(ctx, 'scenarios.duplicate', { id: s.id });
    expect(copy.name).toBe('SaaS (copy)');
    expect(ok(ctx, 'scenarios.duplicate', { id: s.id }).name).toBe('SaaS (copy) (2)');
    expect(ok(ctx, 'scenarios.list', { projectId: p.id })).toHaveLength(3);
    ok(ctx, 'projects.delete', { id: p.id });
    expect(store.db.prepare('SELECT count(*) AS n FROM scenarios').get()).toEqual({ n: 0 });
  });

  it('sizing through the contract gives the reference figures, for ad-hoc and stored scenarios', () => {
    const { ctx } = tempStore();
    const r = ok(ctx, 'sizing.scenario', { inputs: saas });
    expect([r.sessionsPerNode, r.nodes?.total]).toEqual([1740, 1]);
    const p = ok(ctx, 'projects.create', { name: 'P' });
    const s = ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'serverless-multi-region' });
    expect(s.regions.map((x) => x.name)).toEqual(['US-East', 'US-West', 'EU']);
    const stored = ok(ctx, 'sizing.stored', { scenarioId: s.id });
    expect(stored.plan?.totals.nodes).toBe(9);
  });

  it('regions and variants', () => {
    const { ctx } = tempStore();
    const p = ok(ctx, 'projects.create', { name: 'P' });
    const s = ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'public-api' });
    const withRegions = ok(ctx, 'regions.set', { scenarioId: s.id, regions: [{ name: 'BR', concurrency: 1000, overrides: { ha: 'none' } }] });
    expect(withRegions.regions).toEqual([{ name: 'BR', concurrency: 1000, overrides: { ha: 'none' } }]);
    const plan = ok(ctx, 'sizing.plan', { inputs: s.inputs, regions: withRegions.regions });
    expect(plan.regions[0]!.result.inputs.ha).toBe('none');
    const v = ok(ctx, 'variants.create', { scenarioId: s.id, name: 'fp16', changes: { kvPrecision: 'fp16' } });
    expect(v.variantOf).toBe(s.id);
    expect(v.inputs.kvPrecision).toBe('fp16');
    expect(ok(ctx, 'variants.list', { scenarioId: s.id }).map((x) => x.name)).toEqual(['fp16']);
    expect(callApi(ctx, 'variants.create', { scenarioId: v.id, name: 'nested', changes: {} })).toMatchObject({ ok: false, error: { field: 'scenarioId' } });
    ok(ctx, 'variants.delete', { id: v.id });
    expect(ok(ctx, 'variants.list', { scenarioId: s.id })).toEqual([]);
  });

  it('custom catalog records are validated, sized with, and cannot shadow built-ins', () => {
    const { ctx } = tempStore();
    const server = { id: 'h20-8', name: '8× H20', gpus: 8, hbmGBPerGpu: 96, hbmBandwidthTBpsPerGpu: 4, nodePowerKW: 8, priceLowUsd: 150000, priceHighUsd: 200000, source: 'our quote, 2026' };
    const bad = callApi(ctx, 'catalog.add', { kind: 'server', record: { ...server, gpus: -1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'record.gpus' } });
    expect(callApi(ctx, 'catalog.add', { kind: 'server', record: { ...server, id: 'dgx200' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const view = ok(ctx, 'catalog.add', { kind: 'server', record: server });
    expect(view.customIds.server).toEqual(['h20-8']);
    const r = ok(ctx, 'sizing.scenario', { inputs: { ...saas, serverId: 'h20-8' } });
    expect(r.server.name).toBe('8× H20');
    ok(ctx, 'catalog.add', { kind: 'price', record: { id: 'dgx200', priceLowUsd: 280000, priceHighUsd: 280000, source: 'negotiated' } });
    expect(ok(ctx, 'sizing.scenario', { inputs: saas }).cost?.capexLowUsd).toBe(280000);
    ok(ctx, 'catalog.delete', { kind: 'server', id: 'h20-8' });
    expect(callApi(ctx, 'sizing.scenario', { inputs: { ...saas, serverId: 'h20-8' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'inputs.serverId' } });
  });

  it('invalid input names the field and never carries a stack trace', () => {
    const { ctx } = tempStore();
    const cases: [string, unknown, string][] = [
      ['sizing.scenario', { inputs: { ...saas, kvBudgetRatio: 1.5 } }, 'inputs.kvBudgetRatio'],
      ['sizing.scenario', { inputs: { ...saas, concurrency: 'many' } }, 'inputs.concurrency'],
      ['sizing.scenario', { inputs: { ...saas, effectiveContextTokens: 262144 } }, 'inputs.effectiveContextTokens'],
      ['sizing.scenario', { inputs: { ...saas, extra: 1 } }, 'inputs'],
      ['projects.create', { name: '' }, 'name'],
      ['projects.create', { name: 'x'.repeat(201) }, 'name'],
      ['projects.rename', { id: -1, name: 'a' }, 'id'],
      ['settings.set', { lang: 'fr' }, 'lang'],
    ];
    for (const [method, input, field] of cases) {
      const r = callApi(ctx, method, input);
      expect(r.ok, method).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.field).toBe(field);
      expect(r.error.message).not.toMatch(/\n\s+at /);
    }
  });

  it('settings persist and bad stored values fall back to defaults', () => {
    const { ctx, store } = tempStore();
    expect(ok(ctx, 'settings.get', {}).lang).toBe('en');
    ok(ctx, 'settings.set', { lang: 'pt-BR', years: 5 });
    store.db.prepare("UPDATE settings SET value_json = '\"klingon\"' WHERE key = 'lang'").run();
    const s = ok(ctx, 'settings.get', {});
    expect(s.lang).toBe('en');
    expect(s.years).toBe(5);
  });
});
