import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, compareScenarios, findTemplate, planRegions, planScenario, type CompareItem } from '../../../src-main/engine/index.js';
import { tempDir } from '../helpers/temp.js';
import { comparisonCsv, regionsCsv, resultsCsv, REGION_COLUMNS, TOTAL_ROW } from '../../../src-main/export/csv.js';

/** RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
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
    else if (c === ',') {
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

/** Writes to a real file and reads it back, as a user's spreadsheet would. */
function roundTrip(csv: string): string[][] {
  const file = join(tempDir(), 'export.csv');
  writeFileSync(file, csv, 'utf8');
  return parseCsv(readFileSync(file, 'utf8'));
}

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const NASTY = ['Comma, Inc.', 'Say "hi"', 'two\r\nlines', '=HYPERLINK("http://x")', '+1', '@sum', '-2', 'São Paulo – região'];

describe('parseCsv (the test helper itself)', () => {
  it('handles quotes, commas and line breaks, and rejects broken input', () => {
    expect(parseCsv('a,"b,c","d""e","f\r\ng"\r\n')).toEqual([['a', 'b,c', 'd"e', 'f\r\ng']]);
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
  });
});

describe('regionsCsv', () => {
  const t = findTemplate('serverless-multi-region')!;
  const regions = NASTY.map((name, i) => ({ name, concurrency: 1000 + 500 * i, overrides: {} }));
  const plan = planRegions(t.inputs, regions, BUILT_IN_CATALOG);

  it('has one row per region and a totals row, equal to the plan once parsed back', () => {
    const rows = roundTrip(regionsCsv(plan));
    expect(rows[0]).toEqual([...REGION_COLUMNS]);
    expect(rows).toHaveLength(1 + NASTY.length + 1);
    plan.regions.forEach((region, i) => {
      const row = Object.fromEntries(REGION_COLUMNS.map((c, j) => [c, rows[1 + i]![j]]));
      const r = region.result;
      expect(row.concurrency).toBe(String(r.inputs.concurrency));
      expect(row.sessionsPerNode).toBe('2482');
      expect(row.nodesTotal).toBe(cell(r.nodes!.total));
      expect(row.spareNodes).toBe('1');
      expect(row.sessionCapacity).toBe(String(r.nodes!.total * 2482));
      expect(Number(row.capexLowUsd)).toBe(r.cost!.capexLowUsd);
      expect(Number(row.opexPerYearUsd)).toBe(r.cost!.opexPerYearUsd);
      expect(Number(row.coldStartS)).toBe(r.coldStart.seconds);
      expect(row.feasible).toBe('true');
    });
    const totals = rows.at(-1)!;
    expect(totals[0]).toBe(TOTAL_ROW);
    expect(totals[REGION_COLUMNS.indexOf('nodesTotal')]).toBe(String(plan.totals.nodes));
    expect(totals[REGION_COLUMNS.indexOf('concurrency')]).toBe(String(plan.totals.concurrency));
    expect(Number(totals[REGION_COLUMNS.indexOf('capexHighUsd')])).toBe(plan.totals.capexHighUsd);
  });

  it('brings names back intact, formula-like names as text with a leading apostrophe', () => {
    const names = roundTrip(regionsCsv(plan)).slice(1, -1).map((r) => r[0]);
    expect(names).toEqual(['Comma, Inc.', 'Say "hi"', 'two\r\nlines', `'=HYPERLINK("http://x")`, `'+1`, `'@sum`, `'-2`, 'São Paulo – região']);
  });

  it('the serverless template totals 9 nodes', () => {
    const rows = roundTrip(regionsCsv(planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG), { bom: true }));
    expect(rows.slice(1, -1).map((r) => r[REGION_COLUMNS.indexOf('nodesTotal')])).toEqual(['3', '3', '3']);
    expect(rows.at(-1)![REGION_COLUMNS.indexOf('nodesTotal')]).toBe('9');
  });

  it('leaves infeasible figures empty and says why', () => {
    const bad = planRegions(t.inputs, [{ name: 'ok', concurrency: 2000, overrides: {} }, { name: 'bad', concurrency: 10, overrides: { runtimeOverheadGiB: 5000 } }], BUILT_IN_CATALOG);
    const rows = roundTrip(regionsCsv(bad));
    const badRow = rows[2]!;
    expect(badRow[REGION_COLUMNS.indexOf('nodesTotal')]).toBe('');
    expect(badRow[REGION_COLUMNS.indexOf('feasible')]).toBe('false');
    expect(badRow[REGION_COLUMNS.indexOf('infeasibleReason')]).toContain('Runtime overhead');
    expect(rows.at(-1)![REGION_COLUMNS.indexOf('nodesTotal')]).toBe('');
  });
});

describe('comparisonCsv', () => {
  const variants: CompareItem[] = NASTY.slice(0, 5).map((name, i) => ({
    name,
    result: planScenario({ ...findTemplate('public-api')!.inputs, concurrency: 1000 * (i + 1) }, BUILT_IN_CATALOG),
  }));

  it('has one column per scenario and one row per compared field, values equal to compareScenarios', () => {
    const rows = roundTrip(comparisonCsv(variants, 'en'));
    expect(rows[0]).toEqual(['Field', 'key', 'kind', 'Comma, Inc.', 'Say "hi"', 'two\r\nlines', `'=HYPERLINK("http://x")`, `'+1`, 'Differs']);
    const expected = compareScenarios(variants);
    expect(rows).toHaveLength(1 + expected.length);
    expected.forEach((row, i) => {
      const parsed = rows[i + 1]!;
      expect(parsed[1]).toBe(row.key);
      expect(parsed[2]).toBe(row.kind);
      expect(parsed.slice(3, -1)).toEqual(row.values.map((v) => (v === null ? '' : String(v))));
      expect(parsed.at(-1)).toBe(String(row.differs));
    });
    const nodes = rows.find((r) => r[1] === 'nodesTotal')!;
    expect(nodes[0]).toBe('Total nodes');
    expect(nodes.slice(3, -1).map(Number)).toEqual(variants.map((v) => v.result.nodes!.total));
    expect(rows.find((r) => r[1] === 'concurrency')!.at(-1)).toBe('true');
    expect(rows.find((r) => r[1] === 'modelId')!.at(-1)).toBe('false');
  });

  it('names the fields in Portuguese', () => {
    const rows = roundTrip(comparisonCsv(variants.slice(0, 2), 'pt-BR', { bom: true }));
    expect(rows[0]![0]).toBe('Campo');
    expect(rows[0]!.at(-1)).toBe('Difere');
    expect(rows.find((r) => r[1] === 'nodesTotal')![0]).toBe('Nós necessários');
    expect(rows.find((r) => r[1] === 'kvPerSessionGiB')![0]).toBe('KV por sessão (GiB)');
  });
});

describe('resultsCsv (unchanged behaviour)', () => {
  it('still writes one row per region of a plan', () => {
    const t = findTemplate('serverless-multi-region')!;
    const rows = roundTrip(resultsCsv([{ scenario: '=cmd', result: planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG) }]));
    expect(rows).toHaveLength(4);
    expect(rows[1]![0]).toBe(`'=cmd`);
  });
});
