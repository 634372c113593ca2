import {
  formatNumber,
  formatUsdRange,
  type CompareItem,
  type Lang,
  type PlanResult,
  type SizingInputs,
  type SizingResult,
} from '../engine/index.js';
import { countLabel, label } from './labels.js';

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
  const low = plan ? plan.totals.capexLowUsd : (result.cost?.capexLowUsd ?? null);
  const high = plan ? plan.totals.capexHighUsd : (result.cost?.capexHighUsd ?? null);
  return low === null || high === null ? '—' : formatUsdRange(low, high, lang);
}

/** The original document's short form: whole thousands of tokens, 32768 → "32k", 131072 → "131k". */
function formatContextTokens(tokens: number, lang: Lang): string {
  return tokens < 1000 ? formatNumber(tokens, lang) : `${formatNumber(Math.floor(tokens / 1000), lang)}k`;
}

export function formatHa(ha: SizingInputs['ha'], lang: Lang): string {
  return ha === 'none' ? label(lang, 'haNone') : ha.toUpperCase();
}
