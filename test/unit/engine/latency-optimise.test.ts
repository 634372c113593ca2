import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, optimise, planScenario, withDefaults, type SizingInputs } from '../../../src-main/engine/index.js';

function base(extra: Partial<SizingInputs> = {}): SizingInputs {
  return withDefaults(
    { modelId: 'llama-3.1-70b', serverId: 'dgx200', concurrency: 2000, effectiveContextTokens: 8192, tpotMs: 40, ...extra },
    BUILT_IN_CATALOG,
  );
}

describe('optimiser', () => {
  it('ranks feasible plans across at least four servers by TCO, every one meeting the target', () => {
    const result = optimise({ base: base(), objective: 'tco', top: 100 }, BUILT_IN_CATALOG);
    expect(result.candidatesEvaluated).toBeGreaterThan(0);
    expect(result.feasible).toBe(result.plans.length);
    expect(new Set(result.plans.map((p) => p.serverId)).size).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < result.plans.length; i++)
      expect(result.plans[i]!.cost.tcoHighUsd).toBeGreaterThanOrEqual(result.plans[i - 1]!.cost.tcoHighUsd);
    for (const plan of result.plans) expect(plan.tpotMs!).toBeLessThanOrEqual(40);
  });

  it('its first plan, re-sized as a scenario, gives the same nodes and cost', () => {
    const [first] = optimise({ base: base(), objective: 'tco', top: 1 }, BUILT_IN_CATALOG).plans;
    const again = planScenario(first!.inputs, BUILT_IN_CATALOG);
    expect(again.nodes).toEqual(first!.nodes);
    expect(again.cost).toEqual(first!.cost);
    expect(again.latency?.tpotMs).toBeCloseTo(first!.tpotMs!, 9);
  });

  it('ranks by CapEx or by nodes when asked', () => {
    const byNodes = optimise({ base: base(), objective: 'nodes', top: 100 }, BUILT_IN_CATALOG).plans;
    for (let i = 1; i < byNodes.length; i++) expect(byNodes[i]!.nodes.total).toBeGreaterThanOrEqual(byNodes[i - 1]!.nodes.total);
    const byCapex = optimise({ base: base(), objective: 'capex', top: 100 }, BUILT_IN_CATALOG).plans;
    for (let i = 1; i < byCapex.length; i++)
      expect(byCapex[i]!.cost.capexHighUsd).toBeGreaterThanOrEqual(byCapex[i - 1]!.cost.capexHighUsd);
  });

  it('keeps only the servers asked for and honours a CapEx ceiling', () => {
    const some = optimise({ base: base(), serverIds: ['dgx200', 'dgxb200'], objective: 'tco', top: 100 }, BUILT_IN_CATALOG);
    expect(new Set(some.plans.map((p) => p.serverId))).toEqual(new Set(['dgx200', 'dgxb200']));
    const ceiling = Math.min(...some.plans.map((p) => p.cost.capexHighUsd));
    const capped = optimise(
      { base: base(), serverIds: ['dgx200', 'dgxb200'], maxCapexUsd: ceiling, objective: 'tco', top: 100 },
      BUILT_IN_CATALOG,
    );
    expect(capped.plans.every((p) => p.cost.capexHighUsd <= ceiling)).toBe(true);
    expect(capped.ruledOut.capex).toBe(some.feasible - capped.feasible);
  });

  it('with no feasible plan, names the target that rules out the most candidates', () => {
    const result = optimise({ base: base({ tpotMs: 1 }), objective: 'tco', top: 10 }, BUILT_IN_CATALOG);
    expect(result.plans).toEqual([]);
    expect(result.mostRestrictive).toBe('tpot');
    expect(result.ruledOut.tpot).toBeGreaterThan(0);
  });
});
