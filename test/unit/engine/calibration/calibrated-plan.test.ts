import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findModel,
  findServer,
  optimise,
  parseStartupLog,
  predictLog,
  planRegions,
  planScenario,
  readCalibration,
  sweep,
  TEMPLATES,
  withDefaults,
  type CalibrationProfile,
  type Catalog,
  type SizingInputs,
} from '../../../../src-main/engine/index.js';
import * as logs from './logs.js';

const today = { year: 2025, month: 11, day: 2 };

function profileOf(text: string, serverId?: string): CalibrationProfile {
  const outcome = readCalibration({ text, source: 'startup.log', today, serverId }, BUILT_IN_CATALOG);
  if (!outcome.ok || !outcome.reading.profile) throw new Error('no profile');
  return outcome.reading.profile;
}

const VLLM_H100 = profileOf(logs.VLLM_V1_LLAMA_H100, 'dgx100');
const QWEN_TP2 = profileOf(logs.VLLM_V1_TP2_QWEN, 'dgx100');
const SGLANG_H200 = profileOf(logs.SGLANG_LLAMA_H200);
const withProfiles = (...calibrations: CalibrationProfile[]): Catalog => ({ ...BUILT_IN_CATALOG, calibrations });

/** Issue 8's row 2 as a scenario: Llama-3.1-8B on one H100 of a DGX H100, vLLM at 0.9, 16,000 tokens. */
const LLAMA_H100 = withDefaults(
  {
    method: 'engine',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx100',
    tp: 1,
    gpuMemoryUtilization: 0.9,
    maxModelLen: 16000,
    effectiveContextTokens: 16000,
    concurrency: 100,
    kvPrecision: 'auto',
  } as SizingInputs,
  BUILT_IN_CATALOG,
);

/** The SGLang log's start-up as a scenario: Llama-3.1-8B on a DGX H200 at the logged 0.88, 16,000-token sessions. */
const LLAMA_H200_SGLANG = withDefaults(
  {
    method: 'engine',
    servingEngine: 'sglang',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx200',
    tp: 1,
    memFractionStatic: 0.88,
    effectiveContextTokens: 16000,
    concurrency: 4400,
    kvPrecision: 'auto',
  } as SizingInputs,
  BUILT_IN_CATALOG,
);

describe('a calibration profile in the plan', () => {
  it("reproduces the log's available KV at its fraction, says which profile, and keeps the formula figure beside it", () => {
    const formula = planScenario(LLAMA_H100, BUILT_IN_CATALOG);
    const calibrated = planScenario(LLAMA_H100, withProfiles(QWEN_TP2, VLLM_H100));
    const e = calibrated.engine!;
    expect(Math.abs(e.perGpu.kvAvailableGiB / 51.38 - 1)).toBeLessThan(0.005);
    expect(e.perGpu).toMatchObject({ weightsGiB: 14.9889, activationPeakGiB: 4.76, nonTorchGiB: 0.13 });
    expect(e.calibration).toMatchObject({
      profile: { modelId: 'llama-3.1-8b', serverId: 'dgx100', engine: 'vllm', tp: 1, logDate: '2025-10-08', source: 'startup.log' },
      measured: ['kvAvailableGiB', 'weightsGiB', 'nonTorchGiB', 'activationPeakGiB'],
      formulaKvAvailableGiB: formula.engine!.perGpu.kvAvailableGiB,
      message: {
        en: 'calibrated from a log of 2025-10-08 (vLLM 0.11.0, startup.log)',
        'pt-BR': 'calibrado a partir de um log de 2025-10-08 (vLLM 0.11.0, startup.log)',
      },
    });
    expect(formula.engine!.calibration).toBeNull();
    expect(e.perGpu.kvAvailableGiB).not.toBe(formula.engine!.perGpu.kvAvailableGiB);
    // The per-GPU terms name the log as their source.
    expect(e.terms.find((t) => t.key === 'kvAvailableGiB')?.source).toBe('calibrated from a log of 2025-10-08 (vLLM 0.11.0, startup.log)');
    expect(e.terms.find((t) => t.key === 'visibleGiB')?.source).not.toContain('calibrated');
  });

  it('a higher fraction than the log ran at moves the calibrated KV by the fraction times the memory the log saw', () => {
    const at = (gpuMemoryUtilization: number) =>
      planScenario({ ...LLAMA_H100, gpuMemoryUtilization }, withProfiles(VLLM_H100)).engine!.perGpu.kvAvailableGiB;
    expect(at(0.95) - at(0.9)).toBeCloseTo((71.26 / 0.9) * 0.05, 9);
  });

  it('the node count follows the logged KV where it differs from the formulas', () => {
    const formula = planScenario(LLAMA_H200_SGLANG, BUILT_IN_CATALOG);
    const calibrated = planScenario(LLAMA_H200_SGLANG, withProfiles(SGLANG_H200));
    expect(calibrated.engine!.perGpu.kvAvailableGiB).toBeCloseTo(102.58, 9);
    // 102.58 GiB of KV holds floor(102.58 GiB / (16,000 tokens × 128 KiB)) = 52 sessions per replica, 8 replicas per node.
    expect(calibrated.sessionsPerNode).toBe(8 * 52);
    expect(formula.sessionsPerNode).toBeGreaterThan(calibrated.sessionsPerNode);
    expect(calibrated.nodes!.total).toBeGreaterThan(formula.nodes!.total);
  });

  it('changes nothing without a matching profile: another TP, server, engine, weight format, or calibration off', () => {
    const formula = planScenario(LLAMA_H100, BUILT_IN_CATALOG);
    // The same log's profile for other keys: TP 2, the H200, SGLang on the same server.
    const elsewhere = [
      { ...VLLM_H100, tp: 2 },
      { ...VLLM_H100, serverId: 'dgx200' },
      { ...VLLM_H100, engine: 'sglang' as const },
    ];
    expect(planScenario(LLAMA_H100, withProfiles(QWEN_TP2, SGLANG_H200, ...elsewhere))).toEqual(formula);
    expect(planScenario({ ...LLAMA_H100, calibration: 'off' }, withProfiles(VLLM_H100))).toEqual({
      ...formula,
      inputs: { ...formula.inputs, calibration: 'off' },
    });
    const fp8 = { ...LLAMA_H100, weightsPrecision: 'fp8' as const };
    expect(planScenario(fp8, withProfiles(VLLM_H100))).toEqual(planScenario(fp8, BUILT_IN_CATALOG));
    // bf16 is how the checkpoint ships: that is the checkpoint the log measured.
    expect(planScenario({ ...LLAMA_H100, weightsPrecision: 'bf16' }, withProfiles(VLLM_H100)).engine!.calibration?.profile.source).toBe(
      'startup.log',
    );
  });

  it('the default TP is chosen with the calibrated figures too', () => {
    const { tp: _, ...noTp } = LLAMA_H100;
    const result = planScenario(noTp as SizingInputs, withProfiles(VLLM_H100));
    expect(result.engine!.tp).toBe(1);
    expect(result.engine!.calibration?.profile.source).toBe('startup.log');
  });

  it('never touches the pooled method: every reference template sizes the same with profiles for its model and server', () => {
    for (const template of TEMPLATES) {
      const { modelId, serverId } = template.inputs;
      const mine = withProfiles({ ...VLLM_H100, modelId, serverId }, { ...SGLANG_H200, modelId, serverId });
      expect(planScenario(template.inputs, mine)).toEqual(planScenario(template.inputs, BUILT_IN_CATALOG));
    }
  });

  it('sweeps and regions size with the profiles of their catalog', () => {
    const args = { inputs: LLAMA_H200_SGLANG, field: 'concurrency' as const, from: 4000, to: 5000, points: 3 };
    const formula = sweep({ ...args, catalog: BUILT_IN_CATALOG }).points.map((p) => p.nodesTotal);
    const calibrated = sweep({ ...args, catalog: withProfiles(SGLANG_H200) }).points.map((p) => p.nodesTotal);
    expect(calibrated).toEqual(planNodes([4000, 4500, 5000]));
    expect(calibrated).not.toEqual(formula);
    const plan = planRegions(
      LLAMA_H200_SGLANG,
      [
        { name: 'east', concurrency: 4400, overrides: {} },
        { name: 'west', concurrency: 4400, overrides: { calibration: 'off' } },
      ],
      withProfiles(SGLANG_H200),
    );
    expect(plan.regions.map((r) => r.result.engine!.calibration?.profile.source ?? null)).toEqual(['startup.log', null]);
    expect(plan.regions[0]!.result.nodes!.total).toBeGreaterThan(plan.regions[1]!.result.nodes!.total);
  });
});

describe('the optimiser with calibration profiles', () => {
  const base = withDefaults(
    {
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx200',
      concurrency: 4400,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      tpotMs: 200,
    } as SizingInputs,
    BUILT_IN_CATALOG,
  );
  const request = { base, serverIds: ['dgx200'], engines: ['sglang' as const], objective: 'tco' as const, top: 100 };

  it("sizes the checkpoint's own format as the checkpoint as shipped, so a profile of it applies and can change the plan chosen", () => {
    // A TP 2 profile with less KV per GPU than the formulas give (as if the log had measured 60 GiB).
    const tp2 = { ...SGLANG_H200, tp: 2, measured: { ...SGLANG_H200.measured, kvAvailableGiB: 60 } };
    const formula = optimise(request, BUILT_IN_CATALOG).plans;
    const calibrated = optimise(request, withProfiles(tp2)).plans;
    const pick = (plans: typeof formula, weights: string) => plans.find((p) => p.weightsPrecision === weights && p.kvPrecision === 'fp8')!;
    // bf16 is how Llama 3.1 8B ships: sized as shipped, the profile applies to TP 2, and TP 2 is no longer the best.
    expect(pick(formula, 'bf16')).toMatchObject({ tp: 2, inputs: { weightsPrecision: 'bf16' } });
    expect(planScenario(pick(formula, 'bf16').inputs, withProfiles(tp2)).engine!.calibration?.profile.tp).toBe(2);
    expect(pick(calibrated, 'bf16').tp).not.toBe(2);
    // fp8 weights are not the checkpoint the log measured: that plan is the formulas' either way.
    expect(pick(calibrated, 'fp8')).toEqual(pick(formula, 'fp8'));
  });
});

function planNodes(concurrencies: number[]): (number | null)[] {
  return concurrencies.map(
    (concurrency) => planScenario({ ...LLAMA_H200_SGLANG, concurrency }, withProfiles(SGLANG_H200)).nodes?.total ?? null,
  );
}

describe('the prediction beside a log', () => {
  const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
  const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
  const parsed = parseStartupLog(logs.VLLM_V1_LLAMA_H100);
  if (!parsed.ok) throw new Error('fixture does not parse');

  it("sizes the log's own settings with the formulas: the terms of the plan without a profile", () => {
    const prediction = predictLog(parsed.log, llama, h100, BUILT_IN_CATALOG);
    if (!prediction.ok) throw new Error(prediction.message.en);
    expect(prediction.inputs).toMatchObject({
      servingEngine: 'vllm',
      engineVersion: '0.11',
      tp: 1,
      gpuMemoryUtilization: 0.9,
      maxModelLen: 16000,
      maxNumBatchedTokens: 8192,
      kvPrecision: 'bf16',
    });
    const plan = planScenario(prediction.inputs, BUILT_IN_CATALOG).engine!;
    const row = (key: string) => prediction.rows.find((r) => r.key === key)!;
    expect(row('kvAvailableGiB')).toEqual({
      key: 'kvAvailableGiB',
      predicted: plan.perGpu.kvAvailableGiB,
      logged: 51.38,
      errorRatio: plan.perGpu.kvAvailableGiB / 51.38 - 1,
    });
    expect(row('kvTokens')).toMatchObject({ predicted: plan.kvTokensPerReplica, logged: 420896 });
    expect(row('cudaGraphGiB')).toEqual({ key: 'cudaGraphGiB', predicted: null, logged: 0.51, errorRatio: null });
  });

  it('names the input at fault when the log cannot be sized, in both languages', () => {
    const prediction = predictLog({ ...parsed.log, tp: 3 }, llama, h100, BUILT_IN_CATALOG);
    expect(prediction).toEqual({
      ok: false,
      message: {
        en: "the engine method cannot size the log's settings: tp: 3 is not allowed; expected a divisor of dgx100's 8 GPUs",
        'pt-BR':
          'o método engine não consegue dimensionar as configurações do log: tp: 3 não é permitido; esperado um divisor das 8 GPUs de dgx100',
      },
    });
  });
});
