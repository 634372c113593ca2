/**
 * The start-up lines vLLM and SGLang write, as the planner reads them. Each rule names the engine
 * source that writes the line and a public log that shows it, so a format change can be traced.
 *
 * Units: every "GB" these engines print at start-up is a binary gibibyte. vLLM divides by 2**30
 * (vllm/worker/model_runner.py: `self.model_memory_usage / float(2**30)` printed as "GB"); SGLang
 * divides by `1 << 30` (python/sglang/srt/utils.py get_available_gpu_memory) and uses
 * `GB = 1024 * 1024 * 1024` (python/sglang/srt/mem_cache/memory_pool.py).
 */
import type { LoggedEngine } from './types.js';

/** What the scanner collects from one line; the parser aggregates it across lines and ranks. */
export type ObservationKey =
  | 'visibleGiB'
  | 'weightsGiB'
  | 'activationPeakGiB'
  | 'nonTorchGiB'
  | 'cudaGraphGiB'
  | 'cudaGraphEstimatedGiB'
  | 'kvAvailableGiB'
  | 'kvTokens'
  | 'gpuBlocks'
  | 'maxConcurrency'
  | 'peakTorchGiB'
  | 'requestedGiB';

export type SettingKey =
  | 'engineVersion'
  | 'model'
  | 'tp'
  | 'memoryFraction'
  | 'maxModelLen'
  | 'kvCacheDtype'
  | 'modelDtype'
  | 'blockSize'
  | 'maxNumSeqs'
  | 'maxNumBatchedTokens';

/** Where a matched line's facts go. */
export interface LineSink {
  figure(key: ObservationKey, value: number): void;
  setting(key: SettingKey, value: string | number): void;
  generation(value: 'v0' | 'v1'): void;
  cudaGraphInBudget(): void;
}

export interface LineRule {
  pattern: RegExp;
  read: (match: RegExpExecArray, sink: LineSink) => void;
}

/** A number as logged: "158,656" and "-0.51" included. */
function logNumber(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

const NUM = '(-?[\\d.]+)';
const INT = '([\\d,]+)';

/** Reads `key=value`, `key: value` and `'key': value` settings out of a configuration dump. */
function setting(body: string, names: string[]): string | null {
  for (const name of names) {
    const match = new RegExp(`['"]?\\b${name}['"]?\\s*[=:]\\s*(?:'([^']*)'|"([^"]*)"|([^,)}\\s]+))`).exec(body);
    if (!match) continue;
    // One of the three alternatives always matched, so one group is set (empty for '' or "").
    const value = match[1] ?? match[2] ?? match[3]!;
    if (value !== '' && value !== 'None' && value !== 'null') return value;
  }
  return null;
}

function numericSetting(sink: LineSink, key: SettingKey, body: string, names: string[]): void {
  const raw = setting(body, names);
  if (raw !== null && /^[\d.]+$/.test(raw)) sink.setting(key, Number(raw));
}

/** The engine configuration vLLM prints at start-up (engine config line, `non-default args`, or `args: Namespace(…)`). */
function readVllmConfig(body: string, sink: LineSink): void {
  const model = setting(body, ['model', 'model_tag']);
  if (model) sink.setting('model', model);
  numericSetting(sink, 'tp', body, ['tensor_parallel_size']);
  numericSetting(sink, 'maxModelLen', body, ['max_seq_len', 'max_model_len']);
  numericSetting(sink, 'memoryFraction', body, ['gpu_memory_utilization']);
  numericSetting(sink, 'blockSize', body, ['block_size']);
  numericSetting(sink, 'maxNumSeqs', body, ['max_num_seqs']);
  numericSetting(sink, 'maxNumBatchedTokens', body, ['max_num_batched_tokens']);
  const kvDtype = setting(body, ['kv_cache_dtype']);
  if (kvDtype) sink.setting('kvCacheDtype', kvDtype);
  const dtype = /\bdtype=torch\.(\w+)/.exec(body) ?? /['"]dtype['"]:\s*'(\w+)'/.exec(body);
  if (dtype) sink.setting('modelDtype', dtype[1]!);
}

/** SGLang's `server_args=ServerArgs(…)` dump (python/sglang/srt/server_args.py). */
function readSglangArgs(body: string, sink: LineSink): void {
  const model = setting(body, ['model_path']);
  if (model) sink.setting('model', model);
  numericSetting(sink, 'tp', body, ['tp_size']);
  numericSetting(sink, 'maxModelLen', body, ['context_length']);
  numericSetting(sink, 'memoryFraction', body, ['mem_fraction_static']);
  numericSetting(sink, 'blockSize', body, ['page_size']);
  numericSetting(sink, 'maxNumSeqs', body, ['max_running_requests']);
  numericSetting(sink, 'maxNumBatchedTokens', body, ['chunked_prefill_size']);
  const kvDtype = setting(body, ['kv_cache_dtype']);
  if (kvDtype) sink.setting('kvCacheDtype', kvDtype);
  const dtype = setting(body, ['dtype']);
  if (dtype && dtype !== 'auto') sink.setting('modelDtype', dtype);
}

const rule = (pattern: RegExp, read: LineRule['read']): LineRule => ({ pattern, read });
const gib = (key: ObservationKey, pattern: RegExp) => rule(pattern, (m, s) => s.figure(key, logNumber(m[1]!)));

/**
 * vLLM, 0.6 onward, both engine generations.
 * Public logs these rules were checked against:
 *   V0 0.6.4  vllm-project/vllm#10517 (Llama-3.1-8B, RTX 3090: "Memory profiling results: total_gpu_memory=23.58GiB …")
 *   V0 0.6.5+ vllm-project/vllm#11550, #13061, PR #10511 ("Memory profiling takes … the current vLLM instance can use total_gpu_memory …")
 *   V1        vllm-project/vllm PR #13596 ("# GPU blocks" became "GPU KV cache size: N tokens"), PR #17122, #21348, #30031
 *   V1 0.2x   "Estimated CUDA graph memory: … GiB total" and "CUDA graph memory profiling is enabled (default since v0.21.0)"
 */
const VLLM_LINES: LineRule[] = [
  // vllm/engine/llm_engine.py (V0: "an LLM engine", "a V0 LLM engine" from 0.7.3) and vllm/v1/engine/core.py
  // ("a V1 LLM engine"): the engine's whole configuration.
  rule(/Initializing an? (?:(V[01]) )?LLM engine \(v([^)\s]+)\) with config: (.*)/, (m, s) => {
    if (m[1]) s.generation(m[1] === 'V1' ? 'v1' : 'v0');
    s.setting('engineVersion', m[2]!);
    readVllmConfig(m[3]!, s);
  }),
  // vllm/entrypoints/openai/api_server.py and vllm/entrypoints/utils.py: the server's arguments.
  rule(/vLLM API server version:? v?(\d[^\s,]*)/, (m, s) => s.setting('engineVersion', m[1]!)),
  rule(/non-default args: (\{.*)/, (m, s) => readVllmConfig(m[1]!, s)),
  rule(/\bargs: Namespace\((.*)/, (m, s) => readVllmConfig(m[1]!, s)),
  rule(/Using max model len (\d+)/, (m, s) => s.setting('maxModelLen', Number(m[1]))),
  rule(/Chunked prefill is enabled with max_num_batched_tokens=(\d+)/, (m, s) => s.setting('maxNumBatchedTokens', Number(m[1]))),
  // Weights: V0 model_runner.py "Loading model weights took %.4f GB"; later "Model loading took %.4f GB|GiB and %.6f seconds",
  // newest "Model loading took %s GiB memory and %.6f seconds" (vllm/v1/worker/gpu_model_runner.py).
  gib('weightsGiB', /Loading model weights took (-?[\d.]+) GB/),
  gib('weightsGiB', /Model loading took (-?[\d.]+) Gi?B/),
  // V0 0.6.4 vllm/worker/worker.py: one line of key=value figures; peak_torch_memory includes the weights.
  rule(/Memory profiling results: (.*)/, (m, s) => {
    const body = m[1]!;
    const read = (name: string) => new RegExp(`\\b${name}=${NUM}\\s*Gi?B`).exec(body);
    const total = read('total_gpu_memory');
    if (total) s.figure('visibleGiB', logNumber(total[1]!));
    const peak = read('peak_torch_memory');
    if (peak) s.figure('peakTorchGiB', logNumber(peak[1]!));
    const nonTorch = read('non_torch_memory');
    if (nonTorch) s.figure('nonTorchGiB', logNumber(nonTorch[1]!));
    const kv = read('kv_cache_size');
    if (kv) s.figure('kvAvailableGiB', logNumber(kv[1]!));
    const util = /\bgpu_memory_utilization=([\d.]+)/.exec(body);
    if (util) s.setting('memoryFraction', Number(util[1]));
    s.generation('v0');
  }),
  // V0 0.6.5 onward, vllm/worker/worker.py: one message over three lines (each gets the log prefix).
  rule(new RegExp(`total_gpu_memory \\(${NUM}\\s*GiB\\) x gpu_memory_utilization \\(([\\d.]+)\\)`), (m, s) => {
    s.figure('visibleGiB', logNumber(m[1]!));
    s.setting('memoryFraction', Number(m[2]));
  }),
  gib('weightsGiB', new RegExp(`model weights take ${NUM}\\s*GiB`)),
  gib('nonTorchGiB', new RegExp(`non_torch_memory takes ${NUM}\\s*GiB`)),
  gib('activationPeakGiB', new RegExp(`PyTorch activation peak memory takes ${NUM}\\s*GiB`)),
  rule(new RegExp(`the rest of the memory reserved for KV Cache is ${NUM}\\s*GiB`), (m, s) => {
    s.figure('kvAvailableGiB', logNumber(m[1]!));
    s.generation('v0');
  }),
  // V1 vllm/utils MemoryProfilingResult.__repr__ (DEBUG level): "Memory profiling takes … seconds. Total non KV cache
  // memory: …GiB; torch peak memory increase: …GiB; non-torch forward increase memory: …GiB; weights memory: …GiB."
  gib('activationPeakGiB', new RegExp(`torch peak memory increase: ${NUM}\\s*GiB`)),
  gib('nonTorchGiB', new RegExp(`non-torch forward increase memory: ${NUM}\\s*GiB`)),
  gib('weightsGiB', new RegExp(`weights memory: ${NUM}\\s*GiB`)),
  // V1 vllm/v1/worker/gpu_worker.py (DEBUG): "Requested memory: %.2f (util), %.2f GiB".
  rule(/Requested memory: ([\d.]+) \(util\), ([\d.]+) GiB/, (m, s) => {
    s.setting('memoryFraction', Number(m[1]));
    s.figure('requestedGiB', logNumber(m[2]!));
  }),
  // V1 vllm/v1/worker/gpu_worker.py: "Available KV cache memory: %.2f GiB" (each rank logs its own).
  rule(new RegExp(`Available KV cache memory: ${NUM} GiB`), (m, s) => {
    s.figure('kvAvailableGiB', logNumber(m[1]!));
    s.generation('v1');
  }),
  // V1 vllm/v1/core/kv_cache_utils.py: "GPU KV cache size: %s tokens" (thousands separated).
  rule(new RegExp(`GPU KV cache size: ${INT} tokens`), (m, s) => {
    s.figure('kvTokens', logNumber(m[1]!));
    s.generation('v1');
  }),
  // V0 executors: "# GPU blocks: %d, # CPU blocks: %d" (later "# cuda blocks" / "# CUDA blocks", from the platform's name);
  // early V1 (before PR #13596): "# GPU blocks: %d" alone.
  rule(/#\s?(\w+) blocks: (\d+)(, # CPU blocks)?/, (m, s) => {
    if (m[1]!.toUpperCase() === 'CPU') return;
    s.figure('gpuBlocks', Number(m[2]));
    s.generation(m[3] ? 'v0' : 'v1');
  }),
  // Both generations: "Maximum concurrency for %s tokens per request: %.2fx", at max_model_len.
  rule(/Maximum concurrency for ([\d,]+) tokens per request: ([\d.]+)x/, (m, s) => {
    s.figure('maxConcurrency', logNumber(m[2]!));
    s.setting('maxModelLen', logNumber(m[1]!));
  }),
  // vllm/v1/worker/gpu_model_runner.py (and V0 model_runner.py since 0.6.5): "Graph capturing finished in %.0f secs, took %.2f GiB".
  gib('cudaGraphGiB', new RegExp(`Graph capturing finished in \\d+ secs?, took ${NUM} GiB`)),
  gib('cudaGraphGiB', new RegExp(`CUDA graph pool memory: ${NUM} GiB \\(actual\\)`)),
  // v0.21+: graphs are profiled before the KV cache is sized, and their memory counts inside the budget.
  rule(new RegExp(`Estimated CUDA graph memory: ${NUM} GiB`), (m, s) => {
    s.figure('cudaGraphEstimatedGiB', logNumber(m[1]!));
    s.cudaGraphInBudget();
  }),
  rule(/CUDA graph memory profiling is enabled.*?--gpu-memory-utilization=([\d.]+) is equivalent/, (m, s) => {
    s.setting('memoryFraction', Number(m[1]));
    s.cudaGraphInBudget();
  }),
];

/**
 * SGLang (python/sglang/srt/model_executor/model_runner.py, mem_cache/memory_pool.py, managers/scheduler.py).
 * Public logs these rules were checked against: sgl-project/sglang PR #4826 (Gemma 3, "Load weight end … mem usage",
 * "KV Cache is allocated. #tokens: 834615, K size: 54.12 GB, V size: 54.12 GB"), PR #4848 (server_args=ServerArgs(…)),
 * PR #11830 and #12978 ("Capture cuda graph end. Time elapsed: … s. mem usage=… GB. avail mem=… GB."),
 * vllm-project/vllm#21348 (Qwen3-235B at TP4), and the MLA form "#tokens: N, KV size: … GB".
 */
const SGLANG_LINES: LineRule[] = [
  rule(/server_args=ServerArgs\((.*)/, (m, s) => readSglangArgs(m[1]!, s)),
  rule(/\bsglang[ _]version[:= ]+v?(\d[^\s,]*)/i, (m, s) => s.setting('engineVersion', m[1]!)),
  // model_runner.py load_model: the memory free on this rank before the weights load, read after the CUDA
  // context and the distributed init, as pre_model_load_memory (the min over ranks) is: what
  // mem_fraction_static is a share of (profile_max_num_token).
  gib('visibleGiB', /Load weight begin\. avail mem=([\d.]+) GB/),
  rule(/Load weight end\.(.*)/, (m, s) => {
    const usage = /mem usage=([\d.]+) GB/.exec(m[1]!);
    if (usage) s.figure('weightsGiB', logNumber(usage[1]!));
    const dtype = /dtype=torch\.(\w+)/.exec(m[1]!);
    if (dtype) s.setting('modelDtype', dtype[1]!);
  }),
  // model_runner.py init_torch_distributed: free memory before less after init_distributed_environment and
  // initialize_model_parallel, i.e. the distributed groups' buffers (NCCL, custom all-reduce) outside
  // PyTorch's allocator. The CUDA context existed before the first reading, so it is never in this figure:
  // 0.00 at TP 1 is right, and SGLang's fraction is of the memory free after both (see apply.ts).
  // Since 2026 the line also states the time: "Init torch distributed ends. elapsed=0.31 s, mem usage=0.09 GB".
  gib('nonTorchGiB', /Init torch distributed ends\.(?: elapsed=[\d.]+ s,)? mem usage=([\d.]+) GB/),
  rule(/KV Cache is allocated\.(.*)/, (m, s) => {
    const body = m[1]!;
    const tokens = /#tokens: (\d+)/.exec(body);
    if (tokens) s.figure('kvTokens', Number(tokens[1]));
    const kv = /\bKV size: ([\d.]+) GB/.exec(body);
    const k = /\bK size: ([\d.]+) GB/.exec(body);
    const v = /\bV size: ([\d.]+) GB/.exec(body);
    if (kv) s.figure('kvAvailableGiB', logNumber(kv[1]!));
    else if (k && v) s.figure('kvAvailableGiB', logNumber(k[1]!) + logNumber(v[1]!));
    const dtype = /dtype: torch\.(\w+)/.exec(body);
    if (dtype) s.setting('kvCacheDtype', dtype[1]!);
  }),
  rule(/Using KV cache dtype: torch\.(\w+)/, (m, s) => s.setting('kvCacheDtype', m[1]!)),
  rule(/Capture cuda graph end\.(.*)/, (m, s) => {
    const usage = /mem usage=([\d.]+) GB/.exec(m[1]!);
    if (usage) s.figure('cudaGraphGiB', logNumber(usage[1]!));
  }),
  rule(/max_total_num_tokens=(\d+)(.*)/, (m, s) => {
    s.figure('kvTokens', Number(m[1]));
    const context = /context_len=(\d+)/.exec(m[2]!);
    if (context) s.setting('maxModelLen', Number(context[1]));
    const running = /max_running_requests=(\d+)/.exec(m[2]!);
    if (running) s.setting('maxNumSeqs', Number(running[1]));
  }),
];

export const ENGINE_LINES: Record<LoggedEngine, LineRule[]> = { vllm: VLLM_LINES, sglang: SGLANG_LINES };

/**
 * Which GPU rank wrote a line: vLLM V0 worker processes "(VllmWorkerProcess pid=N)", V1 "(VllmWorker rank=N pid=…)"
 * and "(Worker_TPn pid=…)", SGLang "[date time TPn]" or "[… DP0 TPn EP0]". Unprefixed lines come from the driver (rank 0).
 */
export function rankOf(line: string): string {
  const tp = /\(Worker_TP(\d+)[\s_]/.exec(line) ?? /\[[^\]]*\bTP(\d+)\b[^\]]*\]/.exec(line);
  if (tp) return `tp${tp[1]}`;
  const rank = /\(VllmWorker rank=(\d+)/.exec(line);
  if (rank) return `tp${rank[1]}`;
  const pid = /\((?:VllmWorkerProcess|Worker) pid=(\d+)\)/.exec(line);
  if (pid) return `pid${pid[1]}`;
  return 'driver';
}

/** Terminal colour codes (vLLM colours its prefixes when writing to a terminal). */
export const ANSI_ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Dates: vLLM "INFO 01-14 12:36:52" (no year), SGLang "[2025-03-27 21:33:30 …]", container runtimes' ISO stamps. */
export const DATE_PATTERNS: { pattern: RegExp; year: number | null; month: number; day: number }[] = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/, year: 1, month: 2, day: 3 },
  { pattern: /\[(\d{4})-(\d{2})-(\d{2}) \d{2}:\d{2}:\d{2}/, year: 1, month: 2, day: 3 },
  { pattern: /\b(?:INFO|WARNING|DEBUG|ERROR|CRITICAL) (\d{2})-(\d{2}) \d{2}:\d{2}:\d{2}/, year: null, month: 1, day: 2 },
];

/** GPU names as nvidia-smi, rocm-smi and collect_env print them, when pasted with the log. */
export const GPU_NAME =
  /\b(?:NVIDIA|AMD Instinct|Instinct)[ -]?(?:GeForce )?((?:GB|[HBAL])\d{2,3}[A-Z]?(?:[ -](?:NVL|PCIe|SXM\d?|\d+GB))*|MI\d{3}X?|RTX \w+ ?\w*)/;
