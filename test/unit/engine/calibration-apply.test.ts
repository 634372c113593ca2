/**
 * Applying a stored profile to a scenario (engine/calibration/apply.ts) and reading a log into one
 * (read.ts, predict.ts, start-of-log.ts): the parts the other calibration tests leave open.
 */
import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  BUILT_IN_CATALOG,
  profileFor,
  readCalibration,
  startOfLog,
  type CalibrationProfile,
  type PerGpuMemory,
} from '../../../src-main/engine/index.js';
import * as logs from './calibration/logs.js';

const today = { year: 2025, month: 11, day: 2 };
const MODEL_IDS = BUILT_IN_CATALOG.models.map((m) => m.id).join(', ');

function profileOf(text: string, serverId?: string): CalibrationProfile {
  const outcome = readCalibration({ text, source: 'test.log', today, serverId }, BUILT_IN_CATALOG);
  if (!outcome.ok || !outcome.reading.profile) throw new Error('no profile');
  return outcome.reading.profile;
}

/** One H100's terms as formulas give them, CUDA graphs inside the budget (vLLM v0.21 onward). */
const FORMULA: PerGpuMemory = {
  visibleGiB: 79.18,
  weightsGiB: 15,
  activationPeakGiB: 2,
  nonTorchGiB: 0.5,
  cudaGraphGiB: 0.4,
  kvAvailableGiB: 53.76,
};
const LLAMA_KV_BYTES = 131072;

const apply = (profile: CalibrationProfile) =>
  applyCalibration({
    formula: FORMULA,
    profile,
    fraction: 0.9,
    defaultFraction: 0.9,
    fractionOf: 'total',
    formulaFractionBaseGiB: FORMULA.visibleGiB,
    kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
  })!;

describe('a profile in place of the formulas, CUDA graphs inside the budget', () => {
  it("takes the logged graph memory and leaves the activation peak the budget's balance after it", () => {
    const h100 = profileOf(logs.VLLM_V1_LLAMA_H100, 'dgx100');
    const applied = apply({ ...h100, measured: { ...h100.measured, activationPeakGiB: null } });
    expect(applied.perGpu.cudaGraphGiB).toBe(0.51);
    expect(applied.perGpu.activationPeakGiB).toBeCloseTo(79.18 * 0.9 - 51.38 - 14.9889 - 0.13 - 0.51, 9);
    expect(applied.calibration.measured).toEqual(['kvAvailableGiB', 'weightsGiB', 'nonTorchGiB', 'cudaGraphGiB', 'activationPeakGiB']);
  });

  it('keeps the formula for graph memory the log does not state', () => {
    const h100 = profileOf(logs.VLLM_V1_LLAMA_H100, 'dgx100');
    const applied = apply({ ...h100, measured: { ...h100.measured, cudaGraphGiB: null } });
    expect(applied.perGpu.cudaGraphGiB).toBe(0.4);
    expect(applied.calibration.measured).not.toContain('cudaGraphGiB');
  });

  it('applies only to the model it was measured on', () => {
    const h100 = { ...profileOf(logs.VLLM_V1_LLAMA_H100, 'dgx100'), id: 3 };
    const scenario = { modelId: 'llama-3.1-8b', serverId: 'dgx100', engine: 'vllm', tp: 1, weightsAsShipped: true };
    expect(profileFor([h100], scenario)?.id).toBe(3);
    expect(profileFor([h100], { ...scenario, modelId: 'llama-3.1-70b' })).toBeUndefined();
  });
});

describe('reading a log', () => {
  it('takes a model chosen by the user over the one the log names, and predicts the start-up once both records are known', () => {
    const outcome = readCalibration(
      { text: logs.VLLM_V1_TP2_QWEN, source: 'x', today, modelId: 'llama-3.1-70b', serverId: 'dgx100' },
      BUILT_IN_CATALOG,
    );
    expect(outcome.ok && outcome.reading).toMatchObject({ modelId: 'llama-3.1-70b', profile: { modelId: 'llama-3.1-70b' }, problems: [] });
    expect(outcome.ok && outcome.reading.prediction).toMatchObject({ ok: true, inputs: { modelId: 'llama-3.1-70b', tp: 2 } });
  });

  it('names a chosen model that is not in the catalog, in Portuguese too', () => {
    const outcome = readCalibration(
      { text: logs.VLLM_V1_TP2_QWEN, source: 'x', today, modelId: 'nope', serverId: 'dgx100' },
      BUILT_IN_CATALOG,
    );
    expect(outcome.ok && outcome.reading.problems).toEqual([
      {
        field: 'modelId',
        message: {
          en: `"nope" is not a model; expected one of ${MODEL_IDS}`,
          'pt-BR': `"nope" não é um modelo; esperado um de ${MODEL_IDS}`,
        },
      },
    ]);
    expect(outcome.ok && outcome.reading.prediction).toBeNull();
  });

  it('gives no error ratio beside a figure the log states as zero or does not state', () => {
    const outcome = readCalibration({ text: logs.SGLANG_LLAMA_H200, source: 'x', today }, BUILT_IN_CATALOG);
    const prediction = outcome.ok ? outcome.reading.prediction : null;
    if (!prediction?.ok) throw new Error('no prediction');
    const row = (key: string) => prediction.rows.find((r) => r.key === key)!;
    // SGLang's distributed init takes nothing at TP 1, by the log and by the formula alike.
    expect(row('nonTorchGiB')).toMatchObject({ predicted: 0, logged: 0, errorRatio: null });
    expect(row('maxConcurrency')).toMatchObject({ logged: null, errorRatio: null });
    expect(row('maxConcurrency').predicted).toBeGreaterThan(0);
    expect(row('weightsGiB').errorRatio).toBeCloseTo(row('weightsGiB').predicted! / 15.15 - 1, 12);
  });
});

describe('the start of a long log', () => {
  it('keeps a text exactly at the limit whole, and cuts one that starts with a line break at the limit', () => {
    expect(startOfLog('abc', 3)).toEqual({ text: 'abc', trimmed: false, lines: 1 });
    expect(startOfLog('\nabcdef', 4)).toEqual({ text: '\nabc', trimmed: true, lines: 2 });
  });
});
