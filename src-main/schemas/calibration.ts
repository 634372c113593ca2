import { z } from 'zod';
import { isCalendarDay, LOG_FIGURE_KEYS, type CalibrationProfile, type LogFigureKey } from '../engine/index.js';
import { bilingual } from './issue-text.js';

const figure = z.number({ error: 'expected a number' }).finite({ error: 'expected a finite number' }).nullable();
const gib = figure.refine((v) => v === null || (v >= 0 && v <= 100_000), {
  error: bilingual('expected GiB between 0 and 100,000', 'esperado um valor em GiB entre 0 e 100.000'),
});
const id = z.string().min(1, { error: 'must not be empty' }).max(100, { error: 'at most 100 characters' });

const measuredShape = Object.fromEntries(
  LOG_FIGURE_KEYS.map((k) => [k, k === 'kvTokens' || k === 'maxConcurrency' ? figure : gib]),
) as Record<LogFigureKey, typeof figure>;

/** A calibration profile as stored and as the API hands it out: checked on every read and write. */
export const calibrationProfileSchema = z.strictObject({
  modelId: id,
  serverId: id,
  engine: z.enum(['vllm', 'sglang']),
  tp: z
    .number()
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'expected at least 1' })
    .max(1024, { error: 'expected at most 1,024' }),
  logDate: z
    .string()
    .refine(isCalendarDay, { error: bilingual('expected a date as YYYY-MM-DD', 'esperada uma data no formato AAAA-MM-DD') }),
  engineVersion: z.string().max(100).nullable(),
  loggedModel: z.string().max(1000).nullable(),
  source: z.string().max(1000),
  memoryFraction: z.number().gt(0, { error: 'expected a fraction above 0' }).lte(1, { error: 'expected a fraction at most 1' }).nullable(),
  maxModelLen: z.number().int().positive().nullable(),
  kvCacheDtype: z.string().max(50).nullable(),
  cudaGraphInBudget: z.boolean(),
  measured: z.strictObject(measuredShape),
}) satisfies z.ZodType<CalibrationProfile>;
