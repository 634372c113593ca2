import { countLabel, label } from '../i18n/labels.js';
import { formatNumber, formatUsdRange } from './format.js';
import type { Lang, PlanResult, SizingInputs, SizingResult } from './types.js';

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
  'method', 'modelId', 'serverId', 'storageId', 'concurrency', 'effectiveContextTokens', 'kvPrecision', 'kvBudgetRatio',
  'runtimeOverheadGiB', 'peakHeadroomRatio', 'ha', 'memoryBasis', 'pricePerNodeUsd', 'years', 'pue', 'kwhPriceUsd',
  'coldStartTargetS', 'engineInitS', 'availabilityTarget', 'podSize', 'hbmAlertRatio', 'scaleUpRatio', 'scaleDownRatio',
  'scaleDownMinutes', 'weightsPrecision', 'servingEngine', 'engineVersion', 'gpuMemoryUtilization', 'memFractionStatic',
  'freeGpuMemoryFraction', 'tp', 'maxNumBatchedTokens', 'maxNumSeqs', 'maxModelLen', 'blockSize', 'tpotMs', 'ttftS', 'promptTokens', 'outputTokens',
  'bandwidthEfficiency', 'computeEfficiency', 'communicationEfficiency',
] as const satisfies readonly (keyof SizingInputs)[];
type MissingInputKey = Exclude<keyof SizingInputs, (typeof COMPARE_INPUT_KEYS)[number]>;
const everyInputCompared: [MissingInputKey] extends [never] ? true : MissingInputKey = true;
void everyInputCompared;

/** Key result figures compared side by side; null where a scenario is infeasible. */
export const COMPARE_RESULT_FIGURES = {
  kvPerSessionGiB: (r) => r.kvPerSessionGiB,
  sessionsPerNode: (r) => r.sessionsPerNode,
  nodesCapacity: (r) => r.nodes?.capacity ?? null,
  nodesWithHeadroom: (r) => r.nodes?.withHeadroom ?? null,
  nodesTotal: (r) => r.nodes?.total ?? null,
  spareSessions: (r) => r.spareSessions,
  capexLowUsd: (r) => r.cost?.capexLowUsd ?? null,
  capexHighUsd: (r) => r.cost?.capexHighUsd ?? null,
  tcoLowUsd: (r) => r.cost?.tcoLowUsd ?? null,
  tcoHighUsd: (r) => r.cost?.tcoHighUsd ?? null,
  coldStartS: (r) => r.coldStart.seconds,
  tpotAtLoadMs: (r) => r.latency?.tpotMs ?? null,
  tcoPerMillionOutputTokensUsd: (r) => r.latency?.tcoPerMillionOutputTokensUsd ?? null,
} satisfies Record<string, (r: SizingResult) => number | null>;

export type CompareResultKey = keyof typeof COMPARE_RESULT_FIGURES;
export type CompareKey = (typeof COMPARE_INPUT_KEYS)[number] | CompareResultKey;

/** What-if comparison (SPEC §6): one row per input and key figure, flagged where the scenarios differ. */
export function compareScenarios(items: CompareItem[]): CompareRow[] {
  const inputRows = COMPARE_INPUT_KEYS.map((key) => row(key, 'input', items.map((it) => it.result.inputs[key] ?? null)));
  const resultRows = (Object.keys(COMPARE_RESULT_FIGURES) as CompareResultKey[]).map((key) =>
    row(key, 'result', items.map((it) => COMPARE_RESULT_FIGURES[key](it.result))),
  );
  return [...inputRows, ...resultRows];
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

export interface ComparisonTableRow {
  case: string;
  model: string;
  nodes: string;
  approxCost: string;
  context: string;
  ha: string;
  usage: string;
}

/** The original document's comparison of cases: case, model, nodes, approximate cost, context, HA, usage. */
export function comparisonTable(items: CompareItem[], lang: Lang): ComparisonTableRow[] {
  return items.map(({ name, result, plan, usage }) => ({
    case: name,
    model: result.model.name,
    nodes: nodesCell(result, plan ?? null, lang),
    approxCost: costCell(result, plan ?? null, lang),
    context: formatContextTokens(result.inputs.effectiveContextTokens, lang),
    ha: formatHa(result.inputs.ha, lang),
    usage: usage ?? '',
  }));
}

/** Total nodes; a multi-region plan shows its total and how many regions share it ("9 (3 regions)"). */
function nodesCell(result: SizingResult, plan: PlanResult | null, lang: Lang): string {
  if (plan) {
    if (plan.totals.nodes === null) return label(lang, 'infeasibleShort');
    const regions = countLabel(lang, 'regionsCount', plan.regions.length, formatNumber(plan.regions.length, lang));
    return `${formatNumber(plan.totals.nodes, lang)} (${regions})`;
  }
  return result.nodes ? formatNumber(result.nodes.total, lang) : label(lang, 'infeasibleShort');
}

function costCell(result: SizingResult, plan: PlanResult | null, lang: Lang): string {
  const low = plan ? plan.totals.capexLowUsd : result.cost?.capexLowUsd ?? null;
  const high = plan ? plan.totals.capexHighUsd : result.cost?.capexHighUsd ?? null;
  return low === null || high === null ? '—' : formatUsdRange(low, high, lang);
}

/** The original document's short form: whole thousands of tokens, 32768 → "32k", 131072 → "131k". */
export function formatContextTokens(tokens: number, lang: Lang): string {
  return tokens < 1000 ? formatNumber(tokens, lang) : `${formatNumber(Math.floor(tokens / 1000), lang)}k`;
}

export function formatHa(ha: SizingInputs['ha'], lang: Lang): string {
  return ha === 'none' ? label(lang, 'haNone') : ha.toUpperCase();
}
