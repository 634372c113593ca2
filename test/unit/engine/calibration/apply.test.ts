import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  BUILT_IN_CATALOG,
  profileFor,
  readCalibration,
  type CalibrationProfile,
  type PerGpuMemory,
} from '../../../../src-main/engine/index.js';
import * as logs from './logs.js';

const today = { year: 2025, month: 11, day: 2 };

function profileOf(text: string, serverId?: string): CalibrationProfile {
  const outcome = readCalibration({ text, source: 'test.log', today, serverId }, BUILT_IN_CATALOG);
  if (!outcome.ok || !outcome.reading.profile) throw new Error('no profile');
  return outcome.reading.profile;
}

/** Formula terms deliberately off, so a test sees which terms the profile replaced. */
const FORMULA: PerGpuMemory = {
  visibleGiB: 79.18,
  weightsGiB: 15,
  activationPeakGiB: 2,
  nonTorchGiB: 0.5,
  cudaGraphGiB: null,
  kvAvailableGiB: 53.76,
};
/** Llama-3.1-8B, bf16 KV: 32 layers × 2 × 8 heads × 128 × 2 bytes. */
const LLAMA_KV_BYTES = 131072;

describe('applying a calibration profile', () => {
  const h100 = profileOf(logs.VLLM_V1_LLAMA_H100, 'dgx100');

  it('gives back the logged KV cache at the logged fraction, and the logged terms in place of the formulas', () => {
    const applied = applyCalibration({
      formula: FORMULA,
      profile: { ...h100, id: 7 },
      fraction: 0.9,
      defaultFraction: 0.9,
      fractionOf: 'total',
      formulaFractionBaseGiB: FORMULA.visibleGiB,
      kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
    })!;
    expect(applied.perGpu.kvAvailableGiB).toBeCloseTo(51.38, 10);
    expect(applied.perGpu).toMatchObject({
      visibleGiB: 79.18,
      weightsGiB: 14.9889,
      activationPeakGiB: 4.76,
      nonTorchGiB: 0.13,
      cudaGraphGiB: null,
    });
    expect(applied.calibration).toMatchObject({
      profile: { id: 7, logDate: h100.logDate, source: 'test.log' },
      formulaKvAvailableGiB: 53.76,
      measured: ['kvAvailableGiB', 'weightsGiB', 'nonTorchGiB', 'activationPeakGiB'],
      fractionAssumed: false,
      kvFromTokens: false,
      message: {
        en: `calibrated from a log of ${h100.logDate} (vLLM 0.11.0, test.log)`,
        'pt-BR': `calibrado a partir de um log de ${h100.logDate} (vLLM 0.11.0, test.log)`,
      },
    });
  });

  it('moves the KV cache by the change of fraction times the memory the log saw', () => {
    const at = (fraction: number) =>
      applyCalibration({
        formula: FORMULA,
        profile: h100,
        fraction,
        defaultFraction: 0.9,
        fractionOf: 'total',
        formulaFractionBaseGiB: FORMULA.visibleGiB,
        kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
      })!.perGpu.kvAvailableGiB;
    expect(at(0.95) - at(0.9)).toBeCloseTo((71.26 / 0.9) * 0.05, 9);
    expect(at(0.5)).toBeCloseTo(51.38 - (71.26 / 0.9) * 0.4, 9);
  });

  it("takes the log's balance as the activation peak when the log does not state it, and KV memory from tokens when it states only tokens", () => {
    const l40s = profileOf(logs.VLLM_V1_085_L40S, 'l40s-8');
    const applied = applyCalibration({
      formula: { ...FORMULA, visibleGiB: 44.42 },
      profile: l40s,
      fraction: 0.9,
      defaultFraction: 0.9,
      fractionOf: 'total',
      formulaFractionBaseGiB: 44.42,
      kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
    })!;
    const kv = (158656 * LLAMA_KV_BYTES) / 2 ** 30;
    expect(applied.perGpu.kvAvailableGiB).toBeCloseTo(kv, 10);
    expect(applied.perGpu.activationPeakGiB).toBeCloseTo(44.42 * 0.9 - kv - 14.9889 - 0.5, 9);
    expect(applied.calibration).toMatchObject({
      fractionAssumed: true,
      kvFromTokens: true,
      measured: ['kvAvailableGiB', 'weightsGiB', 'activationPeakGiB'],
    });
  });

  it("uses SGLang's free memory before loading as the base of its fraction, and its graph figure where graphs count in the budget", () => {
    const sglang = profileOf(logs.SGLANG_LLAMA_H200);
    const formula = { ...FORMULA, visibleGiB: 139.81, cudaGraphGiB: 0.4 };
    const applied = applyCalibration({
      formula,
      profile: sglang,
      fraction: 0.8,
      defaultFraction: 0.88,
      fractionOf: 'weights-and-kv',
      formulaFractionBaseGiB: 138,
      kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
    })!;
    expect(applied.perGpu.kvAvailableGiB).toBeCloseTo(102.58 + 139.21 * (0.8 - 0.88), 9);
    expect(applied.perGpu).toMatchObject({ weightsGiB: 15.15, cudaGraphGiB: 0.72, nonTorchGiB: 0, activationPeakGiB: 2 });
  });

  it("moves an SGLang log without its free memory by the formulas' free memory, never by its total", () => {
    const lines = logs.SGLANG_LLAMA_H200.split('\n').filter((line) => !line.includes('Load weight begin'));
    const sglang = profileOf(lines.join('\n'), 'dgx200');
    expect(sglang.measured.visibleGiB).toBeNull();
    const at = (fraction: number) =>
      applyCalibration({
        formula: { ...FORMULA, visibleGiB: 139.81 },
        profile: sglang,
        fraction,
        defaultFraction: 0.88,
        fractionOf: 'weights-and-kv',
        formulaFractionBaseGiB: 139.31,
        kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
      })!.perGpu.kvAvailableGiB;
    expect(at(0.88)).toBeCloseTo(102.58, 10);
    expect(at(0.9) - at(0.88)).toBeCloseTo(139.31 * 0.02, 9);
  });

  it('stands aside where it cannot help: fraction of free memory after loading, or no KV figure', () => {
    expect(
      applyCalibration({
        formula: FORMULA,
        profile: h100,
        fraction: 0.9,
        defaultFraction: 0.9,
        fractionOf: 'free-after-load',
        formulaFractionBaseGiB: FORMULA.visibleGiB,
        kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
      }),
    ).toBeNull();
    const empty = { ...h100, measured: { ...h100.measured, kvAvailableGiB: null, kvTokens: null } };
    expect(
      applyCalibration({
        formula: FORMULA,
        profile: empty,
        fraction: 0.9,
        defaultFraction: 0.9,
        fractionOf: 'total',
        formulaFractionBaseGiB: FORMULA.visibleGiB,
        kvBytesPerTokenPerGpu: LLAMA_KV_BYTES,
      }),
    ).toBeNull();
  });

  it('matches only the same model, server, engine and TP, with the weights as shipped', () => {
    const profiles = [
      { ...h100, id: 1 },
      { ...h100, tp: 2, id: 2 },
    ];
    const key = { modelId: 'llama-3.1-8b', serverId: 'dgx100', engine: 'vllm' as const, tp: 2, weightsAsShipped: true };
    expect(profileFor(profiles, key)?.id).toBe(2);
    expect(profileFor(profiles, { ...key, tp: 4 })).toBeUndefined();
    expect(profileFor(profiles, { ...key, serverId: 'dgx200' })).toBeUndefined();
    expect(profileFor(profiles, { ...key, engine: 'sglang' })).toBeUndefined();
    expect(profileFor(profiles, { ...key, weightsAsShipped: false })).toBeUndefined();
    expect(profileFor(undefined, key)).toBeUndefined();
  });
});
