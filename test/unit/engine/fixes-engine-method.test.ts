/**
 * Feasibility fixes of engine-method plans (engine/fixes.ts): wider TP, lighter weights, a higher
 * memory fraction in the engine's own knob, a shorter context that the max model length follows,
 * and reachable service targets; each one checked by sizing the changed scenario again.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  planScenario,
  withDefaults,
  type FeasibilityFix,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

/**
 * Llama 3.1 70B on a DGX H100 under the engine method: 200 sessions of 16,000 tokens. vLLM scenarios
 * run 0.11, whose sampler peak the fixes below were worked out on (0.17's smaller one fits TP 2).
 */
const engine = (over: Partial<SizingInputs>): SizingInputs =>
  withDefaults(
    {
      ...findTemplate('saas-startup')!.inputs,
      method: 'engine',
      modelId: 'llama-3.1-70b',
      serverId: 'dgx100',
      concurrency: 200,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      ...((over.servingEngine ?? 'vllm') === 'vllm' ? { engineVersion: '0.11' } : {}),
      ...over,
    } as SizingInputs,
    BUILT_IN_CATALOG,
  );

const plan = (inputs: SizingInputs) => planScenario(inputs, BUILT_IN_CATALOG);
const summary = (fixes: FeasibilityFix[]) => fixes.map((f) => [f.field, f.value, f.nodes]);

/** The scenario with the fix applied as the app applies it (a new server lets TP and price default; a shorter context takes the max length with it). */
function applied(inputs: SizingInputs, fix: FeasibilityFix): SizingInputs {
  const follow =
    fix.field === 'serverId'
      ? { tp: undefined, pricePerNodeUsd: undefined }
      : fix.field === 'effectiveContextTokens'
        ? { maxModelLen: undefined }
        : {};
  return { ...inputs, ...follow, [fix.field]: fix.value } as SizingInputs;
}

function expectEachFixWorks(inputs: SizingInputs, fixes: FeasibilityFix[]) {
  for (const fix of fixes) {
    const fixed = plan(applied(inputs, fix));
    expect(fixed.feasible, `${fix.field}=${fix.value}`).toBe(true);
    expect(fixed.nodes!.total).toBe(fix.nodes);
    expect(fixed.sessionsPerNode).toBe(fix.sessionsPerNode);
    expect(fixed.cost!.capexLowUsd).toBe(fix.capexLowUsd);
  }
}

describe('an engine-method replica too small for one session', () => {
  it('is offered a bigger server, the next TP that fits, fp8 weights and the first memory fraction that works, cheapest first', () => {
    const inputs = engine({ tp: 2 });
    const r = plan(inputs);
    expect(r.infeasibility?.code).toBe('session-exceeds-replica');
    expect(summary(r.fixes)).toEqual([
      ['serverId', 'mi355x-8', 2],
      ['tp', 4, 5],
      ['weightsPrecision', 'fp8', 5],
      // 0.92 is not enough; 0.95 is.
      ['gpuMemoryUtilization', 0.95, 60],
    ]);
    expectEachFixWorks(inputs, r.fixes);
  });

  it("offers SGLang's own fraction, mem_fraction_static, when SGLang's budget leaves the weights no room", () => {
    const inputs = engine({ tp: 2, servingEngine: 'sglang', memFractionStatic: 0.6 });
    const r = plan(inputs);
    expect(r.infeasibility?.code).toBe('weights-do-not-fit');
    expect(summary(r.fixes)).toEqual([
      ['serverId', 'mi300x-8', 4],
      ['tp', 4, 11],
      ['weightsPrecision', 'fp8', 12],
      ['memFractionStatic', 0.92, 30],
    ]);
    expectEachFixWorks(inputs, r.fixes);
  });

  it('offers only fractions above the one set, and no lighter weights the GPU cannot run', () => {
    const inputs = engine({ tp: 1, weightsPrecision: 'fp8', gpuMemoryUtilization: 0.95 });
    const r = plan(inputs);
    // fp4 would fit, but a Hopper GPU does not run it; 0.98 is the only fraction above 0.95. At equal
    // CapEx and nodes the fixes keep the order they are tried in.
    expect(summary(r.fixes)).toEqual([
      ['serverId', 'mi355x-8', 1],
      ['tp', 2, 5],
      ['kvPrecision', 'fp8', 30],
      ['effectiveContextTokens', 8192, 30],
      ['gpuMemoryUtilization', 0.98, 30],
    ]);
    expectEachFixWorks(inputs, r.fixes);
    // At TP 1 in bf16 even fp8 weights do not fit, and no fraction makes room for 131.5 GiB.
    expect(summary(plan(engine({ tp: 1 })).fixes)).toEqual([
      ['serverId', 'mi355x-8', 2],
      ['tp', 4, 5],
    ]);
  });

  it('offers fp4 weights on Blackwell, from bf16 or from fp8', () => {
    for (const weightsPrecision of [undefined, 'fp8'] as const) {
      const inputs = engine({ modelId: 'llama-3.1-405b', serverId: 'dgxb200', tp: 2, weightsPrecision });
      const r = plan(inputs);
      expect(summary(r.fixes)).toEqual([
        ['serverId', 'mi300x-8', 4],
        ['tp', 4, 4],
        ['weightsPrecision', 'fp4', 6],
      ]);
      expectEachFixWorks(inputs, r.fixes);
    }
    const fp4 = plan(engine({ modelId: 'llama-3.1-405b', serverId: 'dgxb200', tp: 2, weightsPrecision: 'fp4', concurrency: 100_000 }));
    expect(fp4.fixes.map((f) => f.field)).not.toContain('weightsPrecision');
  });

  it('offers a shorter context with the max model length following it', () => {
    const inputs = engine({ tp: 2, effectiveContextTokens: 131072, maxModelLen: 131072, concurrency: 10, gpuMemoryUtilization: 0.95 });
    const r = plan(inputs);
    expect(summary(r.fixes)).toEqual([
      ['serverId', 'mi300x-8', 1],
      ['tp', 4, 2],
      ['effectiveContextTokens', 16384, 3],
      ['weightsPrecision', 'fp8', 3],
    ]);
    expectEachFixWorks(inputs, r.fixes);
  });
});

describe('service targets no batch can meet', () => {
  it('offers the TPOT a single session reaches, rounded up to a tenth of a millisecond', () => {
    const inputs = engine({ tp: 8, tpotMs: 1 });
    const r = plan(inputs);
    expect(r.infeasibility?.code).toBe('tpot-unreachable');
    const best = (r.infeasibility!.figures as { tpotAtBatchOneMs: number }).tpotAtBatchOneMs;
    expect(summary(r.fixes)).toEqual([['tpotMs', Math.ceil(best * 10) / 10, 240]]);
    expect(r.fixes[0]!.value).toBe(8.1);
    expectEachFixWorks(inputs, r.fixes);
  });

  it('offers the TTFT a single session reaches, rounded up to a hundredth of a second', () => {
    const inputs = engine({ tp: 8, ttftS: 0.001, promptTokens: 8000 });
    const r = plan(inputs);
    expect(r.infeasibility?.code).toBe('ttft-unreachable');
    expect(summary(r.fixes)).toEqual([['ttftS', 0.38, 8]]);
    expectEachFixWorks(inputs, r.fixes);
  });
});

describe('pooled plans', () => {
  it('offer a bigger server only among those with a measured capacity when the plan uses measured memory', () => {
    const inputs: SizingInputs = {
      ...findTemplate('saas-startup')!.inputs,
      modelId: 'opt-oss-120b',
      serverId: 'dgx200',
      effectiveContextTokens: 131072,
      kvPrecision: 'fp32',
      kvBudgetRatio: 0.09,
      runtimeOverheadGiB: 93,
    };
    const nominal = plan(inputs).fixes.find((f) => f.field === 'serverId')!;
    expect(nominal.value).toBe('mi355x-8');
    const measured = plan({ ...inputs, memoryBasis: 'measured' }).fixes.find((f) => f.field === 'serverId')!;
    // The AMD records state no measured capacity: the cheapest measured one with more memory.
    expect(measured.value).toBe('dgx300');
  });
});
