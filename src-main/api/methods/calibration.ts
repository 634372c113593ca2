import { z } from 'zod';
import {
  isCalendarDay,
  MAX_LOG_TEXT_CHARS,
  readCalibration,
  sameKey,
  type CalendarDay,
  type CalibrationReading,
} from '../../engine/index.js';
import { read, write, type ApiContext, type MethodMap } from '../define.js';
import { both } from '../../i18n/text.js';
import { bilingual } from '../../schemas/index.js';
import { ApiError } from '../errors.js';
import { id, lang } from '../shared.js';
import type { CalibrationReadResult, CalibrationRequestInput } from '../types.js';

const PASTED_SOURCE = 'pasted text';

const catalogId = z.string().min(1, { error: 'must not be empty' }).max(100, { error: 'at most 100 characters' });
const calibrationRequest = z.strictObject({
  text: z.string({ error: 'expected the log as text' }).max(MAX_LOG_TEXT_CHARS, {
    error: `at most ${MAX_LOG_TEXT_CHARS.toLocaleString('en')} characters: the start-up part of the log is enough`,
  }),
  source: z.string().trim().min(1, { error: 'must not be empty' }).max(500, { error: 'at most 500 characters' }).optional(),
  modelId: catalogId.optional(),
  serverId: catalogId.optional(),
  logDate: z
    .string()
    .refine(isCalendarDay, { error: bilingual('expected a date as YYYY-MM-DD', 'esperada uma data no formato AAAA-MM-DD') })
    .optional(),
  lang: lang.optional(),
});

/** The machine's calendar day: a vLLM log stamps month and day only, and is dated in the latest year not after it. */
function today(now = new Date()): CalendarDay {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Reads the log against the store's catalog; a text that is no usable log is the caller's to fix. */
function readLog(ctx: ApiContext, input: CalibrationRequestInput): CalibrationReading {
  const outcome = readCalibration(
    {
      text: input.text,
      source: input.source ?? PASTED_SOURCE,
      modelId: input.modelId,
      serverId: input.serverId,
      logDate: input.logDate,
      today: today(),
    },
    ctx.store.catalog.effective(),
  );
  if (!outcome.ok) throw ApiError.invalid('text', outcome.refusal.message);
  return outcome.reading;
}

function readWithStored(ctx: ApiContext, input: CalibrationRequestInput): CalibrationReadResult {
  const reading = readLog(ctx, input);
  const profile = reading.profile;
  const replaces = profile ? (ctx.store.calibrations.list().find((p) => sameKey(p, profile)) ?? null) : null;
  return { ...reading, replaces };
}

type CalibrationMethod = 'calibration.read' | 'calibration.save' | 'calibration.list' | 'calibration.delete';

/** Calibration from engine start-up logs: read one, store its profile, list and delete stored profiles. */
export const CALIBRATION_METHODS: MethodMap<CalibrationMethod> = {
  'calibration.read': read(calibrationRequest, (ctx, i) => readWithStored(ctx, i)),
  // The server reads the log again: a profile is only ever made from a log, never taken from the caller.
  'calibration.save': write(calibrationRequest, (ctx, i) => {
    const reading = readLog(ctx, i);
    const problem = reading.problems[0];
    if (problem || !reading.profile) {
      throw ApiError.invalid(
        problem?.field ?? 'text',
        problem?.message ?? both('the log could not make a profile', 'o log não permitiu montar um perfil'),
      );
    }
    return ctx.store.calibrations.save(reading.profile);
  }),
  'calibration.list': read(z.strictObject({}), (ctx) => ctx.store.calibrations.list()),
  'calibration.delete': write(z.strictObject({ id }), (ctx, i) => {
    ctx.store.calibrations.delete(i.id);
    return { deleted: i.id };
  }),
};
