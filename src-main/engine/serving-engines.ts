import type { PrecisionId } from './precision.js';
import type { KvPrecision, ServingEngine } from './types.js';

export const SERVING_ENGINES: ServingEngine[] = ['vllm', 'sglang', 'trtllm'];
/** How each engine names itself, for messages and reports. */
export const SERVING_ENGINE_NAMES: Record<ServingEngine, string> = { vllm: 'vLLM', sglang: 'SGLang', trtllm: 'TensorRT-LLM' };

/**
 * One engine version family: the memory policy that decides how much KV cache a GPU gets.
 * Families are split only where the result moves by more than 3% (issue 8); each cites the engine's
 * own code. Sources are read at these paths; see the README's engine-method section.
 */
export interface EnginePolicy {
  engine: ServingEngine;
  version: string;
  /** What the memory fraction is a share of. */
  fractionOf: 'total' | 'weights-and-kv' | 'free-after-load';
  /** The engine's own default fraction (it may depend on TP, as SGLang's does). */
  defaultFraction: (tp: number) => number;
  /** Tokens per KV page. */
  defaultBlockSize: number;
  /**
   * Bytes held per logit element at the sampler's peak during the profiling pass, beyond the
   * model-dtype logits themselves (null: the engine keeps no profiled sampler peak in its budget).
   */
  samplerBytesPerLogit: number | null;
  /** Whether CUDA-graph memory is counted inside the budget before the KV cache is sized. */
  cudaGraphInBudget: boolean;
  /** Whether the fused-MoE workspace of the profiling forward stays allocated while the sampler runs. */
  moeWorkspaceHeld: boolean;
  /** KV storage formats the engine offers (besides `auto`). */
  kvPrecisions: PrecisionId[];
  source: string;
}

const VLLM_KV: PrecisionId[] = ['fp16', 'bf16', 'fp8'];

/**
 * vLLM V1 (vllm/v1/worker/gpu_worker.py determine_available_memory; vllm/utils memory_profiling):
 * available KV = total × gpu_memory_utilization − (weights + torch peak increase of profile_run +
 * non-torch increase). profile_run (vllm/v1/worker/gpu_model_runner.py) runs _dummy_run at
 * max_num_batched_tokens, then _dummy_sampler_run on min(max_num_seqs, max_num_batched_tokens) rows
 * with top-k and top-p set, so the sampler's logits dominate the peak for large vocabularies.
 * - 0.10: FlashInfer top-k/top-p sampling is on by default where FlashInfer is installed
 *   (vllm/v1/sample/ops/topk_topp_sampler.py): fp32 logits (4) + top-k masked logits (4) + softmax
 *   probabilities (4) = 12 bytes per element.
 * - 0.11: FlashInfer sampling off by default (vllm-project/vllm#26859) or not installed, so the
 *   PyTorch-native apply_top_k_top_p sorts the fp32 logits: fp32 copy (4) + sorted values (4) +
 *   int64 indices (8) + the radix sort's scratch (PyTorch's CUDA sort via cub segmented radix sort:
 *   an int64 index source (8) and alternate key/value buffers (4 + 8)) = 36 bytes per element.
 *   CUDA graphs are captured after the KV cache is allocated, from the memory outside the fraction.
 * - 0.17: apply_top_k_top_p masks the fp32 logits in place with a Triton kernel
 *   (vllm/v1/sample/ops/topk_topp_triton.py, vllm-project/vllm#33538, merged 2026-02) instead of
 *   sorting them; forward_native then holds the fp32 logits (4), the softmax probabilities (4) and
 *   random_sample's exponential noise q (4) = 12 bytes per element, plus the kernel's
 *   [SM count × vocab] fp32 scratch (under 0.1 GiB, not modelled). Measured: Qwen3-14B on H100
 *   profiled 5.64 GiB in 0.16.0 and 2.23 GiB in 0.17.0 (llm-d-incubation/llm-d-planner
 *   accuracy/accuracy_report.md, version sweep). The fused-MoE workspace of the dummy forward stays
 *   in the WorkspaceManager (vllm/v1/worker/workspace.py) while the sampler runs, so a MoE model's
 *   peak is the sampler's plus that workspace (0.19.0 logs of Qwen3-30B-A3B, Mixtral-8x7B and
 *   DeepSeek-V2-Lite; 0.11.0's gpt-oss-20b log shows no such addition).
 * - 0.21: CUDA-graph memory is profiled and counted inside the budget ("CUDA graph memory profiling
 *   is enabled (default since v0.21.0)"), and gpu_memory_utilization defaults to 0.92
 *   (vllm/config/cache.py CacheConfig); the sampler is 0.17's.
 */
const VLLM: Record<string, EnginePolicy> = {
  '0.10': {
    engine: 'vllm',
    version: '0.10',
    fractionOf: 'total',
    defaultFraction: () => 0.9,
    defaultBlockSize: 16,
    samplerBytesPerLogit: 12,
    cudaGraphInBudget: false,
    moeWorkspaceHeld: false,
    kvPrecisions: VLLM_KV,
    source: 'vLLM 0.10 V1 worker: FlashInfer top-k/top-p sampler',
  },
  '0.11': {
    engine: 'vllm',
    version: '0.11',
    fractionOf: 'total',
    defaultFraction: () => 0.9,
    defaultBlockSize: 16,
    samplerBytesPerLogit: 36,
    cudaGraphInBudget: false,
    moeWorkspaceHeld: false,
    kvPrecisions: VLLM_KV,
    source: 'vLLM 0.11 V1 worker: PyTorch-native top-k/top-p sort',
  },
  '0.17': {
    engine: 'vllm',
    version: '0.17',
    fractionOf: 'total',
    defaultFraction: () => 0.9,
    defaultBlockSize: 16,
    samplerBytesPerLogit: 12,
    cudaGraphInBudget: false,
    moeWorkspaceHeld: true,
    kvPrecisions: VLLM_KV,
    source: 'vLLM 0.17 V1 worker: Triton top-k/top-p masking in place',
  },
  '0.21': {
    engine: 'vllm',
    version: '0.21',
    fractionOf: 'total',
    defaultFraction: () => 0.92,
    defaultBlockSize: 16,
    samplerBytesPerLogit: 12,
    cudaGraphInBudget: true,
    moeWorkspaceHeld: true,
    kvPrecisions: VLLM_KV,
    source: 'vLLM 0.21+ V1 worker: CUDA graphs inside the budget, default 0.92',
  },
};

/**
 * SGLang (python/sglang/srt/model_executor/model_runner.py profile_max_num_token): the KV pool is
 * the memory free after loading the weights less total × (1 − mem_fraction_static), so the fraction
 * covers weights + KV; activations and CUDA graphs live in the remainder. Default fraction by TP
 * (python/sglang/srt/server_args.py, 0.4 series): 0.88 at TP1, 0.87 at TP2, 0.85 at TP4, 0.81 at TP8,
 * 0.79 beyond. Page size 1 token. KV formats: auto, fp8_e4m3 / fp8_e5m2.
 */
const SGLANG: Record<string, EnginePolicy> = {
  '0.4': {
    engine: 'sglang',
    version: '0.4',
    fractionOf: 'weights-and-kv',
    defaultFraction: (tp) => (tp >= 16 ? 0.79 : tp >= 8 ? 0.81 : tp >= 4 ? 0.85 : tp >= 2 ? 0.87 : 0.88),
    defaultBlockSize: 1,
    samplerBytesPerLogit: null,
    cudaGraphInBudget: false,
    moeWorkspaceHeld: false,
    kvPrecisions: ['fp16', 'bf16', 'fp8'],
    source: 'SGLang 0.4 model_runner.py: mem_fraction_static covers weights and the KV pool',
  },
};

/**
 * TensorRT-LLM (tensorrt_llm/_torch/pyexecutor/_util.py KvCacheCreator, KvCacheConfig): after the
 * weights load and a warm-up forward at max_num_tokens, the KV cache takes free_gpu_memory_fraction
 * (default 0.9) of the memory still free. Pages of 32 tokens (tokens_per_block). KV formats: fp8,
 * int8, and NVFP4 on Blackwell.
 */
const TRTLLM: Record<string, EnginePolicy> = {
  '1.0': {
    engine: 'trtllm',
    version: '1.0',
    fractionOf: 'free-after-load',
    defaultFraction: () => 0.9,
    defaultBlockSize: 32,
    samplerBytesPerLogit: 4,
    cudaGraphInBudget: true,
    moeWorkspaceHeld: false,
    kvPrecisions: ['fp16', 'bf16', 'fp8', 'int8', 'nvfp4'],
    source: 'TensorRT-LLM 1.0 PyTorch backend: free_gpu_memory_fraction of the memory free after loading',
  },
};

const ENGINE_POLICIES: Record<ServingEngine, Record<string, EnginePolicy>> = { vllm: VLLM, sglang: SGLANG, trtllm: TRTLLM };
/**
 * The family an engine-method input that names no version is sized with. vLLM: the newest family
 * whose policy public start-up logs have checked, 0.17 (the 0.17.0–0.19.0 logs of
 * test/accuracy/startup-logs.json: within 0.3–1.6% of their KV at TP1); sized with 0.11's sorting
 * sampler those logs came out 4–18% low at TP1 (vllm-project/vllm#33538). 0.21 is modelled from vLLM's
 * documented defaults, not yet checked against a log, so it is chosen, never defaulted. Moving a
 * default re-sizes every stored input that names no version: a move needs a migration and a
 * project-file version that pin the old one (store/engine-version-pins.ts), as 0.11 → 0.17 had.
 */
const DEFAULT_ENGINE_VERSION: Record<ServingEngine, string> = { vllm: '0.17', sglang: '0.4', trtllm: '1.0' };
export const ENGINE_VERSIONS: Record<ServingEngine, string[]> = {
  vllm: Object.keys(VLLM),
  sglang: Object.keys(SGLANG),
  trtllm: Object.keys(TRTLLM),
};

/** Each engine's own fraction knob: the input field, and the flag that sets it. */
export const FRACTION_FIELD = {
  vllm: 'gpuMemoryUtilization',
  sglang: 'memFractionStatic',
  trtllm: 'freeGpuMemoryFraction',
} as const satisfies Record<ServingEngine, string>;

/** The version family a logged engine version belongs to: the newest family not after it ("0.11.0" → 0.11; older than all: the oldest). */
export function versionFamilyOf(engine: ServingEngine, loggedVersion: string | null): string {
  const families = ENGINE_VERSIONS[engine];
  const [major = 0, minor = 0] = (loggedVersion ?? '').split('.').map(Number);
  const notAfter = families.filter((family) => {
    const [fMajor = 0, fMinor = 0] = family.split('.').map(Number);
    return fMajor < major || (fMajor === major && fMinor <= minor);
  });
  return loggedVersion === null ? DEFAULT_ENGINE_VERSION[engine] : (notAfter.at(-1) ?? families[0]!);
}

export function enginePolicy(engine: ServingEngine, version?: string): EnginePolicy {
  return ENGINE_POLICIES[engine][version ?? DEFAULT_ENGINE_VERSION[engine]]!;
}

/** KV precisions an engine accepts for a model on a GPU generation that can (fp4) or cannot store them. */
export function offersKvPrecision(policy: EnginePolicy, precision: KvPrecision): boolean {
  return precision === 'auto' || policy.kvPrecisions.includes(precision);
}

/**
 * Batch limits by engine and GPU. vLLM (vllm/engine/arg_utils.py EngineArgs defaults, `vllm serve`):
 * GPUs with at least 70 GiB that are not A100s get max_num_batched_tokens 8192 and max_num_seqs 1024;
 * others 2048 and 256. SGLang: chunked_prefill_size 8192 and max_running_requests 4096 at most.
 * TensorRT-LLM (trtllm-serve): max_num_tokens 8192, max_batch_size 2048.
 */
type BatchLimits = Readonly<{ maxNumBatchedTokens: number; maxNumSeqs: number }>;

// Shared constants: the engine method asks for these on every evaluation (sweeps, the optimiser).
const SGLANG_LIMITS: BatchLimits = { maxNumBatchedTokens: 8192, maxNumSeqs: 4096 };
const TRTLLM_LIMITS: BatchLimits = { maxNumBatchedTokens: 8192, maxNumSeqs: 2048 };
const VLLM_LARGE_GPU_LIMITS: BatchLimits = { maxNumBatchedTokens: 8192, maxNumSeqs: 1024 };
const VLLM_SMALL_GPU_LIMITS: BatchLimits = { maxNumBatchedTokens: 2048, maxNumSeqs: 256 };

export function defaultBatchLimits(engine: ServingEngine, visibleGiB: number, generation: string | undefined): BatchLimits {
  if (engine === 'sglang') return SGLANG_LIMITS;
  if (engine === 'trtllm') return TRTLLM_LIMITS;
  const large = visibleGiB >= 70 && generation !== 'ampere';
  return large ? VLLM_LARGE_GPU_LIMITS : VLLM_SMALL_GPU_LIMITS;
}
