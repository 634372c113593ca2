import { describe, expect, it } from 'vitest';
import { calibrationProfileSchema } from '../../../src-main/schemas/calibration.js';
import { describeZodIssueText } from '../../../src-main/schemas/index.js';
import { llamaH100Profile } from '../helpers/calibration.js';

// A calibration profile is checked on every read and write of the store; its refusals reach people
// as "profile.<field>: …", word for word in both languages.

const profile = llamaH100Profile();

function refusal(value: unknown): [string, string, string] {
  const parsed = calibrationProfileSchema.safeParse(value);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  const { field, text } = describeZodIssueText(parsed.error, ['profile']);
  return [field, text.en, text['pt-BR']];
}

const withWeights = (weightsGiB: number | null) => ({ ...profile, measured: { ...profile.measured, weightsGiB } });

describe('calibration profiles', () => {
  it('accepts a memory figure from 0 to 100,000 GiB, or none', () => {
    for (const weightsGiB of [0, 100_000, null]) expect(calibrationProfileSchema.safeParse(withWeights(weightsGiB)).success).toBe(true);
  });

  it('refuses a memory figure outside 0 to 100,000 GiB in both languages', () => {
    const refused = ['profile.measured.weightsGiB', 'expected GiB between 0 and 100,000', 'esperado um valor em GiB entre 0 e 100.000'];
    expect(refusal(withWeights(-0.5))).toEqual(refused);
    expect(refusal(withWeights(100_000.5))).toEqual(refused);
    // zod 4 refuses infinities as not numbers, before the finite check.
    expect(refusal(withWeights(Infinity))).toEqual(['profile.measured.weightsGiB', 'expected a number', 'esperado um número']);
  });

  it('refuses a log date that is not a calendar day, and a TP below 1', () => {
    expect(refusal({ ...profile, logDate: '2025-02-30' })).toEqual([
      'profile.logDate',
      'expected a date as YYYY-MM-DD',
      'esperada uma data no formato AAAA-MM-DD',
    ]);
    expect(refusal({ ...profile, tp: 0 })).toEqual(['profile.tp', 'expected at least 1', 'esperado um número no mínimo 1']);
  });
});
