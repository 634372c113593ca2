/**
 * CSV in the conventions of the user's spreadsheet: English comma-separated with decimal points,
 * Portuguese semicolon-separated with decimal commas (how a Brazilian-locale Excel or LibreOffice
 * reads a CSV), RFC 4180 quoting and CRLF line ends. The first line states the separator
 * (`sep=;`), which Excel reads; with a UTF-8 BOM it is left out, because Excel then shows it as
 * data (https://support.microsoft.com/en-us/office/import-or-export-text-txt-or-csv-files-5250ac4c-663c-47ce-937b-339e391393ba).
 */
import type { Lang } from '../engine/index.js';
import type { Cell, Table } from './tables.js';

export interface CsvOptions {
  lang: Lang;
  bom?: boolean;
}

const CSV_CONVENTIONS: Record<Lang, { separator: ',' | ';'; numberLocale: string }> = {
  en: { separator: ',', numberLocale: 'en-US' },
  'pt-BR': { separator: ';', numberLocale: 'pt-BR' },
};

/**
 * Spreadsheets execute cells that start with these characters as formulas (CSV injection).
 * Such text cells get a leading apostrophe, which Excel, LibreOffice and Sheets show as text.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** 15 significant digits: every figure a double holds exactly, without float noise (341816.73600000003 → 341816.736). */
const MAX_SIGNIFICANT_DIGITS = 15;
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function csvNumber(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(CSV_CONVENTIONS[lang].numberLocale, {
      useGrouping: false,
      maximumSignificantDigits: MAX_SIGNIFICANT_DIGITS,
    });
    numberFormats.set(lang, format);
  }
  // Intl writes a minus sign as U+2212 in no locale used here, and never an exponent.
  return format.format(value);
}

function csvCell(value: Cell, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? csvNumber(value, lang) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = FORMULA_TRIGGER.test(value) ? `'${value}` : value;
  const separator = CSV_CONVENTIONS[lang].separator;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table as CSV text in the user's conventions. */
export function toCsv(table: Pick<Table, 'header' | 'rows'>, options: CsvOptions): string {
  const separator = CSV_CONVENTIONS[options.lang].separator;
  const line = (cells: Cell[]) => cells.map((c) => csvCell(c, options.lang)).join(separator);
  const lines = [...(options.bom ? [] : [`sep=${separator}`]), line(table.header), ...table.rows.map(line)];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
