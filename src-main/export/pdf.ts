/**
 * The PDF report (SPEC §8), written with the layout writer of pdf-layout.ts. Page one answers:
 * how many nodes (with headroom and HA), CapEx and TCO, the charts, the risks that matter and the
 * method in one line; a multi-region plan's totals and regions table are there too. Details follow:
 * inputs, results, recommendations, the architecture diagram, assumptions and catalog sources.
 */
import {
  COST_DEFAULTS,
  SERVING_ENGINE_NAMES,
  costInput,
  formatMonth,
  formatPercent,
  formatSeconds,
  formatUsd,
  formatUsdRange,
  nativeContextExceeded,
  referencePriceCheckedOn,
  storageName,
  storageSource,
  type Lang,
  type ModelRecord,
  type PlanOptimisation,
  type PlanResult,
  type Recommendation,
  type ServerRecord,
  type SizingResult,
  type StorageRecord,
} from '../engine/index.js';
import { formatHa } from '../i18n/cases.js';
import { costRows } from '../i18n/cost-rows.js';
import { fixLines } from '../i18n/fixes.js';
import { bindingLabel, countLabel, label, type LabelKey } from '../i18n/labels.js';
import {
  basisAssumption,
  basisLabel,
  engineInputRows,
  kvPrecisionRow,
  memoryUseRow,
  methodLabel,
  perGpuHeading,
  perGpuRows,
} from './engine-rows.js';
import { latencyRows } from './latency-rows.js';
import { optimiseCalibrationLine } from './optimise.js';
import { memoryChartSvg, nodesChartSvg, paretoChartSvg, regionsChartSvg } from './charts.js';
import { architectureDiagramSvg } from './diagram.js';
import {
  collect,
  decoratePages,
  FONT,
  FONT_BOLD,
  MUTED,
  newReportDocument,
  ReportWriter,
  SEVERITY_COLORS,
  TEXT,
  type Row,
} from './pdf-layout.js';
import { svgSize } from './svg.js';

export interface PdfReportInput {
  projectName: string;
  scenarioName: string;
  notes?: string;
  lang: Lang;
  generatedAt: Date;
  /** A single-scenario report; ignored when `plan` is given. */
  result?: SizingResult;
  /** A multi-region plan: its totals and regions on page one, then a section per region. */
  plan?: PlanResult;
  /** The optimiser's search (scenarios with a service target): the top plans and the Pareto chart. */
  optimisation?: PlanOptimisation;
  /** Nodes per pod in the diagram; default: the scenario's own pod size. */
  podSize?: number;
  fontsDir?: string;
  /** IANA time zone for the date on page one; default: the machine's. */
  timeZone?: string;
}

/** The risks page one names: what stops the plan, then critical and warning advice, at most three. */
const MAX_RISKS = 3;

function inputRows(w: ReportWriter, r: SizingResult): Row[] {
  const i = r.inputs;
  const { L, n } = w;
  const pct = (v: number, digits = 0) => formatPercent(v, w.lang, digits);
  const orNotSet = (v: number | undefined, show: (v: number) => string) => (v === undefined ? L('notSet') : show(v));
  const measured = !r.engine && i.memoryBasis === 'measured';
  const hbmPerGpu = measured ? `${n(r.server.measuredMiBPerGpu ?? 0)} MiB` : `${n(r.server.hbmGBPerGpu)} GB`;
  // The KV budget ratio, runtime overhead and memory basis are the pooled method's; an engine-method
  // plan lists what the engine ran with instead (its knobs, given or defaulted) and the memory it sees.
  const pooledOnly = (rows: Row[]): Row[] => (r.engine ? [] : rows);
  return [
    [L('method'), methodLabel(r, w.lang)],
    ...engineInputRows(r, w.lang),
    [L('model'), r.model.name, `${r.model.id}; ${n(r.model.weightsGiB, 1)} GiB (${r.model.weightsFormat})`],
    [L('server'), r.server.name, `${r.server.id}; ${r.server.gpus} × ${hbmPerGpu}`],
    [L('storage'), storageName(r.storage)[w.lang], r.storage.id],
    [L('concurrency'), countLabel(w.lang, 'sessionsCount', i.concurrency, n(i.concurrency))],
    [L('effectiveContextTokens'), n(i.effectiveContextTokens), nativeNote(w, r)],
    kvPrecisionRow(r, w.lang),
    ...pooledOnly([
      [L('kvBudgetRatio'), pct(i.kvBudgetRatio)],
      [L('runtimeOverheadGiB'), n(i.runtimeOverheadGiB, 2)],
    ]),
    [L('peakHeadroomRatio'), pct(i.peakHeadroomRatio)],
    [L('ha'), formatHa(i.ha, w.lang)],
    [L('memoryBasis'), basisLabel(r, w.lang)],
    [
      L('pricePerNode'),
      r.cost ? formatUsdRange(r.cost.pricePerNodeLowUsd, r.cost.pricePerNodeHighUsd, w.lang) : '—',
      i.pricePerNodeUsd === undefined ? referencePriceNote(w, r.server) : L('priceOverride'),
    ],
    [L('years'), n(i.years, 1)],
    [L('pue'), n(i.pue, 2)],
    [L('kwhPriceUsd'), n(i.kwhPriceUsd, 3)],
    ...(['averagePowerRatio', 'colocationUsdPerKwMonth', 'supportUsdPerNodeYear', 'networkUsdPerNode'] as const).map((field): Row => {
      const value = costInput(i, field);
      return [
        L(field),
        field === 'averagePowerRatio' ? pct(value) : n(value, 2),
        i[field] === undefined ? L('defaultSeeAssumptions') : undefined,
      ];
    }),
    [L('coldStartTargetS'), orNotSet(i.coldStartTargetS, (v) => n(v, 1))],
    [L('engineInitS'), n(i.engineInitS, 1)],
    [L('availabilityTarget'), orNotSet(i.availabilityTarget, (v) => pct(v, 2))],
    [L('podSize'), n(i.podSize)],
    [L('hbmAlertRatio'), pct(i.hbmAlertRatio)],
    [L('scaleUpRatio'), pct(i.scaleUpRatio)],
    [L('scaleDownRatio'), pct(i.scaleDownRatio)],
    [L('scaleDownMinutes'), n(i.scaleDownMinutes)],
  ];
}

/** The model's native context when the plan goes beyond it (YaRN), as the command-line report says it. */
function nativeNote(w: ReportWriter, r: SizingResult): string | undefined {
  const native = nativeContextExceeded(r.model, r.inputs.effectiveContextTokens);
  return native === null ? undefined : w.L('nativeContextNote', { native: w.n(native) });
}

/** The server's reference price range, with the month it was checked when it is the catalog's own. */
function referencePriceNote(w: ReportWriter, server: ServerRecord): string {
  const range = formatUsdRange(server.priceLowUsd, server.priceHighUsd, w.lang);
  const checked = referencePriceCheckedOn(server);
  return checked ? w.L('referencePriceChecked', { range, date: formatMonth(checked, w.lang) }) : w.L('referencePrice', { range });
}

/**
 * A plan's inputs split into the rows every region shares and, per region, the rest; the
 * concurrency is always the region's own.
 */
function splitRegionInputs(w: ReportWriter, plan: PlanResult): { shared: Row[]; perRegion: Row[][] } {
  const rows = plan.regions.map((r) => inputRows(w, r.result));
  const concurrency = w.L('concurrency');
  const sameRow = (a: Row, b: Row) => a[1] === b[1] && a[2] === b[2];
  const shared = rows[0]!.map((row, i) => row[0] !== concurrency && rows.every((other) => sameRow(other[i]!, row)));
  return {
    shared: rows[0]!.filter((_, i) => shared[i]),
    perRegion: rows.map((regionRows) => regionRows.filter((_, i) => !shared[i])),
  };
}

function resultRows(w: ReportWriter, r: SizingResult): Row[] {
  const { L, n } = w;
  const i = r.inputs;
  const gib = (v: number) => `${n(v, 2, 2)} GiB`;
  const pct = (v: number) => formatPercent(v, w.lang);
  const e = r.engine;
  const rows: Row[] = [
    [L(e ? 'visiblePerNode' : 'hbmPerNode'), gib(r.nodeHbmGiB), e ? `${r.server.gpus} × ${gib(e.perGpu.visibleGiB)}` : undefined],
    e
      ? [L('kvBudget'), gib(r.kvBudgetGiB), `${r.server.gpus} × ${gib(e.perGpu.kvAvailableGiB)}`]
      : [
          L('kvBudget'),
          gib(r.kvBudgetGiB),
          L('kvBudgetNote', { ratio: formatPercent(i.kvBudgetRatio, w.lang, 0), overhead: n(i.runtimeOverheadGiB, 2) }),
        ],
    [
      L('reservedOutsideKv'),
      gib(r.reservedGiB),
      e ? undefined : L('weightsNote', { copies: n(r.weights.copiesThatFit), weights: n(r.weights.weightsGiB, 1) }),
    ],
    [L('kvPerSession'), `${n(r.kvPerSessionGiB, 4, 4)} GiB`],
    [L('sessionsPerNode'), n(r.sessionsPerNode)],
  ];
  if (r.nodes) {
    const slots = r.nodes.total * r.sessionsPerNode;
    rows.push(
      [
        L('nodesFlow'),
        `${n(r.nodes.capacity)} → ${n(r.nodes.withHeadroom)} → ${n(r.nodes.total)}`,
        L('nodesFlowNote', { headroom: formatPercent(i.peakHeadroomRatio, w.lang, 0), ha: formatHa(i.ha, w.lang) }),
      ],
      [L('totalNodes'), n(r.nodes.total)],
      [L('spareSessions'), n(r.spareSessions ?? 0), pct((r.spareSessions ?? 0) / slots)],
      [L('utilisation'), pct(r.utilisationRatio ?? 0)],
    );
    const memoryUse = memoryUseRow(r, w.lang);
    if (memoryUse) rows.push(memoryUse);
    if (r.nextNodeAtConcurrency !== null)
      rows.push([L('nextNodeAt'), countLabel(w.lang, 'sessionsCount', r.nextNodeAtConcurrency, n(r.nextNodeAtConcurrency))]);
  }
  if (r.cost) rows.push(...costRows(r.cost, r.server, w.lang));
  rows.push(...latencyRows(r, w.lang));
  const cs = r.coldStart;
  const verdict = cs.targetS === null ? '' : `; ${L('target')} ${n(cs.targetS, 1)} s ${cs.meetsTarget ? L('met') : L('missed')}`;
  const initNote = cs.engineInitSource === 'planning-default' ? `; ${L('engineInitDefaultShort')}` : '';
  rows.push([
    L('coldStart'),
    `${n(cs.seconds, 1, 1)} s`,
    L('coldStartNote', { read: n(cs.readSeconds, 1), latency: n(cs.latencyS, 4), init: n(cs.engineInitS, 1) }) + verdict + initNote,
  ]);
  return rows;
}

/** The optimiser's top plans (per region) and the Pareto chart of every feasible plan. */
function optimisedPlansSection(w: ReportWriter, optimisation: PlanOptimisation): void {
  const { L, n } = w;
  w.newPage();
  w.heading(L('optimisedPlans'));
  w.paragraph(L('optimisedPlansNote'), { color: MUTED, size: 9 });
  for (const search of optimisation.regions) {
    if (search.name !== null) w.heading(`${L('region')} ${search.name}`, 2);
    const result = search.result;
    w.paragraph(L('candidatesSummary', { candidates: n(result.candidatesEvaluated), feasible: n(result.feasible) }), { size: 9 });
    if (result.plans.length > 0) {
      // Engine, TP and weight precision tell apart plans on the same server and KV precision.
      const header = [
        '#',
        L('server'),
        L('optimisedServing'),
        L('optimisedPrecisions'),
        L('nodes'),
        L('tcoHighUsd'),
        'TPOT (ms)',
        'TTFT (s)',
        L('bindingShort'),
        L('perMillionTokens'),
      ];
      const rows = result.plans
        .slice(0, TOP_PLANS_IN_REPORT)
        .map((p, i) => [
          String(i + 1),
          p.serverName,
          p.engine === null ? `TP${p.tp}` : `${SERVING_ENGINE_NAMES[p.engine]} · TP${p.tp}`,
          `${p.weightsPrecision} / ${p.kvPrecision}`,
          n(p.nodes.total),
          formatUsd(p.cost.tcoHighUsd, w.lang),
          p.tpotMs === null ? '—' : n(p.tpotMs, 1, 1),
          p.ttftS === null ? '—' : formatSeconds(p.ttftS, w.lang),
          bindingLabel(w.lang, p.bindingLimit, true),
          p.tcoPerMillionTokensUsd === null ? '—' : n(p.tcoPerMillionTokensUsd, 2, 2),
        ]);
      w.grid(header, rows, [0.3, 1.2, 1.15, 1.2, 0.85, 1.25, 0.75, 0.7, 1.05, 0.95]);
      const calibration = optimiseCalibrationLine({ ...result, plans: result.plans.slice(0, TOP_PLANS_IN_REPORT) }, w.lang);
      if (calibration !== null) w.paragraph(calibration, { size: 8.5, color: MUTED });
    }
    w.svg(paretoChartSvg(result.plans, w.lang, search.name ?? undefined));
  }
}

const TOP_PLANS_IN_REPORT = 5;

/** Inputs, results, fixes and recommendations of one scenario, or of one region of a plan. */
function scenarioSections(w: ReportWriter, r: SizingResult, heading: (key: LabelKey) => string, regionInputs?: Row[]): void {
  w.heading(heading('inputs'));
  if (regionInputs) w.paragraph(w.L('regionInputsNote'), { color: MUTED, size: 9 });
  w.table(regionInputs ?? inputRows(w, r));
  w.heading(heading('results'));
  if (!r.feasible) {
    w.paragraph(`${w.L('infeasible')}: ${r.infeasibility?.message[w.lang] ?? ''}`, { bold: true, color: SEVERITY_COLORS.critical });
    w.paragraph(r.fixes.length > 0 ? w.L('fixesHeading') : w.L('noFixes'), { bold: true });
    w.bullets(fixLines(r.fixes, w.lang));
  }
  const perGpu = perGpuHeading(r, w.lang);
  if (perGpu) {
    w.subheading(perGpu);
    w.table(perGpuRows(r, w.lang));
    w.subheading(w.L('memoryPerNode'));
  }
  w.table(resultRows(w, r));
  w.heading(heading('recommendations'));
  for (const rec of r.recommendations) w.recommendation(rec);
}

/** The title block of page one: title, project · scenario · date, notes. */
function titleBlock(w: ReportWriter, input: PdfReportInput): void {
  const { doc, L } = w;
  const date = new Intl.DateTimeFormat(input.lang, { dateStyle: 'long', timeStyle: 'short', timeZone: input.timeZone }).format(
    input.generatedAt,
  );
  doc.outline.addItem(L('summary'));
  doc.font(FONT_BOLD).fontSize(20).fillColor(TEXT).text(L('reportTitle'), w.left, doc.y, { width: w.contentWidth });
  doc.moveDown(0.2);
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${L('project')}: ${input.projectName} · ${L('scenario')}: ${input.scenarioName} · ${L('generatedOn')} ${date}`, {
      width: w.contentWidth,
    });
  doc.moveDown(0.4);
  if (input.notes) w.paragraph(`${L('notes')}: ${input.notes}`, { size: 9, color: MUTED });
}

/** "9 nodes: 6 for the load with 40% headroom + 3 spare (N+1 per region)", the answer in one line. */
function answerLine(w: ReportWriter, nodes: number | null, detail: string): void {
  const { doc } = w;
  if (nodes === null) {
    w.paragraph(w.L('infeasible'), { bold: true, color: SEVERITY_COLORS.critical, size: 16 });
    return;
  }
  const y = doc.y;
  doc
    .font(FONT_BOLD)
    .fontSize(26)
    .fillColor(TEXT)
    .text(countLabel(w.lang, 'nodesCount', nodes, w.n(nodes)), w.left, y, { width: w.contentWidth, continued: false });
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(MUTED)
    .text(detail, w.left, doc.y + 1, { width: w.contentWidth });
  doc.moveDown(0.5);
}

function nodesDetail(w: ReportWriter, r: SizingResult): string {
  if (!r.nodes) return '';
  return `${w.L('nodesFlow')}: ${w.n(r.nodes.capacity)} → ${w.n(r.nodes.withHeadroom)} → ${w.n(r.nodes.total)} (${w.L('nodesFlowNote', { headroom: formatPercent(r.inputs.peakHeadroomRatio, w.lang, 0), ha: formatHa(r.inputs.ha, w.lang) })}) · ${w.L('concurrency')} ${countLabel(w.lang, 'sessionsCount', r.inputs.concurrency, w.n(r.inputs.concurrency))}`;
}

/** The money a finance reviewer acts on: CapEx, OpEx per year and TCO, with what they are made of. */
function moneyRows(
  w: ReportWriter,
  t: {
    capexLowUsd: number | null;
    capexHighUsd: number | null;
    opexPerYearUsd: number | null;
    tcoLowUsd: number | null;
    tcoHighUsd: number | null;
  },
  years: number,
): Row[] {
  const range = (low: number | null, high: number | null) => (low === null || high === null ? '—' : formatUsdRange(low, high, w.lang));
  return [
    [w.L('capex'), range(t.capexLowUsd, t.capexHighUsd), w.L('capexSummaryNote')],
    [w.L('opexPerYear'), t.opexPerYearUsd === null ? '—' : formatUsd(t.opexPerYearUsd, w.lang), w.L('opexSummaryNote')],
    [w.L('tco', { years: w.n(years, 1) }), range(t.tcoLowUsd, t.tcoHighUsd)],
  ];
}

/** The risks that matter: a plan that does not fit, then critical and warning advice, each said once. */
function risks(results: SizingResult[], lang: Lang): { severity: Recommendation['severity']; text: string }[] {
  const out: { severity: Recommendation['severity']; text: string }[] = [];
  for (const r of results) if (r.infeasibility) out.push({ severity: 'critical', text: r.infeasibility.message[lang] });
  const serious = results.flatMap((r) => r.recommendations).filter((rec) => rec.severity !== 'info');
  serious.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  for (const rec of serious) out.push({ severity: rec.severity, text: rec.message[lang] });
  const seen = new Set<string>();
  return out.filter((risk) => !seen.has(risk.text) && seen.add(risk.text)).slice(0, MAX_RISKS);
}

function risksBlock(w: ReportWriter, results: SizingResult[]): void {
  const found = risks(results, w.lang);
  w.subheading(w.L('risksHeading'));
  if (found.length === 0) w.paragraph(w.L('noRisks'), { size: 9.5, color: MUTED });
  for (const risk of found)
    w.recommendation({ id: 'risk', severity: risk.severity, figures: {}, message: { en: risk.text, 'pt-BR': risk.text } });
}

function methodLine(w: ReportWriter, r: SizingResult): void {
  const line = w.L('methodLine', {
    method: methodLabel(r, w.lang),
    basis: basisLabel(r, w.lang),
    model: r.model.name,
    server: r.server.name,
  });
  const calibration = r.engine?.calibration?.message[w.lang];
  w.paragraph(calibration ? `${line} ${calibration}` : line, { size: 8.5, color: MUTED });
}

/** Page one of a one-scenario report. */
function singleSummary(w: ReportWriter, input: PdfReportInput, r: SizingResult): void {
  titleBlock(w, input);
  answerLine(w, r.nodes?.total ?? null, nodesDetail(w, r));
  if (r.cost) w.table(moneyRows(w, r.cost, r.cost.years), [150, 150]);
  risksBlock(w, [r]);
  if (r.memoryPerNode && r.nodes) {
    w.svg(memoryChartSvg(r, w.lang), { maxHeightPt: 175 });
    w.svg(nodesChartSvg(r, w.lang), { maxHeightPt: 175 });
  }
  methodLine(w, r);
}

/** Page one of a multi-region report: the plan's totals, its regions side by side, the risks. */
function planSummary(w: ReportWriter, input: PdfReportInput, plan: PlanResult): void {
  const first = plan.regions[0]!.result;
  const t = plan.totals;
  titleBlock(w, input);
  const regions = countLabel(w.lang, 'regionsCount', plan.regions.length, w.n(plan.regions.length));
  answerLine(
    w,
    t.nodes,
    `${w.L('planTotals')}: ${regions} · ${w.L('concurrency')} ${countLabel(w.lang, 'sessionsCount', t.concurrency, w.n(t.concurrency))} · ${w.L('sessionCapacity')} ${t.sessionCapacity === null ? '—' : w.n(t.sessionCapacity)}`,
  );
  w.table(moneyRows(w, t, first.inputs.years), [150, 150]);
  w.grid(
    [w.L('region'), w.L('concurrency'), w.L('sessionsPerNode'), w.L('nodesFlow'), w.L('capex'), w.L('coldStart')],
    plan.regions.map(({ name, result: r }) => [
      name,
      w.n(r.inputs.concurrency),
      w.n(r.sessionsPerNode),
      r.nodes ? `${w.n(r.nodes.capacity)} → ${w.n(r.nodes.withHeadroom)} → ${w.n(r.nodes.total)}` : w.L('infeasibleShort'),
      r.cost ? formatUsdRange(r.cost.capexLowUsd, r.cost.capexHighUsd, w.lang) : '—',
      `${w.n(r.coldStart.seconds, 1)} s`,
    ]),
    [1.1, 1.5, 1.1, 1.7, 2, 0.9],
  );
  risksBlock(
    w,
    plan.regions.map((r) => r.result),
  );
  w.svg(regionsChartSvg(plan, w.lang), { maxHeightPt: 190 });
  methodLine(w, first);
}

/**
 * The architecture diagram: under the sections before it when it fits there at full width (no
 * half-empty page), else on a page of its own, landscape when the diagram is wide.
 */
function diagramSection(w: ReportWriter, svg: string): void {
  const { widthPx, heightPx } = svgSize(svg);
  const fullWidthHeightPt = w.svgHeightPt(svg);
  if (w.remainingPt() < fullWidthHeightPt + 80) w.newPage(widthPx > heightPx * 1.2 ? 'landscape' : 'portrait');
  w.heading(w.L('architecture'));
  w.svg(svg, { fitRemainingPage: true });
}

function assumptions(w: ReportWriter, r: SizingResult): void {
  const { L, n } = w;
  w.heading(L('assumptions'));
  w.bullets([
    r.engine
      ? L('assumptionMethodEngine', { engine: SERVING_ENGINE_NAMES[r.engine.name], version: r.engine.version })
      : L('assumptionMethod', { ratio: formatPercent(r.inputs.kvBudgetRatio, w.lang, 0) }),
    basisAssumption(r, w.lang),
    L('assumptionPrices'),
    L('assumptionCost', { pue: n(r.inputs.pue, 2), kwh: `USD ${n(r.inputs.kwhPriceUsd, 3)}`, years: n(r.inputs.years, 1) }),
    L('assumptionStorage'),
    ...(['colocationUsdPerKwMonth', 'supportUsdPerNodeYear', 'networkUsdPerNode', 'averagePowerRatio'] as const).map(
      (field) =>
        `${L(field)}, ${L('defaultNote')} ${field === 'averagePowerRatio' ? formatPercent(COST_DEFAULTS[field].value, w.lang, 0) : w.n(COST_DEFAULTS[field].value)}: ${COST_DEFAULTS[field].source[w.lang]}.`,
    ),
  ]);
}

function uniqueById<T extends { id: string }>(records: T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

function sources(w: ReportWriter, results: SizingResult[]): void {
  w.heading(w.L('sources'));
  const rows = (kind: LabelKey, records: (ModelRecord | ServerRecord | StorageRecord)[]) =>
    uniqueById(records).map((r): Row => [`${w.L(kind)}: ${r.name}`, r.source]);
  // Storage profiles' notes are the product's own words (translated); model and server sources are quoted as published.
  const storageRows = uniqueById(results.map((r) => r.storage)).map((s): Row => [
    `${w.L('storage')}: ${storageName(s)[w.lang]}`,
    storageSource(s)[w.lang],
  ]);
  w.table(
    [
      ...rows(
        'model',
        results.map((r) => r.model),
      ),
      ...rows(
        'server',
        results.map((r) => r.server),
      ),
      ...storageRows,
    ],
    [150, 345],
    { boldValues: false },
  );
}

/** The report as PDF bytes; the same input and date give the same bytes. */
export async function pdfReport(input: PdfReportInput): Promise<Uint8Array> {
  const results = input.plan ? input.plan.regions.map((r) => r.result) : input.result ? [input.result] : [];
  if (results.length === 0) throw new Error('pdfReport needs a result or a plan with at least one region');
  const title = `${label(input.lang, 'reportTitle')}: ${input.projectName} · ${input.scenarioName}`;
  const doc = newReportDocument({
    lang: input.lang,
    title,
    subject: input.scenarioName,
    date: input.generatedAt,
    fontsDir: input.fontsDir,
  });
  const done = collect(doc);
  const w = new ReportWriter(doc, input.lang);
  const podSize = input.podSize ?? results[0]!.inputs.podSize;
  if (input.plan) {
    planSummary(w, input, input.plan);
    const split = splitRegionInputs(w, input.plan);
    w.newPage();
    w.heading(w.L('commonInputs'));
    w.table(split.shared);
    input.plan.regions.forEach((region, i) => {
      const regionHeading = (key: LabelKey) => `${w.L('region')} ${region.name}: ${w.L(key)}`;
      scenarioSections(w, region.result, regionHeading, split.perRegion[i]);
    });
    diagramSection(w, architectureDiagramSvg({ regions: input.plan.regions, podSize }, input.lang));
  } else {
    singleSummary(w, input, input.result!);
    w.newPage();
    scenarioSections(w, input.result!, (key) => w.L(key));
    diagramSection(w, architectureDiagramSvg({ regions: [{ name: input.scenarioName, result: input.result! }], podSize }, input.lang));
  }
  if (input.optimisation) optimisedPlansSection(w, input.optimisation);
  assumptions(w, results[0]!);
  sources(w, results);
  decoratePages(w, `${input.projectName} · ${input.scenarioName}`);
  doc.end();
  return done;
}
