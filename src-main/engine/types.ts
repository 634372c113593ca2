import type { CalibrationProfile } from './calibration/profile.js';
import type { FeasibilityFix } from './fixes.js';
import type { PrecisionId } from './precision.js';
import type { LatencyResult } from './service-targets.js';

export type HaPolicy = 'none' | 'n+1' | 'n+2';
export type MemoryBasis = 'nominal' | 'measured';
export type Lang = 'en' | 'pt-BR';
export type Severity = 'info' | 'warning' | 'critical';
export type MethodId = 'pooled' | 'engine';
/** Serving engines whose memory policy the engine method models. */
export type ServingEngine = 'vllm' | 'sglang' | 'trtllm';
/** KV precision as an input: a storage format, or `auto` for the model's own dtype. */
export type KvPrecision = PrecisionId | 'auto';
/** Format of the weights' linear layers (embeddings, output head and norms stay in bf16). */
export type WeightsPrecision = 'bf16' | 'fp8' | 'fp4';
/** Engine method: use a stored calibration profile that matches the scenario (auto, the default), or the formulas only (off). */
export type CalibrationChoice = 'auto' | 'off';
/** What caps sessions per replica in the engine method. */
export type BindingLimit = 'kv-memory' | 'max-num-seqs' | 'weights';

/** Text in both product languages; the engine never picks one, its callers do. */
export type LocalizedText = Record<Lang, string>;

/** KV cache layout of one transformer layer family. */
export type Attention = { kind: 'gqa'; kvHeads: number; headDim: number } | { kind: 'mla'; kvLoraRank: number; qkRopeHeadDim: number };

/** Precisions a checkpoint's unquantised tensors and activations use (config.json torch_dtype): what KV `auto` means. */
export type ModelDtype = 'fp32' | 'fp16' | 'bf16' | 'fp8';

/** Mixture-of-experts feed-forward layout (config.json of the MoE families). */
interface MoeLayout {
  /** Routed experts per MoE layer (num_local_experts / num_experts / n_routed_experts). */
  experts: number;
  /** Routed experts each token visits (num_experts_per_tok / experts_per_token). */
  expertsPerToken: number;
  /** Width of one expert's MLP (moe_intermediate_size; gpt-oss: intermediate_size). */
  expertIntermediateSize: number;
  /** Experts every token visits besides the routed ones (DeepSeek-V3 n_shared_experts), width expertIntermediateSize. */
  sharedExperts?: number;
  /** Leading layers with a dense MLP of intermediateSize instead of experts (DeepSeek-V3 first_k_dense_replace). */
  denseLayers?: number;
}

export interface ModelRecord {
  id: string;
  name: string;
  layers: number;
  /** Layers that only attend to the last `windowTokens` tokens (the rest attend to the full context). */
  slidingWindow?: { layers: number; windowTokens: number };
  queryHeads: number;
  attention: Attention;
  paramsTotalB: number;
  paramsActiveB: number;
  weightsGiB: number;
  weightsFormat: string;
  maxContextTokens: number;
  /** Context the model was trained for without rope scaling (Qwen3: 40,960; beyond needs YaRN). Absent: maxContextTokens. */
  nativeContextTokens?: number;
  /** Residual-stream width (config.json hidden_size). The engine method needs it; optional for older custom records. */
  hiddenSize?: number;
  /** Dense MLP width (intermediate_size); for MoE models the width of their dense layers, if any. */
  intermediateSize?: number;
  vocabSize?: number;
  /** The checkpoint's compute dtype (torch_dtype): KV precision `auto` stores KV in it. */
  dtype?: ModelDtype;
  /** Input embedding and output head share one matrix (tie_word_embeddings). */
  tiedEmbeddings?: boolean;
  moe?: MoeLayout;
  source: string;
}

/** Accelerator families; what each runs natively is in engine/hardware.ts. */
export type GpuGeneration = 'ampere' | 'ada' | 'hopper' | 'blackwell' | 'blackwell-ultra' | 'cdna3' | 'cdna4';

export interface ServerRecord {
  id: string;
  name: string;
  gpus: number;
  hbmGBPerGpu: number;
  /** Capacity per GPU as nvidia-smi reports it, when known. */
  measuredMiBPerGpu?: number;
  /**
   * Total memory the GPU runtime reports to a serving engine (torch.cuda.mem_get_info), GiB as the
   * engines log it: a little below nvidia-smi's figure. Absent: derived from measuredMiBPerGpu.
   */
  engineVisibleGiBPerGpu?: number;
  hbmBandwidthTBpsPerGpu: number;
  generation?: GpuGeneration;
  /** Dense (no sparsity) tensor TFLOPS per GPU; fp8 and fp4 absent where the GPU has no such units. */
  tflopsBf16PerGpu?: number;
  tflopsFp8PerGpu?: number;
  tflopsFp4PerGpu?: number;
  /** GPU-to-GPU bandwidth per GPU as vendors state it (NVLink, Infinity Fabric or PCIe; both directions summed), GB/s. */
  interconnectGBpsPerGpu?: number;
  nodePowerKW: number;
  priceLowUsd: number;
  priceHighUsd: number;
  source: string;
}

export interface StorageRecord {
  id: string;
  name: string;
  readThroughputGBps: number;
  firstByteLatencyS: number;
  source: string;
}

export interface Catalog {
  models: ModelRecord[];
  servers: ServerRecord[];
  storage: StorageRecord[];
  /** Profiles measured from engine start-up logs; the engine method uses one that matches a scenario. */
  calibrations?: readonly CalibrationProfile[];
}

/** Every input of one scenario, flat so that a region can override any of them. */
export interface SizingInputs {
  method: MethodId;
  modelId: string;
  serverId: string;
  storageId: string;
  concurrency: number;
  effectiveContextTokens: number;
  kvPrecision: KvPrecision;
  /** Weights memory from the parameter count in this format; absent: the record's weights as shipped. */
  weightsPrecision?: WeightsPrecision;
  /** Engine method only (absent: vLLM). */
  servingEngine?: ServingEngine;
  /** Engine method: the version family whose memory policy applies (absent: the engine's default). */
  engineVersion?: string;
  /** vLLM's gpu_memory_utilization: share of the GPU's total memory the engine may use. */
  gpuMemoryUtilization?: number;
  /** SGLang's mem_fraction_static: share of total memory for weights and the KV pool. */
  memFractionStatic?: number;
  /** TensorRT-LLM's free_gpu_memory_fraction: share of the memory free after loading given to KV. */
  freeGpuMemoryFraction?: number;
  /** Engine method: GPUs per replica (tensor parallelism); absent: the smallest power of two that fits. */
  tp?: number;
  maxNumBatchedTokens?: number;
  maxNumSeqs?: number;
  /** Engine method: longest request the engine admits; absent: the effective context. */
  maxModelLen?: number;
  /** Engine method: tokens per KV page; absent: the engine's default. */
  blockSize?: number;
  /** Engine method: whether a matching calibration profile stands in for the formulas; absent: auto. */
  calibration?: CalibrationChoice;
  kvBudgetRatio: number;
  runtimeOverheadGiB: number;
  peakHeadroomRatio: number;
  ha: HaPolicy;
  memoryBasis: MemoryBasis;
  /** Overrides the server's reference price range with one figure. */
  pricePerNodeUsd?: number;
  years: number;
  pue: number;
  kwhPriceUsd: number;
  /** Cost lines beyond the servers; empty means the documented default (COST_DEFAULTS in cost.ts). */
  colocationUsdPerKwMonth?: number;
  supportUsdPerNodeYear?: number;
  networkUsdPerNode?: number;
  /** Average draw as a share of the node's maximum power, for the energy line. */
  averagePowerRatio?: number;
  coldStartTargetS?: number;
  engineInitS: number;
  /** As a ratio, e.g. 0.999 for "three nines". */
  availabilityTarget?: number;
  podSize: number;
  hbmAlertRatio: number;
  scaleUpRatio: number;
  scaleDownRatio: number;
  scaleDownMinutes: number;
  /** Service targets: time per output token (ms) and time to first token (s) at the planned load. */
  tpotMs?: number;
  ttftS?: number;
  /** Mean prompt and output lengths of a request, for TTFT and steady-state decode. */
  promptTokens?: number;
  outputTokens?: number;
  /** Latency model efficiencies (README, "Latency and service targets"); absent: the defaults. */
  bandwidthEfficiency?: number;
  computeEfficiency?: number;
  communicationEfficiency?: number;
}

export interface NodeCounts {
  capacity: number;
  withHeadroom: number;
  total: number;
}

export interface Infeasibility {
  code:
    | 'budget-not-positive'
    | 'session-exceeds-budget'
    | 'weights-do-not-fit'
    | 'session-exceeds-replica'
    | 'tpot-unreachable'
    | 'ttft-unreachable';
  message: LocalizedText;
  figures: Record<string, number>;
}

/** A per-GPU memory term of the engine method: its value, formula and source, for reports and the README. */
export interface EngineTerm {
  key: 'visibleGiB' | 'weightsGiB' | 'activationPeakGiB' | 'nonTorchGiB' | 'cudaGraphGiB' | 'kvAvailableGiB';
  gib: number | null;
  formula: string;
  source: string;
}

/** A per-GPU term a calibration profile can measure in place of the formula. */
export type CalibratedTerm = 'weightsGiB' | 'activationPeakGiB' | 'nonTorchGiB' | 'cudaGraphGiB' | 'kvAvailableGiB';

/** Filled by the start-up-log calibration when a profile matches the scenario. */
export interface EngineCalibration {
  /** The profile that stood in for the formulas (with its id when it came from a project database). */
  profile: CalibrationProfile & { id?: number };
  /** Terms taken from the log (or, for the activation peak, from the log's balance); the others are the method's formulas. */
  measured: CalibratedTerm[];
  /** The log did not state its memory fraction: the engine's default for that version was assumed. */
  fractionAssumed: boolean;
  /** The log stated KV tokens but no KV memory: tokens × the model's KV bytes per token per GPU. */
  kvFromTokens: boolean;
  /** The available KV per GPU the formulas give, for comparison with the calibrated figure. */
  formulaKvAvailableGiB: number;
  /** "calibrated from a log of <date> (<engine>, <source>)", for every output. */
  message: LocalizedText;
}

/** The engine method's per-GPU accounting and replica layout (SizingResult.engine). */
export interface EngineFigures {
  name: ServingEngine;
  version: string;
  tp: number;
  replicasPerNode: number;
  /** The engine's memory fraction in its own meaning (see `fractionOf`). */
  memoryFraction: number;
  fractionOf: 'total' | 'weights-and-kv' | 'free-after-load';
  /** Where visibleGiB comes from: an engine log, nvidia-smi less the driver's reserve, or the vendor's GB. */
  visibleBasis: 'engine-log' | 'measured' | 'nominal';
  perGpu: {
    visibleGiB: number;
    weightsGiB: number;
    activationPeakGiB: number;
    nonTorchGiB: number;
    cudaGraphGiB: number | null;
    kvAvailableGiB: number;
  };
  kvPrecision: PrecisionId;
  kvBytesPerTokenPerGpu: number;
  kvTokensPerReplica: number;
  maxConcurrencyPerReplica: number;
  maxNumSeqs: number;
  maxNumBatchedTokens: number;
  maxModelLen: number;
  blockSize: number;
  bindingLimit: BindingLimit;
  terms: EngineTerm[];
  calibration: EngineCalibration | null;
}

/** What a sizing method returns; everything downstream consumes only this. */
export interface MethodResult {
  method: MethodId;
  feasible: boolean;
  infeasibility: Infeasibility | null;
  kvBytesPerSession: number;
  kvPerSessionGiB: number;
  nodeHbmGiB: number;
  kvBudgetGiB: number;
  reservedGiB: number;
  sessionsPerNode: number;
  nodes: NodeCounts | null;
  spareSessions: number | null;
  /** Share of planned session slots in use at the stated concurrency. */
  utilisationRatio: number | null;
  /** The engine method's per-GPU figures; null for the pooled method. */
  engine: EngineFigures | null;
}

export interface MemoryPerNode {
  hbmGiB: number;
  reservedShareGiB: number;
  runtimeOverheadGiB: number;
  kvInUseGiB: number;
  kvFreeGiB: number;
  usedRatio: number;
}

export interface WeightsCheck {
  weightsGiB: number;
  outsideKvGiB: number;
  copiesThatFit: number;
  fits: boolean;
}

/** Time to bring up one replica (one copy of the model serving traffic), not one node. */
export interface ColdStartEstimate {
  storageId: string;
  seconds: number;
  readSeconds: number;
  latencyS: number;
  engineInitS: number;
  /** The planning default (DEFAULT_ENGINE_INIT_S, with its sources) or a figure the user entered. */
  engineInitSource: 'planning-default' | 'your-figure';
  targetS: number | null;
  meetsTarget: boolean | null;
  /** Every profile's time, so the UI and recommendations can name one that meets the target. */
  byStorage: { storageId: string; storageName: LocalizedText; seconds: number; meetsTarget: boolean | null }[];
}

export interface CostEstimate {
  pricePerNodeLowUsd: number;
  pricePerNodeHighUsd: number;
  priceIsOverride: boolean;
  serverCapexLowUsd: number;
  serverCapexHighUsd: number;
  networkCapexUsd: number;
  /** Servers plus network fabric. */
  capexLowUsd: number;
  capexHighUsd: number;
  /** Energy at the average power ratio; energyAtMaxPowerPerYearUsd is the same at full power. */
  energyPerYearUsd: number;
  energyAtMaxPowerPerYearUsd: number;
  colocationPerYearUsd: number;
  supportPerYearUsd: number;
  /** Energy + colocation + support and software. */
  opexPerYearUsd: number;
  years: number;
  tcoLowUsd: number;
  tcoHighUsd: number;
  capexPerSessionLowUsd: number;
  capexPerSessionHighUsd: number;
  tcoPerSessionLowUsd: number;
  tcoPerSessionHighUsd: number;
  /** The cost inputs used, defaults filled in. */
  rates: { colocationUsdPerKwMonth: number; supportUsdPerNodeYear: number; networkUsdPerNode: number; averagePowerRatio: number };
}

export interface Recommendation {
  id: string;
  severity: Severity;
  message: LocalizedText;
  figures: Record<string, number | string>;
}

/** A full plan for one scenario: the method's result plus everything derived from it. */
export interface SizingResult extends MethodResult {
  inputs: SizingInputs;
  model: ModelRecord;
  server: ServerRecord;
  storage: StorageRecord;
  memoryPerNode: MemoryPerNode | null;
  weights: WeightsCheck;
  coldStart: ColdStartEstimate;
  cost: CostEstimate | null;
  /** Concurrency at which one more node becomes necessary under the chosen headroom. */
  nextNodeAtConcurrency: number | null;
  recommendations: Recommendation[];
  /** Decode and prefill latency at the planned load; null when a record lacks the figures or the plan is infeasible. */
  latency: LatencyResult | null;
  /** For an infeasible plan, every single change that alone makes it feasible (engine/fixes.ts). */
  fixes: FeasibilityFix[];
}

export interface RegionSpec {
  name: string;
  concurrency: number;
  overrides: Partial<Omit<SizingInputs, 'concurrency'>>;
}

interface RegionResult {
  name: string;
  result: SizingResult;
}

interface PlanTotals {
  nodes: number | null;
  concurrency: number;
  sessionCapacity: number | null;
  capexLowUsd: number | null;
  capexHighUsd: number | null;
  opexPerYearUsd: number | null;
  tcoLowUsd: number | null;
  tcoHighUsd: number | null;
}

export interface PlanResult {
  feasible: boolean;
  regions: RegionResult[];
  totals: PlanTotals;
}
