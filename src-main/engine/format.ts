import type { Lang } from './types.js';

const formatters = new Map<string, Intl.NumberFormat>();

/** Locale-aware number for messages (1,740.5 in English, 1.740,5 in Portuguese). Cached: Intl is slow to build. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 0, minFractionDigits = 0): string {
  const key = `${lang}|${maxFractionDigits}|${minFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang, {
      maximumFractionDigits: maxFractionDigits,
      minimumFractionDigits: Math.min(minFractionDigits, maxFractionDigits),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** "USD 1.2 M", "USD 350 k", "USD 740"; `extraDigits` more fraction digits where two figures must differ. */
export function formatUsd(value: number, lang: Lang, extraDigits = 0): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `USD ${formatNumber(value / 1e6, lang, 2 + extraDigits)} M`;
  if (abs >= 1e3) return `USD ${formatNumber(value / 1e3, lang, extraDigits)} k`;
  // Below ten dollars (a cost per million tokens) cents matter, both of them: 0.11 is not "USD 0", 0.6 is "USD 0.60".
  const cents = abs > 0 && abs < 10;
  return `USD ${formatNumber(value, lang, cents ? 2 + extraDigits : extraDigits, cents ? 2 : 0)}`;
}

/**
 * A time to first token in seconds: two decimals from 0.1 s up, two significant digits below, so a
 * short prompt on a fast replica reads 0.0093 s rather than 0.00 or 0.01 (a target is set in seconds).
 */
export function formatSeconds(seconds: number, lang: Lang): string {
  if (seconds <= 0 || seconds >= 0.1) return formatNumber(seconds, lang, 2, 2);
  const digits = Math.min(6, 1 - Math.floor(Math.log10(seconds)));
  return formatNumber(seconds, lang, digits, digits);
}

export function formatPercent(ratio: number, lang: Lang, digits = 1): string {
  return `${formatNumber(ratio * 100, lang, digits)}%`;
}

const MAX_EXTRA_DIGITS = 3;

/**
 * "USD 3.6 M – USD 6 M", or one figure when the range is a single price. A range whose ends round
 * to the same text (1,500 and 2,000 both "USD 2 k") gets more digits until they differ.
 */
export function formatUsdRange(
  lowUsd: number,
  highUsd: number,
  lang: Lang,
  join: (low: string, high: string) => string = (low, high) => `${low} – ${high}`,
): string {
  if (lowUsd === highUsd) return formatUsd(lowUsd, lang);
  for (let extra = 0; extra < MAX_EXTRA_DIGITS; extra++) {
    const low = formatUsd(lowUsd, lang, extra);
    const high = formatUsd(highUsd, lang, extra);
    if (low !== high) return join(low, high);
  }
  return join(formatUsd(lowUsd, lang, MAX_EXTRA_DIGITS), formatUsd(highUsd, lang, MAX_EXTRA_DIGITS));
}

/** A "2026-12" month as the language writes it: "December 2026", "dezembro de 2026". */
export function formatMonth(yearMonth: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yearMonth}-01T00:00:00Z`));
}
