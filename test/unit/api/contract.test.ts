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
        "app.reportError",
        "projects.list",
        "projects.find",
        "projects.create",
        "projects.rename",
        "projects.delete",
        "projects.export",
        "projects.import",
        "scenarios.list",
        "scenarios.get",
        "scenarios.find",
        "scenarios.save",
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
        "sizing.sweep",
        "sizing.compare",
        "export.scenario",
        "export.comparison",
        "export.sweep",
        "catalog.list",
        "catalog.add",
        "catalog.update",
        "catalog.delete",
        "catalog.usage",
        "catalog.import",
        "templates.list",
        "templates.createScenario",
        "settings.get",
        "settings.set",
        "calibration.read",
        "calibration.save",
        "calibration.list",
        "calibration.delete",
        "sizing.optimise",
        "export.optimise",
      ]
    `);
  });

  it('projects: create, list, search, rename, delete; names are unique regardless of case', async () => {
    const { ctx } = tempStore();
    const a = await ok(ctx, 'projects.create', { name: 'Acme inference' });
    await ok(ctx, 'projects.create', { name: 'Beta' });
    expect((await ok(ctx, 'projects.list', {})).map((p) => p.name).sort()).toEqual(['Acme inference', 'Beta']);
    expect((await ok(ctx, 'projects.list', { search: 'acme' })).map((p) => p.name)).toEqual(['Acme inference']);
    const dup = await callApi(ctx, 'projects.create', { name: 'beta' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect((await ok(ctx, 'projects.rename', { id: a.id, name: 'Acme' })).name).toBe('Acme');
    await ok(ctx, 'projects.delete', { id: a.id });
    expect(await callApi(ctx, 'projects.get' as never, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await callApi(ctx, 'projects.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('scenarios: create, update, duplicate, delete; deleting a project removes its scenarios', async () => {
    const { ctx, store } = tempStore();
    const p = await ok(ctx, 'projects.create', { name: 'P' });
    const s = await ok(ctx, 'scenarios.create', { projectId: p.id, name: 'SaaS', inputs: saas });
    expect((await ok(ctx, 'scenarios.get', { id: s.id })).inputs).toEqual(saas);
    const updated = await ok(ctx, 'scenarios.update', { id: s.id, inputs: { ...saas, kvPrecision: 'fp16' }, notes: 'try fp16' });
    expect(updated.inputs.kvPrecision).toBe('fp16');
    expect(updated.notes).toBe('try fp16');
    const copy = await ok(ctx, 'scenarios.duplicate', { id: s.id });
    expect(copy.name).toBe('SaaS (copy)');
    expect((await ok(ctx, 'scenarios.duplicate', { id: s.id })).name).toBe('SaaS (copy) (2)');
    expect(await ok(ctx, 'scenarios.list', { projectId: p.id })).toHaveLength(3);
    await ok(ctx, 'projects.delete', { id: p.id });
    expect(store.db.prepare('SELECT count(*) AS n FROM scenarios').get()).toEqual({ n: 0 });
  });

  it('sizing through the contract gives the reference figures, for ad-hoc and stored scenarios', async () => {
    const { ctx } = tempStore();
    const r = await ok(ctx, 'sizing.scenario', { inputs: saas });
    expect([r.sessionsPerNode, r.nodes?.total]).toEqual([1740, 1]);
    const p = await ok(ctx, 'projects.create', { name: 'P' });
    const s = await ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'serverless-multi-region' });
    expect(s.regions.map((x) => x.name)).toEqual(['US-East', 'US-West', 'EU']);
    const pt = await ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'research-lab', lang: 'pt-BR' });
    // The notes describe the case, not figures the user will change (they would go stale).
    expect([pt.name, pt.notes]).toEqual([
      'Laboratório de pesquisa',
      'Cluster de uma equipe de pesquisa para experimentos com contextos longos.\nCaso de referência do documento original de dimensionamento.',
    ]);
    const stored = await ok(ctx, 'sizing.stored', { scenarioId: s.id });
    expect(stored.plan?.totals.nodes).toBe(9);
  });

  it('regions and variants', async () => {
    const { ctx } = tempStore();
    const p = await ok(ctx, 'projects.create', { name: 'P' });
    const s = await ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'public-api' });
    const withRegions = await ok(ctx, 'regions.set', {
      scenarioId: s.id,
      regions: [{ name: 'BR', concurrency: 1000, overrides: { ha: 'none' } }],
    });
    expect(withRegions.regions).toEqual([{ name: 'BR', concurrency: 1000, overrides: { ha: 'none' } }]);
    const plan = await ok(ctx, 'sizing.plan', { inputs: s.inputs, regions: withRegions.regions });
    expect(plan.regions[0]!.result.inputs.ha).toBe('none');
    const badRegion = await callApi(ctx, 'sizing.plan', {
      inputs: s.inputs,
      regions: [...withRegions.regions, { name: 'X', concurrency: 5, overrides: { modelId: 'nope' } }],
    });
    expect(badRegion).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'regions[1].overrides.modelId' } });
    const v = await ok(ctx, 'variants.create', { scenarioId: s.id, name: 'fp16', changes: { kvPrecision: 'fp16' } });
    expect(v.variantOf).toBe(s.id);
    expect(v.inputs.kvPrecision).toBe('fp16');
    expect((await ok(ctx, 'variants.list', { scenarioId: s.id })).map((x) => x.name)).toEqual(['fp16']);
    expect(await callApi(ctx, 'variants.create', { scenarioId: v.id, name: 'nested', changes: {} })).toMatchObject({
      ok: false,
      error: { field: 'scenarioId' },
    });
    await ok(ctx, 'variants.delete', { id: v.id });
    expect(await ok(ctx, 'variants.list', { scenarioId: s.id })).toEqual([]);
  });

  it('custom catalog records are validated, sized with, and cannot shadow built-ins', async () => {
    const { ctx } = tempStore();
    const server = {
      id: 'h20-8',
      name: '8× H20',
      gpus: 8,
      hbmGBPerGpu: 96,
      hbmBandwidthTBpsPerGpu: 4,
      nodePowerKW: 8,
      priceLowUsd: 150000,
      priceHighUsd: 200000,
      source: 'our quote, 2026',
    };
    const bad = await callApi(ctx, 'catalog.add', { kind: 'server', record: { ...server, gpus: -1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'record.gpus' } });
    expect(await callApi(ctx, 'catalog.add', { kind: 'server', record: { ...server, id: 'dgx200' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const view = await ok(ctx, 'catalog.add', { kind: 'server', record: server });
    expect(view.customIds.server).toEqual(['h20-8']);
    const r = await ok(ctx, 'sizing.scenario', { inputs: { ...saas, serverId: 'h20-8' } });
    expect(r.server.name).toBe('8× H20');
    await ok(ctx, 'catalog.add', {
      kind: 'price',
      record: { id: 'dgx200', priceLowUsd: 280000, priceHighUsd: 280000, source: 'negotiated' },
    });
    expect((await ok(ctx, 'sizing.scenario', { inputs: saas })).cost?.serverCapexLowUsd).toBe(280000);
    await ok(ctx, 'catalog.delete', { kind: 'server', id: 'h20-8' });
    expect(await callApi(ctx, 'sizing.scenario', { inputs: { ...saas, serverId: 'h20-8' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'inputs.serverId' },
    });
  });

  it('invalid input names the field and never carries a stack trace', async () => {
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
      const r = await callApi(ctx, method, input);
      expect(r.ok, method).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.field).toBe(field);
      expect(r.error.message).not.toMatch(/\n\s+at /);
    }
  });

  it('settings persist and bad stored values fall back to defaults', async () => {
    const { ctx, store } = tempStore();
    expect((await ok(ctx, 'settings.get', {})).lang).toBe('en');
    await ok(ctx, 'settings.set', { lang: 'pt-BR', years: 5 });
    store.db.prepare("UPDATE settings SET value_json = '\"klingon\"' WHERE key = 'lang'").run();
    const s = await ok(ctx, 'settings.get', {});
    expect(s.lang).toBe('en');
    expect(s.years).toBe(5);
  });

  it('sweep, comparison and exports through the contract', async () => {
    const { ctx } = tempStore();
    const p = await ok(ctx, 'projects.create', { name: 'Plans' });
    const api = await ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'public-api' });
    const regions = await ok(ctx, 'templates.createScenario', { projectId: p.id, templateId: 'serverless-multi-region' });
    const sweep = await ok(ctx, 'sizing.sweep', { inputs: api.inputs, field: 'concurrency', from: 1000, to: 10000, points: 10 });
    expect(sweep.points).toHaveLength(10);
    expect(sweep.points[4]).toMatchObject({ value: 5000, nodesTotal: 12 });
    expect(await callApi(ctx, 'sizing.sweep', { inputs: api.inputs, field: 'concurrency', from: 10, to: 1, points: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'from' },
    });
    // The argument at fault is named by the engine's typed error, not guessed from its wording.
    expect(
      await callApi(ctx, 'sizing.sweep', { inputs: api.inputs, field: 'kvBudgetRatio', from: 0.5, to: 1.5, points: 10 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
    const cmp = await ok(ctx, 'sizing.compare', { scenarioIds: [api.id, regions.id], lang: 'en' });
    expect(cmp.names).toEqual([api.name, regions.name]);
    // A multi-region scenario compares by its plan's totals: 3 regions of 2,000 sessions on 9 nodes.
    expect(cmp.rows.find((r) => r.key === 'concurrency')).toMatchObject({ values: [5000, 6000], differs: true });
    expect(cmp.rows.find((r) => r.key === 'nodesTotal')).toMatchObject({ values: [12, 9] });
    expect(cmp.regions[0]).toBeNull();
    expect(cmp.regions[1]!.map((r) => [r.name, r.nodesTotal])).toEqual([
      ['US-East', 3],
      ['US-West', 3],
      ['EU', 3],
    ]);
    expect(cmp.rows.find((r) => r.key === 'modelId')).toMatchObject({ differs: false });
    expect(cmp.table[0]).toMatchObject({ nodes: '12', context: '131k' });
    const csv = await ok(ctx, 'export.scenario', { scenarioId: regions.id, format: 'csv', lang: 'en' });
    expect(csv).toMatchObject({ mimeType: 'text/csv', encoding: 'utf8' });
    expect(csv.fileName).toBe('Plans-Serverless-cloud-provider-results.csv');
    expect(csv.data.split('\r\n').filter(Boolean)).toHaveLength(6);
    const svg = await ok(ctx, 'export.scenario', { scenarioId: api.id, format: 'svg', lang: 'en' });
    expect(svg.fileName).toBe('Plans-Public-multi-tenant-API-diagram.svg');
    expect(svg.data.match(/class="node"/g)).toHaveLength(12);
    const png = await ok(ctx, 'export.scenario', { scenarioId: api.id, format: 'png', subject: 'nodes-chart', lang: 'pt-BR' });
    expect(Buffer.from(png.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const pdf = await ok(ctx, 'export.scenario', { scenarioId: regions.id, format: 'pdf', lang: 'pt-BR' });
    expect(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const cmpCsv = await ok(ctx, 'export.comparison', { scenarioIds: [api.id, regions.id], lang: 'en' });
    expect(cmpCsv.fileName).toBe('Plans-comparison.csv');
    const cmpXlsx = await ok(ctx, 'export.comparison', {
      scenarioIds: [api.id, regions.id],
      lang: 'pt-BR',
      format: 'xlsx',
      onlyDifferences: true,
    });
    expect(cmpXlsx).toMatchObject({ fileName: 'Plans-comparison.xlsx', encoding: 'base64' });
    expect(Buffer.from(cmpXlsx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(await callApi(ctx, 'export.scenario', { scenarioId: api.id, format: 'docx', lang: 'en' })).toMatchObject({
      ok: false,
      error: { field: 'format' },
    });
  });
});

describe('contract assembly', () => {
  it('refuses a method name that two domains define', async () => {
    const { joinMethodMaps } = await import('../../../src-main/api/contract.js');
    const { SETTINGS_METHODS } = await import('../../../src-main/api/methods/settings.js');
    expect(() => joinMethodMaps(SETTINGS_METHODS, SETTINGS_METHODS)).toThrow('API method settings.get is defined twice');
    expect(Object.keys(joinMethodMaps(SETTINGS_METHODS))).toEqual(['settings.get', 'settings.set']);
  });
});
