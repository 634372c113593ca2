import { formatNumber, formatUsdRange, type FeasibilityFix, type Lang } from '../engine/index.js';
import { countLabel, label } from './labels.js';

const RATIO_FIELDS: ReadonlySet<FeasibilityFix['field']> = new Set([
  'kvBudgetRatio',
  'gpuMemoryUtilization',
  'memFractionStatic',
  'freeGpuMemoryFraction',
]);

/** An input value as a fix states it: ratios with two decimals, targets with their unit, counts grouped, ids as they are typed. */
function fixValue(fix: FeasibilityFix, lang: Lang): string {
  if (typeof fix.value === 'string') return fix.value;
  if (RATIO_FIELDS.has(fix.field)) return formatNumber(fix.value, lang, 2, 2);
  if (fix.field === 'tpotMs') return `${formatNumber(fix.value, lang, 1)} ms`;
  if (fix.field === 'ttftS') return `${formatNumber(fix.value, lang, 2)} s`;
  return formatNumber(fix.value, lang);
}

/** "KV budget ratio 0.90: 13 nodes, CapEx USD 3.9 M – USD 5.2 M", one line per fix. */
export function fixLines(fixes: FeasibilityFix[], lang: Lang): string[] {
  return fixes.map((fix) =>
    label(lang, 'fixLine', {
      field: label(lang, fix.field),
      value: fixValue(fix, lang),
      nodes: countLabel(lang, 'nodesCount', fix.nodes, formatNumber(fix.nodes, lang)),
      capex: formatUsdRange(fix.capexLowUsd, fix.capexHighUsd, lang),
    }),
  );
}
