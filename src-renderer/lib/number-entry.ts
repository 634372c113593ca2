import type { Lang } from '../../src-main/engine/index';

/**
 * Numbers as people type them in each language (CLDR's conventions, as Intl.NumberFormat uses them):
 * English writes 1,234.5 and Portuguese 1.234,5; either may group thousands with spaces. A typed
 * number is read the way the user's language writes it, so "350,000" in English and "350.000" in
 * Portuguese are both 350 thousand. What the language cannot read is refused, never guessed: "1,5"
 * in English could be one and a half or a typo for 15 or 1,500. A pasted figure in the other
 * convention is read when it can only mean one thing: both separators present ("1.234,5" in
 * English) or one separator repeated ("1.234.567").
 */
const SEPARATORS: Record<Lang, { decimal: '.' | ','; group: '.' | ',' }> = {
  en: { decimal: '.', group: ',' },
  'pt-BR': { decimal: ',', group: '.' },
};

/** What a typed number reads as: nothing, a value, or why it is refused. */
type NumberReading = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; reason: NumberProblem };

/** 'characters': not made of digits and separators; 'separators': digits, but separators the language does not read. */
export type NumberProblem = 'characters' | 'separators';

/** Spaces used to group digits: plain, no-break, narrow no-break and thin (what Intl.NumberFormat emits). */
const SPACES = /[ \u00a0\u202f\u2009]/g;
const NUMBER_CHARS = /^[-+\u2212]?[\d.,]*\d[\d.,]*$/;

export function readNumber(text: string, lang: Lang): NumberReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const compact = trimmed.replace(SPACES, ' ');
  if (!NUMBER_CHARS.test(compact.replace(/ /g, ''))) return { kind: 'invalid', reason: 'characters' };
  const negative = /^[-\u2212]/.test(compact);
  const body = compact.replace(/^[-+\u2212]/, '');
  const decimal = decimalSeparator(body, lang);
  if (decimal === 'refuse') return { kind: 'invalid', reason: 'separators' };
  const at = decimal ? body.lastIndexOf(decimal) : -1;
  const whole = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  const digits = wholeDigits(whole, at >= 0);
  if (digits === null || !/^\d*$/.test(fraction)) return { kind: 'invalid', reason: 'separators' };
  const value = Number(`${digits || '0'}.${fraction || '0'}`);
  return { kind: 'number', value: negative ? -value : value };
}

/**
 * The decimal separator of a typed number (null: a whole number), or 'refuse' when the language
 * cannot read it: the only separator is the language's group mark but the digits are not grouped.
 */
function decimalSeparator(body: string, lang: Lang): '.' | ',' | null | 'refuse' {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal separator and it appears once.
    const last = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    return (last === '.' ? dots : commas) === 1 ? last : 'refuse';
  }
  const mark = dots > 0 ? '.' : commas > 0 ? ',' : null;
  if (mark === null) return null;
  if ((mark === '.' ? dots : commas) > 1) return null;
  const { decimal, group } = SEPARATORS[lang];
  if (mark === decimal) return decimal;
  return mark === group && isGrouped(body.replace(/ /g, ''), group) ? null : 'refuse';
}

/** "1,234,567" with ',' → true: one to three digits, then groups of exactly three. */
function isGrouped(digits: string, mark: string): boolean {
  const group = mark === '.' ? '\\.' : mark;
  return new RegExp(`^[1-9]\\d{0,2}(${group}\\d{3})+$`).test(digits);
}

/** The integer part without its group marks (one kind of mark, in groups of three), or null. */
function wholeDigits(whole: string, hasDecimal: boolean): string | null {
  if (whole === '') return hasDecimal ? '' : null;
  if (/^\d+$/.test(whole)) return whole;
  const marks = new Set(whole.replace(/\d/g, ''));
  if (marks.size !== 1) return null;
  const [mark] = [...marks];
  return isGrouped(whole, mark!) ? whole.replace(/\D/g, '') : null;
}

/** A number as the user would type it: no grouping, the language's decimal separator. */
export function numberText(value: number | undefined, lang: Lang): string {
  if (value === undefined) return '';
  const text = String(value);
  return SEPARATORS[lang].decimal === ',' ? text.replace('.', ',') : text;
}

/** Typed text re-written for another language ("0,12" → "0.12"); text that does not read stays as typed. */
export function retypeNumber(text: string, from: Lang, to: Lang): string {
  const reading = readNumber(text, from);
  return reading.kind === 'number' ? numberText(reading.value, to) : text;
}
