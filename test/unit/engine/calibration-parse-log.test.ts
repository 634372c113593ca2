/**
 * How engine/calibration/parse-log.ts turns matched lines into one log: text cleaning, which engine
 * a text is, which rank's figure binds, dates, GPU names, and the refusals with their exact wording
 * in both languages.
 */
import { describe, expect, it } from 'vitest';
import { parseStartupLog, type StartupLog } from '../../../src-main/engine/index.js';
import * as logs from './calibration/logs.js';

function parsed(...lines: string[]): StartupLog {
  const outcome = parseStartupLog(lines.join('\n'));
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message.en}`);
  return outcome.log;
}

const V1_KV = 'INFO 10-08 06:05:54 [gpu_worker.py:298] Available KV cache memory: 20.12 GiB';

describe('cleaning the text', () => {
  it('drops terminal colours and nothing else from the lines it quotes', () => {
    const log = parsed(logs.VLLM_V0_TP4_COLOURED);
    expect(log.figures.kvAvailableGiB!.text).toBe(
      'INFO 04-12 08:21:19 [worker.py:267] model weights take 21.21GiB; non_torch_memory takes 0.25GiB; PyTorch activation peak memory takes 0.37GiB; the rest of the memory reserved for KV Cache is 1.52GiB.',
    );
  });

  it('reads a log with blank lines between its lines, keeping each line its number', () => {
    const log = parsed(
      '',
      "[2025-04-03 04:46:21] server_args=ServerArgs(model_path='meta-llama/Llama-3.1-8B-Instruct', tp_size=1)",
      '',
      '   ',
      logs.SGLANG_LLAMA_H200.split('\n')[5]!,
    );
    expect(log.figures.kvTokens).toMatchObject({ value: 840325, line: 5 });
  });

  it('quotes a line without the indent it was pasted with (as notebooks print server output), cut to 240 characters', () => {
    const indented = parsed('    [2026-02-09 03:51:05] KV Cache is allocated. #tokens: 20480, K size: 1.25 GB, V size: 1.25 GB');
    expect(indented.figures.kvTokens!.text).toBe(
      '[2026-02-09 03:51:05] KV Cache is allocated. #tokens: 20480, K size: 1.25 GB, V size: 1.25 GB',
    );
    const line = logs.VLLM_V0_064_LLAMA_3090.split('\n')[2]!;
    expect(line.length).toBeGreaterThan(240);
    expect(parsed(line).figures.kvAvailableGiB!.text).toBe(line.slice(0, 240));
  });

  it('ignores a figure garbled in copying rather than reading it as a number', () => {
    const log = parsed('INFO 10-08 06:05:41 [gpu_model_runner.py:2653] Model loading took 14.98.89 GiB and 4.843212 seconds', V1_KV);
    expect(log.figures.weightsGiB).toBeUndefined();
  });

  it('names the GPU of an nvidia-smi table row without the padding after it', () => {
    const log = parsed('|   0  NVIDIA GeForce RTX 3090        Off |   00000000:01:00.0 Off |                  N/A |', V1_KV);
    expect(log.gpuName).toBe('RTX 3090');
  });
});

describe('which engine a text is', () => {
  it('reads a text with as many vLLM lines as SGLang ones as vLLM', () => {
    expect(parsed(V1_KV, logs.SGLANG_LLAMA_H200.split('\n')[5]!).engine).toBe('vllm');
    expect(parsed(V1_KV, ...logs.SGLANG_LLAMA_H200.split('\n').slice(4, 6)).engine).toBe('sglang');
  });

  it('names no generation for SGLang and says CUDA graphs sit outside the budget unless the log says otherwise', () => {
    expect(parsed(logs.SGLANG_LLAMA_H200)).toMatchObject({ generation: null, cudaGraphInBudget: false });
    expect(parsed(logs.VLLM_V0_064_LLAMA_3090).cudaGraphInBudget).toBe(false);
  });
});

describe('one figure from many ranks and lines', () => {
  it('keeps the smallest KV capacity across ranks, in tokens, blocks and concurrency too, and the largest of other terms', () => {
    const log = parsed(
      '[2025-11-10 19:58:53 TP0] KV Cache is allocated. #tokens: 1001504, KV size: 51.77 GB',
      '[2025-11-10 19:58:53 TP1] KV Cache is allocated. #tokens: 1000960, KV size: 51.74 GB',
    );
    expect(log.figures.kvTokens).toMatchObject({ value: 1000960, line: 2, ranks: 2 });
    const blocks = parsed(
      '(Worker_TP0 pid=1) INFO 02-20 10:01:12 # GPU blocks: 27000',
      '(Worker_TP1 pid=2) INFO 02-20 10:01:12 # GPU blocks: 26900',
    );
    expect(blocks.figures.kvTokens).toMatchObject({ value: 26900 * 16, line: 2 });
    const concurrency = parsed(
      V1_KV,
      '(Worker_TP0 pid=1) INFO 10-06 12:00:53 [kv_cache_utils.py:1091] Maximum concurrency for 16,000 tokens per request: 17.66x',
      '(Worker_TP1 pid=2) INFO 10-06 12:00:53 [kv_cache_utils.py:1091] Maximum concurrency for 16,000 tokens per request: 17.60x',
    );
    expect(concurrency.figures.maxConcurrency).toMatchObject({ value: 17.6, line: 3 });
  });

  it('cites the first rank that logged a figure when ranks agree', () => {
    const tp4 = parsed(logs.VLLM_V0_TP4_COLOURED);
    expect(tp4.figures.weightsGiB).toMatchObject({ value: 21.2134, line: 2, ranks: 4 });
    const mla = parsed(logs.SGLANG_TP2_MLA);
    expect(mla.figures.kvAvailableGiB).toMatchObject({ value: 51.77, line: 6, ranks: 2 });
  });

  it('prefers a stated token count to one derived from blocks', () => {
    const log = parsed(
      'INFO 04-24 16:33:13 [kv_cache_utils.py:634] GPU KV cache size: 158,656 tokens',
      'INFO 04-24 16:33:13 # GPU blocks: 9000',
    );
    expect(log.figures.kvTokens).toEqual({
      value: 158656,
      line: 1,
      ranks: 1,
      text: 'INFO 04-24 16:33:13 [kv_cache_utils.py:634] GPU KV cache size: 158,656 tokens',
    });
  });
});

describe('dates', () => {
  it('takes the first stamp that is a calendar day, first and last months and days included', () => {
    const dateOf = (...stamps: string[]) =>
      parsed(...stamps.map((s) => `${s} [gpu_worker.py:298] Available KV cache memory: 20.12 GiB`)).date;
    expect(
      dateOf('INFO 00-10 06:05:54', 'INFO 13-10 06:05:54', 'INFO 05-00 06:05:54', 'INFO 05-32 06:05:54', 'INFO 01-31 06:05:54'),
    ).toEqual({
      year: null,
      month: 1,
      day: 31,
    });
    expect(dateOf('INFO 12-01 06:05:54')).toEqual({ year: null, month: 12, day: 1 });
    expect(dateOf('2025-13-02T09:14:03.118Z', '2025-06-02T09:14:03.118Z')).toEqual({ year: 2025, month: 6, day: 2 });
  });
});

describe('refusals, word for word', () => {
  it('an empty text', () => {
    expect(parseStartupLog('\n  \n')).toEqual({
      ok: false,
      refusal: { code: 'empty', missing: [], message: { en: 'the log is empty', 'pt-BR': 'o log está vazio' } },
    });
  });

  it('a text of another program', () => {
    const outcome = parseStartupLog(logs.NGINX_LOG);
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'foreign', missing: ['engine start-up lines'] } });
  });

  it('a log cut off before the KV cache, in Portuguese', () => {
    const outcome = parseStartupLog(logs.SGLANG_TRUNCATED);
    expect(!outcome.ok && outcome.refusal.message['pt-BR']).toBe(
      'este log do SGLang termina antes de o engine dimensionar o cache KV: não tem linha "KV Cache is allocated" ou "max_total_num_tokens" (faltam: pico de ativação, memória de CUDA graphs, memória disponível para KV, tokens de KV, concorrência máxima); forneça o log até o fim da inicialização',
    );
  });

  it('a start that sized no KV cache at all: zero blocks, told in tokens', () => {
    const outcome = parseStartupLog(
      [
        'INFO 05-02 10:11:12 executor_base.py:111] # cuda blocks: 0, # CPU blocks: 4681',
        'INFO 05-02 10:11:12 executor_base.py:116] Maximum concurrency for 4200 tokens per request: 0.00x',
      ].join('\n'),
    );
    expect(outcome).toEqual({
      ok: false,
      refusal: {
        code: 'failed-start',
        missing: ['kvAvailableGiB'],
        message: {
          en: 'this vLLM start-up failed: the engine had 0 tokens for the KV cache (line 1), so it measured nothing to calibrate against; use the log of a start-up that succeeded',
          'pt-BR':
            'esta inicialização do vLLM falhou: o engine ficou com 0 tokens para o cache KV (linha 1), então não mediu nada que sirva de calibração; use o log de uma inicialização bem-sucedida',
        },
      },
    });
  });

  it('a start whose KV budget came out negative, in GiB, in Portuguese', () => {
    const outcome = parseStartupLog(logs.VLLM_FAILED_START);
    expect(!outcome.ok && outcome.refusal.message['pt-BR']).toBe(
      'esta inicialização do vLLM falhou: o engine ficou com -0,94 GiB para o cache KV (linha 3), então não mediu nada que sirva de calibração; use o log de uma inicialização bem-sucedida',
    );
  });
});
