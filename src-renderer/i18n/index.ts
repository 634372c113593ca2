import { computed } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { formatNumber, formatPercent, formatSeconds, formatUsd, formatUsdRange, type Lang } from '../../src-main/engine/index';
import { en } from './en';
import { ptBR } from './pt-BR';

export const LANGS: readonly Lang[] = ['en', 'pt-BR'];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

const dateFormat = { short: { dateStyle: 'medium', timeStyle: 'short' } } as const;

/** The renderer's one i18n instance: every user-facing string goes through it. */
export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Lang,
  fallbackLocale: 'en' as Lang,
  messages: { en, 'pt-BR': ptBR },
  datetimeFormats: { en: dateFormat, 'pt-BR': dateFormat },
});

export function setLanguage(lang: Lang): void {
  i18n.global.locale.value = lang;
  document.documentElement.lang = lang;
  document.title = i18n.global.t('app.title');
}

export function currentLanguage(): Lang {
  return i18n.global.locale.value as Lang;
}

/** "USD 300 k" and "USD 400 k" → "USD 300 – 400 k": the engine's money format, said once. */
function usdRange(low: string, high: string): string {
  if (low === high) return low;
  const a = /^USD (.+?)( [kM])?$/.exec(low);
  const b = /^USD (.+?)( [kM])?$/.exec(high);
  if (a && b && a[2] === b[2]) return `USD ${a[1]} – ${b[1]}${a[2] ?? ''}`;
  return `${low} – ${high}`;
}

/** Numbers, money and dates in the current language, through the engine's own formatters. */
export function useFormat() {
  const { locale, d } = useI18n();
  const lang = computed(() => locale.value as Lang);
  return {
    lang,
    num: (value: number, maxDigits = 0, minDigits = 0) => formatNumber(value, lang.value, maxDigits, minDigits),
    gib: (value: number) => formatNumber(value, lang.value, 2, 2),
    usd: (value: number) => formatUsd(value, lang.value),
    usdRange: (low: number, high: number) => formatUsdRange(low, high, lang.value, usdRange),
    seconds: (value: number) => formatSeconds(value, lang.value),
    pct: (ratio: number, digits = 1) => formatPercent(ratio, lang.value, digits),
    date: (iso: string) => d(new Date(iso), 'short'),
  };
}
