/**
 * XLSX export with exceljs (https://github.com/exceljs/exceljs): one sheet per table, numbers as
 * typed numeric cells with number formats, so no locale can misread a figure the way it can a CSV.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../engine/index.js';
import { label, type LabelKey } from '../i18n/labels.js';
import type { Cell, Table, TableName } from './tables.js';

const SHEET_LABELS: Record<TableName, LabelKey> = { results: 'results', regions: 'regions', comparison: 'comparison', sweep: 'sweep' };

/** Excel number formats by what a column (or a comparison row) holds, read from its key's unit suffix. */
function numberFormatFor(key: string): string {
  if (/Usd$/.test(key)) return '#,##0';
  if (/Ratio$/.test(key) || key === 'availabilityTarget') return '0.0%';
  if (/GiB$/.test(key)) return '#,##0.0000';
  if (/S$/.test(key) || /Kw|Pue|pue/.test(key)) return '#,##0.0##';
  return '#,##0.####';
}

function writeSheet(book: ExcelJS.Workbook, table: Table, lang: Lang): void {
  const sheet = book.addWorksheet(label(lang, SHEET_LABELS[table.name]));
  sheet.addRow(table.header).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // The comparison holds one field per row (its key in column 2); the other tables one per column.
  const keyOf = (row: Cell[], column: number) => (table.name === 'comparison' ? String(row[1]).split('.').at(-1)! : table.header[column]!);
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((c) => (c === undefined ? null : c)));
    cells.forEach((value, column) => {
      if (typeof value === 'number') row.getCell(column + 1).numFmt = numberFormatFor(keyOf(cells, column));
    });
  }
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...[table.header[i], ...table.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
    column.width = Math.min(40, Math.max(10, widest + 2));
  });
}

/** A workbook of the given tables, one sheet each, as XLSX bytes. */
export async function toXlsx(tables: Table[], lang: Lang): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LLM Sizing Planner';
  for (const table of tables) writeSheet(book, table, lang);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
