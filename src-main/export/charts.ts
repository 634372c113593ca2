/**
 * Charts as standalone SVG, drawn here rather than with Chart.js because they must render in
 * Node (PDF, PNG and SVG export) with no browser. Every text goes through labels.ts and the
 * engine's number formatting, so a chart reads the same as the report around it.
 */
import {
  formatNumber,
  formatPercent,
  formatUsd,
  kvAlertAtGiB,
  nodesCurve,
  nodesCurveRange,
  paretoFront,
  type Lang,
  type OptimisedPlan,
  type PlanResult,
  type SizingResult,
  type SweepField,
  type SweepPoint,
  type SweepResult,
} from '../engine/index.js';
import { formatHa } from '../i18n/cases.js';
import { countLabel, label, type LabelKey } from '../i18n/labels.js';
import { memoryUseRow } from './engine-rows.js';
import {
  COLORS,
  element,
  fitText,
  flowLegend,
  line,
  linearScale,
  niceCeil,
  niceTicks,
  rect,
  svgDocument,
  text,
  textBlock,
  textWidthPx,
  wrapText,
} from './svg.js';

const WIDTH_PX = 720;
const PLOT_HEIGHT_PX = 350;
const TICK_SIZE_PX = 12;
const TITLE_SIZE_PX = 16;

interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface AxisSpec {
  min: number;
  max: number;
  ticks: number[];
  format: (v: number) => string;
  title: string;
}

interface LegendItem {
  text: string;
  swatch: 'box' | 'spareBox' | 'band' | 'line' | 'dashedLine' | 'dottedLine' | 'marker';
  color: string;
}

const bottomOf = (a: PlotArea) => a.top + a.height;
const rightOf = (a: PlotArea) => a.left + a.width;

function titleBlock(title: string, subtitle?: string): string {
  const t = text(24, 30, fitText(title, WIDTH_PX - 48, TITLE_SIZE_PX, true), { sizePx: TITLE_SIZE_PX, bold: true });
  return subtitle ? t + text(24, 50, fitText(subtitle, WIDTH_PX - 48, 12), { fill: COLORS.muted }) : t;
}

function swatch(item: LegendItem, x: number, yMiddle: number): string {
  switch (item.swatch) {
    case 'box':
      return rect(x, yMiddle - 6, 18, 12, { fill: item.color, stroke: COLORS.text, 'stroke-width': 0.5 });
    case 'spareBox':
      return rect(x, yMiddle - 6, 18, 12, { fill: COLORS.spareFill, stroke: item.color, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' });
    case 'band':
      return (
        rect(x, yMiddle - 6, 18, 12, { fill: COLORS.accentLight }) +
        line(x, yMiddle - 6, x + 18, yMiddle - 6, { stroke: item.color, 'stroke-width': 1.5 }) +
        line(x, yMiddle + 6, x + 18, yMiddle + 6, { stroke: item.color, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' })
      );
    case 'line':
      return line(x, yMiddle, x + 18, yMiddle, { stroke: item.color, 'stroke-width': 2.5 });
    case 'dashedLine':
      return line(x, yMiddle, x + 18, yMiddle, { stroke: item.color, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' });
    case 'dottedLine':
      return line(x, yMiddle, x + 18, yMiddle, { stroke: item.color, 'stroke-width': 1.5, 'stroke-dasharray': '2 2' });
    case 'marker':
      return element('circle', { cx: x + 9, cy: yMiddle, r: 5, fill: item.color, stroke: COLORS.background, 'stroke-width': 1.5 });
  }
}

function legend(items: LegendItem[], x: number, y: number, maxWidthPx: number): { svg: string; heightPx: number } {
  return flowLegend(
    items.map((item) => ({ text: item.text, symbol: (sx, sy) => swatch(item, sx, sy) })),
    x,
    y,
    maxWidthPx,
  );
}

function yAxisTitle(x: number, yMiddle: number, title: string, maxLengthPx: number): string {
  return text(x, yMiddle, fitText(title, maxLengthPx, 13), {
    sizePx: 13,
    anchor: 'middle',
    fill: COLORS.muted,
    attributes: { transform: `rotate(-90 ${x} ${yMiddle})` },
  });
}

/** Grid lines from the left axis, tick labels on every axis, axis titles. */
function axes(area: PlotArea, x: AxisSpec, yLeft: AxisSpec, yRight?: AxisSpec): string {
  const sx = linearScale(x.min, x.max, area.left, rightOf(area));
  const sy = linearScale(yLeft.min, yLeft.max, bottomOf(area), area.top);
  const parts: string[] = [];
  for (const v of yLeft.ticks) {
    parts.push(line(area.left, sy(v), rightOf(area), sy(v), { stroke: COLORS.grid }));
    parts.push(text(area.left - 8, sy(v) + 4, yLeft.format(v), { anchor: 'end', sizePx: TICK_SIZE_PX }));
  }
  let lastRightPx = -Infinity;
  for (const v of x.ticks) {
    const label = x.format(v);
    const half = textWidthPx(label, TICK_SIZE_PX) / 2;
    // Skip a tick label that would collide with the previous one.
    if (sx(v) - half < lastRightPx + 6) continue;
    lastRightPx = sx(v) + half;
    parts.push(line(sx(v), bottomOf(area), sx(v), bottomOf(area) + 5));
    parts.push(text(sx(v), bottomOf(area) + 19, label, { anchor: 'middle', sizePx: TICK_SIZE_PX }));
  }
  parts.push(line(area.left, bottomOf(area), rightOf(area), bottomOf(area)), line(area.left, area.top, area.left, bottomOf(area)));
  parts.push(
    text(area.left + area.width / 2, bottomOf(area) + 42, fitText(x.title, area.width, 13), {
      anchor: 'middle',
      sizePx: 13,
      fill: COLORS.muted,
    }),
  );
  parts.push(yAxisTitle(area.left - 58, area.top + area.height / 2, yLeft.title, area.height));
  if (yRight) {
    const syRight = linearScale(yRight.min, yRight.max, bottomOf(area), area.top);
    parts.push(line(rightOf(area), area.top, rightOf(area), bottomOf(area)));
    for (const v of yRight.ticks) parts.push(text(rightOf(area) + 8, syRight(v) + 4, yRight.format(v), { sizePx: TICK_SIZE_PX }));
    parts.push(yAxisTitle(WIDTH_PX - 14, area.top + area.height / 2, yRight.title, area.height));
  }
  return parts.join('');
}

/** A plain message in the plot area, for plans with nothing to draw: never a blank chart. */
function messageChart(title: string, heading: string, message: string, heightPx = PLOT_HEIGHT_PX): string {
  const area = { left: 24, top: 64, width: WIDTH_PX - 48, height: heightPx - 88 };
  const lines = wrapText(message, area.width - 48, 13);
  const blockHeight = 24 + lines.length * 18;
  const y = area.top + (area.height - blockHeight) / 2 + 16;
  return svgDocument(
    WIDTH_PX,
    heightPx,
    [
      titleBlock(title),
      rect(area.left, area.top, area.width, area.height, { fill: COLORS.infeasibleFill, stroke: COLORS.reserved, rx: 6 }),
      text(WIDTH_PX / 2, y, heading, { anchor: 'middle', bold: true, sizePx: 15, fill: COLORS.alert }),
      textBlock(WIDTH_PX / 2, y + 26, lines, { anchor: 'middle', sizePx: 13, lineHeightPx: 18 }),
    ],
    { class: 'chart chart-infeasible' },
  );
}

function infeasibleChart(title: string, result: SizingResult, lang: Lang, heightPx?: number): string {
  return messageChart(title, label(lang, 'infeasible'), result.infeasibility?.message[lang] ?? '', heightPx);
}

/** label() bound to one language. */
const labelsIn = (lang: Lang) => (key: LabelKey, params?: Record<string, string | number>) => label(lang, key, params);

const gib = (v: number, lang: Lang) => `${formatNumber(v, lang, 2, 2)} GiB`;

/**
 * One node's HBM as a stacked bar: reserved share, runtime overhead, KV in use, free KV (for the
 * engine method: what its memory fraction leaves out, and what it holds besides KV). The alert line
 * stands where operators alert, on KV-cache usage (vLLM's kv_cache_usage_perc): at the alert ratio
 * of the KV budget, not of HBM, which engines pre-allocate at start-up (issue 10, items 19 and 27).
 */
export function memoryChartSvg(result: SizingResult, lang: Lang): string {
  const L = labelsIn(lang);
  const heightPx = 304;
  const engine = result.engine !== null;
  // The engine method's node memory is what the engine sees (GiB per GPU as it logs it), not HBM.
  const title = L(engine ? 'memoryChartTitleEngine' : 'memoryChartTitle', {
    server: result.server.name,
    hbm: formatNumber(result.nodeHbmGiB, lang, 2, 2),
  });
  const m = result.memoryPerNode;
  if (!m) return infeasibleChart(title, result, lang, heightPx);
  const segments = [
    {
      text: engine
        ? L('memoryOutsideFraction')
        : L('memoryReservedShare', { ratio: formatPercent(1 - result.inputs.kvBudgetRatio, lang, 0) }),
      gib: m.reservedShareGiB,
      color: COLORS.reserved,
      ink: COLORS.text,
    },
    {
      text: engine ? L('memoryEngineHeld') : L('memoryRuntimeOverhead'),
      gib: m.runtimeOverheadGiB,
      color: COLORS.overhead,
      ink: COLORS.text,
    },
    { text: L('memoryKvInUse'), gib: m.kvInUseGiB, color: COLORS.primary, ink: COLORS.background },
    { text: L('memoryKvFree'), gib: m.kvFreeGiB, color: COLORS.kvFree, ink: COLORS.text },
  ];
  const area = { left: 40, top: 84, width: WIDTH_PX - 80, height: 56 };
  const sx = linearScale(0, m.hbmGiB, area.left, rightOf(area));
  const [useLabel, usePct] = memoryUseRow(result, lang)!;
  const parts: string[] = [titleBlock(title, `${useLabel}: ${usePct}`)];
  // Value labels go on after the alert line, so the line never strikes through a figure.
  const values: string[] = [];
  let startGiB = 0;
  for (const s of segments) {
    const x = sx(startGiB);
    const widthPx = sx(startGiB + s.gib) - x;
    parts.push(rect(x, area.top, widthPx, area.height, { fill: s.color, stroke: COLORS.background, 'stroke-width': 1, class: 'segment' }));
    const value = formatNumber(s.gib, lang, 0);
    const valueWidthPx = textWidthPx(value, TICK_SIZE_PX, true);
    if (valueWidthPx + 8 <= widthPx) {
      const y = area.top + area.height / 2;
      values.push(rect(x + widthPx / 2 - valueWidthPx / 2 - 3, y - 9, valueWidthPx + 6, 18, { fill: s.color }));
      values.push(text(x + widthPx / 2, y + 4, value, { anchor: 'middle', bold: true, fill: s.ink }));
    }
    startGiB += s.gib;
  }
  const alertRatio = result.inputs.hbmAlertRatio;
  const alertAtGiB = alertRatio * (m.kvInUseGiB + m.kvFreeGiB);
  const alertX = sx(kvAlertAtGiB(m, alertRatio));
  parts.push(
    line(alertX, area.top - 8, alertX, bottomOf(area) + 4, {
      stroke: COLORS.alert,
      'stroke-width': 1.5,
      'stroke-dasharray': '5 3',
      class: 'kv-alert',
    }),
  );
  parts.push(...values);
  // Only the ratio above the line, kept inside the chart; the legend says what it is a ratio of.
  const marker = formatPercent(alertRatio, lang, 0);
  const markerHalfPx = textWidthPx(marker, 11) / 2;
  parts.push(
    text(Math.min(alertX, WIDTH_PX - 4 - markerHalfPx), area.top - 12, marker, { anchor: 'middle', sizePx: 11, fill: COLORS.alert }),
  );
  const xAxis: AxisSpec = {
    min: 0,
    max: m.hbmGiB,
    ticks: niceTicks(0, m.hbmGiB, 6).filter((t) => t <= m.hbmGiB),
    format: (v) => formatNumber(v, lang),
    title: L('axisMemoryGiB'),
  };
  parts.push(line(area.left, bottomOf(area), rightOf(area), bottomOf(area)));
  for (const v of xAxis.ticks) {
    parts.push(line(sx(v), bottomOf(area), sx(v), bottomOf(area) + 5));
    parts.push(text(sx(v), bottomOf(area) + 19, xAxis.format(v), { anchor: 'middle', sizePx: TICK_SIZE_PX }));
  }
  parts.push(text(area.left + area.width / 2, bottomOf(area) + 40, xAxis.title, { anchor: 'middle', sizePx: 13, fill: COLORS.muted }));
  const legendTop = bottomOf(area) + 66;
  segments.forEach((s, i) => {
    const y = legendTop + i * 20;
    parts.push(swatch({ text: s.text, swatch: 'box', color: s.color }, area.left, y));
    parts.push(text(area.left + 26, y + 4, `${s.text}: ${gib(s.gib, lang)} (${formatPercent(s.gib / m.hbmGiB, lang)})`));
  });
  const alertY = legendTop + segments.length * 20;
  parts.push(swatch({ text: '', swatch: 'dashedLine', color: COLORS.alert }, area.left, alertY));
  parts.push(text(area.left + 26, alertY + 4, L('kvAlertMarker', { ratio: marker, gib: formatNumber(alertAtGiB, lang, 2, 2) })));
  return svgDocument(WIDTH_PX, heightPx, parts, { class: 'chart chart-memory' });
}

/** SVG path of a step line through (x, y) points; null y values break the line. */
function stepPath(points: { x: number; y: number | null }[]): string {
  let d = '';
  let open = false;
  for (const p of points) {
    if (p.y === null) {
      open = false;
      continue;
    }
    d += open ? `H${p.x.toFixed(1)}V${p.y.toFixed(1)}` : `M${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    open = true;
  }
  return d;
}

/** Closed step-shaped area between an upper and a lower series (same x), one piece per unbroken run. */
function bandPath(upper: { x: number; y: number | null }[], lower: { x: number; y: number | null }[]): string {
  let d = '';
  let runStart = -1;
  const close = (end: number) => {
    const f = (v: number) => v.toFixed(1);
    d += `M${f(upper[runStart]!.x)} ${f(upper[runStart]!.y!)}`;
    for (let i = runStart + 1; i <= end; i++) d += `H${f(upper[i]!.x)}V${f(upper[i]!.y!)}`;
    d += `V${f(lower[end]!.y!)}`;
    for (let i = end; i > runStart; i--) d += `V${f(lower[i - 1]!.y!)}H${f(lower[i - 1]!.x)}`;
    d += 'Z';
  };
  upper.forEach((p, i) => {
    const ok = p.y !== null && lower[i]!.y !== null;
    if (ok && runStart < 0) runStart = i;
    if (!ok && runStart >= 0) {
      close(i - 1);
      runStart = -1;
    }
  });
  if (runStart >= 0) close(upper.length - 1);
  return d;
}

/**
 * Total nodes against concurrency (the engine's nodes curve, the one the app draws, over the same
 * range), with the plan and the next node marked.
 */
export function nodesChartSvg(result: SizingResult, lang: Lang): string {
  const L = labelsIn(lang);
  const title = L('nodesChartTitle');
  if (!result.nodes) return infeasibleChart(title, result, lang);
  const planned = result.inputs.concurrency;
  const xMax = nodesCurveRange(result);
  const curve = nodesCurve(result, xMax);
  const maxNodes = Math.max(...curve.map((p) => p.nodes ?? 0));
  // One step of room above the highest node count keeps the line off the frame.
  const yMax = niceCeil(maxNodes + 1, 5, true);
  const area = { left: 84, top: 64, width: WIDTH_PX - 84 - 44, height: PLOT_HEIGHT_PX - 64 - 56 };
  const sx = linearScale(0, xMax, area.left, rightOf(area));
  const sy = linearScale(0, yMax, bottomOf(area), area.top);
  const n = (v: number) => formatNumber(v, lang);
  const parts: string[] = [
    titleBlock(
      title,
      `${result.model.name} · ${result.server.name} · ${L('headroom')} ${formatPercent(result.inputs.peakHeadroomRatio, lang, 0)} · ${L('ha')} ${formatHa(result.inputs.ha, lang)}`,
    ),
  ];
  parts.push(
    axes(
      area,
      { min: 0, max: xMax, ticks: niceTicks(0, xMax, 6, true), format: n, title: L('axisConcurrency') },
      { min: 0, max: yMax, ticks: niceTicks(0, yMax, 5, true), format: n, title: L('axisNodes') },
    ),
  );
  const next = result.nextNodeAtConcurrency;
  if (next !== null && next <= xMax) {
    parts.push(
      line(sx(next), area.top, sx(next), bottomOf(area), {
        stroke: COLORS.accent,
        'stroke-width': 1.5,
        'stroke-dasharray': '5 3',
        class: 'next-node',
      }),
    );
  }
  parts.push(
    element('path', {
      d: stepPath(curve.map((p) => ({ x: sx(p.concurrency), y: p.nodes === null ? null : sy(p.nodes) }))),
      fill: 'none',
      stroke: COLORS.primary,
      'stroke-width': 2.5,
      class: 'nodes-line',
    }),
  );
  const total = result.nodes.total;
  parts.push(line(area.left, sy(total), sx(planned), sy(total), { stroke: COLORS.accent, 'stroke-dasharray': '2 2' }));
  parts.push(
    element('circle', {
      cx: sx(planned),
      cy: sy(total),
      r: 6,
      fill: COLORS.accent,
      stroke: COLORS.background,
      'stroke-width': 2,
      class: 'planned',
    }),
  );
  // The step line rises from bottom-left to top-right, so the top-left corner is free for the key.
  const key: LegendItem[] = [
    { text: L('axisNodes'), swatch: 'line', color: COLORS.primary },
    {
      text: L('plannedPoint', {
        sessions: countLabel(lang, 'sessionsCount', planned, n(planned)),
        nodes: countLabel(lang, 'nodesCount', total, n(total)),
      }),
      swatch: 'marker',
      color: COLORS.accent,
    },
  ];
  if (next !== null) key.push({ text: L('nextNodeMarker', { concurrency: n(next) }), swatch: 'dashedLine', color: COLORS.accent });
  parts.push(legendBox(key, area.left + 12, area.top + 12));
  return svgDocument(WIDTH_PX, PLOT_HEIGHT_PX, parts, { class: 'chart chart-nodes' });
}

/** A vertical key on a white box, for placement inside a plot. */
function legendBox(items: LegendItem[], x: number, y: number): string {
  const widthPx = 34 + Math.max(...items.map((i) => textWidthPx(i.text, TICK_SIZE_PX)));
  const parts = [rect(x, y, widthPx, items.length * 20 + 8, { fill: COLORS.background, stroke: COLORS.grid, rx: 4, 'fill-opacity': 0.92 })];
  items.forEach((item, i) => {
    parts.push(swatch(item, x + 8, y + 14 + i * 20), text(x + 32, y + 18 + i * 20, item.text));
  });
  return parts.join('');
}

/** Nodes per region as bars; spare (HA) nodes on top of each bar, dashed. */
export function regionsChartSvg(plan: PlanResult, lang: Lang): string {
  const L = labelsIn(lang);
  const n = (v: number) => formatNumber(v, lang);
  const title = plan.totals.nodes === null ? L('regionsChartTitlePartial') : L('regionsChartTitle', { total: n(plan.totals.nodes) });
  const feasible = plan.regions.filter((r) => r.result.nodes);
  if (feasible.length === 0) {
    const reason = plan.regions[0]?.result.infeasibility?.message[lang] ?? '';
    return messageChart(title, L('infeasible'), reason);
  }
  const maxNodes = Math.max(...feasible.map((r) => r.result.nodes!.total));
  const yMax = niceCeil(maxNodes + 1, 5, true);
  const parts: string[] = [titleBlock(title)];
  const key = legend(
    [
      { text: L('activeNodes'), swatch: 'box', color: COLORS.primary },
      { text: L('spareNodes'), swatch: 'spareBox', color: COLORS.spareStroke },
    ],
    24,
    54,
    WIDTH_PX - 48,
  );
  parts.push(key.svg);
  const top = 54 + key.heightPx + 12;
  const area = { left: 84, top, width: WIDTH_PX - 84 - 32, height: PLOT_HEIGHT_PX - top - 56 };
  const sy = linearScale(0, yMax, bottomOf(area), area.top);
  const slotPx = area.width / plan.regions.length;
  const barPx = Math.min(96, slotPx * 0.6);
  parts.push(
    axes(
      area,
      { min: 0, max: 1, ticks: [], format: n, title: L('regions') },
      { min: 0, max: yMax, ticks: niceTicks(0, yMax, 5, true), format: n, title: L('axisNodes') },
    ),
  );
  plan.regions.forEach((region, i) => {
    const centre = area.left + slotPx * (i + 0.5);
    parts.push(text(centre, bottomOf(area) + 19, fitText(region.name, slotPx - 8, TICK_SIZE_PX), { anchor: 'middle' }));
    const nodes = region.result.nodes;
    if (!nodes) {
      parts.push(text(centre, bottomOf(area) - 10, L('infeasibleShort'), { anchor: 'middle', bold: true, fill: COLORS.alert }));
      return;
    }
    const x = centre - barPx / 2;
    parts.push(rect(x, sy(nodes.withHeadroom), barPx, sy(0) - sy(nodes.withHeadroom), { fill: COLORS.primary, class: 'bar-active' }));
    if (nodes.total > nodes.withHeadroom) {
      parts.push(
        rect(x, sy(nodes.total), barPx, sy(nodes.withHeadroom) - sy(nodes.total), {
          fill: COLORS.spareFill,
          stroke: COLORS.spareStroke,
          'stroke-width': 1.5,
          'stroke-dasharray': '4 3',
          class: 'bar-spare',
        }),
      );
    }
    parts.push(text(centre, sy(nodes.total) - 6, n(nodes.total), { anchor: 'middle', bold: true }));
  });
  return svgDocument(WIDTH_PX, PLOT_HEIGHT_PX, parts, { class: 'chart chart-regions' });
}

const SWEEP_FIELD_NAMES: Record<SweepField, LabelKey> = {
  concurrency: 'concurrency',
  effectiveContextTokens: 'effectiveContext',
  peakHeadroomRatio: 'peakHeadroomRatio',
  kvBudgetRatio: 'kvBudgetRatio',
  runtimeOverheadGiB: 'memoryRuntimeOverhead',
};

const SWEEP_AXIS_TITLES: Record<SweepField, LabelKey> = {
  concurrency: 'axisConcurrency',
  effectiveContextTokens: 'effectiveContextTokens',
  peakHeadroomRatio: 'sweepPeakHeadroom',
  kvBudgetRatio: 'sweepKvBudgetRatio',
  runtimeOverheadGiB: 'runtimeOverheadGiB',
};

function sweptValueFormat(field: SweepField, lang: Lang): (v: number) => string {
  if (field === 'peakHeadroomRatio' || field === 'kvBudgetRatio') return (v) => formatPercent(v, lang, 0);
  return (v) => formatNumber(v, lang, field === 'runtimeOverheadGiB' ? 1 : 0);
}

/** Above this many thresholds, vertical lines would hide the plot: mark them on the axis instead. */
const MAX_THRESHOLD_LINES = 24;

/** Total nodes (left axis) and CapEx (right axis) against the swept input, thresholds marked. */
export function sweepChartSvg(result: SweepResult, lang: Lang): string {
  const L = labelsIn(lang);
  const fieldTitle = L(SWEEP_AXIS_TITLES[result.field]);
  const title = L('sweepChartTitle', { field: L(SWEEP_FIELD_NAMES[result.field]) });
  const feasible = result.points.filter((p) => p.nodesTotal !== null);
  if (feasible.length === 0) return messageChart(title, L('infeasible'), `${fieldTitle}: ${L('infeasibleRange')}`);
  const first = result.points[0]!.value;
  const last = result.points.at(-1)!.value;
  const yMax = niceCeil(Math.max(...feasible.map((p) => p.nodesTotal!)) + 1, 5, true);
  const capexMax = niceCeil(Math.max(...feasible.map((p) => p.capexHighUsd ?? 0)), 5);
  const parts: string[] = [titleBlock(title)];
  const singlePrice = feasible.every((p) => p.capexLowUsd === p.capexHighUsd);
  const keyItems: LegendItem[] = [
    { text: L('axisNodes'), swatch: 'line', color: COLORS.primary },
    ...(singlePrice
      ? [{ text: L('capex'), swatch: 'line' as const, color: COLORS.accent }]
      : [{ text: L('capexRange'), swatch: 'band' as const, color: COLORS.accent }]),
  ];
  if (result.thresholds.length > 0) keyItems.push({ text: L('thresholdMarker'), swatch: 'dottedLine', color: COLORS.muted });
  const key = legend(keyItems, 24, 54, WIDTH_PX - 48);
  parts.push(key.svg);
  const top = 54 + key.heightPx + 12;
  const area = { left: 84, top, width: WIDTH_PX - 84 - 124, height: PLOT_HEIGHT_PX - top - 56 };
  const sx = linearScale(first, last, area.left, rightOf(area));
  const sy = linearScale(0, yMax, bottomOf(area), area.top);
  const syCapex = linearScale(0, capexMax, bottomOf(area), area.top);
  const format = sweptValueFormat(result.field, lang);
  parts.push(...infeasibleStretches(result, sx, area, lang));
  parts.push(
    axes(
      area,
      {
        min: first,
        max: last,
        ticks: niceTicks(first, last, 6, result.field === 'concurrency' || result.field === 'effectiveContextTokens'),
        format,
        title: fieldTitle,
      },
      { min: 0, max: yMax, ticks: niceTicks(0, yMax, 5, true), format: (v) => formatNumber(v, lang), title: L('axisNodes') },
      { min: 0, max: capexMax, ticks: niceTicks(0, capexMax, 5), format: (v) => formatUsd(v, lang), title: L('axisCapexUsd') },
    ),
  );
  parts.push(thresholdMarks(result.thresholds, sx, area));
  const at = (pick: (p: SweepPoint) => number | null, scale: (v: number) => number) =>
    result.points.map((p) => {
      const v = pick(p);
      return { x: sx(p.value), y: v === null ? null : scale(v) };
    });
  const high = at((p) => p.capexHighUsd, syCapex);
  const low = at((p) => p.capexLowUsd, syCapex);
  // CapEx is proportional to nodes, so its line can sit exactly on the nodes line: a filled band stays visible.
  if (!singlePrice) parts.push(element('path', { d: bandPath(high, low), fill: COLORS.accentLight, stroke: 'none', class: 'capex-band' }));
  parts.push(element('path', { d: stepPath(high), fill: 'none', stroke: COLORS.accent, 'stroke-width': 1.5, class: 'capex-high' }));
  if (!singlePrice) {
    parts.push(
      element('path', {
        d: stepPath(low),
        fill: 'none',
        stroke: COLORS.accent,
        'stroke-width': 1.5,
        'stroke-dasharray': '5 3',
        class: 'capex-low',
      }),
    );
  }
  parts.push(
    element('path', {
      d: stepPath(at((p) => p.nodesTotal, sy)),
      fill: 'none',
      stroke: COLORS.primary,
      'stroke-width': 2.5,
      class: 'nodes-line',
    }),
  );
  return svgDocument(WIDTH_PX, PLOT_HEIGHT_PX, parts, { class: 'chart chart-sweep' });
}

function thresholdMarks(thresholds: number[], sx: (v: number) => number, area: PlotArea): string {
  if (thresholds.length > MAX_THRESHOLD_LINES) {
    return thresholds
      .map((t) => line(sx(t), bottomOf(area) - 6, sx(t), bottomOf(area), { stroke: COLORS.muted, class: 'threshold' }))
      .join('');
  }
  return thresholds
    .map((t) => line(sx(t), area.top, sx(t), bottomOf(area), { stroke: COLORS.muted, 'stroke-dasharray': '2 2', class: 'threshold' }))
    .join('');
}

/** Index runs [first, last] of consecutive infeasible points. */
function infeasibleRuns(points: SweepResult['points']): [number, number][] {
  const runs: [number, number][] = [];
  points.forEach((p, i) => {
    if (p.nodesTotal !== null) return;
    const lastRun = runs.at(-1);
    if (lastRun && lastRun[1] === i - 1) lastRun[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/** Grey bands over the swept values where the plan is infeasible, reaching the neighbouring feasible points. */
function infeasibleStretches(result: SweepResult, sx: (v: number) => number, area: PlotArea, lang: Lang): string[] {
  const points = result.points;
  const word = label(lang, 'infeasibleRange');
  return infeasibleRuns(points).map(([first, last]) => {
    const fromX = sx(points[Math.max(0, first - 1)]!.value);
    const toX = sx(points[Math.min(points.length - 1, last + 1)]!.value);
    const widthPx = Math.max(2, toX - fromX);
    const band = rect(fromX, area.top, widthPx, area.height, { fill: COLORS.infeasibleFill, class: 'infeasible-range' });
    const fits = textWidthPx(word, TICK_SIZE_PX) + 8 < widthPx;
    return fits ? band + text(fromX + widthPx / 2, area.top + 18, word, { anchor: 'middle', fill: COLORS.alert }) : band;
  });
}

/** Server colours of the Pareto chart: the report's two, then distinct ones that print well. */
const SERVER_COLOURS = [
  COLORS.primary,
  COLORS.accent,
  '#2e7d32',
  '#7b3fb5',
  '#f0a04b',
  '#3aa6a0',
  '#d1477a',
  '#6b8e23',
  '#8e6bd1',
  '#7b8794',
];

/** TCO (high) against TPOT for an optimiser search's feasible plans, one colour per server, the Pareto front dashed. */
export function paretoChartSvg(plans: OptimisedPlan[], lang: Lang, subtitle?: string): string {
  const L = labelsIn(lang);
  const title = L('paretoChartTitle');
  const points = plans.flatMap((p) => (p.tpotMs === null ? [] : [{ server: p.serverId, tpotMs: p.tpotMs, tco: p.cost.tcoHighUsd }]));
  if (points.length === 0) return messageChart(title, L('paretoNoPlans'), L('paretoNoPlansNote'));
  const servers = [...new Set(points.map((p) => p.server))];
  const colour = (server: string) => SERVER_COLOURS[servers.indexOf(server) % SERVER_COLOURS.length]!;
  const xMax = niceCeil(Math.max(...points.map((p) => p.tpotMs)) * 1.05);
  const yMax = niceCeil(Math.max(...points.map((p) => p.tco)) * 1.05);
  const area = { left: 96, top: 64, width: WIDTH_PX - 96 - 32, height: PLOT_HEIGHT_PX - 64 - 56 };
  const sx = linearScale(0, xMax, area.left, rightOf(area));
  const sy = linearScale(0, yMax, bottomOf(area), area.top);
  const parts: string[] = [titleBlock(title, subtitle)];
  parts.push(
    axes(
      area,
      { min: 0, max: xMax, ticks: niceTicks(0, xMax, 6), format: (v) => formatNumber(v, lang, 1), title: L('axisTpotMs') },
      { min: 0, max: yMax, ticks: niceTicks(0, yMax, 5), format: (v) => formatNumber(v / 1e6, lang, 1), title: L('axisTcoHighMillionUsd') },
    ),
  );
  const front = paretoFront(points);
  parts.push(
    element('polyline', {
      points: front.map((p) => `${sx(p.tpotMs).toFixed(1)},${sy(p.tco).toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: COLORS.muted,
      'stroke-width': 1.5,
      'stroke-dasharray': '5 3',
      class: 'pareto-front',
    }),
  );
  for (const p of points) {
    parts.push(
      element('circle', {
        cx: sx(p.tpotMs),
        cy: sy(p.tco),
        r: 5,
        fill: colour(p.server),
        stroke: COLORS.background,
        'stroke-width': 1.5,
        class: 'plan',
      }),
    );
  }
  const key = legend(
    [
      ...servers.map((server) => ({ text: server, swatch: 'marker' as const, color: colour(server) })),
      { text: L('paretoFront'), swatch: 'dashedLine' as const, color: COLORS.muted },
    ],
    area.left,
    PLOT_HEIGHT_PX + 8,
    area.width,
  );
  parts.push(key.svg);
  return svgDocument(WIDTH_PX, PLOT_HEIGHT_PX + key.heightPx + 8, parts, { class: 'chart chart-pareto' });
}
