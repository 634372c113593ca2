/**
 * What the optimiser searches and how it reports (engine/optimise.ts): the candidates per server
 * (KV formats the GPU stores, engines that run on it, TP divisors, weight formats), the runtime
 * overhead per server or kept, why candidates are ruled out, the CapEx ceiling, one plan per
 * purchase, regions added up, and the TPOT/cost Pareto front.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  optimise,
  optimisePlan,
  paretoFront,
  withDefaults,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

/** Llama 3.1 8B, 2,000 sessions of 16,000 tokens, TPOT ≤ 40 ms, under the engine method. */
const base = withDefaults(
  {
    ...findTemplate('saas-startup')!.inputs,
    method: 'engine',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx100',
    concurrency: 2000,
    effectiveContextTokens: 16000,
    kvPrecision: 'auto',
    tpotMs: 40,
  } as SizingInputs,
  BUILT_IN_CATALOG,
);
const search = (over: Partial<Parameters<typeof optimise>[0]>) => optimise({ base, objective: 'tco', top: 100, ...over }, BUILT_IN_CATALOG);

describe('the candidates', () => {
  it('are KV formats × engines × TP divisors × weight formats per server: fp8 KV only where the GPU has fp8, TensorRT-LLM only on NVIDIA', () => {
    // H100: bf16 and fp8 KV × vLLM, SGLang, TensorRT-LLM × TP 1, 2, 4, 8 × bf16, fp8, fp4 weights.
    expect(search({ serverIds: ['dgx100'] }).candidatesEvaluated).toBe(2 * 3 * 4 * 3);
    expect(search({ serverIds: ['mi300x-8'] }).candidatesEvaluated).toBe(2 * 2 * 4 * 3);
    expect(search({ serverIds: ['dgxa100-80'] }).candidatesEvaluated).toBe(1 * 3 * 4 * 3);
    expect(search({ serverIds: ['dgx100'], engines: ['sglang'] }).candidatesEvaluated).toBe(2 * 1 * 4 * 3);
    expect(search({ serverIds: ['dgx100', 'mi300x-8'] }).candidatesEvaluated).toBe(72 + 48);
    // Pooled: servers × KV formats, no engines or TP.
    const pooled = optimise({ base: { ...base, method: 'pooled', tpotMs: undefined }, objective: 'capex', top: 3 }, BUILT_IN_CATALOG);
    expect(pooled.candidatesEvaluated).toBe(BUILT_IN_CATALOG.servers.reduce((n, s) => n + (s.tflopsFp8PerGpu !== undefined ? 2 : 1), 0));
    expect(pooled.plans.map((p) => [p.engine, p.weightsPrecision])).toEqual([
      [null, 'bf16'],
      [null, 'bf16'],
      [null, 'bf16'],
    ]);
  });

  it("are counted out as unsupported where the inputs refuse a combination, and sized with each engine's own plans", () => {
    const r = search({ serverIds: ['dgx100'] });
    // fp4 weights on Hopper: 24 of 72.
    expect(r.ruledOut).toEqual({ memory: 0, tpot: 0, ttft: 0, capex: 0, records: 0, unsupported: 24 });
    expect(r.feasible).toBe(48);
    expect(search({ serverIds: ['dgx100'], engines: ['sglang'] }).plans.every((p) => p.engine === 'sglang')).toBe(true);
  });

  it("size each server with its own default runtime overhead unless the user's is kept", () => {
    expect(base.runtimeOverheadGiB).toBe(80);
    expect(search({ serverIds: ['dgx100'] }).plans.map((p) => p.inputs.runtimeOverheadGiB)).toEqual([47, 47, 47, 47]);
    expect(search({ serverIds: ['dgx100'], keepRuntimeOverhead: true }).plans.map((p) => p.inputs.runtimeOverheadGiB)).toEqual([
      80, 80, 80, 80,
    ]);
  });
});

describe('ranking and reporting', () => {
  it('keeps one plan per server, weight format and KV format: the engine and TP that serve it best', () => {
    const r = search({ serverIds: ['dgx100'] });
    expect(r.plans.map((p) => [p.serverId, p.engine, p.tp, p.weightsPrecision, p.kvPrecision, p.nodes.total])).toEqual([
      ['dgx100', 'vllm', 4, 'fp8', 'fp8', 5],
      ['dgx100', 'vllm', 4, 'bf16', 'fp8', 5],
      ['dgx100', 'vllm', 8, 'fp8', 'bf16', 9],
      expect.arrayContaining(['dgx100', 'bf16', 'bf16']),
    ]);
    expect(r.plans[0]).toMatchObject({ calibration: null, bindingLimit: expect.any(String) });
    expect(r.plans[0]!.tpotMs).toBeLessThanOrEqual(40);
  });

  it('names the reason that rules out most when nothing is feasible: TPOT, or TTFT', () => {
    const tpot = search({ serverIds: ['dgx100'], base: { ...base, tpotMs: 0.5 } });
    expect(tpot).toMatchObject({ feasible: 0, mostRestrictive: 'tpot', plans: [] });
    expect(tpot.ruledOut.tpot).toBe(48);
    const ttft = search({ serverIds: ['dgx100'], base: { ...base, tpotMs: undefined, ttftS: 0.01, promptTokens: 4000 } });
    expect(ttft).toMatchObject({ feasible: 0, mostRestrictive: 'ttft', ruledOut: { ttft: 48, tpot: 0 } });
    expect(search({ serverIds: ['dgx100'], base: { ...base, tpotMs: 2 } }).mostRestrictive).toBeNull();
  });

  it('rules out plans above the CapEx ceiling, a plan at the ceiling included', () => {
    const all = search({ serverIds: ['dgx100'] });
    const cheapest = all.plans[0]!.cost.capexHighUsd;
    const capped = search({ serverIds: ['dgx100'], maxCapexUsd: cheapest });
    expect(capped.plans.every((p) => p.cost.capexHighUsd <= cheapest)).toBe(true);
    expect(capped.plans[0]).toEqual(all.plans[0]);
    expect(capped.ruledOut.capex).toBeGreaterThan(0);
    const none = search({ serverIds: ['dgx100'], maxCapexUsd: cheapest - 1 });
    expect(none).toMatchObject({ feasible: 0, mostRestrictive: 'capex', plans: [] });
  });
});

describe('a plan of regions', () => {
  it("adds up each region's best plan, and has no totals when a region has none", () => {
    const regions = [
      { name: 'EU', concurrency: 2000, overrides: {} },
      { name: 'US', concurrency: 500, overrides: {} },
    ];
    const r = optimisePlan({ base, regions, serverIds: ['dgx100'], objective: 'tco', top: 5 }, BUILT_IN_CATALOG);
    const [eu, us] = r.regions.map((x) => x.result.plans[0]!);
    expect(r.regions.map((x) => x.name)).toEqual(['EU', 'US']);
    expect(r.totals).toEqual({
      nodes: eu!.nodes.total + us!.nodes.total,
      capexLowUsd: eu!.cost.capexLowUsd + us!.cost.capexLowUsd,
      capexHighUsd: eu!.cost.capexHighUsd + us!.cost.capexHighUsd,
      tcoLowUsd: eu!.cost.tcoLowUsd + us!.cost.tcoLowUsd,
      tcoHighUsd: eu!.cost.tcoHighUsd + us!.cost.tcoHighUsd,
    });
    const stuck = optimisePlan(
      {
        base,
        regions: [...regions, { name: 'APAC', concurrency: 10, overrides: { tpotMs: 0.5 } }],
        serverIds: ['dgx100'],
        objective: 'tco',
        top: 5,
      },
      BUILT_IN_CATALOG,
    );
    expect(stuck.totals).toBeNull();
    const whole = optimisePlan({ base, regions: [], serverIds: ['dgx100'], objective: 'tco', top: 5 }, BUILT_IN_CATALOG);
    expect(whole.regions.map((x) => x.name)).toEqual([null]);
    expect(whole.totals!.nodes).toBe(whole.regions[0]!.result.plans[0]!.nodes.total);
  });
});

describe('the Pareto front of TPOT against cost', () => {
  it('keeps, fastest first, each plan cheaper than every faster one', () => {
    const plans = [
      { id: 'slow-cheap', tpotMs: 40, tco: 100 },
      { id: 'fast-dearer', tpotMs: 10, tco: 320 },
      { id: 'fast-dear', tpotMs: 10, tco: 300 },
      { id: 'mid', tpotMs: 20, tco: 200 },
      { id: 'mid-dearer', tpotMs: 25, tco: 250 },
      { id: 'slow-same-cost', tpotMs: 45, tco: 100 },
    ];
    expect(paretoFront(plans).map((p) => p.id)).toEqual(['fast-dear', 'mid', 'slow-cheap']);
    expect(paretoFront([])).toEqual([]);
    expect(plans[0]!.id).toBe('slow-cheap');
  });
});
