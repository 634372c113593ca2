/**
 * The PDF report (SPEC §8): cover, inputs, results, charts, architecture diagram,
 * recommendations, assumptions and catalog sources, in English or Portuguese, with the bundled
 * DejaVu font embedded so accents and symbols (→ – ≥ ÷) render everywhere.
 */
import PDFDocument from 'pdfkit';
// @ts-expect-error svg-to-pdfkit ships no type declarations; SvgToPdf below is the signature its README documents.
import svgToPdfUntyped from 'svg-to-pdfkit';
import {
  COST_DEFAULTS,
  costInput,
  formatNumber,
  formatPercent,
  formatUsd,
  formatUsdRange,
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
import { bindingLabel, countLabel, label, type LabelKey } from '../i18n/labels.js';
import { latencyRows } from './latency-rows.js';
import { memoryChartSvg, nodesChartSvg, paretoChartSvg, regionsChartSvg } from './charts.js';
import { architectureDiagramSvg } from './diagram.js';
import { locateFonts } from './png.js';
import { svgSize } from './svg.js';

export interface PdfReportInput {
  projectName: string;
  scenarioName: string;
  notes?: string;
  lang: Lang;
  generatedAt: Date;
  /** A single-scenario report; ignored when `plan` is given. */
  result?: SizingResult;
  /** A multi-region plan: one section per region and a totals page. */
  plan?: PlanResult;
  /** The optimiser's search (scenarios with a service target): the top plans and the Pareto chart. */
  optimisation?: PlanOptimisation;
  /** Nodes per pod in the diagram; default: the scenario's own pod size. */
  podSize?: number;
  fontsDir?: string;
  /** IANA time zone for the date on the cover; default: the machine's. */
  timeZone?: string;
}

interface SvgToPdfOptions {
  width?: number;
  height?: number;
  preserveAspectRatio?: string;
  fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
  warningCallback?: (message: string) => void;
}
type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions) => void;

const SVGtoPDF = svgToPdfUntyped as SvgToPdf;

const FONT = 'DejaVu';
const FONT_BOLD = 'DejaVu-Bold';
const MARGIN = 50;
const SEVERITY_COLORS: Record<Recommendation['severity'], string> = { critical: '#d62728', warning: '#b7791f', info: '#2f6db5' };
const SEVERITY_LABELS: Record<Recommendation['severity'], LabelKey> = { critical: 'severityCritical', warning: 'severityWarning', info: 'severityInfo' };
const MUTED = '#52606d';
const TEXT = '#1f2933';
const RULE = '#d9dee3';
const ZEBRA = '#f3f5f7';

type Row = [name: string, value: string, note?: string];

/** Builds the report on one pdfkit document; each method writes one kind of block at doc.y. */
class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly lang: Lang;

  constructor(doc: PDFKit.PDFDocument, lang: Lang) {
    this.doc = doc;
    this.lang = lang;
  }

  L = (key: LabelKey, params?: Record<string, string | number>) => label(this.lang, key, params);
  n = (v: number, digits = 0, minDigits = 0) => formatNumber(v, this.lang, digits, minDigits);

  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  private get bottomLimit(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout, margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN } });
  }

  /** Starts a new page when fewer than heightPt remain on this one. */
  ensureSpace(heightPt: number): void {
    if (this.doc.y + heightPt > this.bottomLimit) this.newPage();
  }

  heading(content: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 17 : 13;
    this.ensureSpace(size * 4);
    if (level === 1) this.doc.outline.addItem(content);
    this.doc.moveDown(level === 1 ? 0.6 : 0.4);
    this.doc.font(FONT_BOLD).fontSize(size).fillColor(TEXT).text(content, this.left, this.doc.y, { width: this.contentWidth });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc.moveTo(this.left, y).lineTo(this.left + this.contentWidth, y).lineWidth(1).strokeColor(RULE).stroke();
    }
    this.doc.moveDown(0.5);
  }

  paragraph(content: string, options: { size?: number; color?: string; bold?: boolean } = {}): void {
    const size = options.size ?? 10;
    this.doc.font(options.bold ? FONT_BOLD : FONT).fontSize(size);
    this.ensureSpace(this.doc.heightOfString(content, { width: this.contentWidth }) + 4);
    this.doc.fillColor(options.color ?? TEXT).text(content, this.left, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.4);
  }

  bullets(items: string[]): void {
    for (const item of items) {
      this.doc.font(FONT).fontSize(10);
      const width = this.contentWidth - 14;
      this.ensureSpace(this.doc.heightOfString(item, { width }) + 4);
      const y = this.doc.y;
      this.doc.fillColor(TEXT).text('•', this.left, y).text(item, this.left + 14, y, { width });
      this.doc.moveDown(0.3);
    }
  }

  /** Name / value / note rows with zebra shading; rows never split across pages. */
  table(rows: Row[], columnsPt: [number, number] = [175, 150], options: { boldValues?: boolean } = {}): void {
    const valueFont = options.boldValues === false ? FONT : FONT_BOLD;
    const pad = 4;
    const [nameW, valueW] = columnsPt;
    const noteW = this.contentWidth - nameW - valueW;
    rows.forEach(([name, value, note], i) => {
      this.doc.fontSize(9.5);
      const heights = [
        this.doc.font(FONT).heightOfString(name, { width: nameW - 2 * pad }),
        this.doc.font(valueFont).heightOfString(value, { width: (note ? valueW : valueW + noteW) - 2 * pad }),
        note ? this.doc.font(FONT).heightOfString(note, { width: noteW - 2 * pad }) : 0,
      ];
      const rowH = Math.max(...heights) + 2 * pad;
      this.ensureSpace(rowH);
      const y = this.doc.y;
      if (i % 2 === 0) this.doc.rect(this.left, y, this.contentWidth, rowH).fill(ZEBRA);
      this.doc.font(FONT).fillColor(MUTED).text(name, this.left + pad, y + pad, { width: nameW - 2 * pad });
      this.doc.font(valueFont).fillColor(TEXT).text(value, this.left + nameW + pad, y + pad, { width: (note ? valueW : valueW + noteW) - 2 * pad });
      if (note) this.doc.font(FONT).fillColor(MUTED).text(note, this.left + nameW + valueW + pad, y + pad, { width: noteW - 2 * pad });
      this.doc.x = this.left;
      this.doc.y = y + rowH;
    });
    this.doc.moveDown(0.6);
  }

  /** A grid with a header row; columns share the width in the given proportions. */
  grid(header: string[], rows: string[][], weights: number[]): void {
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * this.contentWidth);
    const pad = 4;
    const draw = (cells: string[], bold: boolean, shade: string | null) => {
      this.doc.font(bold ? FONT_BOLD : FONT).fontSize(9);
      const rowH = Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
      this.ensureSpace(rowH);
      const y = this.doc.y;
      if (shade) this.doc.rect(this.left, y, this.contentWidth, rowH).fill(shade);
      let x = this.left;
      cells.forEach((c, i) => {
        this.doc.fillColor(TEXT).text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
        x += widths[i]!;
      });
      this.doc.x = this.left;
      this.doc.y = y + rowH;
    };
    draw(header, true, '#e4e7eb');
    rows.forEach((r, i) => draw(r, false, i % 2 === 1 ? ZEBRA : null));
    this.doc.moveDown(0.6);
  }

  /** Height an SVG takes at full content width. */
  svgHeightPt(svg: string): number {
    const { widthPx, heightPx } = svgSize(svg);
    return (this.contentWidth * heightPx) / widthPx;
  }

  /** An SVG chart or diagram at full content width, or smaller to fit the page (or what is left of it). */
  svg(svg: string, options: { fitRemainingPage?: boolean } = {}): void {
    const { widthPx, heightPx } = svgSize(svg);
    const maxHeightPt = options.fitRemainingPage ? this.bottomLimit - this.doc.y - 8 : this.bottomLimit - this.doc.page.margins.top - 8;
    const widthPt = Math.min(this.contentWidth, (maxHeightPt * widthPx) / heightPx);
    const heightPt = (widthPt * heightPx) / widthPx;
    this.ensureSpace(heightPt + 8);
    const x = this.left + (this.contentWidth - widthPt) / 2;
    SVGtoPDF(this.doc, svg, x, this.doc.y, {
      width: widthPt,
      height: heightPt,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family, bold) => (bold ? FONT_BOLD : FONT),
      warningCallback: () => undefined,
    });
    this.doc.x = this.left;
    this.doc.y += heightPt + 10;
  }

  recommendation(r: Recommendation): void {
    const tagW = 78;
    const width = this.contentWidth - tagW - 8;
    this.doc.font(FONT).fontSize(9.5);
    const textH = this.doc.heightOfString(r.message[this.lang], { width });
    this.ensureSpace(Math.max(textH, 16) + 6);
    const y = this.doc.y;
    this.doc.roundedRect(this.left, y, tagW, 14, 3).fill(SEVERITY_COLORS[r.severity]);
    this.doc.font(FONT_BOLD).fontSize(8.5).fillColor('#ffffff').text(this.L(SEVERITY_LABELS[r.severity]), this.left, y + 2.5, { width: tagW, align: 'center' });
    this.doc.font(FONT).fontSize(9.5).fillColor(TEXT).text(r.message[this.lang], this.left + tagW + 8, y + 1, { width });
    this.doc.x = this.left;
    this.doc.y = Math.max(this.doc.y, y + 16) + 6;
  }
}

function inputRows(w: ReportWriter, r: SizingResult): Row[] {
  const i = r.inputs;
  const { L, n } = w;
  const pct = (v: number, digits = 0) => formatPercent(v, w.lang, digits);
  const orNotSet = (v: number | undefined, show: (v: number) => string) => (v === undefined ? L('notSet') : show(v));
  const hbmPerGpu = i.memoryBasis === 'measured' ? `${n(r.server.measuredMiBPerGpu ?? 0)} MiB` : `${n(r.server.hbmGBPerGpu)} GB`;
  return [
    [L('method'), L('methodPooled')],
    [L('model'), r.model.name, `${r.model.id}; ${n(r.model.weightsGiB, 1)} GiB (${r.model.weightsFormat})`],
    [L('server'), r.server.name, `${r.server.id}; ${r.server.gpus} × ${hbmPerGpu}`],
    [L('storage'), r.storage.name, r.storage.id],
    [L('concurrency'), countLabel(w.lang, 'sessionsCount', i.concurrency, n(i.concurrency))],
    [L('effectiveContextTokens'), n(i.effectiveContextTokens)],
    [L('kvPrecision'), i.kvPrecision],
    [L('kvBudgetRatio'), pct(i.kvBudgetRatio)],
    [L('runtimeOverheadGiB'), n(i.runtimeOverheadGiB, 2)],
    [L('peakHeadroomRatio'), pct(i.peakHeadroomRatio)],
    [L('ha'), formatHa(i.ha, w.lang)],
    [L('memoryBasis'), i.memoryBasis === 'measured' ? L('basisMeasured') : L('basisNominal')],
    [L('pricePerNode'), r.cost ? formatUsdRange(r.cost.pricePerNodeLowUsd, r.cost.pricePerNodeHighUsd, w.lang) : '—',
      i.pricePerNodeUsd === undefined ? L('referencePrice', { range: formatUsdRange(r.server.priceLowUsd, r.server.priceHighUsd, w.lang) }) : L('priceOverride')],
    [L('years'), n(i.years, 1)],
    [L('pue'), n(i.pue, 2)],
    [L('kwhPriceUsd'), n(i.kwhPriceUsd, 3)],
    ...(['averagePowerRatio', 'colocationUsdPerKwMonth', 'supportUsdPerNodeYear', 'networkUsdPerNode'] as const).map((field): Row => {
      const value = costInput(i, field);
      return [L(field), field === 'averagePowerRatio' ? pct(value) : n(value, 2), i[field] === undefined ? `${L('defaultNote')}: ${COST_DEFAULTS[field].source}` : undefined];
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
  const rows: Row[] = [
    [L('hbmPerNode'), gib(r.nodeHbmGiB)],
    [L('kvBudget'), gib(r.kvBudgetGiB), L('kvBudgetNote', { ratio: formatPercent(i.kvBudgetRatio, w.lang, 0), overhead: n(i.runtimeOverheadGiB, 2) })],
    [L('reservedOutsideKv'), gib(r.reservedGiB), L('weightsNote', { copies: n(r.weights.copiesThatFit), weights: n(r.weights.weightsGiB, 1) })],
    [L('kvPerSession'), `${n(r.kvPerSessionGiB, 4, 4)} GiB`],
    [L('sessionsPerNode'), n(r.sessionsPerNode)],
  ];
  if (r.nodes) {
    const slots = r.nodes.total * r.sessionsPerNode;
    rows.push(
      [L('nodesFlow'), `${n(r.nodes.capacity)} → ${n(r.nodes.withHeadroom)} → ${n(r.nodes.total)}`, L('nodesFlowNote', { headroom: formatPercent(i.peakHeadroomRatio, w.lang, 0), ha: formatHa(i.ha, w.lang) })],
      [L('totalNodes'), n(r.nodes.total)],
      [L('spareSessions'), n(r.spareSessions ?? 0), pct((r.spareSessions ?? 0) / slots)],
      [L('utilisation'), pct(r.utilisationRatio ?? 0)],
    );
    if (r.memoryPerNode) rows.push([L('hbmUsedAtLoad'), pct(r.memoryPerNode.usedRatio)]);
    if (r.nextNodeAtConcurrency !== null) rows.push([L('nextNodeAt'), countLabel(w.lang, 'sessionsCount', r.nextNodeAtConcurrency, n(r.nextNodeAtConcurrency))]);
  }
  if (r.cost) rows.push(...costRows(r.cost, r.server, w.lang));
  rows.push(...latencyRows(r, w.lang));
  const cs = r.coldStart;
  const verdict = cs.targetS === null ? '' : `; ${L('target')} ${n(cs.targetS, 1)} s ${cs.meetsTarget ? L('met') : L('missed')}`;
  const initNote = cs.engineInitSource === 'planning-default' ? `; ${L('engineInitDefaultShort')}` : '';
  rows.push([L('coldStart'), `${n(cs.seconds, 1, 1)} s`, L('coldStartNote', { read: n(cs.readSeconds, 1), latency: n(cs.latencyS, 4), init: n(cs.engineInitS, 1) }) + verdict + initNote]);
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
      const header = ['#', L('server'), 'KV', L('nodes'), L('tcoHighUsd'), 'TPOT (ms)', 'TTFT (s)', L('bindingShort'), L('perMillionTokens')];
      const rows = result.plans.slice(0, TOP_PLANS_IN_REPORT).map((p, i) => [
        String(i + 1), p.serverName, p.kvPrecision, n(p.nodes.total), formatUsd(p.cost.tcoHighUsd, w.lang),
        p.tpotMs === null ? '—' : n(p.tpotMs, 1, 1), p.ttftS === null ? '—' : n(p.ttftS, 2, 2), bindingLabel(w.lang, p.bindingLimit, true),
        p.tcoPerMillionTokensUsd === null ? '—' : n(p.tcoPerMillionTokensUsd, 2, 2),
      ]);
      w.grid(header, rows, [0.4, 2, 0.6, 0.6, 1.5, 0.9, 0.9, 1.3, 1.1]);
    }
    w.svg(paretoChartSvg(result.plans, w.lang, search.name ?? undefined));
  }
}

const TOP_PLANS_IN_REPORT = 5;

/**
 * Inputs, results, recommendations and charts of one sized scenario, or of one region of a plan,
 * where `regionInputs` lists only what is not shared by every region.
 */
function scenarioSections(w: ReportWriter, r: SizingResult, heading: (key: LabelKey) => string, regionInputs?: Row[]): void {
  w.heading(heading('inputs'));
  if (regionInputs) w.paragraph(w.L('regionInputsNote'), { color: MUTED, size: 9 });
  w.table(regionInputs ?? inputRows(w, r));
  w.heading(heading('results'));
  if (!r.feasible) {
    w.paragraph(`${w.L('infeasible')}: ${r.infeasibility?.message[w.lang] ?? ''}`, { bold: true, color: SEVERITY_COLORS.critical });
  }
  w.table(resultRows(w, r));
  w.heading(heading('recommendations'));
  for (const rec of r.recommendations) w.recommendation(rec);
  const charts = [memoryChartSvg(r, w.lang), nodesChartSvg(r, w.lang)];
  // Both charts on one page: a chart alone at the foot of a page reads as an afterthought.
  w.ensureSpace(charts.reduce((sum, svg) => sum + w.svgHeightPt(svg) + 10, 60));
  w.heading(heading('charts'));
  for (const svg of charts) w.svg(svg);
}

function cover(w: ReportWriter, input: PdfReportInput, results: SizingResult[]): void {
  const { doc, L } = w;
  const date = new Intl.DateTimeFormat(input.lang, { dateStyle: 'long', timeStyle: 'short', timeZone: input.timeZone }).format(input.generatedAt);
  doc.y = 150;
  doc.font(FONT_BOLD).fontSize(24).fillColor(TEXT).text(L('reportTitle'), w.left, doc.y, { width: w.contentWidth });
  doc.moveDown(1.2);
  w.table([
    [L('project'), input.projectName],
    [L('scenario'), input.scenarioName],
    [L('generatedOn'), date],
  ], [120, 375]);
  if (input.notes) {
    doc.font(FONT_BOLD).fontSize(11).fillColor(TEXT).text(L('notes'), w.left, doc.y);
    doc.moveDown(0.3);
    w.paragraph(input.notes);
  }
  doc.moveDown(1);
  doc.font(FONT_BOLD).fontSize(13).fillColor(TEXT).text(L('summary'), w.left, doc.y);
  doc.moveDown(0.4);
  w.table(summaryRows(w, input, results), [180, 315]);
}

function summaryRows(w: ReportWriter, input: PdfReportInput, results: SizingResult[]): Row[] {
  const { L, n } = w;
  const first = results[0]!;
  const rows: Row[] = [[L('model'), `${first.model.name} ${L('on')} ${first.server.name}`]];
  if (input.plan) {
    const t = input.plan.totals;
    rows.push([L('regions'), input.plan.regions.map((r) => r.name).join(', ')]);
    rows.push([L('concurrency'), countLabel(w.lang, 'sessionsCount', t.concurrency, n(t.concurrency))]);
    rows.push([L('totalNodes'), t.nodes === null ? L('infeasible') : n(t.nodes)]);
    if (t.capexLowUsd !== null && t.capexHighUsd !== null) rows.push([L('capex'), formatUsdRange(t.capexLowUsd, t.capexHighUsd, w.lang)]);
    return rows;
  }
  rows.push([L('concurrency'), countLabel(w.lang, 'sessionsCount', first.inputs.concurrency, n(first.inputs.concurrency))]);
  rows.push([L('sessionsPerNode'), n(first.sessionsPerNode)]);
  rows.push([L('totalNodes'), first.nodes ? n(first.nodes.total) : L('infeasible')]);
  if (first.cost) rows.push([L('capex'), formatUsdRange(first.cost.capexLowUsd, first.cost.capexHighUsd, w.lang)]);
  return rows;
}

function totalsSection(w: ReportWriter, plan: PlanResult): void {
  const { L, n } = w;
  const t = plan.totals;
  const orDash = (v: number | null, show: (v: number) => string) => (v === null ? '—' : show(v));
  w.newPage();
  w.heading(L('planTotals'));
  if (!plan.feasible) w.paragraph(L('infeasible'), { bold: true, color: SEVERITY_COLORS.critical });
  w.table([
    [L('regions'), n(plan.regions.length)],
    [L('concurrency'), n(t.concurrency)],
    [L('totalNodes'), orDash(t.nodes, n)],
    [L('sessionCapacity'), orDash(t.sessionCapacity, n)],
    [L('capex'), t.capexLowUsd === null || t.capexHighUsd === null ? '—' : formatUsdRange(t.capexLowUsd, t.capexHighUsd, w.lang)],
    [L('opexPerYear'), orDash(t.opexPerYearUsd, (v) => formatUsd(v, w.lang))],
    [L('tco', { years: n(plan.regions[0]!.result.inputs.years, 1) }), t.tcoLowUsd === null || t.tcoHighUsd === null ? '—' : formatUsdRange(t.tcoLowUsd, t.tcoHighUsd, w.lang)],
  ]);
  w.grid(
    [L('region'), L('concurrency'), L('sessionsPerNode'), L('nodesFlow'), L('capex')],
    plan.regions.map(({ name, result: r }) => [
      name,
      n(r.inputs.concurrency),
      n(r.sessionsPerNode),
      r.nodes ? `${n(r.nodes.capacity)} → ${n(r.nodes.withHeadroom)} → ${n(r.nodes.total)}` : L('infeasibleShort'),
      r.cost ? formatUsdRange(r.cost.capexLowUsd, r.cost.capexHighUsd, w.lang) : '—',
    ]),
    [1.3, 1.3, 1.2, 1.7, 1.9],
  );
  w.svg(regionsChartSvg(plan, w.lang));
}

/** The diagram on a page of its own, landscape when the diagram is wide, as large as the page allows. */
function diagramPage(w: ReportWriter, svg: string): void {
  const { widthPx, heightPx } = svgSize(svg);
  w.newPage(widthPx > heightPx * 1.2 ? 'landscape' : 'portrait');
  w.heading(w.L('architecture'));
  w.svg(svg, { fitRemainingPage: true });
}

function assumptions(w: ReportWriter, r: SizingResult): void {
  const { L, n } = w;
  w.heading(L('assumptions'));
  w.bullets([
    L('assumptionMethod', { ratio: formatPercent(r.inputs.kvBudgetRatio, w.lang, 0) }),
    L(r.inputs.memoryBasis === 'measured' ? 'assumptionBasisMeasured' : 'assumptionBasisNominal'),
    L('assumptionPrices'),
    L('assumptionCost', { pue: n(r.inputs.pue, 2), kwh: `USD ${n(r.inputs.kwhPriceUsd, 3)}`, years: n(r.inputs.years, 1) }),
    L('assumptionStorage'),
  ]);
}

function uniqueById<T extends { id: string }>(records: T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

function sources(w: ReportWriter, results: SizingResult[]): void {
  w.heading(w.L('sources'));
  const rows = (kind: LabelKey, records: (ModelRecord | ServerRecord | StorageRecord)[]) =>
    uniqueById(records).map((r): Row => [`${w.L(kind)}: ${r.name}`, r.source]);
  w.table([
    ...rows('model', results.map((r) => r.model)),
    ...rows('server', results.map((r) => r.server)),
    ...rows('storage', results.map((r) => r.storage)),
  ], [150, 345], { boldValues: false });
}

/** Page X of Y in every footer, and the project and scenario in every header after the cover. */
function decoratePages(w: ReportWriter, input: PdfReportInput): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would make pdfkit start a new page: lift the margin while writing.
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    const footerY = doc.page.height - MARGIN + 8;
    const pageText = w.L('pageOf', { page: i + 1, pages: range.count });
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(pageText, MARGIN, footerY, { width, align: 'right', lineBreak: false });
    if (i > range.start) {
      doc.text(`${input.projectName} · ${input.scenarioName}`, MARGIN, MARGIN - 22, { width: width - 80, lineBreak: false, ellipsis: true, height: 10 });
    }
    doc.page.margins.bottom = bottom;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The report as PDF bytes; the same input and date give the same bytes. */
export async function pdfReport(input: PdfReportInput): Promise<Uint8Array> {
  const results = input.plan ? input.plan.regions.map((r) => r.result) : input.result ? [input.result] : [];
  if (results.length === 0) throw new Error('pdfReport needs a result or a plan with at least one region');
  const fonts = locateFonts(input.fontsDir);
  const title = `${label(input.lang, 'reportTitle')}: ${input.projectName} · ${input.scenarioName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: input.lang,
    displayTitle: true,
    // A fixed creation date makes the file (and pdfkit's file ID, derived from it) reproducible.
    info: { Title: title, Subject: input.scenarioName, CreationDate: input.generatedAt, ModDate: input.generatedAt },
  });
  const done = collect(doc);
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  const w = new ReportWriter(doc, input.lang);
  cover(w, input, results);
  const podSize = input.podSize ?? results[0]!.inputs.podSize;
  if (input.plan) {
    const split = splitRegionInputs(w, input.plan);
    w.newPage();
    w.heading(w.L('commonInputs'));
    w.table(split.shared);
    input.plan.regions.forEach((region, i) => {
      w.newPage();
      const regionHeading = (key: LabelKey) => `${w.L('region')} ${region.name}: ${w.L(key)}`;
      scenarioSections(w, region.result, regionHeading, split.perRegion[i]);
    });
    totalsSection(w, input.plan);
    diagramPage(w, architectureDiagramSvg({ regions: input.plan.regions, podSize }, input.lang));
  } else {
    w.newPage();
    scenarioSections(w, input.result!, (key) => w.L(key));
    diagramPage(w, architectureDiagramSvg({ regions: [{ name: input.scenarioName, result: input.result! }], podSize }, input.lang));
  }
  if (input.optimisation) optimisedPlansSection(w, input.optimisation);
  w.newPage();
  assumptions(w, results[0]!);
  sources(w, results);
  decoratePages(w, input);
  doc.end();
  return done;
}
