/**
 * What a plan derives after sizing (engine/plan.ts): one node's memory at the planned load, where
 * the KV alert falls on it, whether the weights fit, and the method under service targets as the
 * sweeps and the optimiser call it.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findModel,
  findServer,
  findTemplate,
  kvAlertAtGiB,
  planScenario,
  readCalibration,
  sizeMethod,
  withDefaults,
  type Catalog,
  type SizingInputs,
} from '../../../src-main/engine/index.js';
import * as logs from './calibration/logs.js';

const engine = (over: Partial<SizingInputs>): SizingInputs =>
  withDefaults(
    {
      ...findTemplate('saas-startup')!.inputs,
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      concurrency: 2000,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      ...over,
    } as SizingInputs,
    BUILT_IN_CATALOG,
  );

describe("one node's memory at the planned load", () => {
  it("engine method: what each replica holds outside KV, what the fraction leaves unused, and the sessions' KV", () => {
    const r = planScenario(engine({ tp: 2, engineVersion: '0.21' }), BUILT_IN_CATALOG);
    const e = r.engine!;
    const m = r.memoryPerNode!;
    const outside = (e.perGpu.weightsGiB + e.perGpu.activationPeakGiB + e.perGpu.nonTorchGiB + e.perGpu.cudaGraphGiB!) * 2 * 4;
    expect(e.perGpu.cudaGraphGiB).toBe(0.4);
    expect(m.runtimeOverheadGiB).toBeCloseTo(outside, 9);
    expect(m.reservedShareGiB).toBeCloseTo(r.reservedGiB - outside, 9);
    expect(m.reservedShareGiB).toBeGreaterThan(0);
    const sessions = Math.min(2000 / r.nodes!.total, r.sessionsPerNode);
    expect(m.kvInUseGiB).toBeCloseTo(sessions * r.kvPerSessionGiB, 9);
    expect(m.kvFreeGiB).toBeCloseTo(r.kvBudgetGiB - m.kvInUseGiB, 9);
    expect(m.hbmGiB).toBe(r.nodeHbmGiB);
    expect(m.usedRatio).toBeCloseTo((m.reservedShareGiB + m.runtimeOverheadGiB + m.kvInUseGiB) / m.hbmGiB, 12);
  });

  it('pooled method: the share outside the KV budget and the runtime overhead as given', () => {
    const inputs = findTemplate('public-api')!.inputs;
    const r = planScenario(inputs, BUILT_IN_CATALOG);
    expect(r.memoryPerNode).toMatchObject({ runtimeOverheadGiB: inputs.runtimeOverheadGiB });
    expect(r.memoryPerNode!.reservedShareGiB).toBeCloseTo(r.nodeHbmGiB * (1 - inputs.kvBudgetRatio), 9);
  });

  it('has no memory figures for an infeasible plan', () => {
    expect(planScenario(engine({ modelId: 'llama-3.1-70b', tp: 1 }), BUILT_IN_CATALOG).memoryPerNode).toBeNull();
  });
});

describe('the KV alert on the memory bar', () => {
  it('falls past the reserved share and the runtime, at the alert share of the KV budget, never counting KV over the budget as free', () => {
    const memory = { hbmGiB: 1000, reservedShareGiB: 100, runtimeOverheadGiB: 200, kvInUseGiB: 300, kvFreeGiB: 400, usedRatio: 0.6 };
    expect(kvAlertAtGiB(memory, 0.85)).toBeCloseTo(100 + 200 + 0.85 * 700, 12);
    expect(kvAlertAtGiB({ ...memory, kvFreeGiB: -50 }, 0.5)).toBeCloseTo(100 + 200 + 0.5 * 300, 12);
  });
});

describe('whether the weights fit', () => {
  it('engine method: one copy per replica, none when the weights bind', () => {
    expect(planScenario(engine({ tp: 8 }), BUILT_IN_CATALOG).weights).toMatchObject({ copiesThatFit: 1, fits: true, weightsGiB: 15 });
    expect(planScenario(engine({ tp: 2 }), BUILT_IN_CATALOG).weights).toMatchObject({ copiesThatFit: 4, fits: true });
    expect(planScenario(engine({ modelId: 'llama-3.1-70b', tp: 1 }), BUILT_IN_CATALOG).weights).toMatchObject({
      copiesThatFit: 0,
      fits: false,
    });
  });

  it('pooled method: whole copies in what lies outside the KV budget, never more than the node holds', () => {
    const inputs = findTemplate('public-api')!.inputs;
    const r = planScenario(inputs, BUILT_IN_CATALOG);
    const model = findModel(BUILT_IN_CATALOG, inputs.modelId)!;
    expect(r.weights).toMatchObject({
      weightsGiB: model.weightsGiB,
      outsideKvGiB: r.reservedGiB,
      copiesThatFit: Math.floor(r.reservedGiB / model.weightsGiB),
    });
  });
});

describe('the method under service targets, as sweeps and the optimiser size', () => {
  it('applies a TTFT target alone, and the calibration profiles it is given', () => {
    const ttft = engine({ modelId: 'llama-3.1-70b', tp: 4, ttftS: 0.312, promptTokens: 4000 });
    const model = findModel(BUILT_IN_CATALOG, 'llama-3.1-70b')!;
    const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
    const planned = planScenario(ttft, BUILT_IN_CATALOG);
    expect(planned.latency!.bindingLimit).toBe('ttft');
    expect(sizeMethod(ttft, model, h100).nodes).toEqual(planned.nodes);
    const outcome = readCalibration(
      { text: logs.VLLM_V1_LLAMA_H100, source: 'x', today: { year: 2025, month: 11, day: 2 }, serverId: 'dgx100' },
      BUILT_IN_CATALOG,
    );
    const profile = outcome.ok ? outcome.reading.profile! : null;
    const calibrated: Catalog = { ...BUILT_IN_CATALOG, calibrations: [profile!] };
    const llamaTargets = engine({ tp: 1, maxModelLen: 16000, tpotMs: 1000 });
    const withProfile = sizeMethod(llamaTargets, findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!, h100, [profile!]);
    expect(withProfile.engine!.calibration).not.toBeNull();
    expect(withProfile.nodes).toEqual(planScenario(llamaTargets, calibrated).nodes);
  });
});
