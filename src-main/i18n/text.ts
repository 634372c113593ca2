import type { Lang, LocalizedText } from '../engine/types.js';

/**
 * Messages that cross a boundary (store refusals, API errors, command-line lines) carry both
 * product languages; the transport renders them in the caller's language at the last moment.
 */
export function both(en: string, ptBR: string): LocalizedText {
  return { en, 'pt-BR': ptBR };
}

/** A plain string is the same in both languages (a path, an id, a figure). */
export function inLang(text: LocalizedText | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** The same change applied to each language: `mapText(t, (s) => \`--db: ${s}\`)`. */
export function mapText(text: LocalizedText, change: (value: string, lang: Lang) => string): LocalizedText {
  return { en: change(text.en, 'en'), 'pt-BR': change(text['pt-BR'], 'pt-BR') };
}

/** "1.5 is not allowed; expected …": the one wording of a refused value, in both languages. */
export function notAllowed(value: unknown, allowed: LocalizedText): LocalizedText {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return both(`${shown} is not allowed; expected ${allowed.en}`, `${shown} não é permitido; esperado ${allowed['pt-BR']}`);
}

/** `field: message`, in both languages, when there is a field to name. */
export function withField(field: string | undefined, text: LocalizedText): LocalizedText {
  return field ? mapText(text, (value) => `${field}: ${value}`) : text;
}

/** A language code from a request (HTTP Accept-Language, an IPC argument): Portuguese or English. */
export function langFrom(value: unknown): Lang {
  return typeof value === 'string' && /^pt\b/i.test(value.trim()) ? 'pt-BR' : 'en';
}
