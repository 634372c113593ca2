import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planRegions, planScenario, sweep, type CompareItem } from '../../../src-main/engine/index.js';
import { comparisonTable, regionsTable, resultsTable, sweepTable, PLAN_RESULT_COLUMNS } from '../../../src-main/export/tables.js';
import { toXlsx } from '../../../src-main/export/xlsx.js';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('XLSX export', () => {
  const t = findTemplate('serverless-multi-region')!;
  const plan = planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG);
  const items: CompareItem[] = [
    { name: 'SaaS', result: planScenario(findTemplate('saas-startup')!.inputs, BUILT_IN_CATALOG) },
    { name: 'Serverless', result: planScenario(t.inputs, BUILT_IN_CATALOG), plan },
  ];
  const swept = sweep({
    inputs: findTemplate('public-api')!.inputs,
    catalog: BUILT_IN_CATALOG,
    field: 'concurrency',
    from: 1000,
    to: 10000,
    points: 10,
  });

  it('reads back cell for cell: one sheet per table, typed numbers with number formats', async () => {
    const tables = [
      resultsTable([{ scenario: 'Serverless', result: plan }]),
      regionsTable(plan),
      comparisonTable(items, 'pt-BR'),
      sweepTable(swept),
    ];
    const book = await readBack(await toXlsx(tables, 'pt-BR'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Resultados', 'Regiões', 'Comparação', 'Varredura']);
    tables.forEach((table, i) => {
      const sheet = book.worksheets[i]!;
      expect(sheet.rowCount).toBe(1 + table.rows.length);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(table.header);
      table.rows.forEach((cells, r) => {
        cells.forEach((value, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1);
          expect(cell.value ?? null, `${table.name} r${r} c${c}`).toEqual(value ?? null);
        });
      });
    });
    const results = book.getWorksheet('Resultados')!;
    const capex = results.getRow(2).getCell(PLAN_RESULT_COLUMNS.indexOf('capexLowUsd') + 1);
    expect(capex.type).toBe(ExcelJS.ValueType.Number);
    expect(capex.numFmt).toBe('#,##0');
    const ratio = results.getRow(2).getCell(PLAN_RESULT_COLUMNS.indexOf('kvBudgetRatio') + 1);
    expect(ratio.value).toBe(0.7);
    expect(ratio.numFmt).toBe('0.0%');
    const comparison = book.getWorksheet('Comparação')!;
    const nodesRow = comparison.getRows(2, comparison.rowCount - 1)!.find((row) => row.getCell(2).value === 'nodesTotal')!;
    expect([nodesRow.getCell(4).value, nodesRow.getCell(5).value]).toEqual([1, 9]);
  });

  it('holds the method and engine columns as typed cells, empty for a pooled row', async () => {
    const engine = planScenario({ ...findTemplate('saas-startup')!.inputs, method: 'engine', tp: 4 }, BUILT_IN_CATALOG);
    const table = resultsTable([
      { scenario: 'Engine', result: engine },
      { scenario: 'Pooled', result: items[0]!.result },
    ]);
    const sheet = (await readBack(await toXlsx([table], 'en'))).worksheets[0]!;
    const cell = (row: number, column: string) => sheet.getRow(row).getCell(table.header.indexOf(column) + 1);
    expect([cell(2, 'method').value, cell(2, 'servingEngine').value, cell(2, 'tp').value, cell(2, 'replicasPerNode').value]).toEqual([
      'engine',
      'vllm',
      4,
      2,
    ]);
    expect(cell(2, 'kvAvailableGiBPerGpu').type).toBe(ExcelJS.ValueType.Number);
    expect(cell(2, 'kvAvailableGiBPerGpu').value).toBe(engine.engine!.perGpu.kvAvailableGiB);
    expect(cell(2, 'sessionsPerReplica').value).toBe(engine.sessionsPerNode / 2);
    expect(cell(3, 'method').value).toBe('pooled');
    expect(cell(3, 'tp').value).toBeNull();
  });

  it('keeps formula-like text as text, never as a formula', async () => {
    const book = await readBack(await toXlsx([resultsTable([{ scenario: '=HYPERLINK("http://x")', result: plan }])], 'en'));
    const cell = book.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
  });
});
