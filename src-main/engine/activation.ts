import type { ModelRecord } from './types.js';

/**
 * Transient memory of the engine's profiling pass on one GPU, in bytes, from the architecture and
 * the batch limits; no per-model constant. The pass (vLLM profile_run, TensorRT-LLM's warm-up) runs
 * one forward over `tokens` tokens, then samples `requests` rows of logits.
 */
interface ProfilePass {
  model: ModelRecord;
  tp: number;
  tokens: number;
  requests: number;
  /** Bytes per activation value (the model's dtype). */
  dtypeBytes: number;
  /** Bytes per logit element held at the sampler's peak besides the dtype logits (EnginePolicy). */
  samplerBytesPerLogit: number | null;
  /** The engine keeps the fused-MoE workspace of the forward allocated while it samples (EnginePolicy). */
  moeWorkspaceHeld: boolean;
}

/** vLLM chunks fused MoE over this many tokens (VLLM_FUSED_MOE_CHUNK_SIZE, vllm/envs.py). */
const MOE_CHUNK_TOKENS = 32_768;

/**
 * Peak of one decoder layer's forward on one GPU: the residual stream (hidden states and residual,
 * replicated on every rank) plus the widest stage, attention or feed-forward, sharded by TP.
 * - attention: QKV projection out (q heads/TP + 2 × ceil(kv heads/TP)) × head dim, plus the output;
 *   latent attention (MLA) expands to per-head K, V of kvLoraRank/4 each (DeepSeek-V2/V3 layout).
 * - dense MLP: gate_up out (2 × intermediate/TP) plus the activation out (intermediate/TP).
 * - MoE (vLLM fused_moe.py intermediate caches): per routed slot 2 × expert/TP + expert/TP + hidden,
 *   plus fp32 router logits (experts), plus shared experts as a dense MLP.
 */
export function forwardPeakBytes(pass: ProfilePass): number {
  const { model, tp, tokens, dtypeBytes: b } = pass;
  const h = model.hiddenSize!;
  const a = model.attention;
  const qHeads = model.queryHeads / tp;
  const attentionWidth =
    a.kind === 'gqa'
      ? (qHeads + 2 * Math.ceil(a.kvHeads / tp)) * a.headDim + qHeads * a.headDim
      : qHeads * (3 * (a.kvLoraRank / 4) + a.qkRopeHeadDim) + a.kvLoraRank + a.qkRopeHeadDim;
  const residual = 2 * h;
  const moe = model.moe;
  const denseLayers = moe ? (moe.denseLayers ?? 0) : model.layers;
  const mlpWidth = denseLayers > 0 ? 3 * (model.intermediateSize! / tp) : 0;
  let moeBytes = 0;
  if (moe) {
    const chunk = Math.min(tokens, MOE_CHUNK_TOKENS);
    const perSlot = 3 * (moe.expertIntermediateSize / tp) + h;
    const shared = 3 * (((moe.sharedExperts ?? 0) * moe.expertIntermediateSize) / tp);
    moeBytes = chunk * (moe.expertsPerToken * perSlot * b + moe.experts * 4) + tokens * shared * b;
  }
  const widest = (attentionWidth > mlpWidth ? attentionWidth : mlpWidth) * tokens * b;
  return residual * tokens * b + Math.max(widest, moeBytes);
}

/**
 * The fused-MoE workspace one forward leaves in vLLM's WorkspaceManager (vllm/v1/worker/workspace.py:
 * a buffer that grows to the largest request and stays allocated): the modular kernel's workspace13
 * (M, topk, max(N, K)) and workspace2 (M, topk, max(N/2, K)), N = 2 × expert width / TP (gate and up),
 * K = hidden, M = the tokens of one chunk (fused_moe modular_kernel workspace_shapes). 0 for dense models.
 */
export function moeWorkspaceBytes(pass: ProfilePass): number {
  const moe = pass.model.moe;
  if (!moe) return 0;
  const h = pass.model.hiddenSize!;
  const width = moe.expertIntermediateSize / pass.tp;
  const perSlot = (2 * width > h ? 2 * width : h) + (width > h ? width : h);
  return Math.min(pass.tokens, MOE_CHUNK_TOKENS) * moe.expertsPerToken * perSlot * pass.dtypeBytes;
}

/**
 * The sampler's peak: `requests` × vocabulary logits in the model's dtype plus what the sampler holds
 * per element (the policy's figure), while the forward's hidden states are still alive, and so is the
 * fused-MoE workspace where the engine keeps it. Every TP rank holds the full logits (vLLM gathers
 * them with all_gather on CUDA).
 */
export function samplerPeakBytes(pass: ProfilePass): number {
  if (pass.samplerBytesPerLogit === null) return 0;
  const logits = pass.requests * pass.model.vocabSize!;
  const hiddenKept = pass.tokens * pass.model.hiddenSize! * pass.dtypeBytes;
  const workspaceKept = pass.moeWorkspaceHeld ? moeWorkspaceBytes(pass) : 0;
  return logits * (pass.dtypeBytes + pass.samplerBytesPerLogit) + hiddenKept + workspaceKept;
}

/** The profiled activation peak: the larger of the forward and the sampler. */
export function activationPeakBytes(pass: ProfilePass): number {
  return Math.max(forwardPeakBytes(pass), samplerPeakBytes(pass));
}
