import { tokensHeldAcrossLayers } from './kv.js';
import type { Attention, ModelRecord } from './types.js';

/**
 * The latency model: decode step time (TPOT) and time to first token (TTFT) of one replica of
 * TP GPUs, as a roofline per operator derived from the architecture and the hardware's datasheet
 * figures. No constant here is fitted to a measurement; the efficiency factors are inputs whose
 * defaults come from hardware measurements (README, "Latency and service targets").
 */

/**
 * What the model needs to know about an architecture: a model record's layout, with the sizes the
 * latency figures need made required (custom records may omit them; latency then says so).
 */
export type LatencyArchitecture = Pick<
  ModelRecord,
  'layers' | 'slidingWindow' | 'queryHeads' | 'attention' | 'paramsTotalB' | 'paramsActiveB' | 'tiedEmbeddings'
> & {
  hiddenSize: number;
  vocabSize: number;
  moe?: { experts: number; expertsPerToken: number };
};

/** One GPU's figures in the precision the replica computes in. */
interface LatencyHardware {
  hbmBandwidthTBps: number;
  /** Dense tensor-core TFLOPS in the weights' precision (fp8 weights run on fp8 tensor cores). */
  peakTflops: number;
  /** GPU-to-GPU bandwidth in one direction (NVLink 4: 450 GB/s of the quoted 900 GB/s). */
  linkGBpsPerDirection: number;
}

export interface LatencyEfficiency {
  /** Share of datasheet HBM bandwidth that decode kernels achieve. */
  bandwidth: number;
  /** Share of dense peak TFLOPS that matrix products achieve. */
  compute: number;
  /** Share of the link's line rate that the all-reduce achieves. */
  communication: number;
  /** Fixed cost of one small all-reduce, in microseconds. */
  allReduceLatencyUs: number;
}

/** Defaults and their sources (README table "Efficiency factors"). */
export const DEFAULT_LATENCY_EFFICIENCY: LatencyEfficiency = {
  // Azure ND GB200 v6 measured 7.35 of 8 TB/s (92%) streaming; decode kernels stream less well.
  bandwidth: 0.8,
  // Azure ND GB200 v6 measured 2,744 dense FP8 TFLOPS sustained of 5,000 (55%).
  compute: 0.55,
  // NCCL: ~370 of NVLink 4's 450 GB/s per direction (~20% protocol overhead), NVIDIA/nccl-tests#212.
  communication: 0.8,
  // Small-message all-reduce on 2–8 H100s: 3.7–10.1 µs, sgl-project/sglang#2904.
  allReduceLatencyUs: 8,
};

export interface ReplicaSpec {
  architecture: LatencyArchitecture;
  tp: number;
  weightBytesPerParam: number;
  kvBytesPerValue: number;
  hardware: LatencyHardware;
  efficiency: LatencyEfficiency;
}

/** Per-GPU constants of one replica, computed once so that a search over batch sizes is cheap. */
export interface ReplicaCosts {
  architecture: LatencyArchitecture;
  /** Weight bytes each GPU reads every step whatever the batch (attention, dense MLPs, LM head). */
  denseWeightBytesPerGpu: number;
  moe: { experts: number; expertsPerToken: number; expertBytesPerGpu: number } | null;
  linearFlopsPerTokenPerGpu: number;
  /** KV bytes one GPU reads per held token per layer. */
  kvBytesPerTokenLayerPerGpu: number;
  /** Attention FLOPs one GPU spends per attended token per layer, for one query token. */
  attentionFlopsPerTokenLayerPerGpu: number;
  memoryBytesPerS: number;
  flopsPerS: number;
  allReducesPerStep: number;
  allReduceBytesPerToken: number;
  ringFactor: number;
  linkBytesPerS: number;
  allReduceLatencyS: number;
}

const PARAMS_PER_B = 1e9;
/** Activations cross the tensor-parallel all-reduce in bf16. */
const ACTIVATION_BYTES = 2;

/**
 * Expected number of distinct experts of E that n tokens touch when each picks k of them: one
 * token leaves a given expert out with probability (E − k) / E (k distinct picks of E, uniform
 * routing), so E × (1 − (1 − k/E)^n). Exact in expectation for independent uniform routing;
 * real routers are skewed, which touches fewer experts.
 */
export function expectedDistinctExperts(experts: number, expertsPerToken: number, tokens: number): number {
  if (tokens <= 0) return 0;
  return experts * (1 - Math.pow(1 - expertsPerToken / experts, tokens));
}

/**
 * A mixture-of-experts model's parameters split from its published counts: total − active is
 * (E − k) experts' worth, so one expert (all its layers) is e = (total − active) / (E − k), and
 * what every token uses besides its k experts is active − k × e (attention, shared experts,
 * dense layers, LM head).
 */
export function moeParamSplit(arch: LatencyArchitecture): { perExpertParams: number; alwaysActiveParams: number } | null {
  if (!arch.moe) return null;
  const { experts, expertsPerToken } = arch.moe;
  const perExpertParams = ((arch.paramsTotalB - arch.paramsActiveB) * PARAMS_PER_B) / (experts - expertsPerToken);
  return { perExpertParams, alwaysActiveParams: arch.paramsActiveB * PARAMS_PER_B - expertsPerToken * perExpertParams };
}

/**
 * Parameters that a token multiplies through (and that a step streams), excluding an untied input
 * embedding, which is a lookup of n rows. A dense model's published count includes it; mixture-of-
 * experts active counts vary by publisher, so for them the published active count is taken as is.
 */
function linearParamsPerToken(arch: LatencyArchitecture): number {
  const active = arch.paramsActiveB * PARAMS_PER_B;
  return arch.moe || arch.tiedEmbeddings ? active : active - arch.vocabSize * arch.hiddenSize;
}

/** Values cached per token per layer on one GPU: ceil(kvHeads / TP) heads for GQA; MLA's latent in full on every rank. */
export function kvValuesPerTokenLayerPerGpu(attention: Attention, tp: number): number {
  if (attention.kind === 'mla') return attention.kvLoraRank + attention.qkRopeHeadDim;
  return 2 * Math.ceil(attention.kvHeads / tp) * attention.headDim;
}

/**
 * Attention FLOPs per query token per attended token per layer: 2 × heads × (dQK + dV) for the
 * two products QKᵀ and AV. MLA attends in its latent space (absorbed projections, as decode
 * kernels run it): dQK = kv_lora_rank + rope dim, dV = kv_lora_rank.
 */
function attentionFlopsPerTokenLayer(arch: LatencyArchitecture): number {
  const a = arch.attention;
  const dims = a.kind === 'gqa' ? 2 * a.headDim : 2 * a.kvLoraRank + a.qkRopeHeadDim;
  return 2 * arch.queryHeads * dims;
}

export function replicaCosts(spec: ReplicaSpec): ReplicaCosts {
  const { architecture: arch, tp, hardware, efficiency } = spec;
  const split = moeParamSplit(arch);
  const streamedDenseParams = split ? split.alwaysActiveParams : linearParamsPerToken(arch);
  return {
    architecture: arch,
    denseWeightBytesPerGpu: (streamedDenseParams * spec.weightBytesPerParam) / tp,
    moe: split && arch.moe ? { ...arch.moe, expertBytesPerGpu: (split.perExpertParams * spec.weightBytesPerParam) / tp } : null,
    linearFlopsPerTokenPerGpu: (2 * linearParamsPerToken(arch)) / tp,
    kvBytesPerTokenLayerPerGpu: kvValuesPerTokenLayerPerGpu(arch.attention, tp) * spec.kvBytesPerValue,
    attentionFlopsPerTokenLayerPerGpu: attentionFlopsPerTokenLayer(arch) / tp,
    memoryBytesPerS: hardware.hbmBandwidthTBps * 1e12 * efficiency.bandwidth,
    flopsPerS: hardware.peakTflops * 1e12 * efficiency.compute,
    // One all-reduce after attention and one after the MLP in every layer.
    allReducesPerStep: tp > 1 ? 2 * arch.layers : 0,
    allReduceBytesPerToken: arch.hiddenSize * ACTIVATION_BYTES,
    // A ring all-reduce sends and receives 2 (TP − 1) / TP of the buffer on each GPU's link.
    ringFactor: (2 * (tp - 1)) / tp,
    linkBytesPerS: hardware.linkGBpsPerDirection * 1e9 * efficiency.communication,
    allReduceLatencyS: efficiency.allReduceLatencyUs * 1e-6,
  };
}

/** What one engine step processes. */
interface StepLoad {
  /** Sessions producing one token each. */
  decodeSessions: number;
  /** Tokens each decoding session holds and attends to (mean). */
  decodeContextTokens: number;
  /** Prompt tokens prefilled in the same step. */
  prefillTokens: number;
  /** Tokens a prompt token attends to, on average (causal: half the prompt). */
  prefillContextTokens: number;
}

interface StepTime {
  seconds: number;
  weightsReadS: number;
  linearComputeS: number;
  kvReadS: number;
  attentionComputeS: number;
  communicationS: number;
}

/**
 * One forward step: linear layers (weights streamed while multiplying: the slower of the two),
 * then attention (KV streamed while multiplying), then the tensor-parallel all-reduces. The two
 * kinds of kernel run one after the other, so their times add.
 */
export function stepTime(costs: ReplicaCosts, load: StepLoad): StepTime {
  const tokens = load.decodeSessions + load.prefillTokens;
  const arch = costs.architecture;
  const expertBytes = costs.moe
    ? expectedDistinctExperts(costs.moe.experts, costs.moe.expertsPerToken, tokens) * costs.moe.expertBytesPerGpu
    : 0;
  const weightsReadS = (costs.denseWeightBytesPerGpu + expertBytes) / costs.memoryBytesPerS;
  const linearComputeS = (costs.linearFlopsPerTokenPerGpu * tokens) / costs.flopsPerS;
  const decodeHeld = load.decodeSessions > 0 ? tokensHeldAcrossLayers(arch, load.decodeContextTokens) : 0;
  const prefillHeld = load.prefillTokens > 0 ? tokensHeldAcrossLayers(arch, load.prefillContextTokens) : 0;
  const kvReadS = (load.decodeSessions * decodeHeld * costs.kvBytesPerTokenLayerPerGpu) / costs.memoryBytesPerS;
  const attendedTokenLayers = load.decodeSessions * decodeHeld + load.prefillTokens * prefillHeld;
  const attentionComputeS = (attendedTokenLayers * costs.attentionFlopsPerTokenLayerPerGpu) / costs.flopsPerS;
  const communicationS =
    costs.allReducesPerStep * ((costs.ringFactor * tokens * costs.allReduceBytesPerToken) / costs.linkBytesPerS + costs.allReduceLatencyS);
  const seconds = Math.max(weightsReadS, linearComputeS) + Math.max(kvReadS, attentionComputeS) + communicationS;
  return { seconds, weightsReadS, linearComputeS, kvReadS, attentionComputeS, communicationS };
}

/** A serving workload per replica. Prompt and output lengths are optional; without them decode steps carry no prefill. */
export interface ServingLoad {
  /** Sessions decoding together on the replica. */
  batch: number;
  /** Tokens each session holds during decode when prompt and output lengths are not given. */
  contextTokens: number;
  promptTokens?: number;
  outputTokens?: number;
  /** The engine's token budget per step (vLLM max_num_batched_tokens). */
  maxNumBatchedTokens: number;
}

/** Mean tokens a decoding session holds: P + O/2 with both lengths (capped at the planned context), else the planned context. */
export function decodeContextTokens(load: ServingLoad): number {
  if (load.promptTokens === undefined || load.outputTokens === undefined) return load.contextTokens;
  return Math.min(load.contextTokens, load.promptTokens + load.outputTokens / 2);
}

function stepWithPrefill(costs: ReplicaCosts, load: ServingLoad, prefillTokens: number): StepTime {
  return stepTime(costs, {
    decodeSessions: load.batch,
    decodeContextTokens: decodeContextTokens(load),
    prefillTokens,
    prefillContextTokens: (load.promptTokens ?? 0) / 2,
  });
}

interface DecodeEstimate {
  /** Mean time per output token in steady state. */
  tpotS: number;
  decodeOnlyStep: StepTime;
  /** Prompt tokens in a step that carries prefill, and how many such steps per O decode steps. */
  prefillChunkTokens: number;
  prefillStepsPerCycle: number;
  /** New prompts arrive faster than the step budget can prefill them: they queue without bound. */
  prefillSaturated: boolean;
}

/**
 * Time per output token in steady state. Every session is replaced by a new prompt once per O
 * steps, so over a cycle of O decode steps the replica also prefills B × P prompt tokens. Engines
 * put them in the steps' token budget M beside the decodes (chunked prefill): a step carries
 * c = min(M − B, max(P, B × P / O)) prompt tokens (one whole prompt when they arrive less than once
 * a step, else what arrives per step, at most what the budget leaves), in k = B × P / c steps.
 * TPOT = (max(O − k, 0) × decode-only step + k × step with a chunk) / O. When k > O the budget
 * cannot keep up: prompts queue (not modelled) and the figure is the time the cycle's prefill
 * takes per output token. Without prompt and output lengths every step is decode only.
 */
export function estimateDecode(costs: ReplicaCosts, load: ServingLoad): DecodeEstimate {
  const decodeOnlyStep = stepWithPrefill(costs, load, 0);
  const { promptTokens, outputTokens } = load;
  const none = { decodeOnlyStep, prefillChunkTokens: 0, prefillStepsPerCycle: 0, prefillSaturated: false };
  if (promptTokens === undefined || outputTokens === undefined) return { tpotS: decodeOnlyStep.seconds, ...none };
  const budgetLeft = load.maxNumBatchedTokens - load.batch;
  if (budgetLeft <= 0) return { ...none, tpotS: Infinity, prefillSaturated: true };
  const promptTokensPerCycle = load.batch * promptTokens;
  const chunk = Math.min(budgetLeft, Math.max(promptTokens, promptTokensPerCycle / outputTokens));
  const stepsWithChunk = promptTokensPerCycle / chunk;
  const withChunk = stepWithPrefill(costs, load, chunk);
  const cycleS = Math.max(outputTokens - stepsWithChunk, 0) * decodeOnlyStep.seconds + stepsWithChunk * withChunk.seconds;
  return {
    tpotS: cycleS / outputTokens,
    decodeOnlyStep,
    prefillChunkTokens: chunk,
    prefillStepsPerCycle: stepsWithChunk,
    prefillSaturated: stepsWithChunk > outputTokens,
  };
}

export function outputTokensPerSecond(costs: ReplicaCosts, load: ServingLoad): number {
  return load.batch / estimateDecode(costs, load).tpotS;
}

/**
 * Time to first token of a prompt of P tokens while B sessions decode: each step's token budget
 * goes to the decodes first and a chunk of the prompt after them (chunked prefill), so the prompt
 * takes floor(P / chunk) full chunks and one step for what is left. Without queueing, which is not
 * modelled: Infinity when the decodes leave no room or when prompts arrive faster than the budget
 * prefills them (they queue without bound).
 */
export function timeToFirstTokenS(costs: ReplicaCosts, load: ServingLoad & { promptTokens: number }): number {
  const budgetLeft = load.maxNumBatchedTokens - load.batch;
  if (budgetLeft <= 0) return Infinity;
  if (load.outputTokens !== undefined && (load.batch * load.promptTokens) / load.outputTokens > budgetLeft) return Infinity;
  const chunk = Math.min(load.promptTokens, budgetLeft);
  const fullChunks = Math.floor(load.promptTokens / chunk);
  const rest = load.promptTokens - fullChunks * chunk;
  const fullS = fullChunks * stepWithPrefill(costs, load, chunk).seconds;
  return rest > 0 ? fullS + stepWithPrefill(costs, load, rest).seconds : fullS;
}

/**
 * Largest batch in [1, maxBatch] whose figure stays within the target, or 0 when even batch 1
 * misses it. `figure` must not fall as the batch grows (every term of the step is non-decreasing
 * in the batch), so a binary search finds it in log2(maxBatch) evaluations. Time to first token
 * can fall by the compute of the few prompt tokens a smaller chunk moves into a memory-bound last
 * step (parts per million; test/unit/engine/latency.test.ts), which can only shift the answer
 * where the target sits within that sliver.
 */
export function largestBatchWithin(figure: (batch: number) => number, target: number, maxBatch: number): number {
  if (maxBatch < 1 || figure(1) > target) return 0;
  let low = 1;
  let high = Math.floor(maxBatch);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (figure(mid) <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}
