/**
 * The profiling pass's transient memory (engine/activation.ts) worked out by hand for small layouts
 * chosen so that each stage binds in turn: GQA attention, latent attention, a dense MLP, routed and
 * shared experts with vLLM's 32,768-token chunk, the fused-MoE workspace and the sampler. The
 * start-up-log tests check these against real engines within tolerances; these pin each term.
 */
import { describe, expect, it } from 'vitest';
import {
  activationPeakBytes,
  findModel,
  forwardPeakBytes,
  moeWorkspaceBytes,
  samplerPeakBytes,
  BUILT_IN_CATALOG,
  type ModelRecord,
} from '../../../src-main/engine/index.js';

const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
/** A layout on Llama 3.1 8B's record: hidden 4096, 32 query heads, 8 KV heads of 128. */
const model = (over: Partial<ModelRecord>): ModelRecord => ({ ...llama, ...over });
const pass = (m: ModelRecord, over: Partial<Parameters<typeof forwardPeakBytes>[0]> = {}) => ({
  model: m,
  tp: 1,
  tokens: 8192,
  requests: 256,
  dtypeBytes: 2,
  samplerBytesPerLogit: 12,
  moeWorkspaceHeld: false,
  ...over,
});

describe('one layer forward: the residual stream plus the widest stage', () => {
  it('a dense MLP wider than attention, sharded by TP', () => {
    // TP 2: MLP 3 × 14,336 / 2 = 21,504 values per token; residual 2 × 4,096.
    expect(forwardPeakBytes(pass(llama, { tp: 2 }))).toBe((2 * 4096 + 21_504) * 8192 * 2);
  });

  it('GQA attention wider than the MLP: query, key and value heads of each rank, and the output', () => {
    const narrowMlp = model({ intermediateSize: 1024 });
    // TP 2: 16 query heads, ceil(8 / 2) = 4 KV heads for K and V: (16 + 8) × 128 + 16 × 128 = 5,120.
    expect(forwardPeakBytes(pass(narrowMlp, { tp: 2 }))).toBe((2 * 4096 + 5120) * 8192 * 2);
    // TP 8 holds ceil(8 / 8) = 1 KV head; 4 query heads: (4 + 2) × 128 + 4 × 128 = 1,280.
    expect(forwardPeakBytes(pass(narrowMlp, { tp: 8 }))).toBe((2 * 4096 + 1280) * 8192 * 2);
    // 12 KV heads at TP 8: ceil(1.5) = 2 per rank, (4 + 4) × 128 + 4 × 128 = 1,536.
    const gqa12 = model({ intermediateSize: 1024, attention: { kind: 'gqa', kvHeads: 12, headDim: 128 } });
    expect(forwardPeakBytes(pass(gqa12, { tp: 8 }))).toBe((2 * 4096 + 1536) * 8192 * 2);
  });

  it('latent attention (MLA): per-head K and V of a quarter of the latent rank, the rope part, and the latent itself', () => {
    const mla = model({ queryHeads: 16, intermediateSize: 1024, attention: { kind: 'mla', kvLoraRank: 512, qkRopeHeadDim: 64 } });
    // 16 × (3 × 128 + 64) + 512 + 64 = 7,744 values per token.
    expect(forwardPeakBytes(pass(mla))).toBe((2 * 4096 + 7744) * 8192 * 2);
    // TP 2 halves the heads, not the latent: 8 × 448 + 576 = 4,160.
    expect(forwardPeakBytes(pass(mla, { tp: 2 }))).toBe((2 * 4096 + 4160) * 8192 * 2);
  });

  it('an MLP just wider than attention at TP 1', () => {
    // Attention: (32 + 16) × 128 + 32 × 128 = 10,240 values per token; the MLP 3 × 4,096 = 12,288.
    expect(forwardPeakBytes(pass(model({ intermediateSize: 4096 })))).toBe((2 * 4096 + 12_288) * 8192 * 2);
  });
});

describe('mixture of experts', () => {
  /** DeepSeek-V2-Lite-like: 64 experts of 1,408, 6 per token, 2 shared, 1 dense layer of 10,944; hidden 2,048. */
  const moe = model({
    hiddenSize: 2048,
    queryHeads: 16,
    attention: { kind: 'gqa', kvHeads: 16, headDim: 128 },
    intermediateSize: 10_944,
    moe: { experts: 64, expertsPerToken: 6, expertIntermediateSize: 1408, sharedExperts: 2, denseLayers: 1 },
  });

  it('routed slots over one chunk of 32,768 tokens, fp32 router logits, and shared experts over every token', () => {
    const tokens = 40_000;
    const perSlot = 3 * 1408 + 2048;
    const routed = 32_768 * (6 * perSlot * 2 + 64 * 4);
    const shared = tokens * 3 * (2 * 1408) * 2;
    expect(forwardPeakBytes(pass(moe, { tokens }))).toBe(2 * 2048 * tokens * 2 + routed + shared);
    // Below a chunk, every token is routed at once.
    const small = 1000;
    expect(forwardPeakBytes(pass(moe, { tokens: small }))).toBe(
      2 * 2048 * small * 2 + small * (6 * perSlot * 2 + 64 * 4) + small * 3 * 2816 * 2,
    );
  });

  it('the dense layers binding where they are wider than the experts, and none without dense layers or shared experts', () => {
    // TP 8: perSlot 3 × 176 + 2,048 = 2,576; the dense MLP, 3 × 10,944 / 8 = 4,104 per token, is wider than what 4 tokens route.
    const wideDense = model({ ...moe, moe: { ...moe.moe!, expertsPerToken: 1, experts: 8, sharedExperts: undefined } });
    const tokens = 4;
    const routed = tokens * (1 * (3 * 176 + 2048) * 2 + 8 * 4);
    const widest = 4104 * tokens * 2;
    expect(widest).toBeGreaterThan(routed);
    expect(forwardPeakBytes(pass(wideDense, { tp: 8, tokens }))).toBe(2 * 2048 * tokens * 2 + widest);
    // Without dense layers no dense MLP competes: attention, (16 + 32) × 128 + 16 × 128, against the experts.
    const allExperts = model({ ...moe, moe: { experts: 8, expertsPerToken: 1, expertIntermediateSize: 1408 } });
    const attention = (16 + 2 * 16) * 128 + 16 * 128;
    expect(forwardPeakBytes(pass(allExperts, { tokens }))).toBe(
      2 * 2048 * tokens * 2 + Math.max(attention * tokens * 2, tokens * ((3 * 1408 + 2048) * 2 + 8 * 4)),
    );
  });

  it("vLLM's fused-MoE workspace: the wider of twice the expert and the hidden size, plus the wider of the expert and the hidden size, per routed slot", () => {
    const workspace = (expertIntermediateSize: number, tp: number, tokens: number) =>
      moeWorkspaceBytes(pass(model({ ...moe, moe: { ...moe.moe!, expertIntermediateSize } }), { tp, tokens }));
    // 1,408 wide: 2,816 > 2,048, and 2,048 > 1,408.
    expect(workspace(1408, 1, 1000)).toBe(1000 * 6 * (2816 + 2048) * 2);
    // 4,096 wide: both the expert terms are wider than the hidden size.
    expect(workspace(4096, 1, 1000)).toBe(1000 * 6 * (8192 + 4096) * 2);
    // 4,096 at TP 8 is 512: the hidden size is wider for both.
    expect(workspace(4096, 8, 1000)).toBe(1000 * 6 * (2048 + 2048) * 2);
    // At most one chunk.
    expect(workspace(1408, 1, 50_000)).toBe(32_768 * 6 * (2816 + 2048) * 2);
    expect(moeWorkspaceBytes(pass(llama))).toBe(0);
  });
});

describe('the sampler and the peak', () => {
  it('holds every request row of logits in the dtype and the sampler, the forward hidden states, and the MoE workspace where kept', () => {
    const logits = 256 * 128_256;
    const hidden = 8192 * 4096 * 2;
    expect(samplerPeakBytes(pass(llama))).toBe(logits * (2 + 12) + hidden);
    const moe = model({ hiddenSize: 2048, moe: { experts: 64, expertsPerToken: 6, expertIntermediateSize: 1408 } });
    const kept = pass(moe, { moeWorkspaceHeld: true });
    expect(samplerPeakBytes(kept)).toBe(logits * 14 + 8192 * 2048 * 2 + moeWorkspaceBytes(kept));
    expect(samplerPeakBytes(pass(moe))).toBe(logits * 14 + 8192 * 2048 * 2);
    expect(samplerPeakBytes(pass(llama, { samplerBytesPerLogit: null }))).toBe(0);
  });

  it('is the larger of the forward and the sampler', () => {
    const fewRequests = pass(llama, { requests: 1 });
    expect(activationPeakBytes(fewRequests)).toBe(forwardPeakBytes(fewRequests));
    const manyRequests = pass(llama, { requests: 4096, tokens: 1024 });
    expect(samplerPeakBytes(manyRequests)).toBeGreaterThan(forwardPeakBytes(manyRequests));
    expect(activationPeakBytes(manyRequests)).toBe(samplerPeakBytes(manyRequests));
  });
});
