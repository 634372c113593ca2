import { describe, expect, it } from 'vitest';
import extra from '../../accuracy/catalog-extra.json' with { type: 'json' };
import {
  enginePolicy,
  mergeCatalog,
  moeWorkspaceBytes,
  planScenario,
  samplerPeakBytes,
  versionFamilyOf,
  withDefaults,
  type Catalog,
  type ModelRecord,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const catalog: Catalog = mergeCatalog({ models: extra.models as ModelRecord[] });
const model = (id: string) => catalog.models.find((m) => m.id === id)!;

/** The engine method on one H100 at vLLM's 0.95 with the batch limits `vllm serve` uses there (8192 tokens, 1024 sequences). */
const engine = (modelId: string, engineVersion: string) =>
  planScenario(
    withDefaults(
      {
        method: 'engine',
        modelId,
        serverId: 'dgx100',
        tp: 1,
        engineVersion,
        gpuMemoryUtilization: 0.95,
        maxModelLen: 8192,
        effectiveContextTokens: 8192,
        concurrency: 1,
        kvPrecision: 'auto',
      } as SizingInputs,
      catalog,
    ),
    catalog,
  ).engine!;

describe('vLLM version families (sampler and MoE workspace, vllm-project/vllm#33538, vllm/v1/worker/workspace.py)', () => {
  it('maps each logged version to the newest family not after it: 0.17 from 0.17.0 until 0.21', () => {
    expect(versionFamilyOf('vllm', '0.16.0')).toBe('0.11');
    expect(versionFamilyOf('vllm', '0.17.0')).toBe('0.17');
    expect(versionFamilyOf('vllm', '0.19.0')).toBe('0.17');
    expect(versionFamilyOf('vllm', '0.21.0')).toBe('0.21');
  });

  it('0.17 masks the fp32 logits in place: 12 bytes per logit against the 36 of 0.11’s sort, so the peak drops by 24 bytes × 1,024 rows × vocabulary', () => {
    const qwen = model('qwen3-14b');
    expect(enginePolicy('vllm', '0.17').samplerBytesPerLogit).toBe(12);
    expect(enginePolicy('vllm', '0.21').samplerBytesPerLogit).toBe(12);
    const drop = engine('qwen3-14b', '0.11').perGpu.activationPeakGiB - engine('qwen3-14b', '0.17').perGpu.activationPeakGiB;
    expect(drop * 2 ** 30).toBeCloseTo(1024 * qwen.vocabSize! * 24, 0);
    // The sampler is the dense model's peak in both families, so the KV cache gains exactly that drop.
    expect(engine('qwen3-14b', '0.17').perGpu.kvAvailableGiB - engine('qwen3-14b', '0.11').perGpu.kvAvailableGiB).toBeCloseTo(drop, 9);
  });

  it('from 0.17 a MoE model’s sampler peak carries the fused-MoE workspace its forward left allocated; a dense model has none', () => {
    const moe = model('qwen3-30b-a3b');
    const pass = { model: moe, tp: 1, tokens: 8192, requests: 1024, dtypeBytes: 2, samplerBytesPerLogit: 12 };
    // workspace13 (M, topk, max(2 × 768, 2048)) + workspace2 (M, topk, max(768, 2048)) in bf16, M = 8192, topk = 8.
    expect(moeWorkspaceBytes({ ...pass, moeWorkspaceHeld: true })).toBe(8192 * 8 * (2048 + 2048) * 2);
    const held = samplerPeakBytes({ ...pass, moeWorkspaceHeld: true });
    const freed = samplerPeakBytes({ ...pass, moeWorkspaceHeld: false });
    expect(held - freed).toBe(8192 * 8 * 4096 * 2);
    expect(engine('qwen3-30b-a3b', '0.17').perGpu.activationPeakGiB * 2 ** 30).toBeCloseTo(held, 0);
    expect(moeWorkspaceBytes({ ...pass, model: model('qwen3-14b'), moeWorkspaceHeld: true })).toBe(0);
  });

  it('0.11 frees the workspace before sampling (the gpt-oss-20b log of 0.11.0 shows no such addition)', () => {
    expect(enginePolicy('vllm', '0.11').moeWorkspaceHeld).toBe(false);
    expect(enginePolicy('vllm', '0.10').moeWorkspaceHeld).toBe(false);
    expect(enginePolicy('vllm', '0.17').moeWorkspaceHeld).toBe(true);
  });
});
