import { describe, expect, it } from 'vitest';
import { parseStartupLog, type StartupLog } from '../../../../src-main/engine/index.js';
import { describeDerivation } from '../../../../src-main/i18n/calibration-labels.js';
import * as logs from './logs.js';

function parsed(text: string): StartupLog {
  const outcome = parseStartupLog(text);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message.en}`);
  return outcome.log;
}

const value = (log: StartupLog, key: keyof StartupLog['figures']) => log.figures[key]?.value;

describe('vLLM V1 start-up log (0.11, DEBUG memory profile)', () => {
  // Parsed inside each test, not while the file is collected: mutation testing sees only what tests run.
  const v1 = () => parsed(logs.VLLM_V1_LLAMA_H100);

  it('reads the engine, version, model and settings', () => {
    const log = v1();
    expect(log).toMatchObject({
      engine: 'vllm',
      engineVersion: '0.11.0',
      generation: 'v1',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      tpFrom: 'config',
      memoryFraction: 0.9,
      maxModelLen: 16000,
      kvCacheDtype: 'auto',
      modelDtype: 'bfloat16',
      maxNumBatchedTokens: 8192,
      date: { year: null, month: 10, day: 8 },
    });
  });

  it('reads every per-GPU figure with its line', () => {
    const log = v1();
    expect(value(log, 'weightsGiB')).toBe(14.9889);
    expect(log.figures.weightsGiB!.line).toBe(11);
    expect(value(log, 'activationPeakGiB')).toBe(4.76);
    expect(value(log, 'nonTorchGiB')).toBe(0.13);
    expect(value(log, 'kvAvailableGiB')).toBe(51.38);
    expect(log.figures.kvAvailableGiB!.text).toContain('Available KV cache memory: 51.38 GiB');
    expect(value(log, 'kvTokens')).toBe(420896);
    expect(value(log, 'maxConcurrency')).toBe(26.31);
    expect(value(log, 'cudaGraphGiB')).toBe(0.51);
    expect(log.cudaGraphInBudget).toBe(false);
  });

  it('derives the visible memory from the requested memory and says so', () => {
    const log = v1();
    expect(value(log, 'visibleGiB')).toBeCloseTo(71.26 / 0.9, 6);
    expect(log.figures.visibleGiB!.derived).toEqual({ kind: 'requested-over-fraction', requestedGiB: 71.26, fraction: 0.9 });
    expect(describeDerivation(log.figures.visibleGiB!.derived!, 'en')).toBe('requested 71.26 GiB ÷ 0.9');
    expect(describeDerivation(log.figures.visibleGiB!.derived!, 'pt-BR')).toBe('memória solicitada 71,26 GiB ÷ 0,9');
  });
});

describe('vLLM V0 start-up logs', () => {
  it('reads the 0.6.4 one-line memory profile, deriving the activation peak from the torch peak', () => {
    const log = parsed(logs.VLLM_V0_064_LLAMA_3090);
    expect(log).toMatchObject({ engineVersion: '0.6.4.post1', generation: 'v0', tp: 1, memoryFraction: 0.9, maxModelLen: 20000 });
    expect(value(log, 'visibleGiB')).toBe(23.58);
    expect(value(log, 'weightsGiB')).toBe(14.9888);
    expect(value(log, 'nonTorchGiB')).toBe(0.35);
    expect(value(log, 'kvAvailableGiB')).toBe(3.81);
    expect(value(log, 'activationPeakGiB')).toBeCloseTo(17.06 - 14.9888, 9);
    expect(describeDerivation(log.figures.activationPeakGiB!.derived!, 'en')).toBe('peak_torch_memory 17.06 GiB − weights 14.99 GiB');
    expect(value(log, 'kvTokens')).toBe(1952 * 16);
    expect(describeDerivation(log.figures.kvTokens!.derived!, 'en')).toBe("1,952 blocks × 16 tokens, vLLM's default block size");
    expect(describeDerivation(log.figures.kvTokens!.derived!, 'pt-BR')).toBe('1.952 blocos × 16 tokens, o tamanho de bloco padrão do vLLM');
    expect(value(log, 'maxConcurrency')).toBe(1.56);
    expect(value(log, 'cudaGraphGiB')).toBe(0.29);
  });

  it('strips terminal colours and keeps the binding rank of a TP 4 start-up', () => {
    const log = parsed(logs.VLLM_V0_TP4_COLOURED);
    expect(log).toMatchObject({
      engineVersion: '0.8.3',
      generation: 'v0',
      tp: 4,
      tpFrom: 'config',
      memoryFraction: 0.99,
      maxModelLen: 8192,
      modelDtype: 'float16',
    });
    expect(log.figures.weightsGiB).toMatchObject({ value: 21.2134, ranks: 4 });
    // The driver had 1.52 GiB of KV memory, the workers 1.57: the engine sizes every cache to the smallest.
    expect(log.figures.kvAvailableGiB).toMatchObject({ value: 1.52, ranks: 4, line: 8 });
    expect(log.figures.kvAvailableGiB!.text).not.toContain('\x1b');
    // And the largest term outside the cache binds the same way.
    expect(log.figures.nonTorchGiB).toMatchObject({ value: 0.25, ranks: 4 });
    expect(value(log, 'kvTokens')).toBe(1416 * 16);
  });

  it('counts the ranks for TP when the configuration line is missing', () => {
    const withoutConfig = logs.VLLM_V0_TP4_COLOURED.split('\n').slice(1).join('\n');
    expect(parsed(withoutConfig)).toMatchObject({ tp: 4, tpFrom: 'ranks', model: null });
  });
});

describe('vLLM V1 start-up logs without the DEBUG profile', () => {
  it('reads 0.8.5 (KV tokens only, no available-KV line)', () => {
    const log = parsed(logs.VLLM_V1_085_L40S);
    expect(log).toMatchObject({ generation: 'v1', engineVersion: '0.8.5.dev152+g0ae43dff', maxModelLen: 32768, memoryFraction: null });
    expect(value(log, 'kvTokens')).toBe(158656);
    expect(value(log, 'maxConcurrency')).toBe(4.84);
    expect(log.figures.kvAvailableGiB).toBeUndefined();
    expect(log.figures.activationPeakGiB).toBeUndefined();
  });

  it('reads per-rank worker lines at TP 2 and keeps the smallest KV memory', () => {
    const log = parsed(logs.VLLM_V1_TP2_QWEN);
    expect(log).toMatchObject({ model: 'Qwen/Qwen3-32B', tp: 2, maxModelLen: 16000, date: { month: 10, day: 6 } });
    expect(log.figures.kvAvailableGiB).toMatchObject({ value: 34.49, ranks: 2 });
    expect(log.figures.weightsGiB).toMatchObject({ value: 30.5855, ranks: 2 });
    expect(log.figures.cudaGraphGiB).toMatchObject({ value: 0.62, ranks: 2 });
  });

  it('prefers the estimated CUDA-graph memory when the engine budgets it (v0.21 onward)', () => {
    const text = [
      '(EngineCore pid=284) INFO 05-30 07:46:21 [gpu_model_runner.py:6365] Estimated CUDA graph memory: 0.61 GiB total',
      '(EngineCore pid=284) INFO 05-30 07:46:21 [gpu_worker.py:466] Available KV cache memory: 71.15 GiB',
      '(EngineCore pid=284) INFO 05-30 07:46:21 [gpu_worker.py:481] CUDA graph memory profiling is enabled (default since v0.21.0). The current --gpu-memory-utilization=0.8500 is equivalent to --gpu-memory-utilization=0.8449 without CUDA graph memory profiling.',
      '(EngineCore pid=284) INFO 05-30 07:46:40 [gpu_model_runner.py:6971] Graph capturing finished in 19 secs, took 0.58 GiB',
    ].join('\n');
    const log = parsed(text);
    expect(log.cudaGraphInBudget).toBe(true);
    expect(value(log, 'cudaGraphGiB')).toBe(0.61);
    expect(log.memoryFraction).toBe(0.85);
  });
});

describe('SGLang start-up logs', () => {
  it('reads server_args and the memory lines of one GPU', () => {
    const log = parsed(logs.SGLANG_LLAMA_H200);
    expect(log).toMatchObject({
      engine: 'sglang',
      generation: null,
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      memoryFraction: 0.88,
      maxModelLen: 131072,
      kvCacheDtype: 'auto',
      modelDtype: 'bfloat16',
      maxNumSeqs: 4097,
      blockSize: 1,
      date: { year: 2025, month: 4, day: 3 },
    });
    expect(value(log, 'visibleGiB')).toBe(139.21);
    expect(value(log, 'weightsGiB')).toBe(15.15);
    expect(value(log, 'kvAvailableGiB')).toBeCloseTo(102.58, 9);
    expect(value(log, 'kvTokens')).toBe(840325);
    expect(value(log, 'cudaGraphGiB')).toBe(0.72);
    expect(value(log, 'nonTorchGiB')).toBe(0);
    expect(log.figures.maxConcurrency).toBeUndefined();
  });

  it('reads the latent-attention "KV size" form at TP 2 and keeps the larger graph figure', () => {
    const log = parsed(logs.SGLANG_TP2_MLA);
    expect(log).toMatchObject({ tp: 2, memoryFraction: 0.85, maxModelLen: 32768, maxNumSeqs: 2048 });
    expect(log.figures.kvAvailableGiB).toMatchObject({ value: 51.77, ranks: 2 });
    expect(log.figures.cudaGraphGiB).toMatchObject({ value: 1.04, ranks: 2 });
    expect(log.figures.visibleGiB).toMatchObject({ value: 78.51, ranks: 2 });
  });

  it('reads the 2026 lines that also state how long each step took', () => {
    // SGLang's documentation notebooks as its CI ran them (LoRA serving page, Llama-3.1-8B on an H100, 2026-02-09).
    const text = [
      '[2026-02-09 03:50:55] Init torch distributed ends. elapsed=0.31 s, mem usage=0.09 GB',
      '[2026-02-09 03:50:57] Load weight begin. avail mem=78.43 GB',
      '[2026-02-09 03:51:01] Load weight end. elapsed=3.26 s, type=LlamaForCausalLM, dtype=torch.bfloat16, avail mem=63.41 GB, mem usage=15.02 GB.',
      '[2026-02-09 03:51:05] KV Cache is allocated. #tokens: 20480, K size: 1.25 GB, V size: 1.25 GB',
      '[2026-02-09 03:51:07] max_total_num_tokens=20480, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=128, context_len=131072, available_gpu_mem=58.02 GB',
    ].join('\n');
    const log = parsed(text);
    expect(value(log, 'nonTorchGiB')).toBe(0.09);
    expect(value(log, 'visibleGiB')).toBe(78.43);
    expect(value(log, 'weightsGiB')).toBe(15.02);
    expect(value(log, 'kvTokens')).toBe(20480);
    expect(log).toMatchObject({ modelDtype: 'bfloat16', maxNumSeqs: 128, maxModelLen: 131072 });
  });
});

describe('line endings and line numbers', () => {
  it('reads Windows line endings the same as Unix ones', () => {
    const unix = parsed(logs.VLLM_V1_LLAMA_H100);
    const windows = parsed(logs.VLLM_V1_LLAMA_H100.replace(/\n/g, '\r\n'));
    expect(windows).toEqual(unix);
  });

  it('reads lines a progress bar shares with carriage returns, keeping the line number', () => {
    const text =
      'Capturing CUDA graphs: 10%\rCapturing CUDA graphs: 100%\r(EngineCore_DP0 pid=7) INFO 10-08 06:05:54 [gpu_worker.py:298] Available KV cache memory: 12.50 GiB\nINFO 10-08 06:05:54 [kv_cache_utils.py:1087] GPU KV cache size: 102,400 tokens';
    const log = parsed(text);
    expect(log.figures.kvAvailableGiB).toMatchObject({ value: 12.5, line: 1 });
    expect(log.figures.kvTokens).toMatchObject({ value: 102400, line: 2 });
  });
});

describe('refusals', () => {
  it('refuses an empty text', () => {
    const outcome = parseStartupLog(' \n\r\n ');
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'empty' } });
  });

  it('refuses a foreign log and says what lines it looked for', () => {
    for (const text of [logs.TRTLLM_LOG, logs.NGINX_LOG, '{"model": "x"}']) {
      const outcome = parseStartupLog(text);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.refusal.code).toBe('foreign');
      expect(outcome.refusal.message.en).toMatch(/^not a vLLM or SGLang start-up log: none of its \d+ lines/);
      expect(outcome.refusal.message.en).toContain('Available KV cache memory');
      expect(outcome.refusal.message['pt-BR']).toMatch(/^não é um log de inicialização do vLLM nem do SGLang/);
    }
  });

  it('refuses a vLLM log cut off before the KV cache, naming what is missing', () => {
    const outcome = parseStartupLog(logs.VLLM_TRUNCATED);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.code).toBe('truncated');
    expect(outcome.refusal.missing).toEqual([
      'visibleGiB',
      'activationPeakGiB',
      'nonTorchGiB',
      'cudaGraphGiB',
      'kvAvailableGiB',
      'kvTokens',
      'maxConcurrency',
    ]);
    expect(outcome.refusal.message.en).toContain('this vLLM log stops before the engine sized its KV cache');
    expect(outcome.refusal.message.en).toContain('missing: visible memory, activation peak');
    expect(outcome.refusal.message['pt-BR']).toContain('faltam: memória visível, pico de ativação');
  });

  it('refuses an SGLang log cut off before the KV cache', () => {
    const outcome = parseStartupLog(logs.SGLANG_TRUNCATED);
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'truncated' } });
    if (!outcome.ok) expect(outcome.refusal.message.en).toContain('"KV Cache is allocated"');
  });

  it('refuses a failed start whose KV budget came out negative', () => {
    const outcome = parseStartupLog(logs.VLLM_FAILED_START);
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'failed-start' } });
    if (!outcome.ok) expect(outcome.refusal.message.en).toContain('the engine had -0.94 GiB for the KV cache (line 3)');
  });
});

describe('prefixes and line variants of other versions and runtimes', () => {
  it('reads container timestamps (the year included), "VllmWorker rank=N" tags and the newest combined KV line', () => {
    const text = [
      '2025-06-02T09:14:03.118Z (VllmWorker rank=0 pid=91) INFO 06-02 09:14:03 [gpu_model_runner.py:1329] Model loading took 7.1217 GiB and 3.102 seconds',
      '2025-06-02T09:14:03.120Z (VllmWorker rank=1 pid=92) INFO 06-02 09:14:03 [gpu_model_runner.py:1329] Model loading took 7.1217 GiB and 3.377 seconds',
      '2025-06-02T09:14:20.002Z (VllmWorker rank=1 pid=92) INFO 06-02 09:14:20 [gpu_worker.py:227] Available KV cache memory: 31.90 GiB',
      '2025-06-02T09:14:20.004Z (VllmWorker rank=0 pid=91) INFO 06-02 09:14:20 [gpu_worker.py:227] Available KV cache memory: 31.83 GiB',
      '2025-06-02T09:14:20.512Z INFO 06-02 09:14:20 [kv_cache_utils.py:716] GPU KV cache size: 1,192,160 tokens, Maximum concurrency for 16,384 tokens per request: 72.76x',
    ].join('\n');
    const log = parsed(text);
    expect(log).toMatchObject({ tp: 2, tpFrom: 'ranks', maxModelLen: 16384, date: { year: 2025, month: 6, day: 2 } });
    expect(log.figures.kvAvailableGiB).toMatchObject({ value: 31.83, ranks: 2, line: 4 });
    expect(log.figures.weightsGiB).toMatchObject({ value: 7.1217, ranks: 2 });
    expect(value(log, 'kvTokens')).toBe(1192160);
    expect(value(log, 'maxConcurrency')).toBe(72.76);
  });

  it("reads SGLang's newest lines: elapsed before the type, DP/TP/EP tags, avail before usage in the graph line", () => {
    const text = [
      '[2025-11-04 05:27:02 DP0 TP0 EP0] Load weight begin. avail mem=78.44 GB',
      '[2025-11-04 05:27:13 DP0 TP0 EP0] Load weight end. elapsed=10.84 s, type=Qwen3ForCausalLM, dtype=torch.bfloat16, avail mem=47.85 GB, mem usage=30.59 GB.',
      '[2025-11-04 05:27:14 DP0 TP0 EP0] KV Cache is allocated. #tokens: 301264, K size: 18.39 GB, V size: 18.39 GB',
      '[2025-03-08 12:29:28 DP0 TP0 EP0] Capture cuda graph end. Time elapsed: 7.23 s. avail mem=0.53 GB. mem usage=0.93 GB.',
    ].join('\n');
    const log = parsed(text);
    expect(log).toMatchObject({ engine: 'sglang', tp: 1, modelDtype: 'bfloat16' });
    expect(value(log, 'weightsGiB')).toBe(30.59);
    expect(value(log, 'kvAvailableGiB')).toBeCloseTo(36.78, 9);
    expect(value(log, 'cudaGraphGiB')).toBe(0.93);
  });
});
