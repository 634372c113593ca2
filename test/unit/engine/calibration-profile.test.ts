/**
 * Profiles (engine/calibration/profile.ts): the log's date, calendar days, the key a profile is
 * stored under and how it is named, and the refusal of a profile no scenario could use.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  buildProfile,
  describeKey,
  findModel,
  findServer,
  isCalendarDay,
  logDateOf,
  parseStartupLog,
  sameKey,
  type CalibrationKey,
} from '../../../src-main/engine/index.js';
import * as logs from './calibration/logs.js';

describe("a vLLM log's year", () => {
  it('is last year for a day later this month than today, this year for a day earlier', () => {
    const today = { year: 2025, month: 11, day: 2 };
    expect(logDateOf({ year: null, month: 11, day: 20 }, today)).toEqual({ date: '2024-11-20', from: 'log-without-year' });
    expect(logDateOf({ year: null, month: 11, day: 1 }, today)).toEqual({ date: '2025-11-01', from: 'log-without-year' });
  });
});

describe('calendar days', () => {
  it.each(['2024-02-29', '2025-01-01', '2025-12-31'])('%s is one', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0050-01-01',
    'x2025-01-01',
    '2025-01-01x',
    '2025-1-1',
    'yesterday',
  ])('%s is not', (text) => {
    expect(isCalendarDay(text)).toBe(false);
  });
});

describe('profile keys', () => {
  const key: CalibrationKey = { modelId: 'llama-3.1-8b', serverId: 'dgx100', engine: 'vllm', tp: 1 };

  it('are the same only when model, server, engine and TP all are', () => {
    expect(sameKey(key, { ...key })).toBe(true);
    expect(sameKey(key, { ...key, modelId: 'qwen3-32b' })).toBe(false);
    expect(sameKey(key, { ...key, serverId: 'dgx200' })).toBe(false);
    expect(sameKey(key, { ...key, engine: 'sglang' })).toBe(false);
    expect(sameKey(key, { ...key, tp: 2 })).toBe(false);
  });

  it('are named with record names where given, in either language', () => {
    expect(describeKey(key, 'en')).toBe('llama-3.1-8b on dgx100, vLLM, TP 1');
    expect(describeKey({ ...key, engine: 'sglang', tp: 2 }, 'pt-BR', { model: 'Llama 3.1 8B', server: 'DGX H100' })).toBe(
      'Llama 3.1 8B em DGX H100, SGLang, TP 2',
    );
    expect(describeKey(key, 'en', { server: 'DGX H100' })).toBe('llama-3.1-8b on DGX H100, vLLM, TP 1');
    expect(describeKey(key, 'en', { model: 'Llama 3.1 8B' })).toBe('Llama 3.1 8B on dgx100, vLLM, TP 1');
  });
});

describe('building a profile', () => {
  it("refuses a TP that does not divide the server's GPUs, naming the server field, in Portuguese too", () => {
    const outcome = parseStartupLog(logs.VLLM_V1_TP2_QWEN.replace(/tensor_parallel_size'?[=:] ?2/g, 'tensor_parallel_size=3'));
    if (!outcome.ok) throw new Error(outcome.refusal.message.en);
    const built = buildProfile({
      log: outcome.log,
      model: findModel(BUILT_IN_CATALOG, 'qwen3-32b')!,
      server: findServer(BUILT_IN_CATALOG, 'dgx100')!,
      logDate: '2025-10-06',
      source: 'qwen.log',
    });
    expect(built).toEqual({
      ok: false,
      field: 'serverId',
      message: {
        en: "the log's TP 3 does not divide DGX H100's 8 GPUs, so no scenario on it could use this profile; choose a server whose GPU count TP 3 divides",
        'pt-BR':
          'o TP 3 do log não divide as 8 GPUs de DGX H100, então nenhum cenário nele usaria este perfil; escolha um servidor cujo número de GPUs seja divisível por 3',
      },
    });
  });
});
