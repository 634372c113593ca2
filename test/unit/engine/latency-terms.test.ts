/**
 * The latency model's terms (engine/latency.ts) at the places the property tests leave open: linear
 * and attention FLOPs of tied, dense, MoE and latent layouts, prefill beside decode in one step,
 * the chunk a step carries and when prefill saturates, time to first token at its bounds, and the
 * batch search at its ends.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LATENCY_EFFICIENCY,
  decodeContextTokens,
  estimateDecode,
  expectedDistinctExperts,
  largestBatchWithin,
  outputTokensPerSecond,
  replicaCosts,
  stepTime,
  timeToFirstTokenS,
  type LatencyArchitecture,
  type ReplicaSpec,
} from '../../../src-main/engine/index.js';

/** Llama 3.1 8B's published architecture (config.json). */
const LLAMA_8B: LatencyArchitecture = {
  layers: 32,
  queryHeads: 32,
  attention: { kind: 'gqa', kvHeads: 8, headDim: 128 },
  paramsTotalB: 8.03,
  paramsActiveB: 8.03,
  hiddenSize: 4096,
  vocabSize: 128256,
};
const H100 = { hbmBandwidthTBps: 3.35, peakTflops: 989, linkGBpsPerDirection: 450 };
const costsOf = (over: Partial<ReplicaSpec> = {}) =>
  replicaCosts({
    architecture: LLAMA_8B,
    tp: 1,
    weightBytesPerParam: 2,
    kvBytesPerValue: 2,
    hardware: H100,
    efficiency: DEFAULT_LATENCY_EFFICIENCY,
    ...over,
  });
const load = (over: Partial<Parameters<typeof estimateDecode>[1]> = {}) => ({
  batch: 100,
  contextTokens: 8000,
  maxNumBatchedTokens: 8192,
  ...over,
});

describe('per-GPU costs of a replica', () => {
  it('multiplies through every parameter but an untied input embedding; a tied one counts once', () => {
    const untied = 8.03e9 - 128256 * 4096;
    expect(costsOf({ tp: 2 }).linearFlopsPerTokenPerGpu).toBeCloseTo((2 * untied) / 2, 3);
    expect(costsOf({ architecture: { ...LLAMA_8B, tiedEmbeddings: true } }).linearFlopsPerTokenPerGpu).toBeCloseTo(2 * 8.03e9, 3);
  });

  it('attention FLOPs: 2 × heads × (dQK + dV), the latent sizes for MLA', () => {
    expect(costsOf({ tp: 2 }).attentionFlopsPerTokenLayerPerGpu).toBe((2 * 32 * (2 * 128)) / 2);
    const mla = costsOf({ architecture: { ...LLAMA_8B, queryHeads: 128, attention: { kind: 'mla', kvLoraRank: 512, qkRopeHeadDim: 64 } } });
    expect(mla.attentionFlopsPerTokenLayerPerGpu).toBe(2 * 128 * (2 * 512 + 64));
    expect(mla.kvBytesPerTokenLayerPerGpu).toBe((512 + 64) * 2);
    expect(costsOf({ tp: 4, kvBytesPerValue: 1 }).kvBytesPerTokenLayerPerGpu).toBe(2 * 2 * 128);
  });

  it("an expert's bytes on one GPU, and none for a dense model", () => {
    const moe: LatencyArchitecture = {
      ...LLAMA_8B,
      paramsTotalB: 2 + 64 * 0.5,
      paramsActiveB: 2 + 4 * 0.5,
      moe: { experts: 64, expertsPerToken: 4 },
    };
    expect(costsOf({ architecture: moe, tp: 4, weightBytesPerParam: 1 }).moe).toEqual({
      experts: 64,
      expertsPerToken: 4,
      expertBytesPerGpu: 0.5e9 / 4,
    });
    expect(costsOf().moe).toBeNull();
  });

  it('never counts negative experts', () => {
    expect(expectedDistinctExperts(64, 4, -3)).toBe(0);
    expect(expectedDistinctExperts(64, 4, 0)).toBe(0);
  });
});

describe('one step with prefill beside decode', () => {
  it('attends to the prompt half-way on average for each prefilled token, beside every decoding session', () => {
    const costs = costsOf();
    const both = stepTime(costs, { decodeSessions: 10, decodeContextTokens: 4000, prefillTokens: 2000, prefillContextTokens: 1000 });
    const attended = 10 * 32 * 4000 + 2000 * 32 * 1000;
    expect(both.attentionComputeS).toBeCloseTo((attended * costs.attentionFlopsPerTokenLayerPerGpu) / costs.flopsPerS, 15);
    const prefillOnly = stepTime(costs, { decodeSessions: 0, decodeContextTokens: 4000, prefillTokens: 2000, prefillContextTokens: 1000 });
    expect(prefillOnly.kvReadS).toBe(0);
    expect(prefillOnly.attentionComputeS).toBeCloseTo((2000 * 32 * 1000 * costs.attentionFlopsPerTokenLayerPerGpu) / costs.flopsPerS, 15);
  });

  it('decodes at the planned context unless both prompt and output lengths are given', () => {
    expect(decodeContextTokens(load({ promptTokens: 2000 }))).toBe(8000);
    expect(decodeContextTokens(load({ outputTokens: 500 }))).toBe(8000);
    expect(decodeContextTokens(load({ promptTokens: 2000, outputTokens: 500 }))).toBe(2250);
    expect(decodeContextTokens(load({ promptTokens: 7900, outputTokens: 500 }))).toBe(8000);
  });
});

describe('steady-state decode with chunked prefill', () => {
  it('a step carries a whole prompt when prompts arrive less than once a step, else what arrives per step, at most what the budget leaves', () => {
    const costs = costsOf();
    expect(estimateDecode(costs, load({ promptTokens: 2000, outputTokens: 500 }))).toMatchObject({
      prefillChunkTokens: 2000,
      prefillStepsPerCycle: 100,
      prefillSaturated: false,
    });
    const busy = estimateDecode(costs, load({ batch: 1000, promptTokens: 2000, outputTokens: 100 }));
    expect(busy.prefillChunkTokens).toBe(8192 - 1000);
    expect(busy.prefillStepsPerCycle).toBeCloseTo(2_000_000 / 7192, 12);
    expect(busy.prefillSaturated).toBe(true);
    // Exactly one prompt step per output step is not yet saturated.
    expect(estimateDecode(costs, load({ batch: 4, promptTokens: 2000, outputTokens: 4 }))).toMatchObject({
      prefillStepsPerCycle: 4,
      prefillSaturated: false,
    });
  });

  it('has no finite TPOT when the decodes fill the budget, and never calls a decode-only replica saturated', () => {
    const costs = costsOf();
    expect(estimateDecode(costs, load({ batch: 8192, promptTokens: 100, outputTokens: 100 }))).toMatchObject({
      tpotS: Infinity,
      prefillSaturated: true,
    });
    expect(estimateDecode(costs, load({ batch: 9000, promptTokens: 100, outputTokens: 100 })).tpotS).toBe(Infinity);
    expect(estimateDecode(costs, load()).prefillSaturated).toBe(false);
  });

  it('output tokens per second are the sessions over the time per token', () => {
    const costs = costsOf();
    const l = load({ promptTokens: 2000, outputTokens: 500 });
    expect(outputTokensPerSecond(costs, l)).toBeCloseTo(100 / estimateDecode(costs, l).tpotS, 9);
  });
});

describe('time to first token', () => {
  const chunkStep = (costs: ReturnType<typeof costsOf>, batch: number, prefillTokens: number, promptTokens: number) =>
    stepTime(costs, { decodeSessions: batch, decodeContextTokens: 8000, prefillTokens, prefillContextTokens: promptTokens / 2 }).seconds;

  it('takes whole chunks of what the budget leaves and one step for the rest, none when nothing is left', () => {
    const costs = costsOf();
    // 192 decodes leave 8,000 tokens: 20,000 prompt tokens are two chunks of 8,000 and one of 4,000.
    expect(timeToFirstTokenS(costs, { ...load({ batch: 192 }), promptTokens: 20_000 })).toBeCloseTo(
      2 * chunkStep(costs, 192, 8000, 20_000) + chunkStep(costs, 192, 4000, 20_000),
      12,
    );
    expect(timeToFirstTokenS(costs, { ...load({ batch: 192 }), promptTokens: 16_000 })).toBeCloseTo(
      2 * chunkStep(costs, 192, 8000, 16_000),
      12,
    );
    expect(timeToFirstTokenS(costs, { ...load({ batch: 8192 }), promptTokens: 100 })).toBe(Infinity);
  });

  it('is unbounded when prompts arrive faster than the budget prefills them, and bounded exactly at that rate', () => {
    const costs = costsOf();
    // 192 sessions × 4,000 prompt tokens every 96 output steps is 8,000 tokens a step: exactly the budget left.
    expect(timeToFirstTokenS(costs, { ...load({ batch: 192, outputTokens: 96 }), promptTokens: 4000 })).toBeLessThan(Infinity);
    expect(timeToFirstTokenS(costs, { ...load({ batch: 192, outputTokens: 95 }), promptTokens: 4000 })).toBe(Infinity);
  });
});

describe('the largest batch within a target', () => {
  it('is 0 without room for one session or when one session misses it, and keeps a batch exactly at the target', () => {
    const batch = (b: number) => b;
    expect(largestBatchWithin(batch, 5, 0)).toBe(0);
    expect(largestBatchWithin(batch, 1, 10)).toBe(1);
    expect(largestBatchWithin(batch, 0.5, 10)).toBe(0);
    expect(largestBatchWithin(batch, 5, 10)).toBe(5);
    expect(largestBatchWithin(batch, 5, 5)).toBe(5);
  });
});
