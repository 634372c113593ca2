import { compareScenarios, type CompareItem } from '../engine/compare.js';
import type { Lang, PlanResult, SizingResult } from '../engine/types.js';
import { label } from '../i18n/labels.js';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheets execute cells that start with these characters as formulas (CSV injection).
 * Such text cells get a leading apostrophe, which Excel, LibreOffice and Sheets show as text.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are written with a dot decimal and full precision; they cannot carry a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = FORMULA_TRIGGER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180: CRLF line ends, a header row first; optional UTF-8 BOM so Excel reads accents right. */
export function toCsv(header: string[], rows: CsvCell[][], options: { bom?: boolean } = {}): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export const RESULT_COLUMNS = [
  'scenario', 'region', 'model', 'server', 'storage', 'concurrency', 'effectiveContextTokens', 'kvPrecision',
  'kvBudgetRatio', 'runtimeOverheadGiB', 'peakHeadroomRatio', 'ha', 'memoryBasis', 'feasible', 'kvPerSessionGiB',
  'sessionsPerNode', 'nodesCapacity', 'nodesWithHeadroom', 'nodesTotal', 'spareSessions', 'utilisationRatio',
  'capexLowUsd', 'capexHighUsd', 'opexPerYearUsd', 'tcoLowUsd', 'tcoHighUsd', 'coldStartS', 'infeasibleReason',
] as const;

export function resultRow(scenario: string, region: string, r: SizingResult): CsvCell[] {
  const i = r.inputs;
  return [
    scenario, region, i.modelId, i.serverId, i.storageId, i.concurrency, i.effectiveContextTokens, i.kvPrecision,
    i.kvBudgetRatio, i.runtimeOverheadGiB, i.peakHeadroomRatio, i.ha, i.memoryBasis, r.feasible, r.kvPerSessionGiB,
    r.sessionsPerNode, r.nodes?.capacity, r.nodes?.withHeadroom, r.nodes?.total, r.spareSessions, r.utilisationRatio,
    r.cost?.capexLowUsd, r.cost?.capexHighUsd, r.cost?.opexPerYearUsd, r.cost?.tcoLowUsd, r.cost?.tcoHighUsd,
    r.coldStart.seconds, r.infeasibility?.message.en,
  ];
}

/** One row per scenario (or per region of a multi-region plan). */
export function resultsCsv(items: { scenario: string; result: SizingResult | PlanResult }[], options: { bom?: boolean } = {}): string {
  const rows: CsvCell[][] = [];
  for (const { scenario, result } of items) {
    if ('regions' in result) for (const region of result.regions) rows.push(resultRow(scenario, region.name, region.result));
    else rows.push(resultRow(scenario, '', result));
  }
  return toCsv([...RESULT_COLUMNS], rows, options);
}

export const REGION_COLUMNS = [
  'region', 'concurrency', 'sessionsPerNode', 'nodesCapacity', 'nodesWithHeadroom', 'nodesTotal', 'spareNodes',
  'sessionCapacity', 'spareSessions', 'capexLowUsd', 'capexHighUsd', 'opexPerYearUsd', 'tcoLowUsd', 'tcoHighUsd',
  'coldStartS', 'feasible', 'infeasibleReason',
] as const;

/** The region cell of the totals row of regionsCsv. */
export const TOTAL_ROW = 'total';

function regionRow(name: string, r: SizingResult): CsvCell[] {
  const n = r.nodes;
  return [
    name, r.inputs.concurrency, r.sessionsPerNode, n?.capacity, n?.withHeadroom, n?.total, n ? n.total - n.withHeadroom : null,
    n ? n.total * r.sessionsPerNode : null, r.spareSessions, r.cost?.capexLowUsd, r.cost?.capexHighUsd, r.cost?.opexPerYearUsd,
    r.cost?.tcoLowUsd, r.cost?.tcoHighUsd, r.coldStart.seconds, r.feasible, r.infeasibility?.message.en,
  ];
}

/** One row per region of a plan, then a totals row with the plan's own totals (empty where it has none). */
export function regionsCsv(plan: PlanResult, options: { bom?: boolean } = {}): string {
  const t = plan.totals;
  const totals: CsvCell[] = [
    TOTAL_ROW, t.concurrency, null, null, null, t.nodes, null, t.sessionCapacity, null, t.capexLowUsd, t.capexHighUsd,
    t.opexPerYearUsd, t.tcoLowUsd, t.tcoHighUsd, null, plan.feasible, null,
  ];
  return toCsv([...REGION_COLUMNS], [...plan.regions.map((r) => regionRow(r.name, r.result)), totals], options);
}

/**
 * The what-if comparison side by side: one row per input and key figure, one column per
 * scenario, with the field's name in the chosen language next to its stable key.
 */
export function comparisonCsv(items: CompareItem[], lang: Lang, options: { bom?: boolean } = {}): string {
  const header = [label(lang, 'field'), 'key', 'kind', ...items.map((i) => i.name), label(lang, 'differs')];
  // Every comparison key is also a label key, so each field reads in the chosen language.
  const rows = compareScenarios(items).map((row): CsvCell[] => [
    label(lang, row.key), row.key, row.kind, ...row.values, row.differs,
  ]);
  return toCsv(header, rows, options);
}
