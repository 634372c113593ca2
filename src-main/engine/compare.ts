import type { PlanResult, SizingInputs, SizingResult } from './types.js';

export interface CompareItem {
  name: string;
  result: SizingResult;
  /** A multi-region scenario's plan: the comparison of cases then shows its totals. */
  plan?: PlanResult | null;
  /** The "usage" column of the comparison of cases (free text). */
  usage?: string;
}

export type CompareValue = number | string | null;

export interface CompareRow {
  key: CompareKey;
  kind: 'input' | 'result';
  values: CompareValue[];
  differs: boolean;
}

/** Every input field, in the order of SizingInputs; the check below fails to compile if one is missing. */
export const COMPARE_INPUT_KEYS = [
  'method',
  'modelId',
  'serverId',
  'storageId',
  'concurrency',
  'effectiveContextTokens',
  'kvPrecision',
  'kvBudgetRatio',
  'runtimeOverheadGiB',
  'peakHeadroomRatio',
  'ha',
  'memoryBasis',
  'pricePerNodeUsd',
  'years',
  'pue',
  'kwhPriceUsd',
  'colocationUsdPerKwMonth',
  'supportUsdPerNodeYear',
  'networkUsdPerNode',
  'averagePowerRatio',
  'coldStartTargetS',
  'engineInitS',
  'availabilityTarget',
  'podSize',
  'hbmAlertRatio',
  'scaleUpRatio',
  'scaleDownRatio',
  'scaleDownMinutes',
  'weightsPrecision',
  'servingEngine',
  'engineVersion',
  'gpuMemoryUtilization',
  'memFractionStatic',
  'freeGpuMemoryFraction',
  'tp',
  'maxNumBatchedTokens',
  'maxNumSeqs',
  'maxModelLen',
  'blockSize',
  'calibration',
  'tpotMs',
  'ttftS',
  'promptTokens',
  'outputTokens',
  'bandwidthEfficiency',
  'computeEfficiency',
  'communicationEfficiency',
] as const satisfies readonly (keyof SizingInputs)[];
type MissingInputKey = Exclude<keyof SizingInputs, (typeof COMPARE_INPUT_KEYS)[number]>;
const everyInputCompared: [MissingInputKey] extends [never] ? true : MissingInputKey = true;
void everyInputCompared;

/** Every region's figure, or the one figure all regions share; null when they differ. */
function shared(plan: PlanResult, pick: (r: SizingResult) => number | null): number | null {
  const values = plan.regions.map((r) => pick(r.result));
  return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
}

/** Sum over regions, null when any region is infeasible. */
function summed(plan: PlanResult, pick: (r: SizingResult) => number | null | undefined): number | null {
  if (!plan.feasible) return null;
  return plan.regions.reduce((acc, r) => acc + (pick(r.result) ?? 0), 0);
}

/** The largest figure over regions (the region a latency target is hardest in), null when any lacks it. */
function worst(plan: PlanResult, pick: (r: SizingResult) => number | null): number | null {
  const values = plan.regions.map((r) => pick(r.result));
  return values.some((v) => v === null) ? null : Math.max(...(values as number[]));
}

type Figure = { single: (r: SizingResult) => number | null; plan: (p: PlanResult) => number | null };

/**
 * Key result figures compared side by side; null where a scenario is infeasible. A multi-region
 * scenario compares by its plan: totals for counts and money, the worst region's cold start, and
 * per-session figures only where every region shares them.
 */
const COMPARE_RESULT_FIGURES = {
  regionCount: { single: () => 1, plan: (p) => p.regions.length },
  kvPerSessionGiB: { single: (r) => r.kvPerSessionGiB, plan: (p) => shared(p, (r) => r.kvPerSessionGiB) },
  sessionsPerNode: { single: (r) => r.sessionsPerNode, plan: (p) => shared(p, (r) => r.sessionsPerNode) },
  nodesCapacity: { single: (r) => r.nodes?.capacity ?? null, plan: (p) => summed(p, (r) => r.nodes?.capacity) },
  nodesWithHeadroom: { single: (r) => r.nodes?.withHeadroom ?? null, plan: (p) => summed(p, (r) => r.nodes?.withHeadroom) },
  nodesTotal: { single: (r) => r.nodes?.total ?? null, plan: (p) => p.totals.nodes },
  spareSessions: { single: (r) => r.spareSessions, plan: (p) => summed(p, (r) => r.spareSessions) },
  capexLowUsd: { single: (r) => r.cost?.capexLowUsd ?? null, plan: (p) => p.totals.capexLowUsd },
  capexHighUsd: { single: (r) => r.cost?.capexHighUsd ?? null, plan: (p) => p.totals.capexHighUsd },
  tcoLowUsd: { single: (r) => r.cost?.tcoLowUsd ?? null, plan: (p) => p.totals.tcoLowUsd },
  tcoHighUsd: { single: (r) => r.cost?.tcoHighUsd ?? null, plan: (p) => p.totals.tcoHighUsd },
  coldStartS: { single: (r) => r.coldStart.seconds, plan: (p) => Math.max(...p.regions.map((r) => r.result.coldStart.seconds)) },
  tpotAtLoadMs: { single: (r) => r.latency?.tpotMs ?? null, plan: (p) => worst(p, (r) => r.latency?.tpotMs ?? null) },
  tcoPerMillionOutputTokensUsd: {
    single: (r) => r.latency?.tcoPerMillionOutputTokensUsd ?? null,
    plan: (p) => shared(p, (r) => r.latency?.tcoPerMillionOutputTokensUsd ?? null),
  },
} satisfies Record<string, Figure>;

export type CompareResultKey = keyof typeof COMPARE_RESULT_FIGURES;
type CompareKey = (typeof COMPARE_INPUT_KEYS)[number] | CompareResultKey;

/** An input as a comparison reads it: a multi-region plan's concurrency is its regions' total. */
function inputValue(item: CompareItem, key: (typeof COMPARE_INPUT_KEYS)[number]): CompareValue {
  if (key === 'concurrency' && item.plan) return item.plan.totals.concurrency;
  return item.result.inputs[key] ?? null;
}

/**
 * What-if comparison (SPEC §6): one row per input and key figure, flagged where the scenarios
 * differ. A multi-region scenario compares by its plan's totals (its base inputs otherwise); its
 * regions are listed by compareRegions.
 */
export function compareScenarios(items: CompareItem[]): CompareRow[] {
  const inputRows = COMPARE_INPUT_KEYS.map((key) =>
    row(
      key,
      'input',
      items.map((it) => inputValue(it, key)),
    ),
  );
  const resultRows = (Object.keys(COMPARE_RESULT_FIGURES) as CompareResultKey[]).map((key) => {
    const figure: Figure = COMPARE_RESULT_FIGURES[key];
    return row(
      key,
      'result',
      items.map((it) => (it.plan ? figure.plan(it.plan) : figure.single(it.result))),
    );
  });
  return [...inputRows, ...resultRows];
}

/** One region of a compared plan, for the lists shown beside the plan's totals. */
export interface CompareRegion {
  name: string;
  concurrency: number;
  nodesTotal: number | null;
  capexLowUsd: number | null;
  capexHighUsd: number | null;
}

/** Each item's regions (null for a single-region scenario), in item order. */
export function compareRegions(items: CompareItem[]): (CompareRegion[] | null)[] {
  return items.map((it) =>
    it.plan
      ? it.plan.regions.map(({ name, result }) => ({
          name,
          concurrency: result.inputs.concurrency,
          nodesTotal: result.nodes?.total ?? null,
          capexLowUsd: result.cost?.capexLowUsd ?? null,
          capexHighUsd: result.cost?.capexHighUsd ?? null,
        }))
      : null,
  );
}

function row(key: CompareKey, kind: CompareRow['kind'], values: CompareValue[]): CompareRow {
  const first = values[0];
  return { key, kind, values, differs: values.some((v) => !sameValue(v, first ?? null)) };
}

/**
 * Figures computed along different paths can differ by float noise (1e-16 relative); a planner
 * never cares below a relative 1e-9, so such values count as equal.
 */
function sameValue(a: CompareValue, b: CompareValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
