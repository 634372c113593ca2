import type { LocalizedText, ModelRecord, ServerRecord } from '../types.js';
import { ENGINE_NAMES } from './parse-log.js';
import { LOG_FIGURE_KEYS, type LogDate, type LoggedEngine, type LogFigureKey, type StartupLog } from './types.js';

/** What a profile is for: one model on one GPU type, under one engine, at one tensor-parallel size. */
export interface CalibrationKey {
  modelId: string;
  serverId: string;
  engine: LoggedEngine;
  tp: number;
}

type MeasuredTerms = Record<LogFigureKey, number | null>;

/** Measured per-GPU terms from one start-up log, kept to stand in for the engine method's formulas. */
export interface CalibrationProfile extends CalibrationKey {
  /** The day the log was written (YYYY-MM-DD): results say "calibrated from a log of" this date. */
  logDate: string;
  engineVersion: string | null;
  /** The model as the log names it. */
  loggedModel: string | null;
  /** Where the log came from: its file name, or "pasted text". */
  source: string;
  memoryFraction: number | null;
  maxModelLen: number | null;
  kvCacheDtype: string | null;
  cudaGraphInBudget: boolean;
  measured: MeasuredTerms;
}

export interface StoredCalibrationProfile extends CalibrationProfile {
  id: number;
  createdAt: string;
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export type LogDateFrom = 'log' | 'log-without-year' | 'given' | 'today';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: CalendarDay) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/**
 * The log's date. SGLang stamps the year; vLLM stamps only month and day, so the year is the latest one
 * that does not put the log in the future (a start-up log is read soon after it is written). A date the
 * user gives wins; a log with no date at all is dated the day it was read.
 */
export function logDateOf(date: LogDate | null, today: CalendarDay, given?: string): { date: string; from: LogDateFrom } {
  if (given) return { date: given, from: 'given' };
  if (!date) return { date: isoDay(today), from: 'today' };
  if (date.year !== null) return { date: isoDay({ year: date.year, month: date.month, day: date.day }), from: 'log' };
  const afterToday = date.month > today.month || (date.month === today.month && date.day > today.day);
  return { date: isoDay({ year: afterToday ? today.year - 1 : today.year, month: date.month, day: date.day }), from: 'log-without-year' };
}

/** A YYYY-MM-DD day that exists in the calendar. */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls a day past the month's end into the next month, a 13th month into the next year,
  // and reads years 0–99 as 1900–1999: the day exists when its year and month come back unchanged.
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

type ProfileOutcome = { ok: true; profile: CalibrationProfile } | { ok: false; field: 'serverId'; message: LocalizedText };

/** A profile from a parsed log and the catalog records it was matched to; refused when no scenario could ever use it. */
export function buildProfile(input: {
  log: StartupLog;
  model: ModelRecord;
  server: ServerRecord;
  logDate: string;
  source: string;
}): ProfileOutcome {
  const { log, model, server } = input;
  const tp = log.tp ?? 1;
  if (server.gpus % tp !== 0) {
    return {
      ok: false,
      field: 'serverId',
      message: {
        en: `the log's TP ${tp} does not divide ${server.name}'s ${server.gpus} GPUs, so no scenario on it could use this profile; choose a server whose GPU count TP ${tp} divides`,
        'pt-BR': `o TP ${tp} do log não divide as ${server.gpus} GPUs de ${server.name}, então nenhum cenário nele usaria este perfil; escolha um servidor cujo número de GPUs seja divisível por ${tp}`,
      },
    };
  }
  const measured = Object.fromEntries(LOG_FIGURE_KEYS.map((k) => [k, log.figures[k]?.value ?? null])) as MeasuredTerms;
  return {
    ok: true,
    profile: {
      modelId: model.id,
      serverId: server.id,
      engine: log.engine,
      tp,
      logDate: input.logDate,
      engineVersion: log.engineVersion,
      loggedModel: log.model,
      source: input.source,
      memoryFraction: log.memoryFraction,
      maxModelLen: log.maxModelLen,
      kvCacheDtype: log.kvCacheDtype,
      cudaGraphInBudget: log.cudaGraphInBudget,
      measured,
    },
  };
}

export function sameKey(a: CalibrationKey, b: CalibrationKey): boolean {
  return a.modelId === b.modelId && a.serverId === b.serverId && a.engine === b.engine && a.tp === b.tp;
}

/** "Llama 3.1 8B on DGX H100, vLLM, TP 1" in either language. */
export function describeKey(key: CalibrationKey, lang: 'en' | 'pt-BR', names?: { model?: string; server?: string }): string {
  const on = lang === 'en' ? 'on' : 'em';
  return `${names?.model ?? key.modelId} ${on} ${names?.server ?? key.serverId}, ${ENGINE_NAMES[key.engine]}, TP ${key.tp}`;
}
