import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  compareScenarios,
  findTemplate,
  planRegions,
  planScenario,
  sweep,
  type CompareItem,
  type Lang,
} from '../../../src-main/engine/index.js';
import { llamaH100Profile } from '../helpers/calibration.js';
import { tempDir } from '../helpers/temp.js';
import { toCsv } from '../../../src-main/export/csv.js';
import {
  comparisonTable,
  PLAN_RESULT_COLUMNS,
  regionsTable,
  RESULT_COLUMNS,
  resultsTable,
  sweepTable,
  TOTAL_ROW,
  type Table,
  REGION_COLUMNS,
} from '../../../src-main/export/tables.js';

/** RFC 4180 parser: quoted fields may hold the separator, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

/** Writes to a real file and reads it back, as a user's spreadsheet would: the sep= line says how to split. */
function roundTrip(csv: string): string[][] {
  const file = join(tempDir(), 'export.csv');
  writeFileSync(file, csv, 'utf8');
  const text = readFileSync(file, 'utf8');
  const sep = /^(?:\uFEFF)?sep=(.)\r\n/.exec(text);
  return parseCsv(sep ? text.slice(sep[0].length) : text, sep?.[1] ?? ',');
}

const csvOf = (table: Pick<Table, 'header' | 'rows'>, lang: Lang = 'en', bom = false) => toCsv(table, { lang, bom });

const NASTY = ['Comma, Inc.', 'Say "hi"', 'two\r\nlines', '=HYPERLINK("http://x")', '+1', '@sum', '-2', 'São Paulo – região'];

describe('parseCsv (the test helper itself)', () => {
  it('handles quotes, separators and line breaks, and rejects broken input', () => {
    expect(parseCsv('a,"b,c","d""e","f\r\ng"\r\n')).toEqual([['a', 'b,c', 'd"e', 'f\r\ng']]);
    expect(parseCsv('a;"b;c";1,5\r\n', ';')).toEqual([['a', 'b;c', '1,5']]);
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
  });
});

describe("CSV conventions of the user's spreadsheet", () => {
  const result = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);

  it('English: comma-separated, decimal points, the separator stated on the first line', () => {
    const csv = csvOf(resultsTable([{ scenario: 'API', result }]), 'en');
    expect(csv.startsWith('sep=,\r\nscenario,model,')).toBe(true);
    const row = roundTrip(csv)[1]!;
    expect(row[RESULT_COLUMNS.indexOf('kvBudgetRatio')]).toBe('0.7');
    expect(Number(row[RESULT_COLUMNS.indexOf('opexPerYearUsd')])).toBeCloseTo(result.cost!.opexPerYearUsd, 6);
  });

  it('Portuguese: semicolon-separated with decimal commas, and never the same bytes as English', () => {
    const en = csvOf(resultsTable([{ scenario: 'API', result }]), 'en');
    const pt = csvOf(resultsTable([{ scenario: 'API', result }]), 'pt-BR');
    expect(pt).not.toBe(en);
    expect(pt.startsWith('sep=;\r\nscenario;model;')).toBe(true);
    const row = roundTrip(pt)[1]!;
    expect(row[RESULT_COLUMNS.indexOf('kvBudgetRatio')]).toBe('0,7');
    expect(row[RESULT_COLUMNS.indexOf('capexLowUsd')]).toBe(String(result.cost!.capexLowUsd));
    const opex = row[RESULT_COLUMNS.indexOf('opexPerYearUsd')]!;
    expect(opex).toMatch(/^\d+,\d+$/);
    expect(Number(opex.replace(',', '.'))).toBeCloseTo(result.cost!.opexPerYearUsd, 6);
  });

  it('writes figures without float noise', () => {
    const noisy = { header: ['x'], rows: [[341816.73600000003], [0.1 + 0.2], [1e-7], [123456789012]] };
    expect(
      roundTrip(csvOf(noisy))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['341816.736', '0.3', '0.0000001', '123456789012']);
    expect(
      roundTrip(csvOf(noisy, 'pt-BR'))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['341816,736', '0,3', '0,0000001', '123456789012']);
  });

  it('with a BOM leaves the sep= line out (Excel would show it as data)', () => {
    const csv = csvOf(resultsTable([{ scenario: 'API', result }]), 'pt-BR', true);
    expect(csv.startsWith('\uFEFFscenario;')).toBe(true);
  });

  it('quotes a text cell that holds the separator of its language', () => {
    const table = { header: ['name'], rows: [['a;b'], ['c,d']] };
    expect(csvOf(table, 'pt-BR')).toBe('sep=;\r\nname\r\n"a;b"\r\nc,d\r\n');
    expect(csvOf(table, 'en')).toBe('sep=,\r\nname\r\na;b\r\n"c,d"\r\n');
  });
});

describe('results table of a multi-region scenario', () => {
  const t = findTemplate('serverless-multi-region')!;
  const plan = planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG);

  it('has the single-region columns plus a region column, one row per region and the plan totals', () => {
    const single = roundTrip(csvOf(resultsTable([{ scenario: 'one', result: planScenario(t.inputs, BUILT_IN_CATALOG) }])));
    const multi = roundTrip(csvOf(resultsTable([{ scenario: 'Serverless', result: plan }])));
    expect(single[0]).toEqual([...RESULT_COLUMNS]);
    expect(multi[0]).toEqual([...PLAN_RESULT_COLUMNS]);
    expect(multi[0]!.filter((c) => c !== 'region')).toEqual(single[0]);
    expect(multi.slice(1).map((r) => r[1])).toEqual(['US-East', 'US-West', 'EU', TOTAL_ROW]);
    const totals = multi.at(-1)!;
    expect(totals[PLAN_RESULT_COLUMNS.indexOf('nodesTotal')]).toBe('9');
    expect(totals[PLAN_RESULT_COLUMNS.indexOf('concurrency')]).toBe('6000');
    expect(Number(totals[PLAN_RESULT_COLUMNS.indexOf('capexHighUsd')])).toBe(plan.totals.capexHighUsd);
    expect(totals[PLAN_RESULT_COLUMNS.indexOf('sessionsPerNode')]).toBe('');
  });

  it('brings region names back intact, formula-like names as text with a leading apostrophe', () => {
    const regions = NASTY.map((name, i) => ({ name, concurrency: 1000 + 500 * i, overrides: {} }));
    const nasty = planRegions(t.inputs, regions, BUILT_IN_CATALOG);
    for (const lang of ['en', 'pt-BR'] as const) {
      const names = roundTrip(csvOf(resultsTable([{ scenario: '=cmd', result: nasty }]), lang))
        .slice(1, -1)
        .map((r) => r[1]);
      expect(names).toEqual([
        'Comma, Inc.',
        'Say "hi"',
        'two\r\nlines',
        `'=HYPERLINK("http://x")`,
        `'+1`,
        `'@sum`,
        `'-2`,
        'São Paulo – região',
      ]);
    }
  });
});

describe('regions table', () => {
  const t = findTemplate('serverless-multi-region')!;

  it('one row per region and a totals row; infeasible figures empty with the reason', () => {
    const rows = roundTrip(csvOf(regionsTable(planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG))));
    expect(rows[0]).toEqual([...REGION_COLUMNS]);
    expect(rows.slice(1, -1).map((r) => r[REGION_COLUMNS.indexOf('nodesTotal')])).toEqual(['3', '3', '3']);
    expect(rows.at(-1)![REGION_COLUMNS.indexOf('nodesTotal')]).toBe('9');
    const bad = planRegions(
      t.inputs,
      [
        { name: 'ok', concurrency: 2000, overrides: {} },
        { name: 'bad', concurrency: 10, overrides: { runtimeOverheadGiB: 5000 } },
      ],
      BUILT_IN_CATALOG,
    );
    const badRows = roundTrip(csvOf(regionsTable(bad)));
    expect(badRows[2]![REGION_COLUMNS.indexOf('nodesTotal')]).toBe('');
    expect(badRows[2]![REGION_COLUMNS.indexOf('infeasibleReason')]).toContain('Runtime overhead');
    expect(badRows.at(-1)![REGION_COLUMNS.indexOf('nodesTotal')]).toBe('');
  });
});

describe('comparison table', () => {
  const variants: CompareItem[] = NASTY.slice(0, 5).map((name, i) => ({
    name,
    result: planScenario({ ...findTemplate('public-api')!.inputs, concurrency: 1000 * (i + 1) }, BUILT_IN_CATALOG),
  }));

  it('has one column per scenario and one row per compared field, values equal to compareScenarios', () => {
    const rows = roundTrip(csvOf(comparisonTable(variants, 'en')));
    expect(rows[0]).toEqual([
      'Field',
      'key',
      'kind',
      'Comma, Inc.',
      'Say "hi"',
      'two\r\nlines',
      `'=HYPERLINK("http://x")`,
      `'+1`,
      'Differs',
    ]);
    const expected = compareScenarios(variants);
    expect(rows).toHaveLength(1 + expected.length);
    expected.forEach((row, i) => {
      const parsed = rows[i + 1]!;
      expect(parsed[1]).toBe(row.key);
      expect(parsed.slice(3, -1).map((v) => (v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v)))).toEqual(
        row.values.map((v) => (typeof v === 'number' ? Number(v.toPrecision(15)) : v)),
      );
      expect(parsed.at(-1)).toBe(String(row.differs));
    });
    expect(rows.find((r) => r[1] === 'nodesTotal')![0]).toBe('Total nodes');
  });

  it('honours "only differences"', () => {
    const rows = roundTrip(csvOf(comparisonTable(variants, 'en', { onlyDifferences: true })));
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual(rows.slice(1).map(() => 'true'));
    expect(rows.map((r) => r[1])).toContain('concurrency');
    expect(rows.map((r) => r[1])).not.toContain('modelId');
  });

  it('compares a multi-region scenario by its plan totals, with its regions beside them', () => {
    const t = findTemplate('serverless-multi-region')!;
    const plan = planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG);
    const items: CompareItem[] = [
      { name: 'SaaS', result: planScenario(findTemplate('saas-startup')!.inputs, BUILT_IN_CATALOG) },
      { name: 'Serverless', result: planScenario(t.inputs, BUILT_IN_CATALOG), plan },
    ];
    const rows = roundTrip(csvOf(comparisonTable(items, 'pt-BR')));
    const byKey = (key: string) => rows.find((r) => r[1] === key)!;
    expect(byKey('nodesTotal').slice(3, 5)).toEqual(['1', '9']);
    expect(byKey('capexLowUsd').slice(3, 5)).toEqual([String(items[0]!.result.cost!.capexLowUsd), String(plan.totals.capexLowUsd)]);
    expect(byKey('concurrency').slice(3, 5)).toEqual(['1000', '6000']);
    expect(byKey('regionCount').slice(3, 5)).toEqual(['1', '3']);
    expect(byKey('regions.EU.nodesTotal').slice(0, 5)).toEqual(['EU: Nós necessários', 'regions.EU.nodesTotal', 'region', '', '3']);
    expect(rows[0]![0]).toBe('Campo');
  });
});

describe('sweep table', () => {
  it('names its first column after the swept input', () => {
    const result = sweep({
      inputs: findTemplate('public-api')!.inputs,
      catalog: BUILT_IN_CATALOG,
      field: 'peakHeadroomRatio',
      from: 0,
      to: 0.5,
      points: 6,
    });
    const rows = roundTrip(csvOf(sweepTable(result), 'pt-BR'));
    expect(rows[0]).toEqual(['peakHeadroomRatio', 'nodesTotal', 'capexLowUsd', 'capexHighUsd']);
    expect(rows[2]![0]).toBe('0,1');
  });
});

describe('method and engine columns', () => {
  const engine = planScenario(
    {
      ...findTemplate('saas-startup')!.inputs,
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      tp: 2,
      concurrency: 600,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
    },
    BUILT_IN_CATALOG,
  );
  const pooled = planScenario(findTemplate('saas-startup')!.inputs, BUILT_IN_CATALOG);
  const columns = [
    'method',
    'servingEngine',
    'engineVersion',
    'engineVersionSource',
    'tp',
    'replicasPerNode',
    'kvAvailableGiBPerGpu',
    'sessionsPerReplica',
  ];
  const pick = (row: string[], header: string[]) => columns.map((c) => row[header.indexOf(c)]);

  it('state how each row was sized: the engine, its version, layout and per-GPU KV; empty engine cells for pooled rows', () => {
    for (const lang of ['en', 'pt-BR'] as const) {
      const [header, engineRow, pooledRow] = roundTrip(
        csvOf(
          resultsTable([
            { scenario: 'Engine', result: engine },
            { scenario: 'Pooled', result: pooled },
          ]),
          lang,
        ),
      );
      const e = engine.engine!;
      // 15 significant digits, as every CSV figure (no float noise).
      const kvText = String(Number(e.perGpu.kvAvailableGiB.toPrecision(15)));
      const kv = lang === 'en' ? kvText : kvText.replace('.', ',');
      expect(pick(engineRow!, header!)).toEqual(['engine', 'vllm', '0.17', 'default', '2', '4', kv, String(engine.sessionsPerNode / 4)]);
      expect(pick(pooledRow!, header!)).toEqual(['pooled', '', '', '', '', '', '', '']);
      // The fraction the engine applied, not the pooled method's budget ratio, overhead or memory basis.
      const at = (row: string[], column: string) => row[header!.indexOf(column)];
      expect(at(engineRow!, 'memoryFraction')).toBe(lang === 'en' ? '0.9' : '0,9');
      for (const column of ['kvBudgetRatio', 'runtimeOverheadGiB', 'memoryBasis', 'calibrationLogDate', 'calibrationSource'])
        expect(at(engineRow!, column), column).toBe('');
      expect(at(pooledRow!, 'kvBudgetRatio')).toBe(lang === 'en' ? '0.7' : '0,7');
      expect(at(pooledRow!, 'memoryBasis')).toBe('nominal');
      expect(at(pooledRow!, 'memoryFraction')).toBe('');
    }
    // A version the scenario names is said to be set; the default of the day, above, is said to be the default.
    const named = planScenario({ ...engine.inputs, engineVersion: '0.11' }, BUILT_IN_CATALOG);
    const [header, row] = roundTrip(csvOf(resultsTable([{ scenario: 'Named', result: named }])));
    expect(['engineVersion', 'engineVersionSource'].map((c) => row![header!.indexOf(c)])).toEqual(['0.11', 'set']);
  });

  it('name the start-up-log profile a calibrated row was sized with', () => {
    const calibrated = planScenario(
      { ...engine.inputs, tp: 1, gpuMemoryUtilization: 0.9, maxModelLen: 16000, concurrency: 100 },
      { ...BUILT_IN_CATALOG, calibrations: [llamaH100Profile('=startup.log')] },
    );
    const [header, row] = roundTrip(csvOf(resultsTable([{ scenario: 'Calibrated', result: calibrated }])));
    expect(row![header!.indexOf('calibrationLogDate')]).toBe(calibrated.engine!.calibration!.profile.logDate);
    // A file name is text from outside: it cannot start a formula in a spreadsheet.
    expect(row![header!.indexOf('calibrationSource')]).toBe("'=startup.log");
  });

  it('sit in the same place in a multi-region table, whose totals row leaves them empty', () => {
    const t = findTemplate('serverless-multi-region')!;
    const plan = planRegions({ ...t.inputs, method: 'engine', tp: 4 }, t.regions!, BUILT_IN_CATALOG);
    const [header, ...rows] = roundTrip(csvOf(resultsTable([{ scenario: 'Serverless', result: plan }])));
    expect(header!.filter((c) => c !== 'region')).toEqual([...RESULT_COLUMNS]);
    for (const row of rows.slice(0, -1)) expect(pick(row, header!).slice(0, 6)).toEqual(['engine', 'vllm', '0.17', 'default', '4', '2']);
    expect(pick(rows.at(-1)!, header!)).toEqual(['', '', '', '', '', '', '', '']);
  });
});
