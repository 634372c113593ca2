import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import { sizing } from '../helpers/cli.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;
const customServer = {
  id: 'h20-8',
  name: '8× H20',
  gpus: 8,
  hbmGBPerGpu: 96,
  hbmBandwidthTBpsPerGpu: 4,
  nodePowerKW: 8,
  priceLowUsd: 1,
  priceHighUsd: 2,
  source: 'quote',
};

/** A valid file to mutate: two scenarios (one a variant, one with regions) and a custom server. */
function validFile(): any {
  return structuredClone({
    format: 'llm-sizing-planner/project',
    schemaVersion: 1,
    project: { name: 'Shared plan' },
    scenarios: [
      {
        key: 'a',
        name: 'Base, "quoted"; line',
        notes: '',
        variantOf: null,
        inputs: { ...saas, serverId: 'h20-8' },
        regions: [{ name: 'EU', concurrency: 500, overrides: {} }],
      },
      { key: 'b', name: 'fp16', notes: '', variantOf: 'a', inputs: { ...saas, kvPrecision: 'fp16' }, regions: [] },
    ],
    customRecords: { models: [], servers: [customServer], storage: [], prices: [] },
  });
}

function mutate(change: (f: any) => void): any {
  const f = validFile();
  change(f);
  return f;
}

const HUGE = 'x'.repeat(10 * 1024 * 1024);

/** Malformed files and the path each rejection must name. */
const MALFORMED: Array<[string, unknown, RegExp]> = [
  ['null', null, /^$/],
  ['a number', 42, /^$/],
  ['an array', [], /^$/],
  ['a string', 'project', /^$/],
  ['empty object', {}, /^format$/],
  ['wrong format', mutate((f) => (f.format = 'other')), /^format$/],
  ['schema version 3', mutate((f) => (f.schemaVersion = 3)), /^schemaVersion$/],
  ['schema version as text', mutate((f) => (f.schemaVersion = '1')), /^schemaVersion$/],
  ['missing project', mutate((f) => delete f.project), /^project$/],
  ['project name empty', mutate((f) => (f.project.name = '')), /^project\.name$/],
  ['project name a number', mutate((f) => (f.project.name = 7)), /^project\.name$/],
  ['project name 10 MB', mutate((f) => (f.project.name = HUGE)), /^project\.name$/],
  ['unknown top-level key', mutate((f) => (f.extra = true)), /^$/],
  ['scenarios not an array', mutate((f) => (f.scenarios = {})), /^scenarios$/],
  ['scenario missing key', mutate((f) => delete f.scenarios[0].key), /^scenarios\[0\]\.key$/],
  ['scenario name missing', mutate((f) => delete f.scenarios[1].name), /^scenarios\[1\]\.name$/],
  ['scenario name 10 MB', mutate((f) => (f.scenarios[0].name = HUGE)), /^scenarios\[0\]\.name$/],
  ['notes 10 MB', mutate((f) => (f.scenarios[0].notes = HUGE)), /^scenarios\[0\]\.notes$/],
  ['inputs missing', mutate((f) => delete f.scenarios[0].inputs), /^scenarios\[0\]\.inputs$/],
  ['concurrency negative', mutate((f) => (f.scenarios[0].inputs.concurrency = -5)), /^scenarios\[0\]\.inputs\.concurrency$/],
  ['concurrency huge', mutate((f) => (f.scenarios[0].inputs.concurrency = 1e300)), /^scenarios\[0\]\.inputs\.concurrency$/],
  ['concurrency fractional', mutate((f) => (f.scenarios[0].inputs.concurrency = 1.5)), /^scenarios\[0\]\.inputs\.concurrency$/],
  ['concurrency "NaN" as text', mutate((f) => (f.scenarios[0].inputs.concurrency = 'NaN')), /^scenarios\[0\]\.inputs\.concurrency$/],
  ['concurrency null', mutate((f) => (f.scenarios[0].inputs.concurrency = null)), /^scenarios\[0\]\.inputs\.concurrency$/],
  ['context zero', mutate((f) => (f.scenarios[1].inputs.effectiveContextTokens = 0)), /^scenarios\[1\]\.inputs\.effectiveContextTokens$/],
  [
    'context above model max',
    mutate((f) => (f.scenarios[1].inputs.effectiveContextTokens = 262144)),
    /^scenarios\[1\]\.inputs\.effectiveContextTokens$/,
  ],
  ['budget ratio 0', mutate((f) => (f.scenarios[0].inputs.kvBudgetRatio = 0)), /^scenarios\[0\]\.inputs\.kvBudgetRatio$/],
  ['budget ratio 2', mutate((f) => (f.scenarios[0].inputs.kvBudgetRatio = 2)), /^scenarios\[0\]\.inputs\.kvBudgetRatio$/],
  ['budget ratio "Infinity"', mutate((f) => (f.scenarios[0].inputs.kvBudgetRatio = 'Infinity')), /^scenarios\[0\]\.inputs\.kvBudgetRatio$/],
  ['overhead negative', mutate((f) => (f.scenarios[0].inputs.runtimeOverheadGiB = -1)), /^scenarios\[0\]\.inputs\.runtimeOverheadGiB$/],
  ['headroom negative', mutate((f) => (f.scenarios[0].inputs.peakHeadroomRatio = -0.2)), /^scenarios\[0\]\.inputs\.peakHeadroomRatio$/],
  ['unknown precision', mutate((f) => (f.scenarios[0].inputs.kvPrecision = 'fp4')), /^scenarios\[0\]\.inputs\.kvPrecision$/],
  ['unknown ha', mutate((f) => (f.scenarios[0].inputs.ha = 'n+5')), /^scenarios\[0\]\.inputs\.ha$/],
  ['unknown memory basis', mutate((f) => (f.scenarios[0].inputs.memoryBasis = 'guess')), /^scenarios\[0\]\.inputs\.memoryBasis$/],
  ['unknown model id', mutate((f) => (f.scenarios[1].inputs.modelId = 'gpt-9')), /^scenarios\[1\]\.inputs\.modelId$/],
  ['unknown server id', mutate((f) => (f.scenarios[1].inputs.serverId = 'dgx999')), /^scenarios\[1\]\.inputs\.serverId$/],
  ['unknown storage id', mutate((f) => (f.scenarios[1].inputs.storageId = 'tape')), /^scenarios\[1\]\.inputs\.storageId$/],
  ['custom server used but missing', mutate((f) => (f.customRecords.servers = [])), /^scenarios\[0\]\.inputs\.serverId$/],
  ['unknown input key', mutate((f) => (f.scenarios[0].inputs.turbo = true)), /^scenarios\[0\]\.inputs$/],
  ['pue below 1', mutate((f) => (f.scenarios[0].inputs.pue = 0.5)), /^scenarios\[0\]\.inputs\.pue$/],
  ['years negative', mutate((f) => (f.scenarios[0].inputs.years = -3)), /^scenarios\[0\]\.inputs\.years$/],
  ['pod size zero', mutate((f) => (f.scenarios[0].inputs.podSize = 0)), /^scenarios\[0\]\.inputs\.podSize$/],
  [
    'region concurrency negative',
    mutate((f) => (f.scenarios[0].regions[0].concurrency = -1)),
    /^scenarios\[0\]\.regions\[0\]\.concurrency$/,
  ],
  ['region name empty', mutate((f) => (f.scenarios[0].regions[0].name = '')), /^scenarios\[0\]\.regions\[0\]\.name$/],
  [
    'region override unknown model',
    mutate((f) => (f.scenarios[0].regions[0].overrides = { modelId: 'nope' })),
    /^scenarios\[0\]\.regions\[0\]\.overrides\.modelId$/,
  ],
  [
    'region override bad ratio',
    mutate((f) => (f.scenarios[0].regions[0].overrides = { kvBudgetRatio: 7 })),
    /^scenarios\[0\]\.regions\[0\]\.overrides\.kvBudgetRatio$/,
  ],
  ['regions not an array', mutate((f) => (f.scenarios[0].regions = 'EU')), /^scenarios\[0\]\.regions$/],
  ['variant of an unknown key', mutate((f) => (f.scenarios[1].variantOf = 'zzz')), /^scenarios\[1\]\.variantOf$/],
  [
    'variant of a variant',
    mutate((f) => f.scenarios.push({ ...f.scenarios[1], key: 'c', name: 'c', variantOf: 'b' })),
    /^scenarios\[2\]\.variantOf$/,
  ],
  ['duplicate scenario key', mutate((f) => (f.scenarios[1].key = 'a')), /^scenarios\[1\]\.key$/],
  ['duplicate scenario name', mutate((f) => (f.scenarios[1].name = f.scenarios[0].name)), /^scenarios\[1\]\.name$/],
  ['custom server negative gpus', mutate((f) => (f.customRecords.servers[0].gpus = -8)), /^customRecords\.servers\[0\]\.gpus$/],
  ['custom server without source', mutate((f) => delete f.customRecords.servers[0].source), /^customRecords\.servers\[0\]\.source$/],
  [
    'custom server shadows a built-in',
    mutate((f) => f.customRecords.servers.push({ ...customServer, id: 'dgx200' })),
    /^customRecords\.servers\[1\]\.id$/,
  ],
  ['custom server bad id', mutate((f) => (f.customRecords.servers[0].id = 'Bad Id!')), /^customRecords\.servers\[0\]\.id$/],
  [
    'custom prices inverted',
    mutate((f) => Object.assign(f.customRecords.servers[0], { priceLowUsd: 5, priceHighUsd: 1 })),
    /^customRecords\.servers\[0\]\.priceHighUsd$/,
  ],
  [
    'custom model sliding > layers',
    mutate((f) =>
      f.customRecords.models.push({
        id: 'm',
        name: 'm',
        layers: 2,
        slidingWindow: { layers: 3, windowTokens: 8 },
        queryHeads: 1,
        attention: { kind: 'gqa', kvHeads: 1, headDim: 1 },
        paramsTotalB: 1,
        paramsActiveB: 1,
        weightsGiB: 1,
        weightsFormat: 'bf16',
        maxContextTokens: 10,
        source: 's',
      }),
    ),
    /^customRecords\.models\[0\]\.slidingWindow\.layers$/,
  ],
  ['custom records not an object', mutate((f) => (f.customRecords = [])), /^customRecords$/],
];

function snapshot(store: ReturnType<typeof tempStore>['store']): unknown {
  return ['projects', 'scenarios', 'regions', 'custom_records'].map((t) => store.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
}

describe('project files', async () => {
  it('export then import round-trips a project with regions, variants and custom records', async () => {
    const { ctx, store } = tempStore();
    const first = await ok(ctx, 'projects.import', { file: validFile() });
    expect(first.name).toBe('Shared plan');
    const exported = (await ok(ctx, 'projects.export', { id: first.projectId })) as any;
    expect(exported.customRecords.servers).toEqual([customServer]);
    const second = await ok(ctx, 'projects.import', { file: exported });
    expect(second.name).toBe('Shared plan (2)');
    const a = await ok(ctx, 'scenarios.list', { projectId: first.projectId });
    const b = await ok(ctx, 'scenarios.list', { projectId: second.projectId });
    const strip = (rows: typeof a) =>
      rows.map(({ name, notes, inputs, regions, variantOf }) => ({ name, notes, inputs, regions, isVariant: variantOf !== null }));
    expect(strip(b)).toEqual(strip(a));
    expect(new Set([...a, ...b].map((s) => s.id)).size).toBe(4);
    const variant = b.find((s) => s.variantOf !== null)!;
    expect(b.find((s) => s.id === variant.variantOf)!.name).toBe('Base, "quoted"; line');
    expect(store.catalog.custom().servers).toHaveLength(1);
  });

  it(`rejects ${MALFORMED.length} malformed files, each with its JSON path, and leaves the database unchanged`, async () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
    const { ctx, store } = tempStore();
    await ok(ctx, 'projects.create', { name: 'Existing' });
    const before = snapshot(store);
    for (const [name, file, fieldPattern] of MALFORMED) {
      const r = await callApi(ctx, 'projects.import', { file });
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, name).toBe('invalid_input');
      // Every rejection names its field: "file" for the file as a whole, "file.<path>" inside it.
      expect(r.error.field, name).toMatch(/^file(\.[^.]|$)/);
      const path = r.error.field!.replace(/^file\.?/, '');
      expect(path, `${name}: ${r.error.message}`).toMatch(fieldPattern);
      expect(r.error.message.length, name).toBeLessThan(2000);
    }
    expect(snapshot(store)).toEqual(before);
  });

  it('the command line rejects a bad file with one line and exit 2, and imports a good one', () => {
    const { dir, store } = tempStore();
    store.close();
    const db = join(dir, 'projects.db');
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ this is not json');
    const r1 = sizing(['project', 'import', notJson, '--db', db]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/^sizing: .*not JSON/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(mutate((f) => (f.scenarios[1].inputs.modelId = 'gpt-9'))));
    const r2 = sizing(['project', 'import', bad, '--db', db]);
    expect(r2.status).toBe(2);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toContain('scenarios[1].inputs.modelId');
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(validFile()));
    const r3 = sizing(['project', 'import', good, '--db', db]);
    expect(r3.status).toBe(0);
    expect(sizing(['project', 'list', '--db', db, '--format', 'json']).stdout).toContain('Shared plan');
  });
});
