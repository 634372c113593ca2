import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  estimateCost,
  findServer,
  findTemplate,
  InvalidInputsError,
  planRegions,
  planScenario,
  validateRegions,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const saas = findTemplate('saas-startup')!.inputs;
const publicApi = findTemplate('public-api')!.inputs;
const dgx300 = findServer(BUILT_IN_CATALOG, 'dgx300')!;
/** The original document's cost model: servers only, energy at maximum power (the newer cost lines at zero). */
const ORIGINAL_COST_MODEL = { colocationUsdPerKwMonth: 0, supportUsdPerNodeYear: 0, networkUsdPerNode: 0, averagePowerRatio: 1 };

describe('cost', () => {
  it("CapEx, OpEx, TCO and their per-session shares from the server's price range", () => {
    const c = estimateCost(12, 5000, dgx300, { ...publicApi, ...ORIGINAL_COST_MODEL });
    const [low, high] = [dgx300.priceLowUsd, dgx300.priceHighUsd];
    expect(low).toBeLessThan(high);
    const opex = 12 * dgx300.nodePowerKW * 1.3 * 0.12 * 8760;
    expect(c).toMatchObject({
      pricePerNodeLowUsd: low,
      pricePerNodeHighUsd: high,
      priceIsOverride: false,
      capexLowUsd: 12 * low,
      capexHighUsd: 12 * high,
      years: 3,
    });
    expect(c.opexPerYearUsd).toBeCloseTo(opex, 6);
    expect(c.tcoLowUsd).toBeCloseTo(12 * low + 3 * opex, 6);
    expect(c.tcoHighUsd).toBeCloseTo(12 * high + 3 * opex, 6);
    expect(c.capexPerSessionLowUsd).toBeCloseTo((12 * low) / 5000, 9);
    expect(c.capexPerSessionHighUsd).toBeCloseTo((12 * high) / 5000, 9);
    expect(c.tcoPerSessionLowUsd).toBeCloseTo((12 * low + 3 * opex) / 5000, 9);
    expect(c.tcoPerSessionHighUsd).toBeCloseTo((12 * high + 3 * opex) / 5000, 9);
  });

  it("a price of the user's replaces the range, and every cost input counts", () => {
    const c = estimateCost(2, 100, dgx300, {
      ...publicApi,
      ...ORIGINAL_COST_MODEL,
      pricePerNodeUsd: 250_000,
      pue: 1.5,
      kwhPriceUsd: 0.2,
      years: 5,
    });
    const opex = 2 * dgx300.nodePowerKW * 1.5 * 0.2 * 8760;
    expect(c).toMatchObject({
      pricePerNodeLowUsd: 250_000,
      pricePerNodeHighUsd: 250_000,
      priceIsOverride: true,
      capexLowUsd: 500_000,
      capexHighUsd: 500_000,
      years: 5,
    });
    expect(c.opexPerYearUsd).toBeCloseTo(opex, 6);
    expect(c.tcoLowUsd).toBeCloseTo(500_000 + 5 * opex, 6);
  });
});

describe("what a plan derives from its method's result", () => {
  it('memory at planned load: sessions spread over all nodes, never more than fit', () => {
    const r = planScenario(publicApi, BUILT_IN_CATALOG);
    const m = r.memoryPerNode!;
    const onNode = 5000 / 12;
    expect(m.hbmGiB).toBe(r.nodeHbmGiB);
    expect(m.reservedShareGiB).toBeCloseTo(r.nodeHbmGiB * 0.3, 9);
    expect(m.runtimeOverheadGiB).toBe(120);
    expect(m.kvInUseGiB).toBeCloseTo(onNode * r.kvPerSessionGiB, 9);
    expect(m.kvFreeGiB).toBeCloseTo(r.kvBudgetGiB - onNode * r.kvPerSessionGiB, 9);
    expect(m.usedRatio).toBeCloseTo((r.nodeHbmGiB * 0.3 + 120 + onNode * r.kvPerSessionGiB) / r.nodeHbmGiB, 9);
    // One node at no headroom, fully loaded: the sessions on it are capped at what fits.
    const full = planScenario({ ...saas, concurrency: 1740, peakHeadroomRatio: 0 }, BUILT_IN_CATALOG).memoryPerNode!;
    expect(full.kvInUseGiB).toBeCloseTo(1740 * 0.37646484375, 6);
    expect(planScenario({ ...saas, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG).memoryPerNode).toBeNull();
  });

  it('the weights check counts whole copies of the weights outside the KV budget', () => {
    const r = planScenario(saas, BUILT_IN_CATALOG);
    expect(r.weights).toEqual({
      weightsGiB: 12.8,
      outsideKvGiB: r.reservedGiB,
      copiesThatFit: Math.floor(r.reservedGiB / 12.8),
      fits: true,
    });
    const tight = planScenario({ ...saas, modelId: 'llama-3.1-405b', serverId: 'dgx100', runtimeOverheadGiB: 10 }, BUILT_IN_CATALOG);
    expect(tight.weights.copiesThatFit).toBe(0);
    expect(tight.weights.fits).toBe(false);
  });

  it('the next node is needed one session past floor(withHeadroom × sessions per node / (1 + headroom))', () => {
    const r = planScenario(publicApi, BUILT_IN_CATALOG);
    expect(r.nextNodeAtConcurrency).toBe(Math.floor((11 * 613) / 1.3) + 1);
    expect(planScenario({ ...saas, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG).nextNodeAtConcurrency).toBeNull();
  });

  it('cost is null for an infeasible plan and counts every node of a feasible one', () => {
    expect(planScenario({ ...saas, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG).cost).toBeNull();
    expect(planScenario({ ...publicApi, ...ORIGINAL_COST_MODEL }, BUILT_IN_CATALOG).cost!.capexLowUsd).toBe(12 * dgx300.priceLowUsd);
  });

  it('refuses inputs that cannot be sized, naming each field and value', () => {
    const bad = { ...saas, concurrency: 0, kvBudgetRatio: 2 } as SizingInputs;
    expect(() => planScenario(bad, BUILT_IN_CATALOG)).toThrow(InvalidInputsError);
    expect(() => planScenario(bad, BUILT_IN_CATALOG)).toThrow(
      'concurrency: 0 is not allowed; expected a whole number at least 1 and at most 100,000,000; kvBudgetRatio: 2 is not allowed; expected a number greater than 0 and at most 1',
    );
  });
});

describe('regions', () => {
  const regions = [
    { name: 'EU', concurrency: 1000, overrides: {} },
    { name: 'US', concurrency: 3000, overrides: { ha: 'n+2' as const, kvPrecision: 'fp16' as const } },
  ];

  it('sizes each region with its overrides and adds up the totals', () => {
    const plan = planRegions(publicApi, regions, BUILT_IN_CATALOG);
    const eu = planScenario({ ...publicApi, concurrency: 1000 }, BUILT_IN_CATALOG);
    const us = planScenario({ ...publicApi, concurrency: 3000, ha: 'n+2', kvPrecision: 'fp16' }, BUILT_IN_CATALOG);
    expect(plan.feasible).toBe(true);
    expect(plan.regions.map((r) => r.name)).toEqual(['EU', 'US']);
    expect(plan.regions[1]!.result.nodes).toEqual(us.nodes);
    expect(plan.totals).toEqual({
      nodes: eu.nodes!.total + us.nodes!.total,
      concurrency: 4000,
      sessionCapacity: eu.nodes!.total * eu.sessionsPerNode + us.nodes!.total * us.sessionsPerNode,
      capexLowUsd: eu.cost!.capexLowUsd + us.cost!.capexLowUsd,
      capexHighUsd: eu.cost!.capexHighUsd + us.cost!.capexHighUsd,
      opexPerYearUsd: eu.cost!.opexPerYearUsd + us.cost!.opexPerYearUsd,
      tcoLowUsd: eu.cost!.tcoLowUsd + us.cost!.tcoLowUsd,
      tcoHighUsd: eu.cost!.tcoHighUsd + us.cost!.tcoHighUsd,
    });
  });

  it('one infeasible region makes every total but concurrency unknown', () => {
    const plan = planRegions(
      publicApi,
      [regions[0]!, { name: 'Tiny', concurrency: 10, overrides: { runtimeOverheadGiB: 5000 } }],
      BUILT_IN_CATALOG,
    );
    expect(plan.feasible).toBe(false);
    expect(plan.totals).toEqual({
      nodes: null,
      concurrency: 1010,
      sessionCapacity: null,
      capexLowUsd: null,
      capexHighUsd: null,
      opexPerYearUsd: null,
      tcoLowUsd: null,
      tcoHighUsd: null,
    });
  });

  it("names a region's problem by its path, and only the region's own fields", () => {
    const found = validateRegions(
      { ...publicApi, pue: 0.5 } as SizingInputs,
      [
        { name: 'A', concurrency: 0, overrides: {} },
        { name: 'B', concurrency: 10, overrides: { modelId: 'nope' } },
      ],
      BUILT_IN_CATALOG,
    );
    expect(found.map((f) => f.path)).toEqual(['regions[0].concurrency', 'regions[1].overrides.modelId']);
    expect(found[1]!.issue.value).toBe('nope');
  });
});
