import type { LocalizedText } from '../types.js';

/** The serving engines whose start-up logs the planner reads. */
export type LoggedEngine = 'vllm' | 'sglang';

/** Per-GPU memory figures and KV capacity a start-up log can state. */
export type LogFigureKey =
  'visibleGiB' | 'weightsGiB' | 'activationPeakGiB' | 'nonTorchGiB' | 'cudaGraphGiB' | 'kvAvailableGiB' | 'kvTokens' | 'maxConcurrency';

export const LOG_FIGURE_KEYS: LogFigureKey[] = [
  'visibleGiB',
  'weightsGiB',
  'activationPeakGiB',
  'nonTorchGiB',
  'cudaGraphGiB',
  'kvAvailableGiB',
  'kvTokens',
  'maxConcurrency',
];

/** One figure as the log states it, with the line it came from so a reader can check it. */
export interface LoggedFigure {
  value: number;
  /** 1-based line number in the text as given. */
  line: number;
  /** That line, without colour codes, cut to a readable length. */
  text: string;
  /** How many GPU ranks logged this figure (memory terms are per GPU; the binding rank is kept). */
  ranks: number;
  /** Set when the figure is computed from logged ones rather than stated: how. */
  derived?: Derivation;
}

/** How a figure the log implies was computed from the ones it states. */
export type Derivation =
  /** KV tokens = GPU blocks × tokens per block (vLLM's default block size when the log does not state one). */
  | { kind: 'blocks'; blocks: number; blockSize: number; blockSizeLogged: boolean }
  /** vLLM 0.6.4: activation peak = torch peak (weights included) − weights. */
  | { kind: 'peak-minus-weights'; peakTorchGiB: number; weightsGiB: number }
  /** vLLM V1 (DEBUG): visible memory = requested memory ÷ gpu_memory_utilization. */
  | { kind: 'requested-over-fraction'; requestedGiB: number; fraction: number };

/** A calendar date as far as the log gives it: vLLM stamps month and day only. */
export interface LogDate {
  year: number | null;
  month: number;
  day: number;
}

/** Everything a vLLM or SGLang start-up log told us; null where the log is silent. */
export interface StartupLog {
  engine: LoggedEngine;
  engineVersion: string | null;
  /** vLLM's engine generation (V0 worker or V1 engine core); null for SGLang. */
  generation: 'v0' | 'v1' | null;
  /** The model as the engine names it: a Hugging Face name or a local path. */
  model: string | null;
  tp: number | null;
  /** Whether TP was stated in the engine's configuration or counted from the ranks that logged. */
  tpFrom: 'config' | 'ranks' | null;
  /** vLLM gpu_memory_utilization, or SGLang mem_fraction_static. */
  memoryFraction: number | null;
  maxModelLen: number | null;
  /** The engine's KV cache dtype setting as logged ("auto", "fp8", "fp8_e4m3", "bfloat16", …). */
  kvCacheDtype: string | null;
  /** The model's own dtype ("bfloat16", "float16", …). */
  modelDtype: string | null;
  blockSize: number | null;
  maxNumSeqs: number | null;
  maxNumBatchedTokens: number | null;
  /** The GPU's name when the log (or an nvidia-smi table pasted with it) names one. */
  gpuName: string | null;
  date: LogDate | null;
  figures: Partial<Record<LogFigureKey, LoggedFigure>>;
  /** Whether this engine version counts CUDA-graph memory inside its memory budget before sizing the KV cache. */
  cudaGraphInBudget: boolean;
  lineCount: number;
}

type LogRefusalCode = 'empty' | 'foreign' | 'truncated' | 'failed-start';

/** Why a text cannot calibrate anything: named in both languages, with what was missing. */
export interface LogRefusal {
  code: LogRefusalCode;
  missing: string[];
  message: LocalizedText;
}

export type LogParseOutcome = { ok: true; log: StartupLog } | { ok: false; refusal: LogRefusal };
