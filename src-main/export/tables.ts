/**
 * The tables every spreadsheet export holds (results, regions, comparison, sweep), built once as
 * typed cells; csv.ts and xlsx.ts only write them out in their own format.
 */
import { compareRegions, compareScenarios, type CompareItem } from '../engine/compare.js';
import type { Lang, PlanResult, SizingResult, SweepResult } from '../engine/index.js';
import { label } from '../i18n/labels.js';

export type Cell = string | number | boolean | null | undefined;

export type TableName = 'results' | 'regions' | 'comparison' | 'sweep';

export interface Table {
  name: TableName;
  /** Stable column keys (machine-readable), or field names in the user's language for the comparison. */
  header: string[];
  rows: Cell[][];
}

/**
 * How the scenario was sized: the method, and for the engine method its engine, its version and
 * whether that was set or the default, memory fraction, layout, per-GPU KV and the start-up-log profile that stood in for its formulas (empty for pooled rows).
 */
const METHOD_COLUMNS = [
  'method',
  'servingEngine',
  'engineVersion',
  'engineVersionSource',
  'tp',
  'replicasPerNode',
  'kvAvailableGiBPerGpu',
  'sessionsPerReplica',
  'memoryFraction',
  'calibrationLogDate',
  'calibrationSource',
] as const;

const RESULT_FIGURE_COLUMNS = [
  'model',
  'server',
  'storage',
  'concurrency',
  'effectiveContextTokens',
  'kvPrecision',
  'kvBudgetRatio',
  'runtimeOverheadGiB',
  'peakHeadroomRatio',
  'ha',
  'memoryBasis',
  ...METHOD_COLUMNS,
  'feasible',
  'kvPerSessionGiB',
  'sessionsPerNode',
  'nodesCapacity',
  'nodesWithHeadroom',
  'nodesTotal',
  'spareSessions',
  'utilisationRatio',
  'capexLowUsd',
  'capexHighUsd',
  'opexPerYearUsd',
  'tcoLowUsd',
  'tcoHighUsd',
  'coldStartS',
  'infeasibleReason',
] as const;

/** A single-region scenario's columns; a multi-region one has the same plus `region` after `scenario`. */
export const RESULT_COLUMNS = ['scenario', ...RESULT_FIGURE_COLUMNS] as const;
export const PLAN_RESULT_COLUMNS = ['scenario', 'region', ...RESULT_FIGURE_COLUMNS] as const;

/** The region cell of a plan's totals row. */
export const TOTAL_ROW = 'total';

function methodFigures(r: SizingResult): Cell[] {
  const e = r.engine;
  if (!e) return [r.method, ...METHOD_COLUMNS.slice(1).map(() => null)];
  // Sessions one replica holds as planned: the node's sessions (after any service target) over its replicas.
  const sessionsPerReplica = r.sessionsPerNode / e.replicasPerNode;
  const profile = e.calibration?.profile;
  return [
    r.method,
    e.name,
    e.version,
    // Whether the scenario named the version or the method applied the engine's default of the day.
    r.inputs.engineVersion === undefined ? 'default' : 'set',
    e.tp,
    e.replicasPerNode,
    e.perGpu.kvAvailableGiB,
    sessionsPerReplica,
    e.memoryFraction,
    profile?.logDate,
    profile?.source,
  ];
}

/** Inputs only the pooled method reads: an engine-method row leaves them empty rather than state a budget it did not use. */
function pooledOnly<T>(r: SizingResult, value: T): T | null {
  return r.engine ? null : value;
}

function resultFigures(r: SizingResult): Cell[] {
  const i = r.inputs;
  return [
    i.modelId,
    i.serverId,
    i.storageId,
    i.concurrency,
    i.effectiveContextTokens,
    i.kvPrecision,
    pooledOnly(r, i.kvBudgetRatio),
    pooledOnly(r, i.runtimeOverheadGiB),
    i.peakHeadroomRatio,
    i.ha,
    pooledOnly(r, i.memoryBasis),
    ...methodFigures(r),
    r.feasible,
    r.kvPerSessionGiB,
    r.sessionsPerNode,
    r.nodes?.capacity,
    r.nodes?.withHeadroom,
    r.nodes?.total,
    r.spareSessions,
    r.utilisationRatio,
    r.cost?.capexLowUsd,
    r.cost?.capexHighUsd,
    r.cost?.opexPerYearUsd,
    r.cost?.tcoLowUsd,
    r.cost?.tcoHighUsd,
    r.coldStart.seconds,
    r.infeasibility?.message.en,
  ];
}

/** A plan's totals in the results columns: counts and money summed, everything per-node left empty. */
function planTotalsFigures(plan: PlanResult): Cell[] {
  const t = plan.totals;
  const byColumn: Partial<Record<(typeof RESULT_FIGURE_COLUMNS)[number], Cell>> = {
    concurrency: t.concurrency,
    feasible: plan.feasible,
    nodesTotal: t.nodes,
    capexLowUsd: t.capexLowUsd,
    capexHighUsd: t.capexHighUsd,
    opexPerYearUsd: t.opexPerYearUsd,
    tcoLowUsd: t.tcoLowUsd,
    tcoHighUsd: t.tcoHighUsd,
  };
  return RESULT_FIGURE_COLUMNS.map((column) => byColumn[column] ?? null);
}

/**
 * One row per scenario; when any item is a multi-region plan, a region column and one row per
 * region followed by the plan's totals row.
 */
export function resultsTable(items: { scenario: string; result: SizingResult | PlanResult }[]): Table {
  const withRegions = items.some((it) => 'regions' in it.result);
  const rows: Cell[][] = [];
  for (const { scenario, result } of items) {
    if ('regions' in result) {
      for (const region of result.regions) rows.push([scenario, region.name, ...resultFigures(region.result)]);
      rows.push([scenario, TOTAL_ROW, ...planTotalsFigures(result)]);
    } else rows.push(withRegions ? [scenario, '', ...resultFigures(result)] : [scenario, ...resultFigures(result)]);
  }
  return { name: 'results', header: [...(withRegions ? PLAN_RESULT_COLUMNS : RESULT_COLUMNS)], rows };
}

export const REGION_COLUMNS = [
  'region',
  'concurrency',
  'sessionsPerNode',
  'nodesCapacity',
  'nodesWithHeadroom',
  'nodesTotal',
  'spareNodes',
  'sessionCapacity',
  'spareSessions',
  'capexLowUsd',
  'capexHighUsd',
  'opexPerYearUsd',
  'tcoLowUsd',
  'tcoHighUsd',
  'coldStartS',
  'feasible',
  'infeasibleReason',
] as const;

function regionRow(name: string, r: SizingResult): Cell[] {
  const n = r.nodes;
  return [
    name,
    r.inputs.concurrency,
    r.sessionsPerNode,
    n?.capacity,
    n?.withHeadroom,
    n?.total,
    n ? n.total - n.withHeadroom : null,
    n ? n.total * r.sessionsPerNode : null,
    r.spareSessions,
    r.cost?.capexLowUsd,
    r.cost?.capexHighUsd,
    r.cost?.opexPerYearUsd,
    r.cost?.tcoLowUsd,
    r.cost?.tcoHighUsd,
    r.coldStart.seconds,
    r.feasible,
    r.infeasibility?.message.en,
  ];
}

/** A plan's regions side by side, then its totals row. */
export function regionsTable(plan: PlanResult): Table {
  const t = plan.totals;
  const totals: Cell[] = [
    TOTAL_ROW,
    t.concurrency,
    null,
    null,
    null,
    t.nodes,
    null,
    t.sessionCapacity,
    null,
    t.capexLowUsd,
    t.capexHighUsd,
    t.opexPerYearUsd,
    t.tcoLowUsd,
    t.tcoHighUsd,
    null,
    plan.feasible,
    null,
  ];
  return { name: 'regions', header: [...REGION_COLUMNS], rows: [...plan.regions.map((r) => regionRow(r.name, r.result)), totals] };
}

/** Per-region figures listed under a multi-region scenario's column, beside its totals. */
const REGION_FIGURES = ['nodesTotal', 'capexLowUsd', 'capexHighUsd'] as const;

/**
 * The what-if comparison: one row per input and key figure (a multi-region scenario by its plan's
 * totals), one column per scenario, the field's name in the user's language beside its stable key;
 * then each plan's regions. With onlyDifferences, rows where every scenario agrees are left out.
 */
export function comparisonTable(items: CompareItem[], lang: Lang, options: { onlyDifferences?: boolean } = {}): Table {
  const header = [label(lang, 'field'), 'key', 'kind', ...items.map((i) => i.name), label(lang, 'differs')];
  const rows: Cell[][] = compareScenarios(items)
    .filter((row) => !options.onlyDifferences || row.differs)
    .map((row) => [label(lang, row.key), row.key, row.kind, ...row.values, row.differs]);
  compareRegions(items).forEach((regions, column) => {
    for (const region of regions ?? []) {
      for (const key of REGION_FIGURES) {
        const values: Cell[] = items.map((_, i) => (i === column ? region[key] : null));
        rows.push([`${region.name}: ${label(lang, key)}`, `regions.${region.name}.${key}`, 'region', ...values, null]);
      }
    }
  });
  return { name: 'comparison', header, rows };
}

/** Nodes and CapEx against the swept input; the first column is named after that input. */
export function sweepTable(sweep: SweepResult): Table {
  return {
    name: 'sweep',
    header: [sweep.field, 'nodesTotal', 'capexLowUsd', 'capexHighUsd'],
    rows: sweep.points.map((p) => [p.value, p.nodesTotal, p.capexLowUsd, p.capexHighUsd]),
  };
}
