import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src-main/engine/index';
import { numberText, readNumber, retypeNumber } from '../../src-renderer/lib/number-entry';

const value = (text: string, lang: Lang) => {
  const reading = readNumber(text, lang);
  return reading.kind === 'number' ? reading.value : reading.kind === 'invalid' ? `invalid:${reading.reason}` : 'empty';
};

describe('typed numbers read the way the language writes them', () => {
  it('reads a grouped money figure as its full magnitude in each language, never as 350', () => {
    expect(value('350,000', 'en')).toBe(350_000);
    expect(value('350.000', 'pt-BR')).toBe(350_000);
    expect(value('1,250,000', 'en')).toBe(1_250_000);
    expect(value('1.250.000', 'pt-BR')).toBe(1_250_000);
    expect(value('350 000', 'en')).toBe(350_000);
    expect(value('350\u00a0000', 'pt-BR')).toBe(350_000);
    expect(value('350\u202f000,5', 'pt-BR')).toBe(350_000.5);
  });

  it('reads the language’s own decimal separator', () => {
    expect(value('0.7', 'en')).toBe(0.7);
    expect(value('0,7', 'pt-BR')).toBe(0.7);
    expect(value('.5', 'en')).toBe(0.5);
    expect(value(',5', 'pt-BR')).toBe(0.5);
    expect(value('350.000', 'en')).toBe(350);
    expect(value('350,000', 'pt-BR')).toBe(350);
    expect(value('-2.5', 'en')).toBe(-2.5);
    expect(value('\u22122,5', 'pt-BR')).toBe(-2.5);
    expect(value(' 42 ', 'en')).toBe(42);
  });

  it('reads a pasted figure in the other convention when it can only mean one thing', () => {
    for (const lang of ['en', 'pt-BR'] as const) {
      expect(value('1,234.5', lang)).toBe(1234.5);
      expect(value('1.234,5', lang)).toBe(1234.5);
      expect(value('1 234.5', 'en')).toBe(1234.5);
    }
    expect(value('1.234.567', 'en')).toBe(1_234_567);
    expect(value('1,234,567', 'pt-BR')).toBe(1_234_567);
  });

  it('refuses what the language cannot read instead of guessing a magnitude', () => {
    expect(value('1,5', 'en')).toBe('invalid:separators');
    expect(value('0,7', 'en')).toBe('invalid:separators');
    expect(value('0.7', 'pt-BR')).toBe('invalid:separators');
    expect(value('1.5', 'pt-BR')).toBe('invalid:separators');
    expect(value('35,0000', 'en')).toBe('invalid:separators');
    expect(value('12,34,567', 'en')).toBe('invalid:separators');
    expect(value('1,234,5', 'en')).toBe('invalid:separators');
    expect(value('1.234,567.8', 'en')).toBe('invalid:separators');
    expect(value('0,700', 'en')).toBe('invalid:separators');
    expect(value('1 23', 'en')).toBe('invalid:separators');
    expect(value('1 234,5', 'en')).toBe('invalid:separators');
  });

  it('refuses what is not a number at all, and reads nothing as empty', () => {
    expect(value('12a', 'en')).toBe('invalid:characters');
    expect(value('1e5', 'en')).toBe('invalid:characters');
    expect(value('.', 'en')).toBe('invalid:characters');
    expect(value('USD 5', 'en')).toBe('invalid:characters');
    expect(value('   ', 'pt-BR')).toBe('empty');
  });

  it('writes numbers back for editing and re-writes them for another language', () => {
    expect(numberText(0.12, 'en')).toBe('0.12');
    expect(numberText(0.12, 'pt-BR')).toBe('0,12');
    expect(numberText(350000, 'pt-BR')).toBe('350000');
    expect(retypeNumber('0.12', 'en', 'pt-BR')).toBe('0,12');
    expect(retypeNumber('1,5', 'pt-BR', 'en')).toBe('1.5');
    expect(retypeNumber('1,5x', 'pt-BR', 'en')).toBe('1,5x');
    for (const lang of ['en', 'pt-BR'] as const)
      for (const n of [0, 1.25, 1e-4, 123456.789]) expect(value(numberText(n, lang), lang)).toBe(n);
  });
});
