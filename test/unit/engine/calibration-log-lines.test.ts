/**
 * The start-up lines the planner reads (engine/calibration/log-lines.ts), one shape at a time: each
 * test is a short excerpt in which only the line under test can state what is asserted, so a rule
 * that stops reading its line fails here even when a full log would restate the figure elsewhere.
 * Lines reproduce public logs where a source is named; the others follow the format string of the
 * engine source that log-lines.ts cites for the rule.
 */
import { describe, expect, it } from 'vitest';
import { parseStartupLog, type StartupLog } from '../../../src-main/engine/index.js';

function parsed(...lines: string[]): StartupLog {
  const outcome = parseStartupLog(lines.join('\n'));
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message.en}`);
  return outcome.log;
}

const value = (log: StartupLog, key: keyof StartupLog['figures']) => log.figures[key]?.value;

/** vllm/v1/worker/gpu_worker.py's KV line, for excerpts whose other lines state no KV figure. */
const V1_KV = '(EngineCore_DP0 pid=212) INFO 10-08 06:05:54 [gpu_worker.py:298] Available KV cache memory: 20.12 GiB';
/** sgl-project/sglang PR #4826's allocation line, for SGLang excerpts. */
const SGLANG_KV = '[2025-04-03 04:46:33 TP0] KV Cache is allocated. #tokens: 840325, K size: 51.29 GB, V size: 51.29 GB';

describe("vLLM's configuration dumps", () => {
  it('reads the 0.11 non-default args wherever each setting stands (vllm-project/vllm#28910), with the version from the API server line', () => {
    const log = parsed(
      '(APIServer pid=33518) INFO 11-18 14:16:17 [api_server.py:1839] vLLM API server version 0.11.0',
      "(APIServer pid=33518) INFO 11-18 14:16:17 [utils.py:233] non-default args: {'enable_auto_tool_choice': True, 'tool_call_parser': 'hermes', 'model': '/home/cheng/model/Qwen3-30B-A3B-Instruct-2507-FP8', 'trust_remote_code': True, 'max_model_len': 131072, 'served_model_name': ['Qwen3-30B-A3B-Instruct-2507'], 'tensor_parallel_size': 4, 'max_num_batched_tokens': 32768, 'max_num_seqs': 10}",
      V1_KV,
    );
    expect(log).toMatchObject({
      engineVersion: '0.11.0',
      model: '/home/cheng/model/Qwen3-30B-A3B-Instruct-2507-FP8',
      maxModelLen: 131072,
      // Only one rank logged here: TP 4 comes from the configuration.
      tp: 4,
      tpFrom: 'config',
      maxNumBatchedTokens: 32768,
      maxNumSeqs: 10,
      memoryFraction: null,
      kvCacheDtype: null,
      blockSize: null,
    });
  });

  it("reads an args: Namespace(…) dump (vllm-project/vllm#15737's shape), where the model is far from first, and KV tokens from blocks of the logged size", () => {
    const log = parsed(
      "INFO 03-29 08:49:38 [api_server.py:982] args: Namespace(host='0.0.0.0', port=8001, uvicorn_log_level='info', api_key=None, lora_modules=None, chat_template=None, response_role='assistant', model='Qwen/Qwen2.5-7B-Instruct', task='auto', tokenizer=None, skip_tokenizer_init=False, revision=None, tokenizer_mode='auto', trust_remote_code=False, download_dir=None, load_format='auto', dtype='bfloat16', kv_cache_dtype='fp8', max_model_len=None, pipeline_parallel_size=1, tensor_parallel_size=2, block_size=32, swap_space=4, gpu_memory_utilization=0.92, max_num_batched_tokens=None, max_num_seqs=None, disable_log_stats=False)",
      'INFO 03-29 08:50:40 [executor_base.py:111] # cuda blocks: 9000, # CPU blocks: 4681',
    );
    expect(log).toMatchObject({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      tp: 2,
      tpFrom: 'config',
      blockSize: 32,
      memoryFraction: 0.92,
      kvCacheDtype: 'fp8',
      maxModelLen: null,
      maxNumSeqs: null,
      maxNumBatchedTokens: null,
      generation: 'v0',
    });
    expect(log.figures.kvTokens).toMatchObject({
      value: 9000 * 32,
      derived: { kind: 'blocks', blocks: 9000, blockSize: 32, blockSizeLogged: true },
    });
  });

  it("reads the model's dtype from a non-default args dict, not the KV cache's", () => {
    const log = parsed(
      "(APIServer pid=1) INFO 10-06 12:00:01 [utils.py:233] non-default args: {'model_tag': 'Qwen/Qwen3-32B', 'model': 'Qwen/Qwen3-32B', 'dtype': 'half', 'kv_cache_dtype': 'fp8'}",
      V1_KV,
    );
    expect(log).toMatchObject({ model: 'Qwen/Qwen3-32B', modelDtype: 'half', kvCacheDtype: 'fp8' });
  });

  it('leaves a setting one line does not state to the next line that does (the model and KV dtype of the engine config)', () => {
    const log = parsed(
      "(APIServer pid=1) INFO 10-08 06:05:16 [utils.py:233] non-default args: {'max_model_len': 16000}",
      "(EngineCore_DP0 pid=212) INFO 10-08 06:05:33 [core.py:77] Initializing a V1 LLM engine (v0.11.0) with config: model='facebook/opt-125m', speculative_config=None, tokenizer='facebook/opt-125m', dtype=torch.float16, max_seq_len=2048, tensor_parallel_size=1, kv_cache_dtype=fp8_e5m2, device_config=cuda",
      V1_KV,
    );
    expect(log).toMatchObject({ model: 'facebook/opt-125m', maxModelLen: 16000, kvCacheDtype: 'fp8_e5m2', modelDtype: 'float16' });
  });

  it.each([
    ["{'model': None, 'model_tag': 'Qwen/Qwen3-32B'}", 'None'],
    ['{"model": null, "model_tag": "Qwen/Qwen3-32B"}', 'null'],
    ["{'model': '', 'model_tag': 'Qwen/Qwen3-32B'}", 'empty'],
  ])('takes a setting printed as %s (%s) for unset and reads the other name the engine gives it', (args) => {
    const log = parsed(`(APIServer pid=1) INFO 10-06 12:00:01 [utils.py:233] non-default args: ${args}`, V1_KV);
    expect(log.model).toBe('Qwen/Qwen3-32B');
  });

  it('reads no number from a value that is not a plain one', () => {
    const typed = parsed(
      "(APIServer pid=1) INFO 10-06 12:00:01 [utils.py:233] non-default args: {'model': 'Qwen/Qwen3-32B', 'max_model_len': '16k'}",
      V1_KV,
    );
    expect(typed.maxModelLen).toBeNull();
    // SGLang's "-1" switches chunked prefill off: no batch-token limit, not a negative one.
    const off = parsed(
      "[2025-04-03 04:46:21] server_args=ServerArgs(model_path='meta-llama/Llama-3.1-8B-Instruct', chunked_prefill_size=-1, tp_size=1)",
      SGLANG_KV,
    );
    expect(off.maxNumBatchedTokens).toBeNull();
  });

  it('reads the max model len and the chunked-prefill limit from their own lines', () => {
    const log = parsed(
      '(APIServer pid=33518) INFO 11-18 14:16:17 [model.py:1510] Using max model len 131072',
      '(APIServer pid=1) INFO 10-08 06:05:25 [scheduler.py:205] Chunked prefill is enabled with max_num_batched_tokens=8192.',
      V1_KV,
    );
    expect(log).toMatchObject({ maxModelLen: 131072, maxNumBatchedTokens: 8192 });
  });
});

describe("vLLM's memory lines and the engine generation each implies", () => {
  it('reads the 0.6.4 one-line profile alone as V0', () => {
    const log = parsed(
      'INFO 11-30 13:57:06 worker.py:232] Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB peak_torch_memory=17.06GiB memory_usage_post_profile=15.35GiB non_torch_memory=0.35GiB kv_cache_size=3.81GiB gpu_memory_utilization=0.90',
    );
    expect(log).toMatchObject({ generation: 'v0', memoryFraction: 0.9 });
    expect(value(log, 'visibleGiB')).toBe(23.58);
    expect(value(log, 'nonTorchGiB')).toBe(0.35);
    expect(value(log, 'kvAvailableGiB')).toBe(3.81);
  });

  it('reads what a 0.6.4 profile line cut short still states', () => {
    const log = parsed(
      'INFO 11-30 13:57:06 worker.py:232] Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB',
      'INFO 11-30 13:57:06 gpu_executor.py:113] # GPU blocks: 1952, # CPU blocks: 2048',
    );
    expect(value(log, 'visibleGiB')).toBe(23.58);
    expect(log.figures.nonTorchGiB).toBeUndefined();
    expect(log.figures.kvAvailableGiB).toBeUndefined();
    expect(log.memoryFraction).toBeNull();
    expect(value(log, 'kvTokens')).toBe(1952 * 16);
  });

  it('reads the three-line profile of 0.6.5 onward alone as V0, visible memory included (vllm-project/vllm#11550)', () => {
    const log = parsed(
      '(VllmWorkerProcess pid=2607784) INFO 01-14 12:36:52 worker.py:240] Memory profiling takes 1.46 seconds',
      '(VllmWorkerProcess pid=2607784) INFO 01-14 12:36:52 worker.py:240] the current vLLM instance can use total_gpu_memory (23.55GiB) x gpu_memory_utilization (0.90) = 21.19GiB',
      '(VllmWorkerProcess pid=2607784) INFO 01-14 12:36:52 worker.py:240] model weights take 7.97GiB; non_torch_memory takes 0.60GiB; PyTorch activation peak memory takes 1.26GiB; the rest of the memory reserved for KV Cache is 11.36GiB.',
    );
    expect(log).toMatchObject({ generation: 'v0', memoryFraction: 0.9 });
    expect(value(log, 'visibleGiB')).toBe(23.55);
    expect(value(log, 'weightsGiB')).toBe(7.97);
    expect(value(log, 'activationPeakGiB')).toBe(1.26);
    expect(value(log, 'kvAvailableGiB')).toBe(11.36);
  });

  it("reads the memory fraction from V1's DEBUG profile when the arguments leave it at its default", () => {
    const log = parsed(
      '(EngineCore_DP0 pid=212) DEBUG 10-08 06:05:54 [gpu_worker.py:277] Initial free memory: 78.66 GiB; Requested memory: 0.90 (util), 71.26 GiB',
      V1_KV,
    );
    expect(log.memoryFraction).toBe(0.9);
    expect(log.figures.visibleGiB!.value).toBeCloseTo(71.26 / 0.9, 9);
  });

  it("reads V1's available KV memory alone as V1, and its token count alone as V1", () => {
    expect(parsed(V1_KV).generation).toBe('v1');
    const tokens = parsed('INFO 04-24 16:33:13 [kv_cache_utils.py:634] GPU KV cache size: 158,656 tokens');
    expect(tokens.generation).toBe('v1');
    expect(value(tokens, 'kvTokens')).toBe(158656);
  });

  it('reads blocks: GPU and CPU together as V0, GPU alone as early V1, CPU alone as no GPU capacity', () => {
    const v0 = parsed('INFO 03-11 02:56:57 llm_engine.py:322] # GPU blocks: 1952, # CPU blocks: 2048');
    expect(v0.generation).toBe('v0');
    expect(value(v0, 'kvTokens')).toBe(1952 * 16);
    const v1 = parsed('INFO 02-20 10:01:12 [kv_cache_utils.py:524] # GPU blocks: 27000');
    expect(v1.generation).toBe('v1');
    expect(v1.figures.kvTokens).toMatchObject({ value: 27000 * 16, derived: { blockSizeLogged: false } });
    // vLLM's CPU backend states only CPU blocks: they are not GPU memory.
    const cpu = parsed(V1_KV, 'INFO 02-20 10:01:12 [cpu_executor.py:120] # CPU blocks: 4681');
    expect(cpu.figures.kvTokens).toBeUndefined();
  });
});

describe("SGLang's lines", () => {
  it("reads server_args in its own words: they win over restatements, and TP comes from them when one rank's lines were kept", () => {
    const log = parsed(
      "[2025-11-04 05:26:40] server_args=ServerArgs(model_path='Qwen/Qwen3-32B', tokenizer_path='Qwen/Qwen3-32B', dtype='float16', kv_cache_dtype='fp8_e4m3', context_length=32768, mem_fraction_static=0.85, max_running_requests=256, chunked_prefill_size=4096, page_size=16, tp_size=4)",
      '[2025-11-04 05:27:13 TP0] Load weight end. elapsed=10.84 s, type=Qwen3ForCausalLM, avail mem=47.85 GB, mem usage=16.10 GB.',
      '[2025-11-04 05:27:14 TP0] Using KV cache dtype: torch.float8_e4m3fn',
      '[2025-11-04 05:27:14 TP0] KV Cache is allocated. #tokens: 501264, K size: 15.30 GB, V size: 15.30 GB',
    );
    expect(log).toMatchObject({
      engine: 'sglang',
      model: 'Qwen/Qwen3-32B',
      modelDtype: 'float16',
      kvCacheDtype: 'fp8_e4m3',
      maxModelLen: 32768,
      memoryFraction: 0.85,
      maxNumSeqs: 256,
      maxNumBatchedTokens: 4096,
      blockSize: 16,
      tp: 4,
      tpFrom: 'config',
    });
    expect(value(log, 'weightsGiB')).toBe(16.1);
  });

  it('reads the KV dtype SGLang logs when no server_args line gives one (python/sglang/srt/model_executor/model_runner.py)', () => {
    const alone = parsed('[2026-02-09 03:51:05] Using KV cache dtype: torch.bfloat16', SGLANG_KV);
    expect(alone.kvCacheDtype).toBe('bfloat16');
    const abbreviated = parsed(
      '[2025-11-10 19:58:01] server_args=ServerArgs(tp_size=2, mem_fraction_static=0.85)',
      '[2025-11-10 19:58:53 TP0] Using KV cache dtype: torch.float8_e4m3fn',
      SGLANG_KV,
    );
    expect(abbreviated).toMatchObject({ model: null, kvCacheDtype: 'float8_e4m3fn', tp: 2 });
  });

  it("reads the newest allocation line's dtype and token count without sizes, and sizes without a token count", () => {
    const newest = parsed('[2026-09-22 19:53:38] KV Cache is allocated. dtype: torch.float8_e4m3fn, #tokens: 914573');
    expect(newest).toMatchObject({ kvCacheDtype: 'float8_e4m3fn' });
    expect(value(newest, 'kvTokens')).toBe(914573);
    expect(newest.figures.kvAvailableGiB).toBeUndefined();
    const sizes = parsed('[2026-02-09 03:51:05] KV Cache is allocated. K size: 1.25 GB, V size: 1.25 GB');
    expect(value(sizes, 'kvAvailableGiB')).toBe(2.5);
    expect(sizes.figures.kvTokens).toBeUndefined();
  });

  it('reads older lines that give no memory usage, and the newest load line that gives no dtype', () => {
    const log = parsed(
      '[2024-11-02 10:00:05 TP0] Load weight end. type=LlamaForCausalLM, dtype=torch.bfloat16, avail mem=63.48 GB',
      '[2024-11-02 10:00:09 TP0] Capture cuda graph end. Time elapsed: 8.41 s',
      SGLANG_KV,
    );
    expect(log.modelDtype).toBe('bfloat16');
    expect(log.figures.weightsGiB).toBeUndefined();
    expect(log.figures.cudaGraphGiB).toBeUndefined();
    const newest = parsed(
      '[22:18:22] Load weight end. elapsed=353.55 s, type=Qwen3_5ForConditionalGeneration, avail mem=59.87 GB, mem usage=51.86 GB.',
      SGLANG_KV,
    );
    expect(newest.modelDtype).toBeNull();
    expect(value(newest, 'weightsGiB')).toBe(51.86);
  });

  it('reads the token pool from the max_total_num_tokens line alone, in its full, older and shortened forms', () => {
    const full = parsed(
      '[2025-04-03 04:46:43 TP0] max_total_num_tokens=840325, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=4097, context_len=131072, available_gpu_mem=19.49 GB',
    );
    expect(full).toMatchObject({ maxModelLen: 131072, maxNumSeqs: 4097 });
    expect(value(full, 'kvTokens')).toBe(840325);
    const older = parsed('[2024-07-20 10:00:05 TP0] max_total_num_tokens=371661, max_prefill_tokens=16384, context_len=8192');
    expect(older).toMatchObject({ maxModelLen: 8192, maxNumSeqs: null });
    const shortened = parsed('max_total_num_tokens=430067, chunked_prefill_size=8192, max_prefill_tokens=16384');
    expect(shortened).toMatchObject({ maxModelLen: null, maxNumSeqs: null });
    expect(value(shortened, 'kvTokens')).toBe(430067);
  });

  it('reads an SGLang version stated with the log', () => {
    expect(parsed('SGLANG_VERSION=0.4.5.post1', SGLANG_KV).engineVersion).toBe('0.4.5.post1');
  });
});

describe('GPU ranks', () => {
  const ranks = (line: (rank: number) => string) => Array.from({ length: 16 }, (_, rank) => line(rank));

  it.each([
    [
      'vLLM V1 "(Worker_TPn pid=…)"',
      (r: number) => `(Worker_TP${r} pid=${300 + r}) INFO 10-06 12:00:52 [gpu_worker.py:298] Available KV cache memory: 34.49 GiB`,
    ],
    [
      'vLLM "(VllmWorker rank=n pid=…)"',
      (r: number) => `(VllmWorker rank=${r} pid=${300 + r}) INFO 06-02 09:14:20 [gpu_worker.py:227] Available KV cache memory: 31.90 GiB`,
    ],
    ['SGLang "[… TPn]"', (r: number) => `[2025-11-10 19:58:53 TP${r}] KV Cache is allocated. #tokens: 1001504, KV size: 51.77 GB`],
  ])('counts 16 ranks of %s at TP 16, rank 1 apart from ranks 10 to 15', (_, line) => {
    expect(parsed(...ranks(line))).toMatchObject({ tp: 16, tpFrom: 'ranks' });
  });

  it('counts SGLang ranks tagged with data- and expert-parallel ranks too', () => {
    const log = parsed(
      '[2025-11-04 05:27:14 DP0 TP0 EP0] KV Cache is allocated. #tokens: 301264, K size: 18.39 GB, V size: 18.39 GB',
      '[2025-11-04 05:27:14 DP0 TP1 EP1] KV Cache is allocated. #tokens: 301264, K size: 18.39 GB, V size: 18.39 GB',
    );
    expect(log).toMatchObject({ tp: 2, tpFrom: 'ranks' });
  });
});
