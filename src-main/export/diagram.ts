/**
 * Architecture diagram (SPEC §6): per region a load balancer in front of pods of nodes and a
 * storage pool beneath; with several regions, a global entry point above them. Elements carry
 * stable classes and data attributes (rect.node[data-spare][data-pod], g.pod, g.region) so
 * tests and the UI can count and select them.
 */
import { formatHa, formatNumber, type Lang, type SizingResult } from '../engine/index.js';
import { countLabel, label } from '../i18n/labels.js';
import { COLORS, element, fitText, flowLegend, line, rect, svgDocument, text, textBlock, wrapText } from './svg.js';

export interface DiagramInput {
  regions: { name: string; result: SizingResult }[];
  /** Nodes per pod; default 3. */
  podSize: number;
  title?: string;
}

const MARGIN = 24;
const NODE_W = 108;
const NODE_H = 54;
const NODE_GAP = 8;
/** Wider pods wrap their nodes into rows of this many. */
const MAX_POD_COLUMNS = 4;
const POD_HEADER = 20;
const POD_GAP = 16;
/** Room between pod rows (and above the first) for the connector bus. */
const BUS_GAP = 28;
const REGION_PAD = 20;
const REGION_HEADER = 50;
const REGION_GAP = 24;
const LB_W = 200;
const LB_H = 36;
const STORAGE_H = 46;
const GLOBAL_W = 300;
const GLOBAL_H = 50;
const MIN_WIDTH = 600;

interface Point {
  x: number;
  y: number;
}

interface PodGeometry {
  columns: number;
  widthPx: number;
  heightPx: number;
}

function podGeometry(podSize: number): PodGeometry {
  const columns = Math.min(podSize, MAX_POD_COLUMNS);
  const rows = Math.ceil(podSize / columns);
  return {
    columns,
    widthPx: columns * NODE_W + (columns + 1) * NODE_GAP,
    heightPx: POD_HEADER + rows * (NODE_H + NODE_GAP),
  };
}

/** Pods side by side within one region: fewer when several regions share the width. */
function podsPerRowFor(regionColumns: number, maxPods: number): number {
  const limit = regionColumns === 1 ? 4 : 2;
  return Math.max(1, Math.min(limit, Math.ceil(Math.sqrt(maxPods))));
}

const podCount = (result: SizingResult, podSize: number) => (result.nodes ? Math.ceil(result.nodes.total / podSize) : 0);

/**
 * Lines from a source down to targets laid out in rows: a horizontal bus above each row, the
 * buses joined by a trunk in the left gutter so no line crosses a box of an upper row.
 */
function fanOut(source: Point, rows: { busY: number; targets: Point[] }[], gutterX: number): string {
  const stroke = { stroke: COLORS.muted, 'stroke-width': 1.5 };
  const parts: string[] = [];
  if (rows.length === 0) return '';
  parts.push(line(source.x, source.y, source.x, rows[0]!.busY, stroke));
  rows.forEach((row, i) => {
    const xs = row.targets.map((t) => t.x);
    if (i === 0) xs.push(source.x);
    if (rows.length > 1) xs.push(gutterX);
    parts.push(line(Math.min(...xs), row.busY, Math.max(...xs), row.busY, stroke));
    for (const t of row.targets) parts.push(line(t.x, row.busY, t.x, t.y, stroke));
  });
  if (rows.length > 1) parts.push(line(gutterX, rows[0]!.busY, gutterX, rows.at(-1)!.busY, stroke));
  return parts.join('');
}

interface RegionBox {
  name: string;
  result: SizingResult;
  widthPx: number;
  heightPx: number;
}

/** The inner height taken by the pods, or by the infeasibility message instead of them. */
function regionBodyHeight(result: SizingResult, podSize: number, podsPerRow: number, innerWidthPx: number, lang: Lang): number {
  if (!result.nodes) return BUS_GAP + 28 + infeasibleLines(result, innerWidthPx, lang).length * 15;
  const rows = Math.ceil(podCount(result, podSize) / podsPerRow);
  return rows * (BUS_GAP + podGeometry(podSize).heightPx);
}

function infeasibleLines(result: SizingResult, innerWidthPx: number, lang: Lang): string[] {
  return wrapText(result.infeasibility?.message[lang] ?? '', innerWidthPx - 20, 11);
}

function regionHeight(result: SizingResult, podSize: number, podsPerRow: number, innerWidthPx: number, lang: Lang): number {
  return REGION_HEADER + LB_H + regionBodyHeight(result, podSize, podsPerRow, innerWidthPx, lang) + 20 + STORAGE_H + REGION_PAD;
}

function drawNode(x: number, y: number, result: SizingResult, spare: boolean, pod: number, lang: Lang): string {
  const style = spare
    ? { fill: COLORS.spareFill, stroke: COLORS.spareStroke, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }
    : { fill: COLORS.primaryLight, stroke: COLORS.primary, 'stroke-width': 1.2 };
  const maxText = NODE_W - 10;
  const sessions = countLabel(lang, 'sessionsCount', result.sessionsPerNode, formatNumber(result.sessionsPerNode, lang));
  const parts = [
    rect(x, y, NODE_W, NODE_H, { ...style, rx: 4, class: 'node', 'data-spare': String(spare), 'data-pod': pod }),
    text(x + NODE_W / 2, y + 17, fitText(result.server.name, maxText, 11, true), { anchor: 'middle', sizePx: 11, bold: true }),
    text(x + NODE_W / 2, y + 32, fitText(sessions, maxText, 10), { anchor: 'middle', sizePx: 10, fill: COLORS.muted }),
  ];
  if (spare) {
    const tag = label(lang, 'spareTag', { ha: formatHa(result.inputs.ha, lang) });
    parts.push(text(x + NODE_W / 2, y + 46, fitText(tag, maxText, 10), { anchor: 'middle', sizePx: 10, bold: true, fill: COLORS.spareStroke }));
  }
  return parts.join('');
}

/** One pod: a frame, its name, and its nodes (the region's last nodes are the HA spares). */
function drawPod(x: number, y: number, pod: number, firstNode: number, nodesInPod: number, spareFrom: number, podSize: number, result: SizingResult, lang: Lang): string {
  const g = podGeometry(podSize);
  const parts = [
    rect(x, y, g.widthPx, g.heightPx, { fill: COLORS.podFill, stroke: COLORS.reserved, rx: 6 }),
    text(x + 8, y + 14, label(lang, 'podName', { index: pod }), { sizePx: 11, bold: true, fill: COLORS.muted }),
  ];
  for (let i = 0; i < nodesInPod; i++) {
    const nodeX = x + NODE_GAP + (i % g.columns) * (NODE_W + NODE_GAP);
    const nodeY = y + POD_HEADER + Math.floor(i / g.columns) * (NODE_H + NODE_GAP);
    parts.push(drawNode(nodeX, nodeY, result, firstNode + i >= spareFrom, pod, lang));
  }
  return element('g', { class: 'pod', 'data-pod': pod }, parts);
}

function drawPods(box: RegionBox, x: number, top: number, lbBottom: Point, podSize: number, podsPerRow: number, lang: Lang): string {
  const nodes = box.result.nodes!;
  const g = podGeometry(podSize);
  const pods = podCount(box.result, podSize);
  const spareFrom = nodes.withHeadroom;
  const innerWidth = box.widthPx - 2 * REGION_PAD;
  const parts: string[] = [];
  const rows: { busY: number; targets: Point[] }[] = [];
  for (let pod = 0; pod < pods; pod++) {
    const row = Math.floor(pod / podsPerRow);
    const inRow = Math.min(podsPerRow, pods - row * podsPerRow);
    const rowWidth = inRow * g.widthPx + (inRow - 1) * POD_GAP;
    const podX = x + REGION_PAD + (innerWidth - rowWidth) / 2 + (pod % podsPerRow) * (g.widthPx + POD_GAP);
    const podY = top + row * (BUS_GAP + g.heightPx) + BUS_GAP;
    if (!rows[row]) rows[row] = { busY: podY - BUS_GAP / 2, targets: [] };
    rows[row]!.targets.push({ x: podX + g.widthPx / 2, y: podY });
    const firstNode = pod * podSize;
    parts.push(drawPod(podX, podY, pod + 1, firstNode, Math.min(podSize, nodes.total - firstNode), spareFrom, podSize, box.result, lang));
  }
  return fanOut(lbBottom, rows, x + REGION_PAD / 2) + parts.join('');
}

function drawStorage(x: number, y: number, widthPx: number, result: SizingResult, lang: Lang): string {
  const title = label(lang, 'storagePool', { name: result.storage.name });
  const note = label(lang, 'storagePoolNote', {
    throughput: formatNumber(result.storage.readThroughputGBps, lang, 1),
    seconds: formatNumber(result.coldStart.seconds, lang, 1),
  });
  // A small cylinder, the usual storage symbol.
  const cx = x + 22;
  const icon = [
    rect(cx - 10, y + 14, 20, 18, { fill: COLORS.storageFill, stroke: 'none' }),
    element('ellipse', { cx, cy: y + 32, rx: 10, ry: 4, fill: COLORS.storageFill, stroke: COLORS.storageStroke }),
    line(cx - 10, y + 14, cx - 10, y + 32, { stroke: COLORS.storageStroke }),
    line(cx + 10, y + 14, cx + 10, y + 32, { stroke: COLORS.storageStroke }),
    element('ellipse', { cx, cy: y + 14, rx: 10, ry: 4, fill: COLORS.background, stroke: COLORS.storageStroke }),
  ];
  return element('g', { class: 'storage' }, [
    rect(x, y, widthPx, STORAGE_H, { fill: COLORS.storageFill, stroke: COLORS.storageStroke, rx: 6 }),
    ...icon,
    text(x + 42, y + 19, fitText(title, widthPx - 50, 12, true), { sizePx: 12, bold: true }),
    text(x + 42, y + 36, fitText(note, widthPx - 50, 11), { sizePx: 11, fill: COLORS.muted }),
  ]);
}

function drawRegion(box: RegionBox, x: number, y: number, podSize: number, podsPerRow: number, lang: Lang): string {
  const r = box.result;
  const innerWidth = box.widthPx - 2 * REGION_PAD;
  const n = (v: number) => formatNumber(v, lang);
  const summary = r.nodes
    ? label(lang, 'regionSummary', {
      nodes: countLabel(lang, 'nodesCount', r.nodes.total, n(r.nodes.total)),
      sessions: countLabel(lang, 'sessionsCount', r.inputs.concurrency, n(r.inputs.concurrency)),
    })
    : label(lang, 'infeasibleShort');
  const lbX = x + (box.widthPx - LB_W) / 2;
  const lbY = y + REGION_HEADER;
  const bodyTop = lbY + LB_H;
  const parts = [
    rect(x, y, box.widthPx, box.heightPx, { fill: COLORS.background, stroke: COLORS.axis, 'stroke-width': 1.5, rx: 8 }),
    text(x + REGION_PAD, y + 22, fitText(box.name, innerWidth, 14, true), { sizePx: 14, bold: true }),
    text(x + REGION_PAD, y + 39, fitText(summary, innerWidth, 11), { sizePx: 11, fill: r.nodes ? COLORS.muted : COLORS.alert }),
    element('g', { class: 'load-balancer' }, [
      rect(lbX, lbY, LB_W, LB_H, { fill: COLORS.balancerFill, stroke: COLORS.balancerStroke, 'stroke-width': 1.5, rx: 18 }),
      text(lbX + LB_W / 2, lbY + 23, fitText(label(lang, 'loadBalancer'), LB_W - 16, 12, true), { anchor: 'middle', sizePx: 12, bold: true }),
    ]),
  ];
  if (r.nodes) parts.push(drawPods(box, x, bodyTop, { x: lbX + LB_W / 2, y: lbY + LB_H }, podSize, podsPerRow, lang));
  else parts.push(drawInfeasible(x + REGION_PAD, bodyTop + BUS_GAP, innerWidth, r, lang));
  const storageY = y + box.heightPx - REGION_PAD - STORAGE_H;
  parts.push(drawStorage(x + REGION_PAD, storageY, innerWidth, r, lang));
  return element('g', { class: 'region', 'data-region': box.name, 'data-feasible': String(r.feasible) }, parts);
}

function drawInfeasible(x: number, y: number, widthPx: number, result: SizingResult, lang: Lang): string {
  const lines = infeasibleLines(result, widthPx, lang);
  return element('g', { class: 'infeasible' }, [
    rect(x, y, widthPx, 28 + lines.length * 15, { fill: COLORS.infeasibleFill, stroke: COLORS.alert, rx: 6 }),
    text(x + 10, y + 16, fitText(label(lang, 'infeasible'), widthPx - 20, 12, true), { sizePx: 12, bold: true, fill: COLORS.alert }),
    textBlock(x + 10, y + 32, lines, { sizePx: 11, lineHeightPx: 15 }),
  ]);
}

function drawGlobalEntry(centreX: number, y: number, lang: Lang): string {
  const x = centreX - GLOBAL_W / 2;
  return element('g', { class: 'global-entry' }, [
    rect(x, y, GLOBAL_W, GLOBAL_H, { fill: COLORS.accentLight, stroke: COLORS.accent, 'stroke-width': 1.5, rx: 8 }),
    text(centreX, y + 21, fitText(label(lang, 'globalEntry'), GLOBAL_W - 16, 13, true), { anchor: 'middle', sizePx: 13, bold: true }),
    text(centreX, y + 38, fitText(label(lang, 'globalEntryNote'), GLOBAL_W - 16, 11), { anchor: 'middle', sizePx: 11, fill: COLORS.muted }),
  ]);
}

function drawLegend(x: number, y: number, maxWidthPx: number, lang: Lang): { svg: string; heightPx: number } {
  const items = [
    { text: label(lang, 'legendNode'), box: { fill: COLORS.primaryLight, stroke: COLORS.primary } },
    { text: label(lang, 'legendSpareNode'), box: { fill: COLORS.spareFill, stroke: COLORS.spareStroke, 'stroke-dasharray': '4 2' } },
    { text: label(lang, 'legendPod'), box: { fill: COLORS.podFill, stroke: COLORS.reserved } },
    { text: label(lang, 'loadBalancer'), box: { fill: COLORS.balancerFill, stroke: COLORS.balancerStroke } },
    { text: label(lang, 'storage'), box: { fill: COLORS.storageFill, stroke: COLORS.storageStroke } },
  ];
  const entries = items.map((item) => ({
    text: item.text,
    symbol: (sx: number, sy: number) => rect(sx, sy - 7, 20, 14, { ...item.box, 'stroke-width': 1.5, rx: 2 }),
  }));
  return flowLegend(entries, x, y, maxWidthPx, 22);
}

function defaultTitle(input: DiagramInput, lang: Lang): string {
  const count = (key: 'nodesCount' | 'regionsCount', n: number) => countLabel(lang, key, n, formatNumber(n, lang));
  const totalNodes = input.regions.reduce((sum, r) => sum + (r.result.nodes?.total ?? 0), 0);
  const infeasible = input.regions.filter((r) => !r.result.nodes).length;
  const params = { nodes: count('nodesCount', totalNodes), regions: count('regionsCount', input.regions.length), infeasible: count('regionsCount', infeasible) };
  return label(lang, infeasible > 0 ? 'architectureTitleInfeasible' : 'architectureTitle', params);
}

/** The architecture of a plan as a standalone SVG; one region or several under a global entry point. */
export function architectureDiagramSvg(input: DiagramInput, lang: Lang): string {
  const podSize = Number.isInteger(input.podSize) && input.podSize >= 1 ? input.podSize : 3;
  const regionCount = input.regions.length;
  if (regionCount === 0) throw new Error('architecture diagram needs at least one region');
  const columns = Math.min(regionCount, 3);
  const maxPods = Math.max(...input.regions.map((r) => podCount(r.result, podSize)));
  const podsPerRow = podsPerRowFor(columns, maxPods);
  const g = podGeometry(podSize);
  const contentWidth = Math.min(podsPerRow, Math.max(1, maxPods)) * g.widthPx + (Math.min(podsPerRow, Math.max(1, maxPods)) - 1) * POD_GAP;
  const regionWidth = Math.max(contentWidth, LB_W + 40, 300) + 2 * REGION_PAD;
  const boxes: RegionBox[] = input.regions.map((r) => ({
    ...r,
    widthPx: regionWidth,
    heightPx: regionHeight(r.result, podSize, podsPerRow, regionWidth - 2 * REGION_PAD, lang),
  }));
  const gridWidth = columns * regionWidth + (columns - 1) * REGION_GAP;
  const widthPx = Math.max(MIN_WIDTH, gridWidth + 2 * MARGIN);
  const gridLeft = (widthPx - gridWidth) / 2;
  const title = input.title ?? defaultTitle(input, lang);
  const parts: string[] = [text(MARGIN, 32, fitText(title, widthPx - 2 * MARGIN, 17, true), { sizePx: 17, bold: true })];
  const multi = regionCount > 1;
  let y = 52;
  if (multi) {
    parts.push(drawGlobalEntry(widthPx / 2, y, lang));
    y += GLOBAL_H + BUS_GAP + 8;
  }
  const busRows: { busY: number; targets: Point[] }[] = [];
  for (let rowStart = 0; rowStart < regionCount; rowStart += columns) {
    const row = boxes.slice(rowStart, rowStart + columns);
    const rowWidth = row.length * regionWidth + (row.length - 1) * REGION_GAP;
    const rowLeft = gridLeft + (gridWidth - rowWidth) / 2;
    const targets: Point[] = [];
    row.forEach((box, i) => {
      const x = rowLeft + i * (regionWidth + REGION_GAP);
      parts.push(drawRegion(box, x, y, podSize, podsPerRow, lang));
      targets.push({ x: x + regionWidth / 2, y });
    });
    busRows.push({ busY: y - (BUS_GAP + 8) / 2, targets });
    y += Math.max(...row.map((b) => b.heightPx)) + BUS_GAP + 8;
  }
  if (multi) parts.push(fanOut({ x: widthPx / 2, y: 52 + GLOBAL_H }, busRows, gridLeft - REGION_GAP / 2));
  const key = drawLegend(MARGIN, y, widthPx - 2 * MARGIN, lang);
  parts.push(key.svg);
  return svgDocument(widthPx, y + key.heightPx, parts, { class: 'diagram', 'data-pod-size': podSize, 'aria-label': title });
}
