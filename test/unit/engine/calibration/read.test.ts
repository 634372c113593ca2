import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  BUILT_IN_SERVERS,
  logDateOf,
  matchModel,
  matchServer,
  normalizeModelName,
  parseStartupLog,
  readCalibration,
  startOfLog,
  type StartupLog,
} from '../../../../src-main/engine/index.js';
import * as logs from './logs.js';

const today = { year: 2025, month: 11, day: 2 };

function log(text: string): StartupLog {
  const outcome = parseStartupLog(text);
  if (!outcome.ok) throw new Error(outcome.refusal.message.en);
  return outcome.log;
}

describe('model names from logs to catalog ids', () => {
  it.each([
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['meta-llama/Meta-Llama-3.1-70B-Instruct', 'llama-3.1-70b'],
    ['/models/Llama-3.1-8B-Instruct/', 'llama-3.1-8b'],
    ['Qwen/Qwen3-32B', 'qwen3-32b'],
    ['openai/gpt-oss-20b', 'opt-oss-20b'],
    ['deepseek-ai/DeepSeek-V3', 'deepseek-v3'],
  ])('%s is %s', (logged, id) => {
    const match = matchModel(logged, BUILT_IN_CATALOG.models);
    expect(match).toMatchObject({ ok: true, record: { id } });
  });

  it('a different release of the weights matches nothing, and the message says how to go on', () => {
    const match = matchModel('RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic', BUILT_IN_CATALOG.models);
    expect(match.ok).toBe(false);
    if (match.ok) return;
    expect(match.message.en).toBe(
      `"RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic" in the log matches no model record (read as "llama-3.3-70b-instruct-fp8-dynamic"); choose one of ${BUILT_IN_CATALOG.models.map((m) => m.id).join(', ')}, or first add a model record for it on the Catalogs screen`,
    );
    expect(match.message['pt-BR']).toContain('não corresponde a nenhum modelo do catálogo');
  });

  it('a log without a model name asks for one', () => {
    expect(matchModel(null, BUILT_IN_CATALOG.models)).toMatchObject({
      ok: false,
      message: { en: expect.stringMatching(/^the log does not name the model/) },
    });
  });

  it('normalises paths, case, separators and tuning suffixes', () => {
    expect(normalizeModelName('C:\\models\\Meta_Llama 3.1 8B-Instruct-HF')).toBe('llama-3.1-8b');
  });
});

describe('GPUs from logs to catalog servers', () => {
  const withVisible = (l: StartupLog, gib: number): StartupLog => ({
    ...l,
    figures: { ...l.figures, visibleGiB: { value: gib, line: 1, text: '', ranks: 1 } },
  });

  it('matches an H200 by the memory SGLang had free before loading', () => {
    expect(matchServer(log(logs.SGLANG_LLAMA_H200), BUILT_IN_SERVERS)).toMatchObject({ ok: true, record: { id: 'dgx200' } });
  });

  it('an H100 and an A100 80 GB show engines the same memory: memory alone asks, the GPU name settles it', () => {
    const h100 = withVisible(log(logs.VLLM_V1_LLAMA_H100), 79.18);
    const ambiguous = matchServer(h100, BUILT_IN_SERVERS);
    expect(ambiguous).toMatchObject({
      ok: false,
      message: { en: "several server records have the log's GPU (79.18 GiB visible): dgx100, dgxa100-80; choose one" },
    });
    expect(matchServer({ ...h100, gpuName: 'H100 80GB' }, BUILT_IN_SERVERS)).toMatchObject({ ok: true, record: { id: 'dgx100' } });
    expect(matchServer({ ...withVisible(h100, 79.15), gpuName: 'A100-SXM4-80GB' }, BUILT_IN_SERVERS)).toMatchObject({
      ok: true,
      record: { id: 'dgxa100-80' },
    });
    expect(matchServer({ ...withVisible(h100, 39.39), gpuName: 'A100-SXM4-40GB' }, BUILT_IN_SERVERS)).toMatchObject({
      ok: true,
      record: { id: 'dgxa100-40' },
    });
    expect(matchServer({ ...withVisible(h100, 178.35), gpuName: 'B200' }, BUILT_IN_SERVERS)).toMatchObject({
      ok: true,
      record: { id: 'dgxb200' },
    });
  });

  it('names the GPU when no server has it, and asks when the log gives no clue', () => {
    const rtx = log(logs.VLLM_V0_064_LLAMA_3090);
    const none = matchServer(rtx, BUILT_IN_SERVERS);
    expect(none).toMatchObject({
      ok: false,
      message: { en: expect.stringMatching(/^no server record has the log's GPU \(23\.58 GiB visible\); choose one of dgx100/) },
    });
    const named = matchServer({ ...rtx, gpuName: 'RTX 3090' }, BUILT_IN_SERVERS);
    expect(named).toMatchObject({
      ok: false,
      message: { en: expect.stringMatching(/^no server record has the log's GPU \(RTX 3090, 23\.58 GiB visible\)/) },
    });
    const silent = matchServer(log(logs.VLLM_V1_085_L40S), BUILT_IN_SERVERS);
    expect(silent).toMatchObject({ ok: false, message: { en: expect.stringMatching(/^the log does not say which GPU it ran on/) } });
  });

  it('reads GPU names as nvidia-smi and collect_env print them', () => {
    const name = (line: string) => log(`${line}\n${logs.VLLM_V1_085_L40S}`).gpuName;
    expect(name('|   0  NVIDIA H100 80GB HBM3          On  |   00000000:18:00.0 Off |')).toBe('H100 80GB');
    expect(name('GPU 0: NVIDIA A100-SXM4-80GB')).toBe('A100-SXM4-80GB');
    expect(name('GPU 1: NVIDIA L40S')).toBe('L40S');
    expect(name('GPU 0: NVIDIA GeForce RTX 4090')).toBe('RTX 4090');
    expect(name('GPU 0: AMD Instinct MI300X')).toBe('MI300X');
  });
});

describe('log dates', () => {
  it('keeps a full date, places a vLLM month-day in the latest year not in the future, and prefers a given date', () => {
    expect(logDateOf({ year: 2024, month: 4, day: 3 }, today)).toEqual({ date: '2024-04-03', from: 'log' });
    expect(logDateOf({ year: null, month: 10, day: 8 }, today)).toEqual({ date: '2025-10-08', from: 'log-without-year' });
    expect(logDateOf({ year: null, month: 12, day: 24 }, today)).toEqual({ date: '2024-12-24', from: 'log-without-year' });
    expect(logDateOf({ year: null, month: 11, day: 2 }, today)).toEqual({ date: '2025-11-02', from: 'log-without-year' });
    expect(logDateOf(null, today)).toEqual({ date: '2025-11-02', from: 'today' });
    expect(logDateOf({ year: null, month: 10, day: 8 }, today, '2025-10-07')).toEqual({ date: '2025-10-07', from: 'given' });
  });
});

describe('reading a log into a profile', () => {
  it('makes a profile from a log whose model and GPU the catalog knows', () => {
    const outcome = readCalibration({ text: logs.SGLANG_LLAMA_H200, source: 'sglang.log', today }, BUILT_IN_CATALOG);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.reading.problems).toEqual([]);
    expect(outcome.reading.profile).toMatchObject({
      modelId: 'llama-3.1-8b',
      serverId: 'dgx200',
      engine: 'sglang',
      tp: 1,
      logDate: '2025-04-03',
      source: 'sglang.log',
      memoryFraction: 0.88,
      measured: { weightsGiB: 15.15, kvTokens: 840325, cudaGraphGiB: 0.72, activationPeakGiB: null, maxConcurrency: null },
    });
  });

  it("takes the user's choices over matching, and names a choice that is not in the catalog", () => {
    const chosen = readCalibration({ text: logs.VLLM_V1_TP2_QWEN, source: 'x', today, serverId: 'dgx100' }, BUILT_IN_CATALOG);
    expect(chosen.ok && chosen.reading.profile).toMatchObject({ modelId: 'qwen3-32b', serverId: 'dgx100', tp: 2, logDate: '2025-10-06' });
    const wrong = readCalibration(
      { text: logs.VLLM_V1_TP2_QWEN, source: 'x', today, serverId: 'dgx999', modelId: 'nope' },
      BUILT_IN_CATALOG,
    );
    expect(wrong.ok && wrong.reading.profile).toBeNull();
    expect(wrong.ok && wrong.reading.problems.map((p) => [p.field, p.message.en])).toEqual([
      ['modelId', `"nope" is not a model; expected one of ${BUILT_IN_CATALOG.models.map((m) => m.id).join(', ')}`],
      ['serverId', `"dgx999" is not a server; expected one of ${BUILT_IN_CATALOG.servers.map((s) => s.id).join(', ')}`],
    ]);
  });

  it("refuses a profile no scenario could use: TP that does not divide the server's GPUs", () => {
    const text = logs.VLLM_V1_TP2_QWEN.replace(/tensor_parallel_size'?[=:] ?2/g, 'tensor_parallel_size=3');
    const outcome = readCalibration({ text, source: 'x', today, serverId: 'dgx100' }, BUILT_IN_CATALOG);
    expect(outcome.ok && outcome.reading.profile).toBeNull();
    expect(outcome.ok && outcome.reading.problems[0]).toMatchObject({
      field: 'serverId',
      message: { en: expect.stringContaining("the log's TP 3 does not divide DGX H100's 8 GPUs") },
    });
  });

  it('passes a refusal through untouched', () => {
    expect(readCalibration({ text: logs.NGINX_LOG, source: 'x', today }, BUILT_IN_CATALOG)).toMatchObject({
      ok: false,
      refusal: { code: 'foreign' },
    });
  });
});

describe('the start of a long log', () => {
  it('keeps whole lines up to the limit and says how many', () => {
    expect(startOfLog('a\nb\nc', 10)).toEqual({ text: 'a\nb\nc', trimmed: false, lines: 3 });
    expect(startOfLog('line one\nline two\nline three', 12)).toEqual({ text: 'line one', trimmed: true, lines: 1 });
    expect(startOfLog('x'.repeat(20), 8)).toEqual({ text: 'x'.repeat(8), trimmed: true, lines: 1 });
  });
});
