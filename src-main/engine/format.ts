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

export function formatUsd(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `USD ${formatNumber(value / 1e6, lang, 2)} M`;
  if (abs >= 1e3) return `USD ${formatNumber(value / 1e3, lang, 0)} k`;
  return `USD ${formatNumber(value, lang, 0)}`;
}

export function formatPercent(ratio: number, lang: Lang, digits = 1): string {
  return `${formatNumber(ratio * 100, lang, digits)}%`;
}
