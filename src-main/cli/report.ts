import {
  formatMonth,
  formatNumber,
  formatPercent,
  formatUsdRange,
  nativeContextExceeded,
  nodeHbmGiB,
  referencePriceCheckedOn,
  storageName,
  type Lang,
  type PlanResult,
  type Recommendation,
  type SizingResult,
} from '../engine/index.js';
import { engineInputRows, kvPrecisionRow, memoryUseRow, methodLabel, perGpuHeading, perGpuRows } from '../export/engine-rows.js';
import { latencyRows } from '../export/latency-rows.js';
import { formatHa } from '../i18n/cases.js';
import { costRows } from '../i18n/cost-rows.js';
import { fixLines } from '../i18n/fixes.js';
import { countLabel, label, type LabelKey } from '../i18n/labels.js';

const MARKERS: Record<Recommendation['severity'], string> = { critical: '[!!]', warning: '[! ]', info: '[i ]' };
const LABEL_WIDTH = 34;

/** A row's name padded to the value column; a longer one (several in Portuguese) keeps two spaces before its value. */
function labelColumn(name: string): string {
  return name.length < LABEL_WIDTH - 1 ? name.padEnd(LABEL_WIDTH) : `${name}  `;
}

/** A readable, aligned report of one sized scenario, in English or Portuguese. */
export function textReport(result: SizingResult, lang: Lang, heading?: string): string {
  const L = (key: LabelKey, params?: Record<string, string | number>) => label(lang, key, params);
  const n = (v: number, digits = 0, min = 0) => formatNumber(v, lang, digits, min);
  const gib = (v: number) => `${n(v, 2, 2)} GiB`;
  const row = (name: string, value: string, note = '') => `  ${labelColumn(name)}${value}${note ? `   (${note})` : ''}`;
  const i = result.inputs;
  const lines: string[] = [];
  const basis = i.memoryBasis === 'measured' ? L('basisMeasured') : L('basisNominal');
  lines.push(heading ?? `${L('title')}: ${result.model.name} ${L('on')} ${result.server.name}`);
  const e = result.engine;
  lines.push(e ? methodLabel(result, lang) : `${methodLabel(result, lang)}, ${basis}`);
  lines.push('');
  lines.push(L('workload'));
  const sessions = (count: number) => countLabel(lang, 'sessionsCount', count, n(count));
  lines.push(row(L('concurrency'), sessions(i.concurrency)));
  const native = nativeContextExceeded(result.model, i.effectiveContextTokens);
  lines.push(
    row(
      L('effectiveContext'),
      `${n(i.effectiveContextTokens)} ${L('tokens')}`,
      native !== null ? L('nativeContextNote', { native: n(native) }) : '',
    ),
  );
  lines.push(row(...kvPrecisionRow(result, lang)));
  lines.push(row(L('storage'), `${storageName(result.storage)[lang]} (${result.storage.id})`));
  lines.push('');
  if (e) {
    lines.push(L('engineSettings'), ...engineInputRows(result, lang).map(([name, value, note]) => row(name, value, note)), '');
    lines.push(perGpuHeading(result, lang)!, ...perGpuRows(result, lang).map(([name, value, note]) => row(name, value, note)), '');
  }
  lines.push(L('memoryPerNode'));
  const perGpu = `${result.server.gpus} × ${i.memoryBasis === 'measured' ? `${n(result.server.measuredMiBPerGpu ?? 0)} MiB` : `${n(result.server.hbmGBPerGpu)} GB`}`;
  lines.push(
    row(
      L(e ? 'visiblePerNode' : 'hbmPerNode'),
      gib(result.nodeHbmGiB),
      e ? `${result.server.gpus} × ${gib(e.perGpu.visibleGiB)}` : `${perGpu}${bothReadings(result, lang)}`,
    ),
  );
  if (e) {
    lines.push(row(L('kvBudget'), gib(result.kvBudgetGiB), `${result.server.gpus} × ${gib(e.perGpu.kvAvailableGiB)}`));
    lines.push(row(L('reservedOutsideKv'), gib(result.reservedGiB)));
  } else {
    lines.push(
      row(
        L('kvBudget'),
        gib(result.kvBudgetGiB),
        L('kvBudgetNote', { ratio: formatPercent(i.kvBudgetRatio, lang, 0), overhead: n(i.runtimeOverheadGiB, 2) }),
      ),
    );
    lines.push(
      row(
        L('reservedOutsideKv'),
        gib(result.reservedGiB),
        result.weights.copiesThatFit > 0
          ? L('weightsNote', { copies: n(result.weights.copiesThatFit), weights: n(result.weights.weightsGiB, 1) })
          : L('weightsNoteNone', { weights: n(result.weights.weightsGiB, 1) }),
      ),
    );
  }
  lines.push(row(L('kvPerSession'), `${n(result.kvPerSessionGiB, 4, 4)} GiB`));
  lines.push(row(L('sessionsPerNode'), n(result.sessionsPerNode)));
  lines.push('');
  if (!result.feasible || !result.nodes) {
    lines.push(`${L('infeasible')}: ${result.infeasibility?.message[lang] ?? ''}`);
    lines.push('');
    lines.push(result.fixes.length > 0 ? L('fixesHeading') : L('noFixes'));
    for (const fix of fixLines(result.fixes, lang)) lines.push(`  - ${fix}`);
  } else {
    const nodes = result.nodes;
    lines.push(L('nodes'));
    lines.push(
      row(
        L('nodesFlow'),
        `${n(nodes.capacity)} → ${n(nodes.withHeadroom)} → ${n(nodes.total)}`,
        L('nodesFlowNote', { headroom: formatPercent(i.peakHeadroomRatio, lang, 0), ha: formatHa(i.ha, lang) }),
      ),
    );
    const slots = nodes.total * result.sessionsPerNode;
    lines.push(row(L('spareSessions'), n(result.spareSessions ?? 0), formatPercent((result.spareSessions ?? 0) / slots, lang)));
    lines.push(row(L('utilisation'), formatPercent(result.utilisationRatio ?? 0, lang)));
    const memoryUse = memoryUseRow(result, lang);
    if (memoryUse) lines.push(row(...memoryUse));
    if (result.nextNodeAtConcurrency !== null) lines.push(row(L('nextNodeAt'), sessions(result.nextNodeAtConcurrency)));
  }
  lines.push('');
  if (result.cost) {
    const c = result.cost;
    const checked = c.priceIsOverride ? null : referencePriceCheckedOn(result.server);
    const note = c.priceIsOverride
      ? L('costNoteOverride')
      : checked
        ? L('costNoteChecked', { date: formatMonth(checked, lang) })
        : L('costNote');
    lines.push(`${L('cost')} (${note})`);
    // The CapEx row's note is said by the heading already; the breakdown lines keep theirs.
    for (const [name, value, note] of costRows(c, result.server, lang)) lines.push(row(name, value, name === L('capex') ? '' : note));
    lines.push('');
  }
  if (result.latency)
    lines.push(
      `${L('latency')} (${L('latencyNote')})`,
      ...latencyRows(result, lang).map(([name, value, note]) => row(name, value, note)),
      '',
    );
  const cs = result.coldStart;
  const verdict = cs.targetS === null ? '' : `, ${L('target')} ${n(cs.targetS, 1)} s ${cs.meetsTarget ? L('met') : L('missed')}`;
  lines.push(L('coldStart'));
  lines.push(
    row(
      L('coldStart'),
      `${n(cs.seconds, 1, 1)} s`,
      `${L('coldStartNote', { read: n(cs.readSeconds, 1), latency: n(cs.latencyS, 4), init: n(cs.engineInitS, 1) })}${verdict}`,
    ),
  );
  if (cs.engineInitSource === 'planning-default') lines.push(`  ${' '.repeat(LABEL_WIDTH)}${L('engineInitDefaultNote')}`);
  lines.push('');
  lines.push(L('recommendations'));
  for (const r of result.recommendations) lines.push(`  ${MARKERS[r.severity]} ${r.message[lang]}`);
  return lines.join('\n') + '\n';
}

/** Issue 10 item 24: beside the reading a plan used, the other one, where the server has a measured figure. */
function bothReadings(result: SizingResult, lang: Lang): string {
  if (result.server.measuredMiBPerGpu === undefined) return '';
  const other = result.inputs.memoryBasis === 'measured' ? 'nominal' : 'measured';
  const gib = formatNumber(nodeHbmGiB(result.server, other), lang, 2, 2);
  return `; ${label(lang, other === 'measured' ? 'basisOtherMeasured' : 'basisOtherNominal', { gib })}`;
}

/** Every region's report, then the plan totals. */
export function planTextReport(plan: PlanResult, lang: Lang, title: string): string {
  const L = (key: LabelKey) => label(lang, key);
  const parts = [`${title}\n`];
  for (const region of plan.regions) {
    parts.push(`=== ${L('region')}: ${region.name} ===\n`);
    parts.push(textReport(region.result, lang));
  }
  const t = plan.totals;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  parts.push(`=== ${L('planTotals')} ===`);
  parts.push(`  ${L('regions').padEnd(LABEL_WIDTH)}${plan.regions.length}`);
  parts.push(`  ${L('totalNodes').padEnd(LABEL_WIDTH)}${n(t.nodes)}`);
  parts.push(`  ${L('concurrency').padEnd(LABEL_WIDTH)}${n(t.concurrency)}`);
  if (t.capexLowUsd !== null && t.capexHighUsd !== null) {
    parts.push(`  ${L('capex').padEnd(LABEL_WIDTH)}${formatUsdRange(t.capexLowUsd, t.capexHighUsd, lang)}`);
  }
  if (!plan.feasible) parts.push(`  ${L('infeasible')}`);
  return parts.join('\n') + '\n';
}
