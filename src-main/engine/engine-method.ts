import { activationPeakBytes, forwardPeakBytes, samplerPeakBytes } from './activation.js';
import { applyCalibration, profileFor } from './calibration/apply.js';
import type { CalibrationProfile } from './calibration/profile.js';
import { formatNumber } from './format.js';
import { kvValuesPerTokenPerLayer, resolveKvPrecision } from './kv.js';
import { countNodes, nodeHbmGiB } from './pooled.js';
import { PRECISION_SIXTEENTHS_OF_BYTE, type PrecisionId } from './precision.js';
import {
  defaultBatchLimits,
  SERVING_ENGINE_NAMES,
  enginePolicy,
  FRACTION_FIELD,
  versionFamilyOf,
  type EnginePolicy,
} from './serving-engines.js';
import type {
  BindingLimit,
  EngineCalibration,
  EngineFigures,
  EngineTerm,
  Infeasibility,
  Lang,
  LocalizedText,
  MethodResult,
  ModelDtype,
  ModelRecord,
  ServerRecord,
  ServingEngine,
  SizingInputs,
} from './types.js';
import { BYTES_PER_GIB, BYTES_PER_MIB, guardedFloor } from './units.js';

/**
 * nvidia-smi's total less what CUDA reports (torch.cuda.mem_get_info), MiB: the driver's reserve.
 * Observed 479 (H100), 605 (H200), 729 (B200), 621 (A100 40 GB), 582 (L40S), 870 (A100 80 GB); the
 * median, 600 MiB, stands in where a server record has no engine-logged figure. An assumption.
 */
const DRIVER_RESERVE_MIB = 600;

/**
 * Memory a single-GPU engine allocates outside PyTorch during profiling (CUDA and cuBLAS/cuBLASLt
 * workspaces): 0.13 GiB in vLLM 0.11's "non-torch forward increase memory" for two models on H100
 * (issue 8 rows 1 and 2). A logged figure, not derived: it does not depend on the model.
 */
const NON_TORCH_BASE_GIB = 0.13;

/**
 * NCCL's buffers for TP > 1, per GPU: per channel and connection, the Simple protocol's
 * NCCL_BUFFSIZE (4 MiB), LL128 (~4.5 MiB) and LL (~0.25 MiB) buffers, ≈ 8.5 MiB; two connections
 * (ring and tree); up to 32 channels over NVLink/NVSwitch or Infinity Fabric (NCCL_MAX_NCHANNELS),
 * about 4 over PCIe (NCCL docs, env.html). Derived from NCCL's documented defaults.
 */
const NCCL_MIB_PER_CHANNEL_CONNECTION = 8.5;
const NCCL_CONNECTIONS = 2;
const NVLINK_CLASS_GBPS = 300;

/**
 * SGLang's mem_fraction_static is a share of the memory it finds free once its process has a CUDA
 * context and its distributed groups: ModelRunner.__init__ keeps `pre_model_load_memory =
 * init_torch_distributed()`, the min over ranks of get_available_gpu_memory (torch.cuda.mem_get_info's
 * free bytes after empty_cache, / 2^30) read after init_distributed_environment and
 * initialize_model_parallel; profile_max_num_token then keeps for the KV pool
 * `free after loading − pre_model_load_memory × (1 − mem_fraction_static)`
 * (sgl-project/sglang python/sglang/srt/model_executor/model_runner.py, the same in 0.4.x and at commit
 * 0005834c, where the arithmetic moved to model_runner_kv_cache_mixin.py _profile_available_bytes). So
 * KV = fraction × (visible − CUDA context − distributed-init buffers) − weights: the CUDA context and
 * NCCL's buffers are outside the share, and cuBLAS's workspace is created after the pool (init_cublas
 * runs after the memory pool), so it is not taken from it.
 * The CUDA context cannot be derived from the architecture: 0.5 GiB per GPU is observed, the total CUDA
 * reports less SGLang's "Load weight begin. avail mem" at TP 1 less that log's distributed-init usage:
 * 0.37 GiB (H100, SGLang 0.4.1 CI logs, January 2025), 0.61 and 0.66 GiB (H100, SGLang CI logs, 2026),
 * 0.60 GiB (H200, the 2025 excerpt of test/unit/engine/calibration/logs.ts). An assumption.
 */
const SGLANG_CUDA_CONTEXT_GIB = 0.5;

/**
 * CUDA-graph memory where an engine counts it inside the budget (vLLM 0.21+, TensorRT-LLM): graph
 * pools of the piecewise captures. Not derivable from the architecture (it is per-graph overhead
 * more than activations): 0.4 GiB per GPU, the middle of public logs (0.36, 0.39, 0.51, 0.65 GiB).
 */
const CUDA_GRAPH_GIB = 0.4;

const DTYPE_BYTES: Record<PrecisionId, number> = { fp32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1, nvfp4: 0.5625 };

/** Memory the engine sees per GPU, and where the figure comes from. */
function visibleGiBPerGpu(server: ServerRecord): { gib: number; basis: EngineFigures['visibleBasis'] } {
  if (server.engineVisibleGiBPerGpu !== undefined) return { gib: server.engineVisibleGiBPerGpu, basis: 'engine-log' };
  if (server.measuredMiBPerGpu !== undefined) return { gib: (server.measuredMiBPerGpu - DRIVER_RESERVE_MIB) / 1024, basis: 'measured' };
  return { gib: nodeHbmGiB(server, 'nominal') / server.gpus - DRIVER_RESERVE_MIB / 1024, basis: 'nominal' };
}

function ncclBuffersGiB(server: ServerRecord, tp: number): number {
  if (tp === 1) return 0;
  const channels = (server.interconnectGBpsPerGpu ?? NVLINK_CLASS_GBPS) >= NVLINK_CLASS_GBPS ? 32 : 4;
  return (channels * NCCL_CONNECTIONS * NCCL_MIB_PER_CHANNEL_CONNECTION * BYTES_PER_MIB) / BYTES_PER_GIB;
}

/**
 * Memory outside PyTorch's allocator that the engine's budget has to make room for. vLLM and
 * TensorRT-LLM profile after the CUDA and cuBLAS workspaces exist, so they count those and NCCL's
 * buffers. SGLang's is what init_torch_distributed logs as "Init torch distributed ends. mem usage":
 * the distributed groups' buffers (NCCL at TP > 1), nothing at TP 1; its cuBLAS workspace comes after
 * the KV pool and its CUDA context before the first reading (SGLANG_CUDA_CONTEXT_GIB).
 */
function nonTorchGiB(server: ServerRecord, tp: number, policy: EnginePolicy): number {
  const workspaces = policy.fractionOf === 'weights-and-kv' ? 0 : NON_TORCH_BASE_GIB;
  return workspaces + ncclBuffersGiB(server, tp);
}

/**
 * What the engine's memory fraction is a share of, per GPU: vLLM the total CUDA reports; SGLang the
 * memory free when it reads it, after the CUDA context and the distributed init (the "Load weight
 * begin. avail mem" of its log); TensorRT-LLM the memory free after loading and a warm-up forward.
 */
export function fractionBaseGiB(perGpu: Omit<EngineFigures['perGpu'], 'kvAvailableGiB'>, fractionOf: EnginePolicy['fractionOf']): number {
  const p = perGpu;
  if (fractionOf === 'total') return p.visibleGiB;
  if (fractionOf === 'weights-and-kv') return p.visibleGiB - SGLANG_CUDA_CONTEXT_GIB - p.nonTorchGiB;
  return p.visibleGiB - (p.weightsGiB + p.activationPeakGiB + p.nonTorchGiB + (p.cudaGraphGiB ?? 0));
}

/**
 * Weights on one GPU of a TP group: the checkpoint split TP ways, plus what each rank holds beyond
 * its share. K/V projections are replicated when TP exceeds the KV heads (each rank holds
 * ceil(kvHeads/TP) heads); MLA's latent projection (kv_a_proj_with_mqa) is a ReplicatedLinear.
 */
function weightsGiBPerGpu(model: ModelRecord, tp: number): number {
  const bytesPerParam = (model.weightsGiB * BYTES_PER_GIB) / (model.paramsTotalB * 1e9);
  const h = model.hiddenSize ?? 0;
  const a = model.attention;
  const replicatedParams =
    a.kind === 'gqa'
      ? model.layers * h * 2 * a.headDim * (Math.ceil(a.kvHeads / tp) - a.kvHeads / tp)
      : model.layers * h * (a.kvLoraRank + a.qkRopeHeadDim) * (1 - 1 / tp);
  return model.weightsGiB / tp + (replicatedParams * bytesPerParam) / BYTES_PER_GIB;
}

/** KV bytes per token per layer on one GPU: ceil(kvHeads/TP) heads each; MLA's latent in full on every rank. */
function kvBytesPerTokenPerLayerPerGpu(model: ModelRecord, tp: number, precision: PrecisionId): number {
  const a = model.attention;
  const values = a.kind === 'gqa' ? 2 * Math.ceil(a.kvHeads / tp) * a.headDim : kvValuesPerTokenPerLayer(model);
  return (values * PRECISION_SIXTEENTHS_OF_BYTE[precision]) / 16;
}

const ceilTo = (tokens: number, block: number) => Math.ceil(tokens / block) * block;

/**
 * Tokens one request holds across layers, in whole pages: full-attention layers its context;
 * sliding-window layers at most the window plus one prefill chunk and a page (vLLM
 * SlidingWindowSpec.max_memory_usage_bytes: cdiv(window − 1 + max_num_batched_tokens, block) + 1 pages).
 */
function pagedTokensAcrossLayers(model: ModelRecord, contextTokens: number, block: number, batchedTokens: number): number {
  const full = ceilTo(contextTokens, block);
  const sliding = model.slidingWindow;
  if (!sliding) return model.layers * full;
  const windowReserve = (Math.ceil((sliding.windowTokens - 1 + batchedTokens) / block) + 1) * block;
  return (model.layers - sliding.layers) * full + sliding.layers * Math.min(full, windowReserve);
}

interface Setup {
  engine: ServingEngine;
  policy: EnginePolicy;
  fraction: number;
  block: number;
  maxNumBatchedTokens: number;
  maxNumSeqs: number;
  maxModelLen: number;
  kvPrecision: PrecisionId;
  visible: { gib: number; basis: EngineFigures['visibleBasis'] };
}

function setup(inputs: SizingInputs, model: ModelRecord, server: ServerRecord, tp: number): Setup {
  const engine = inputs.servingEngine ?? 'vllm';
  const policy = enginePolicy(engine, inputs.engineVersion);
  const visible = visibleGiBPerGpu(server);
  const limits = defaultBatchLimits(engine, visible.gib, server.generation);
  return {
    engine,
    policy,
    fraction: inputs[FRACTION_FIELD[engine]] ?? policy.defaultFraction(tp),
    block: inputs.blockSize ?? policy.defaultBlockSize,
    maxNumBatchedTokens: inputs.maxNumBatchedTokens ?? limits.maxNumBatchedTokens,
    maxNumSeqs: inputs.maxNumSeqs ?? limits.maxNumSeqs,
    maxModelLen: inputs.maxModelLen ?? inputs.effectiveContextTokens,
    kvPrecision: resolveKvPrecision(inputs.kvPrecision, model),
    visible,
  };
}

/** One GPU's memory terms (GiB) and the KV left for the cache, under the engine's fraction semantics. */
function perGpuTerms(s: Setup, model: ModelRecord, server: ServerRecord, tp: number): EngineFigures['perGpu'] {
  const dtypeBytes = DTYPE_BYTES[model.dtype ?? 'bf16'];
  const pass = {
    model,
    tp,
    tokens: s.maxNumBatchedTokens,
    requests: Math.min(s.maxNumSeqs, s.maxNumBatchedTokens),
    dtypeBytes,
    samplerBytesPerLogit: s.policy.samplerBytesPerLogit,
    moeWorkspaceHeld: s.policy.moeWorkspaceHeld,
  };
  const visibleGiB = s.visible.gib;
  const weightsGiB = weightsGiBPerGpu(model, tp);
  const activationPeakGiB = activationPeakBytes(pass) / BYTES_PER_GIB;
  const cudaGraphGiB = s.policy.cudaGraphInBudget ? CUDA_GRAPH_GIB : null;
  const terms = { visibleGiB, weightsGiB, activationPeakGiB, nonTorchGiB: nonTorchGiB(server, tp, s.policy), cudaGraphGiB };
  const outsideKv = weightsGiB + activationPeakGiB + terms.nonTorchGiB + (cudaGraphGiB ?? 0);
  let kvAvailableGiB: number;
  if (s.policy.fractionOf === 'total') kvAvailableGiB = visibleGiB * s.fraction - outsideKv;
  // SGLang: the share holds the weights and the KV pool; activations and CUDA graphs live in the rest.
  else if (s.policy.fractionOf === 'weights-and-kv') kvAvailableGiB = fractionBaseGiB(terms, 'weights-and-kv') * s.fraction - weightsGiB;
  else kvAvailableGiB = (visibleGiB - outsideKv) * s.fraction;
  return { ...terms, kvAvailableGiB };
}

/** TP degrees the engine can use on this server: divisors of the GPUs that also divide the attention heads. */
export function tpChoices(model: ModelRecord, server: ServerRecord): number[] {
  const out: number[] = [];
  for (let tp = 1; tp <= server.gpus; tp++) if (server.gpus % tp === 0 && model.queryHeads % tp === 0) out.push(tp);
  return out;
}

/** The KV format a logged kv_cache_dtype stores in ("auto" and unknown names: the model's own dtype). */
export function loggedKvPrecision(kvCacheDtype: string | null, model: ModelRecord): PrecisionId {
  const named: Record<string, ModelDtype> = { bfloat16: 'bf16', float16: 'fp16', half: 'fp16', float32: 'fp32' };
  if (kvCacheDtype?.startsWith('fp8')) return 'fp8';
  return named[kvCacheDtype ?? ''] ?? resolveKvPrecision('auto', model);
}

/**
 * One GPU's memory terms: the formulas, or a stored profile's measurements where one matches the
 * scenario (same model, server, engine and TP, weights as shipped) and the scenario has not turned
 * calibration off.
 */
function memoryTerms(
  s: Setup,
  scenario: {
    inputs: SizingInputs;
    model: ModelRecord;
    server: ServerRecord;
    tp: number;
    profiles: readonly CalibrationProfile[] | undefined;
  },
): { perGpu: EngineFigures['perGpu']; calibration: EngineCalibration | null } {
  const { inputs, model, server, tp } = scenario;
  const formula = perGpuTerms(s, model, server, tp);
  if (inputs.calibration === 'off' || !scenario.profiles) return { perGpu: formula, calibration: null };
  const profile = profileFor(scenario.profiles, {
    modelId: model.id,
    serverId: server.id,
    engine: s.engine,
    tp,
    weightsAsShipped: inputs.weightsPrecision === undefined || inputs.weightsPrecision === model.weightsFormat,
  });
  if (!profile) return { perGpu: formula, calibration: null };
  // A log without its fraction ran at its version's default; one with KV tokens only counts them at its own KV dtype.
  const loggedPolicy = enginePolicy(profile.engine, versionFamilyOf(profile.engine, profile.engineVersion));
  const applied = applyCalibration({
    formula,
    profile,
    fraction: s.fraction,
    defaultFraction: loggedPolicy.defaultFraction(tp),
    fractionOf: s.policy.fractionOf,
    formulaFractionBaseGiB: fractionBaseGiB(formula, s.policy.fractionOf),
    kvBytesPerTokenPerGpu: kvBytesPerTokenPerLayerPerGpu(model, tp, loggedKvPrecision(profile.kvCacheDtype, model)) * model.layers,
  });
  return applied ?? { perGpu: formula, calibration: null };
}

interface ReplicaSizing {
  tp: number;
  s: Setup;
  perGpu: EngineFigures['perGpu'];
  calibration: EngineCalibration | null;
  tokenBytesPerGpu: number;
  sessionBytesPerGpu: number;
  maxModelLenBytesPerGpu: number;
  sessionsPerReplica: number;
  concurrency: number;
}

function sizeReplica(
  inputs: SizingInputs,
  model: ModelRecord,
  server: ServerRecord,
  tp: number,
  profiles?: readonly CalibrationProfile[],
): ReplicaSizing {
  const s = setup(inputs, model, server, tp);
  const { perGpu, calibration } = memoryTerms(s, { inputs, model, server, tp, profiles });
  const perLayer = kvBytesPerTokenPerLayerPerGpu(model, tp, s.kvPrecision);
  const sessionBytesPerGpu = perLayer * pagedTokensAcrossLayers(model, inputs.effectiveContextTokens, s.block, s.maxNumBatchedTokens);
  const maxModelLenBytesPerGpu = perLayer * pagedTokensAcrossLayers(model, s.maxModelLen, s.block, s.maxNumBatchedTokens);
  const kvBytes = Math.max(0, perGpu.kvAvailableGiB) * BYTES_PER_GIB;
  const concurrency = kvBytes / sessionBytesPerGpu;
  const fitsOneLongest = kvBytes >= maxModelLenBytesPerGpu;
  const sessionsPerReplica = fitsOneLongest ? Math.min(guardedFloor(concurrency), s.maxNumSeqs) : 0;
  return {
    tp,
    s,
    perGpu,
    calibration,
    tokenBytesPerGpu: perLayer * model.layers,
    sessionBytesPerGpu,
    maxModelLenBytesPerGpu,
    sessionsPerReplica,
    concurrency,
  };
}

/**
 * Default TP (issue 8): the smallest power of two (that the server's GPUs and the model's heads allow)
 * whose GPUs hold the weights with room for one session; the largest allowed when none does.
 */
function defaultTp(inputs: SizingInputs, model: ModelRecord, server: ServerRecord, profiles?: readonly CalibrationProfile[]): number {
  const powers = tpChoices(model, server).filter((tp) => (tp & (tp - 1)) === 0);
  return powers.find((tp) => sizeReplica(inputs, model, server, tp, profiles).sessionsPerReplica >= 1) ?? powers.at(-1) ?? 1;
}

/**
 * The engine-aware method (issue 8): replicas of TP GPUs, each GPU budgeted as the serving engine
 * budgets it; sessions per node = replicas × min(max concurrency per replica, max_num_seqs). A
 * calibration profile among `profiles` that matches the scenario replaces the formulas' terms with
 * the ones its start-up log measured; the node count follows from that KV.
 */
export function sizeEngine(
  inputs: SizingInputs,
  model: ModelRecord,
  server: ServerRecord,
  profiles?: readonly CalibrationProfile[],
): MethodResult {
  const tp = inputs.tp ?? defaultTp(inputs, model, server, profiles);
  const r = sizeReplica(inputs, model, server, tp, profiles);
  const replicasPerNode = server.gpus / tp;
  const sessionsPerNode = replicasPerNode * r.sessionsPerReplica;
  const kvAvailableBytes = Math.max(0, r.perGpu.kvAvailableGiB) * BYTES_PER_GIB;
  const weightsBind = r.perGpu.kvAvailableGiB <= 0;
  const bindingLimit: BindingLimit = weightsBind ? 'weights' : guardedFloor(r.concurrency) > r.s.maxNumSeqs ? 'max-num-seqs' : 'kv-memory';
  const infeasibility = weightsBind ? weightsInfeasibility(r) : r.sessionsPerReplica === 0 ? sessionInfeasibility(r) : null;
  const counted = infeasibility ? NO_NODES : countNodes(inputs, sessionsPerNode);
  const nodeHbm = r.perGpu.visibleGiB * server.gpus;
  const kvBudgetGiB = (kvAvailableBytes / BYTES_PER_GIB) * server.gpus;
  const kvBytesPerSession = r.sessionBytesPerGpu * tp;
  const engine: EngineFigures = {
    name: r.s.engine,
    version: r.s.policy.version,
    tp,
    replicasPerNode,
    memoryFraction: r.s.fraction,
    fractionOf: r.s.policy.fractionOf,
    visibleBasis: r.s.visible.basis,
    perGpu: r.perGpu,
    kvPrecision: r.s.kvPrecision,
    kvBytesPerTokenPerGpu: r.tokenBytesPerGpu,
    kvTokensPerReplica: Math.floor(kvAvailableBytes / (r.tokenBytesPerGpu * r.s.block)) * r.s.block,
    maxConcurrencyPerReplica: r.concurrency,
    maxNumSeqs: r.s.maxNumSeqs,
    maxNumBatchedTokens: r.s.maxNumBatchedTokens,
    maxModelLen: r.s.maxModelLen,
    blockSize: r.s.block,
    bindingLimit,
    terms: [], // described on demand (engineTerms): the method stays cheap for sweeps and the optimiser
    calibration: r.calibration,
  };
  return {
    method: 'engine',
    feasible: infeasibility === null,
    infeasibility,
    kvBytesPerSession,
    kvPerSessionGiB: kvBytesPerSession / BYTES_PER_GIB,
    nodeHbmGiB: nodeHbm,
    kvBudgetGiB,
    reservedGiB: nodeHbm - kvBudgetGiB,
    sessionsPerNode,
    nodes: counted.nodes,
    spareSessions: counted.spareSessions,
    utilisationRatio: counted.utilisationRatio,
    engine,
  };
}

const NO_NODES = { nodes: null, spareSessions: null, utilisationRatio: null } as const;

const g = (v: number, lang: Lang) => formatNumber(v, lang, 2);

/**
 * Text built on first read: sweeps and the optimiser size many infeasible plans whose words nobody
 * reads. A class, because an object literal with getters is slow to create (it made the whole engine
 * method 2.5 times slower). JSON gets both languages through toJSON; a structured clone refuses the
 * builder, so a store thread turns these into plain text before posting (store-worker/protocol.ts).
 */
class LazyText implements LocalizedText {
  private built: LocalizedText | undefined;
  constructor(private readonly build: () => LocalizedText) {}
  get en(): string {
    return (this.built ??= this.build()).en;
  }
  get 'pt-BR'(): string {
    return (this.built ??= this.build())['pt-BR'];
  }
  toJSON(): LocalizedText {
    return { en: this.en, 'pt-BR': this['pt-BR'] };
  }
}

const lazyText = (build: () => LocalizedText): LocalizedText => new LazyText(build);

function weightsInfeasibility(r: ReplicaSizing): Infeasibility {
  const p = r.perGpu;
  const budget = p.kvAvailableGiB + p.weightsGiB + p.activationPeakGiB + p.nonTorchGiB + (p.cudaGraphGiB ?? 0);
  const engine = SERVING_ENGINE_NAMES[r.s.engine];
  return {
    code: 'weights-do-not-fit',
    figures: { weightsGiBPerGpu: p.weightsGiB, activationPeakGiB: p.activationPeakGiB, budgetGiBPerGpu: budget, tp: r.tp },
    message: lazyText(() => ({
      en: `At TP ${r.tp}, each GPU needs ${g(p.weightsGiB, 'en')} GiB of weights, a ${g(p.activationPeakGiB, 'en')} GiB activation peak and ${g(p.nonTorchGiB, 'en')} GiB outside PyTorch: more than ${engine}'s budget of ${g(budget, 'en')} GiB, so no KV cache is left.`,
      'pt-BR': `Com TP ${r.tp}, cada GPU precisa de ${g(p.weightsGiB, 'pt-BR')} GiB de pesos, um pico de ativação de ${g(p.activationPeakGiB, 'pt-BR')} GiB e ${g(p.nonTorchGiB, 'pt-BR')} GiB fora do PyTorch: mais que o orçamento de ${g(budget, 'pt-BR')} GiB do ${engine}, e não sobra cache KV.`,
    })),
  };
}

function sessionInfeasibility(r: ReplicaSizing): Infeasibility {
  const need = r.maxModelLenBytesPerGpu / BYTES_PER_GIB;
  const have = Math.max(0, r.perGpu.kvAvailableGiB);
  return {
    code: 'session-exceeds-replica',
    figures: { sessionGiBPerGpu: need, kvAvailableGiBPerGpu: have, maxModelLen: r.s.maxModelLen, tp: r.tp },
    message: lazyText(() => ({
      en: `One request of ${formatNumber(r.s.maxModelLen, 'en')} tokens needs ${g(need, 'en')} GiB of KV cache per GPU, but each GPU of a TP ${r.tp} replica has ${g(have, 'en')} GiB left for KV.`,
      'pt-BR': `Uma requisição de ${formatNumber(r.s.maxModelLen, 'pt-BR')} tokens precisa de ${g(need, 'pt-BR')} GiB de cache KV por GPU, mas cada GPU de uma réplica TP ${r.tp} tem ${g(have, 'pt-BR')} GiB livres para KV.`,
    })),
  };
}

/** Each per-GPU term of an engine-method result with its formula and source (also the README's table). */
export function engineTerms(e: EngineFigures, model: ModelRecord): EngineTerm[] {
  const p = e.perGpu;
  const policy = enginePolicy(e.name, e.version);
  const requests = Math.min(e.maxNumSeqs, e.maxNumBatchedTokens);
  const pass = {
    model,
    tp: e.tp,
    tokens: e.maxNumBatchedTokens,
    requests,
    dtypeBytes: DTYPE_BYTES[model.dtype ?? 'bf16'],
    samplerBytesPerLogit: policy.samplerBytesPerLogit,
    moeWorkspaceHeld: policy.moeWorkspaceHeld,
  };
  const forwardGiB = forwardPeakBytes(pass) / BYTES_PER_GIB;
  const samplerGiB = samplerPeakBytes(pass) / BYTES_PER_GIB;
  const kvFormula =
    e.fractionOf === 'total'
      ? 'visible × fraction − weights − activation − outside PyTorch − graphs'
      : e.fractionOf === 'weights-and-kv'
        ? '(visible − CUDA context − outside PyTorch) × fraction − weights'
        : '(visible − weights − activation − outside PyTorch − graphs) × fraction';
  const terms: EngineTerm[] = [
    {
      key: 'visibleGiB',
      gib: p.visibleGiB,
      formula: `total CUDA reports (${e.visibleBasis})`,
      source: 'server record; torch.cuda.mem_get_info',
    },
    {
      key: 'weightsGiB',
      gib: p.weightsGiB,
      formula: 'weights / TP + replicated K/V or latent projections',
      source: 'model record (config.json); vLLM linear layers',
    },
    {
      key: 'activationPeakGiB',
      gib: p.activationPeakGiB,
      formula: `max(forward ${formatNumber(forwardGiB, 'en', 2)}, sampler ${formatNumber(samplerGiB, 'en', 2)}) at ${e.maxNumBatchedTokens} tokens, ${requests} requests`,
      source: policy.source,
    },
    {
      key: 'nonTorchGiB',
      gib: p.nonTorchGiB,
      ...nonTorchDescription(e),
    },
    {
      key: 'cudaGraphGiB',
      gib: p.cudaGraphGiB,
      formula: p.cudaGraphGiB === null ? 'captured after the KV cache, outside the budget' : 'piecewise graph pools',
      source: 'public start-up logs (assumption)',
    },
    { key: 'kvAvailableGiB', gib: p.kvAvailableGiB, formula: kvFormula, source: policy.source },
  ];
  const c = e.calibration;
  if (!c) return terms;
  const measured: readonly string[] = c.measured;
  return terms.map((t) =>
    measured.includes(t.key) ? { ...t, formula: calibratedFormula(t.key, c, e.fractionOf), source: c.message.en } : t,
  );
}

/** What the memory outside PyTorch holds, by engine: SGLang counts only its distributed init's buffers. */
function nonTorchDescription(e: EngineFigures): Pick<EngineTerm, 'formula' | 'source'> {
  if (e.fractionOf === 'weights-and-kv') {
    return {
      formula: e.tp === 1 ? 'none at TP 1 (CUDA context outside the fraction)' : 'NCCL buffers of the distributed init',
      source: 'SGLang model_runner.py init_torch_distributed; NCCL defaults',
    };
  }
  return {
    formula: e.tp === 1 ? 'CUDA/cuBLAS workspaces' : 'CUDA/cuBLAS workspaces + NCCL buffers',
    source: 'vLLM 0.11 logs; NCCL defaults',
  };
}

/** How a calibrated term was obtained from its log. */
function calibratedFormula(key: EngineTerm['key'], c: EngineCalibration, fractionOf: EngineFigures['fractionOf']): string {
  if (key === 'kvAvailableGiB') {
    const logged = c.kvFromTokens ? 'logged KV tokens × KV bytes per token' : 'logged available KV';
    const base = fractionOf === 'weights-and-kv' ? 'memory free before loading' : 'visible';
    return `${logged} + ${base} × (fraction − logged fraction${c.fractionAssumed ? ', the version default' : ''})`;
  }
  if (key === 'activationPeakGiB' && c.profile.measured.activationPeakGiB === null)
    return "the log's balance: budget − KV − weights − outside PyTorch − graphs";
  return 'as logged';
}
