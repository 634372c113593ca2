import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { BUILT_IN_CATALOG, planRegions, planScenario } from '../../../src-main/engine/index.js';
import { OPTIMISE_EXAMPLE as inputs } from '../helpers/records.js';
import { ok, tempStore } from '../helpers/temp.js';

describe('sizing.optimise and export.optimise', () => {
  it('searches the scenario and returns ranked plans whose first re-sizes to the same nodes and cost', async () => {
    const { ctx } = tempStore();
    const found = await ok(ctx, 'sizing.optimise', { inputs, objective: 'tco', top: 5 });
    expect(found.regions).toHaveLength(1);
    expect(found.regions[0]!.name).toBeNull();
    const first = found.regions[0]!.result.plans[0]!;
    const again = planScenario(first.inputs, BUILT_IN_CATALOG);
    expect(again.nodes).toEqual(first.nodes);
    expect(found.totals?.nodes).toBe(first.nodes.total);
  });

  it('searches each region of a multi-region plan and totals their best plans', async () => {
    const { ctx } = tempStore();
    const regions = [
      { name: 'US', concurrency: 2000, overrides: {} },
      { name: 'EU', concurrency: 500, overrides: { tpotMs: 30 } },
    ];
    const found = await ok(ctx, 'sizing.optimise', { inputs, regions, objective: 'tco', top: 3 });
    expect(found.regions.map((r) => r.name)).toEqual(['US', 'EU']);
    const best = found.regions.map((r) => r.result.plans[0]!);
    expect(best[1]!.tpotMs).toBeLessThanOrEqual(30);
    expect(found.totals?.nodes).toBe(best[0]!.nodes.total + best[1]!.nodes.total);
    expect(found.totals?.tcoHighUsd).toBeCloseTo(best[0]!.cost.tcoHighUsd + best[1]!.cost.tcoHighUsd, 6);
    // Each region's first plan sizes, as that region, to the same nodes.
    const region = planRegions(best[1]!.inputs, [{ name: 'EU', concurrency: 500, overrides: {} }], BUILT_IN_CATALOG).regions[0]!.result;
    expect(region.nodes).toEqual(best[1]!.nodes);
  });

  it('refuses an unknown server, an objective it does not know and a bad top, naming the field', async () => {
    const { ctx } = tempStore();
    expect(await callApi(ctx, 'sizing.optimise', { inputs, serverIds: ['nope'], objective: 'tco', top: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'serverIds' },
    });
    expect(await callApi(ctx, 'sizing.optimise', { inputs, objective: 'speed' as never, top: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'objective' },
    });
    expect(await callApi(ctx, 'sizing.optimise', { inputs, objective: 'tco', top: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'top' },
    });
    expect(await callApi(ctx, 'sizing.optimise', { inputs: { ...inputs, tpotMs: -1 }, objective: 'tco', top: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'inputs.tpotMs' },
    });
  });

  it('exports the ranked plans as CSV, one row per plan, named after the scenario without path characters', async () => {
    const { ctx } = tempStore();
    const file = await ok(ctx, 'export.optimise', { inputs, objective: 'tco', top: 4, name: '=HYPERLINK("x")', lang: 'en' });
    expect(file.mimeType).toBe('text/csv');
    expect(file.fileName).toBe('HYPERLINK-x-optimised-plans.csv');
    const lines = file.data.trim().split(/\r?\n/);
    expect(lines[0]).toBe('sep=,');
    expect(lines[1]).toMatch(/^region,rank,serverId,/);
    expect(lines).toHaveLength(6);
    const pt = await ok(ctx, 'export.optimise', { inputs, objective: 'tco', top: 4, name: 'x', lang: 'pt-BR' });
    expect(pt.data.split(/\r?\n/)[1]).toMatch(/^region;rank;serverId;/);
  });
});
