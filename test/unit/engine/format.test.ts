import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, formatNumber, formatPercent, formatSeconds, formatUsd, storageSource } from '../../../src-main/engine/index.js';

describe('number formatting for messages and reports', () => {
  it('formats per language, with at most and at least the asked decimals', () => {
    expect(formatNumber(1740.567, 'en')).toBe('1,741');
    expect(formatNumber(1740.567, 'pt-BR', 2)).toBe('1.740,57');
    expect(formatNumber(1740.5, 'en', 2)).toBe('1,740.5');
    expect(formatNumber(1740.5, 'en', 2, 2)).toBe('1,740.50');
    // At least never exceeds at most: asking for 3 with a maximum of 1 gives 1.
    expect(formatNumber(2, 'en', 1, 3)).toBe('2.0');
    // Formatters are cached per language and digits: a second call with other digits is not served the first.
    expect(formatNumber(0.125, 'en', 3)).toBe('0.125');
    expect(formatNumber(0.125, 'en', 1)).toBe('0.1');
    expect(formatNumber(0.125, 'pt-BR', 3)).toBe('0,125');
  });

  it('writes money as USD, in thousands from 1,000 and in millions from 1,000,000', () => {
    expect(formatUsd(999, 'en')).toBe('USD 999');
    expect(formatUsd(1000, 'en')).toBe('USD 1 k');
    expect(formatUsd(1500, 'en')).toBe('USD 2 k');
    expect(formatUsd(1e6, 'en')).toBe('USD 1 M');
    expect(formatUsd(2_345_678, 'en')).toBe('USD 2.35 M');
    expect(formatUsd(2_345_678, 'pt-BR')).toBe('USD 2,35 M');
    expect(formatUsd(-2000, 'en')).toBe('USD -2 k');
    expect(formatUsd(-3e6, 'pt-BR')).toBe('USD -3 M');
  });

  it('keeps both cents below USD 10, and writes nothing as USD 0', () => {
    expect(formatUsd(0.6, 'pt-BR')).toBe('USD 0,60');
    expect(formatUsd(0.11, 'en')).toBe('USD 0.11');
    expect(formatUsd(9.5, 'en')).toBe('USD 9.50');
    expect(formatUsd(0, 'en')).toBe('USD 0');
  });

  it('writes a ratio as a percentage with one decimal unless told otherwise', () => {
    expect(formatPercent(0.4251, 'en')).toBe('42.5%');
    expect(formatPercent(0.4251, 'pt-BR')).toBe('42,5%');
    expect(formatPercent(0.4251, 'en', 0)).toBe('43%');
    expect(formatPercent(0.99951, 'en', 2)).toBe('99.95%');
  });
});

describe('formatSeconds', () => {
  it('keeps two significant digits below 0.1 s and two decimals above, in both languages', () => {
    expect(formatSeconds(0.0093, 'en')).toBe('0.0093');
    expect(formatSeconds(0.012, 'pt-BR')).toBe('0,012');
    expect(formatSeconds(0.37, 'en')).toBe('0.37');
    expect(formatSeconds(0.1, 'en')).toBe('0.10');
    expect(formatSeconds(12.345, 'pt-BR')).toBe('12,35');
    expect(formatSeconds(0, 'en')).toBe('0.00');
  });
});

describe('storageSource', () => {
  it("translates a built-in profile's own note and leaves any other text as written", () => {
    const nvme = BUILT_IN_CATALOG.storage.find((s) => s.id === 'profile_default')!;
    expect(storageSource(nvme)).toEqual({
      en: nvme.source,
      'pt-BR':
        'RAID de NVMe local, ~10 GB/s efetivos em leitura sequencial; premissa de planejamento, não uma medição: substitua pelos seus próprios números',
    });
    const replaced = { ...nvme, source: 'our own benchmark, 2026-11' };
    expect(storageSource(replaced)).toEqual({ en: 'our own benchmark, 2026-11', 'pt-BR': 'our own benchmark, 2026-11' });
  });
});
