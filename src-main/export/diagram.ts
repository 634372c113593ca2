/**
 * Architecture diagram (SPEC §6): per region a load balancer in front of pods of nodes and a
 * storage pool beneath; with several regions, a global entry point above them. Elements carry
 * stable classes and data attributes (rect.node[data-spare][data-pod], g.pod, g.region) so
 * tests and the UI can count and select them.
 *
 * Layout: the drawing aims at TARGET_WIDTH_PX, the width the app's diagram panel shows at 100%
 * in a 1280-pixel window, so labels read at their own size there. Regions sit in a grid of two
 * columns (one when a region is too wide for half the width) that grows downwards; the global
 * entry point feeds them through a trunk in the gap between the columns (or in the left margin
 * for one column) and a bus above each row, so no connector crosses a box.
 *
 * An engine-method plan draws each node's replicas: one row per replica, labelled "Replica 1 · TP4"
 * beside its TP GPUs, so a node of 8 GPUs shows from 1 replica × TP8 to 8 replicas × TP1. Its
 * nodes are wider and as tall as the most replicas any region runs.
 */
import { formatNumber, type Lang, type SizingResult } from '../engine/index.js';
import { formatHa } from '../i18n/cases.js';
import { countLabel, label } from '../i18n/labels.js';
import { COLORS, element, fitText, flowLegend, line, rect, svgDocument, text, textBlock, textWidthPx, wrapText } from './svg.js';

interface DiagramInput {
  regions: { name: string; result: SizingResult }[];
  /** Nodes per pod; default 3. */
  podSize: number;
  title?: string;
}

/** The width the app's diagram panel shows at 100% zoom (1280-pixel window): the layout aims for it. */
export const TARGET_WIDTH_PX = 816;
/** PNG exports are rendered at twice the drawing's size, so every label stays legible when zoomed. */
export const DIAGRAM_PNG_SCALE = 2;

const MARGIN_PX = 20;
const TITLE_BASELINE_PX = 32;
const NODE_WIDTH_PX = 104;
const NODE_HEIGHT_PX = 54;
const NODE_GAP_PX = 6;
/** Nodes of an engine-method plan: wide enough for a replica's label and up to 8 GPUs beside it. */
const ENGINE_NODE_WIDTH_PX = 160;
/** Server name and sessions above the replica rows. */
const ENGINE_NODE_HEADER_PX = 36;
const REPLICA_ROW_PX = 16;
/** Under the replica rows: the spare tag, or the same room left empty so every node is one size. */
const ENGINE_NODE_FOOTER_PX = 20;
/** The largest GPU square in a replica row; more GPUs get smaller squares. */
const GPU_CELL_MAX_PX = 8;
const REPLICA_LABEL_SIZE_PX = 10;
/** Wider pods wrap their nodes into rows of this many. */
const MAX_POD_COLUMNS = 4;
const POD_HEADER_PX = 20;
const POD_GAP_PX = 16;
/** Room between pod rows (and above the first) for the connector bus. */
const BUS_GAP_PX = 28;
const REGION_PAD_PX = 16;
const REGION_HEADER_PX = 50;
/** Between region columns, and (with BUS_GAP_PX) between region rows. */
const REGION_GAP_PX = 20;
const MIN_REGION_INNER_WIDTH_PX = 268;
const LB_WIDTH_PX = 200;
const LB_HEIGHT_PX = 36;
const STORAGE_HEIGHT_PX = 46;
const STORAGE_GAP_PX = 20;
const GLOBAL_WIDTH_PX = 300;
const GLOBAL_HEIGHT_PX = 50;
const INFEASIBLE_LINE_PX = 15;
const CONNECTOR = { stroke: COLORS.muted, 'stroke-width': 1.5 };

interface Point {
  x: number;
  y: number;
}

interface NodeGeometry {
  widthPx: number;
  heightPx: number;
}

interface PodGeometry {
  columns: number;
  widthPx: number;
  heightPx: number;
  node: NodeGeometry;
}

/** Replicas per node drawn in a region's nodes: the engine method's, none for the pooled method. */
const replicasDrawn = (result: SizingResult) => (result.engine && result.nodes ? result.engine.replicasPerNode : 0);

/** One size for every node of the diagram: the pooled box, or tall enough for the most replicas drawn. */
function nodeGeometry(results: SizingResult[]): NodeGeometry {
  const replicas = Math.max(...results.map(replicasDrawn));
  if (replicas === 0) return { widthPx: NODE_WIDTH_PX, heightPx: NODE_HEIGHT_PX };
  return { widthPx: ENGINE_NODE_WIDTH_PX, heightPx: ENGINE_NODE_HEADER_PX + replicas * REPLICA_ROW_PX + ENGINE_NODE_FOOTER_PX };
}

/**
 * Nodes per pod row: up to MAX_POD_COLUMNS; the wider nodes of an engine-method plan with several
 * regions wrap sooner, so a pod still fits half the width and regions stay two to a row.
 */
function podColumns(podSize: number, node: NodeGeometry, regionCount: number): number {
  if (regionCount < 2 || node.widthPx === NODE_WIDTH_PX) return Math.min(podSize, MAX_POD_COLUMNS);
  const halfInnerPx = (TARGET_WIDTH_PX - 2 * MARGIN_PX - REGION_GAP_PX) / 2 - 2 * REGION_PAD_PX;
  const fitting = Math.max(1, Math.floor((halfInnerPx - NODE_GAP_PX) / (node.widthPx + NODE_GAP_PX)));
  return Math.min(podSize, MAX_POD_COLUMNS, fitting);
}

function podGeometry(podSize: number, node: NodeGeometry, regionCount: number): PodGeometry {
  const columns = podColumns(podSize, node, regionCount);
  const rows = Math.ceil(podSize / columns);
  return {
    columns,
    widthPx: columns * node.widthPx + (columns + 1) * NODE_GAP_PX,
    heightPx: POD_HEADER_PX + rows * (node.heightPx + NODE_GAP_PX),
    node,
  };
}

const podCount = (result: SizingResult, podSize: number) => (result.nodes ? Math.ceil(result.nodes.total / podSize) : 0);

/** How the regions share the width: columns, one region's width and how many pods sit side by side in it. */
interface Grid {
  columns: 1 | 2;
  regionWidthPx: number;
  podsPerRow: number;
  widthPx: number;
}

function gridFor(regionCount: number, maxPods: number, pod: PodGeometry): Grid {
  const minInnerPx = Math.max(pod.widthPx, LB_WIDTH_PX + 40, MIN_REGION_INNER_WIDTH_PX);
  const halfPx = (TARGET_WIDTH_PX - 2 * MARGIN_PX - REGION_GAP_PX) / 2;
  const columns = regionCount > 1 && minInnerPx + 2 * REGION_PAD_PX <= halfPx ? 2 : 1;
  const regionWidthPx = Math.max(columns === 2 ? halfPx : TARGET_WIDTH_PX - 2 * MARGIN_PX, minInnerPx + 2 * REGION_PAD_PX);
  const innerPx = regionWidthPx - 2 * REGION_PAD_PX;
  const podsPerRow = Math.max(1, Math.min(Math.max(1, maxPods), Math.floor((innerPx + POD_GAP_PX) / (pod.widthPx + POD_GAP_PX))));
  return { columns, regionWidthPx, podsPerRow, widthPx: columns * regionWidthPx + (columns - 1) * REGION_GAP_PX + 2 * MARGIN_PX };
}

/**
 * Lines from a source down to targets laid out in rows: a horizontal bus above each row, joined by
 * a vertical trunk at trunkX, which must run where no box is (a gutter or the gap between columns).
 */
function fanOut(source: Point, rows: { busY: number; targets: Point[] }[], trunkX: number): string {
  if (rows.length === 0) return '';
  const parts = [line(source.x, source.y, source.x, rows[0]!.busY, CONNECTOR)];
  rows.forEach((row, i) => {
    const xs = row.targets.map((t) => t.x);
    if (i === 0) xs.push(source.x);
    if (rows.length > 1) xs.push(trunkX);
    parts.push(line(Math.min(...xs), row.busY, Math.max(...xs), row.busY, CONNECTOR));
    for (const t of row.targets) parts.push(line(t.x, row.busY, t.x, t.y, CONNECTOR));
  });
  if (rows.length > 1) parts.push(line(trunkX, rows[0]!.busY, trunkX, rows.at(-1)!.busY, CONNECTOR));
  return parts.join('');
}

interface RegionBox {
  name: string;
  result: SizingResult;
  widthPx: number;
  heightPx: number;
}

/** What every region is drawn with: the language, the pod size and its geometry, pods per row. */
interface DrawContext {
  lang: Lang;
  podSize: number;
  pod: PodGeometry;
  podsPerRow: number;
}

function infeasibleLines(result: SizingResult, innerWidthPx: number, lang: Lang): string[] {
  return wrapText(result.infeasibility?.message[lang] ?? '', innerWidthPx - 20, 11);
}

/** The inner height taken by the pods, or by the infeasibility message instead of them. */
function regionBodyHeight(result: SizingResult, innerWidthPx: number, ctx: DrawContext): number {
  if (!result.nodes) return BUS_GAP_PX + 28 + infeasibleLines(result, innerWidthPx, ctx.lang).length * INFEASIBLE_LINE_PX;
  const rows = Math.ceil(podCount(result, ctx.podSize) / ctx.podsPerRow);
  return rows * (BUS_GAP_PX + ctx.pod.heightPx);
}

function regionHeight(result: SizingResult, innerWidthPx: number, ctx: DrawContext): number {
  return REGION_HEADER_PX + LB_HEIGHT_PX + regionBodyHeight(result, innerWidthPx, ctx) + STORAGE_GAP_PX + STORAGE_HEIGHT_PX + REGION_PAD_PX;
}

interface NodeSpec {
  at: Point;
  node: NodeGeometry;
  result: SizingResult;
  spare: boolean;
  pod: number;
  lang: Lang;
}

function drawNode({ at, node, result, spare, pod, lang }: NodeSpec): string {
  const style = spare
    ? { fill: COLORS.spareFill, stroke: COLORS.spareStroke, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }
    : { fill: COLORS.primaryLight, stroke: COLORS.primary, 'stroke-width': 1.2 };
  const maxTextPx = node.widthPx - 10;
  const centreX = at.x + node.widthPx / 2;
  const sessions = countLabel(lang, 'sessionsCount', result.sessionsPerNode, formatNumber(result.sessionsPerNode, lang));
  const replicas = replicasDrawn(result);
  const parts = [
    rect(at.x, at.y, node.widthPx, node.heightPx, { ...style, rx: 4, class: 'node', 'data-spare': String(spare), 'data-pod': pod }),
    text(centreX, at.y + (replicas ? 15 : 17), fitText(result.server.name, maxTextPx, 11, true), {
      anchor: 'middle',
      sizePx: 11,
      bold: true,
    }),
    text(centreX, at.y + (replicas ? 29 : 32), fitText(sessions, maxTextPx, 10), { anchor: 'middle', sizePx: 10, fill: COLORS.muted }),
  ];
  for (let replica = 0; replica < replicas; replica++) {
    const rowAt = { x: at.x + 5, y: at.y + ENGINE_NODE_HEADER_PX + replica * REPLICA_ROW_PX };
    parts.push(drawReplica({ at: rowAt, widthPx: node.widthPx - 10, index: replica + 1, tp: result.engine!.tp, lang }));
  }
  if (spare) {
    const tag = label(lang, 'spareTag', { ha: formatHa(result.inputs.ha, lang) });
    const tagY = replicas ? at.y + ENGINE_NODE_HEADER_PX + replicas * REPLICA_ROW_PX + 11 : at.y + 46;
    parts.push(text(centreX, tagY, fitText(tag, maxTextPx, 10), { anchor: 'middle', sizePx: 10, bold: true, fill: COLORS.spareStroke }));
  }
  return parts.join('');
}

/** One replica of a node: a frame labelled "Replica 2 · TP4" with its TP GPUs drawn beside the label. */
function drawReplica({ at, widthPx, index, tp, lang }: { at: Point; widthPx: number; index: number; tp: number; lang: Lang }): string {
  const heightPx = REPLICA_ROW_PX - 3;
  const name = label(lang, 'replicaTag', { index, tp });
  const labelPx = Math.min(textWidthPx(name, REPLICA_LABEL_SIZE_PX), widthPx - 8);
  // The GPUs share what the label leaves, right-aligned, each a square with a one-pixel gap.
  const roomPx = widthPx - 8 - labelPx - 6;
  const cellPx = Math.max(2, Math.min(GPU_CELL_MAX_PX, Math.floor(roomPx / tp)));
  const gpus: string[] = [];
  for (let gpu = 0; gpu < tp; gpu++) {
    const x = at.x + widthPx - 4 - (tp - gpu) * cellPx;
    gpus.push(rect(x, at.y + (heightPx - (cellPx - 1)) / 2, cellPx - 1, cellPx - 1, { fill: COLORS.primary, class: 'gpu' }));
  }
  return element('g', { class: 'replica', 'data-replica': index, 'data-tp': tp }, [
    rect(at.x, at.y, widthPx, heightPx, { fill: COLORS.background, stroke: COLORS.primary, 'stroke-width': 0.8, rx: 3 }),
    text(at.x + 4, at.y + heightPx - 3, fitText(name, labelPx, REPLICA_LABEL_SIZE_PX), { sizePx: REPLICA_LABEL_SIZE_PX }),
    ...gpus,
  ]);
}

interface PodSpec {
  at: Point;
  /** 1-based, as labelled. */
  pod: number;
  /** Index of the pod's first node in the region. */
  firstNode: number;
  nodesInPod: number;
  /** The region's nodes from this index on are HA spares. */
  spareFrom: number;
  result: SizingResult;
}

/** One pod: a frame, its name, and its nodes (the region's last nodes are the HA spares). */
function drawPod(spec: PodSpec, ctx: DrawContext): string {
  const { at, pod, firstNode, nodesInPod, spareFrom, result } = spec;
  const parts = [
    rect(at.x, at.y, ctx.pod.widthPx, ctx.pod.heightPx, { fill: COLORS.podFill, stroke: COLORS.reserved, rx: 6 }),
    text(at.x + 8, at.y + 14, label(ctx.lang, 'podName', { index: pod }), { sizePx: 11, bold: true, fill: COLORS.muted }),
  ];
  for (let i = 0; i < nodesInPod; i++) {
    const node = ctx.pod.node;
    const nodeAt = {
      x: at.x + NODE_GAP_PX + (i % ctx.pod.columns) * (node.widthPx + NODE_GAP_PX),
      y: at.y + POD_HEADER_PX + Math.floor(i / ctx.pod.columns) * (node.heightPx + NODE_GAP_PX),
    };
    parts.push(drawNode({ at: nodeAt, node, result, spare: firstNode + i >= spareFrom, pod, lang: ctx.lang }));
  }
  return element('g', { class: 'pod', 'data-pod': pod }, parts);
}

/** A region's pods in rows under its load balancer, centred, each row fed by a bus. */
function drawPods(box: RegionBox, origin: Point, balancerBottom: Point, ctx: DrawContext): string {
  const nodes = box.result.nodes!;
  const pods = podCount(box.result, ctx.podSize);
  const innerWidthPx = box.widthPx - 2 * REGION_PAD_PX;
  const parts: string[] = [];
  const rows: { busY: number; targets: Point[] }[] = [];
  for (let pod = 0; pod < pods; pod++) {
    const row = Math.floor(pod / ctx.podsPerRow);
    const inRow = Math.min(ctx.podsPerRow, pods - row * ctx.podsPerRow);
    const rowWidthPx = inRow * ctx.pod.widthPx + (inRow - 1) * POD_GAP_PX;
    const at = {
      x: origin.x + REGION_PAD_PX + (innerWidthPx - rowWidthPx) / 2 + (pod % ctx.podsPerRow) * (ctx.pod.widthPx + POD_GAP_PX),
      y: origin.y + row * (BUS_GAP_PX + ctx.pod.heightPx) + BUS_GAP_PX,
    };
    rows[row] ??= { busY: at.y - BUS_GAP_PX / 2, targets: [] };
    rows[row].targets.push({ x: at.x + ctx.pod.widthPx / 2, y: at.y });
    const firstNode = pod * ctx.podSize;
    const spec = {
      at,
      pod: pod + 1,
      firstNode,
      nodesInPod: Math.min(ctx.podSize, nodes.total - firstNode),
      spareFrom: nodes.withHeadroom,
      result: box.result,
    };
    parts.push(drawPod(spec, ctx));
  }
  return fanOut(balancerBottom, rows, origin.x + REGION_PAD_PX / 2) + parts.join('');
}

function drawStorage(at: Point, widthPx: number, result: SizingResult, lang: Lang): string {
  const { x, y } = at;
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
    rect(x, y, widthPx, STORAGE_HEIGHT_PX, { fill: COLORS.storageFill, stroke: COLORS.storageStroke, rx: 6 }),
    ...icon,
    text(x + 42, y + 19, fitText(title, widthPx - 50, 12, true), { sizePx: 12, bold: true }),
    text(x + 42, y + 36, fitText(note, widthPx - 50, 11), { sizePx: 11, fill: COLORS.muted }),
  ]);
}

function regionSummary(result: SizingResult, lang: Lang): string {
  const nodes = result.nodes;
  if (!nodes) return label(lang, 'infeasibleShort');
  const n = (v: number) => formatNumber(v, lang);
  return label(lang, 'regionSummary', {
    nodes: countLabel(lang, 'nodesCount', nodes.total, n(nodes.total)),
    sessions: countLabel(lang, 'sessionsCount', result.inputs.concurrency, n(result.inputs.concurrency)),
  });
}

function drawRegion(box: RegionBox, origin: Point, ctx: DrawContext): string {
  const r = box.result;
  const { x, y } = origin;
  const innerWidthPx = box.widthPx - 2 * REGION_PAD_PX;
  const lbX = x + (box.widthPx - LB_WIDTH_PX) / 2;
  const lbY = y + REGION_HEADER_PX;
  const bodyTop = lbY + LB_HEIGHT_PX;
  const parts = [
    rect(x, y, box.widthPx, box.heightPx, { fill: COLORS.background, stroke: COLORS.axis, 'stroke-width': 1.5, rx: 8 }),
    text(x + REGION_PAD_PX, y + 22, fitText(box.name, innerWidthPx, 14, true), { sizePx: 14, bold: true }),
    text(x + REGION_PAD_PX, y + 39, fitText(regionSummary(r, ctx.lang), innerWidthPx, 11), {
      sizePx: 11,
      fill: r.nodes ? COLORS.muted : COLORS.alert,
    }),
    element('g', { class: 'load-balancer' }, [
      rect(lbX, lbY, LB_WIDTH_PX, LB_HEIGHT_PX, { fill: COLORS.balancerFill, stroke: COLORS.balancerStroke, 'stroke-width': 1.5, rx: 18 }),
      text(lbX + LB_WIDTH_PX / 2, lbY + 23, fitText(label(ctx.lang, 'loadBalancer'), LB_WIDTH_PX - 16, 12, true), {
        anchor: 'middle',
        sizePx: 12,
        bold: true,
      }),
    ]),
  ];
  if (r.nodes) parts.push(drawPods(box, { x, y: bodyTop }, { x: lbX + LB_WIDTH_PX / 2, y: lbY + LB_HEIGHT_PX }, ctx));
  else parts.push(drawInfeasible({ x: x + REGION_PAD_PX, y: bodyTop + BUS_GAP_PX }, innerWidthPx, r, ctx.lang));
  const storageY = y + box.heightPx - REGION_PAD_PX - STORAGE_HEIGHT_PX;
  parts.push(drawStorage({ x: x + REGION_PAD_PX, y: storageY }, innerWidthPx, r, ctx.lang));
  return element('g', { class: 'region', 'data-region': box.name, 'data-feasible': String(r.feasible) }, parts);
}

function drawInfeasible(at: Point, widthPx: number, result: SizingResult, lang: Lang): string {
  const lines = infeasibleLines(result, widthPx, lang);
  return element('g', { class: 'infeasible' }, [
    rect(at.x, at.y, widthPx, 28 + lines.length * INFEASIBLE_LINE_PX, { fill: COLORS.infeasibleFill, stroke: COLORS.alert, rx: 6 }),
    text(at.x + 10, at.y + 16, fitText(label(lang, 'infeasible'), widthPx - 20, 12, true), { sizePx: 12, bold: true, fill: COLORS.alert }),
    textBlock(at.x + 10, at.y + 32, lines, { sizePx: 11, lineHeightPx: INFEASIBLE_LINE_PX }),
  ]);
}

function drawGlobalEntry(centreX: number, y: number, lang: Lang): string {
  const x = centreX - GLOBAL_WIDTH_PX / 2;
  return element('g', { class: 'global-entry' }, [
    rect(x, y, GLOBAL_WIDTH_PX, GLOBAL_HEIGHT_PX, { fill: COLORS.accentLight, stroke: COLORS.accent, 'stroke-width': 1.5, rx: 8 }),
    text(centreX, y + 21, fitText(label(lang, 'globalEntry'), GLOBAL_WIDTH_PX - 16, 13, true), {
      anchor: 'middle',
      sizePx: 13,
      bold: true,
    }),
    text(centreX, y + 38, fitText(label(lang, 'globalEntryNote'), GLOBAL_WIDTH_PX - 16, 11), {
      anchor: 'middle',
      sizePx: 11,
      fill: COLORS.muted,
    }),
  ]);
}

function drawLegend({ at, maxWidthPx, lang, replicas }: { at: Point; maxWidthPx: number; lang: Lang; replicas: boolean }): {
  svg: string;
  heightPx: number;
} {
  const replicaItems = replicas
    ? [
        { text: label(lang, 'legendReplica'), box: { fill: COLORS.background, stroke: COLORS.primary } },
        { text: label(lang, 'legendGpu'), box: { fill: COLORS.primary, stroke: COLORS.primary } },
      ]
    : [];
  const items = [
    { text: label(lang, 'legendNode'), box: { fill: COLORS.primaryLight, stroke: COLORS.primary } },
    ...replicaItems,
    { text: label(lang, 'legendSpareNode'), box: { fill: COLORS.spareFill, stroke: COLORS.spareStroke, 'stroke-dasharray': '4 2' } },
    { text: label(lang, 'legendPod'), box: { fill: COLORS.podFill, stroke: COLORS.reserved } },
    { text: label(lang, 'loadBalancer'), box: { fill: COLORS.balancerFill, stroke: COLORS.balancerStroke } },
    { text: label(lang, 'storage'), box: { fill: COLORS.storageFill, stroke: COLORS.storageStroke } },
  ];
  const entries = items.map((item) => ({
    text: item.text,
    symbol: (sx: number, sy: number) => rect(sx, sy - 7, 20, 14, { ...item.box, 'stroke-width': 1.5, rx: 2 }),
  }));
  return flowLegend(entries, at.x, at.y, maxWidthPx, 22);
}

function defaultTitle(input: DiagramInput, lang: Lang): string {
  const count = (key: 'nodesCount' | 'regionsCount', n: number) => countLabel(lang, key, n, formatNumber(n, lang));
  const totalNodes = input.regions.reduce((sum, r) => sum + (r.result.nodes?.total ?? 0), 0);
  const infeasible = input.regions.filter((r) => !r.result.nodes).length;
  const params = {
    nodes: count('nodesCount', totalNodes),
    regions: count('regionsCount', input.regions.length),
    infeasible: count('regionsCount', infeasible),
  };
  return label(lang, infeasible > 0 ? 'architectureTitleInfeasible' : 'architectureTitle', params);
}

/** Regions placed row by row in the grid (a short last row centred), and the bus above each row. */
function placeRegions(
  boxes: RegionBox[],
  grid: Grid,
  top: number,
): { placed: { box: RegionBox; at: Point }[]; rows: { busY: number; targets: Point[] }[]; bottom: number } {
  const placed: { box: RegionBox; at: Point }[] = [];
  const rows: { busY: number; targets: Point[] }[] = [];
  let y = top;
  for (let first = 0; first < boxes.length; first += grid.columns) {
    const row = boxes.slice(first, first + grid.columns);
    const rowWidthPx = row.length * grid.regionWidthPx + (row.length - 1) * REGION_GAP_PX;
    const left = (grid.widthPx - rowWidthPx) / 2;
    const targets = row.map((box, i) => {
      const at = { x: left + i * (grid.regionWidthPx + REGION_GAP_PX), y };
      placed.push({ box, at });
      return { x: at.x + grid.regionWidthPx / 2, y };
    });
    rows.push({ busY: y - BUS_GAP_PX / 2, targets });
    y += Math.max(...row.map((b) => b.heightPx)) + REGION_GAP_PX + BUS_GAP_PX;
  }
  return { placed, rows, bottom: y - BUS_GAP_PX };
}

/** The architecture of a plan as a standalone SVG; one region or several under a global entry point. */
export function architectureDiagramSvg(input: DiagramInput, lang: Lang): string {
  const podSize = Number.isInteger(input.podSize) && input.podSize >= 1 ? input.podSize : 3;
  if (input.regions.length === 0) throw new Error('architecture diagram needs at least one region');
  const pod = podGeometry(podSize, nodeGeometry(input.regions.map((r) => r.result)), input.regions.length);
  const maxPods = Math.max(...input.regions.map((r) => podCount(r.result, podSize)));
  const grid = gridFor(input.regions.length, maxPods, pod);
  const ctx: DrawContext = { lang, podSize, pod, podsPerRow: grid.podsPerRow };
  const innerWidthPx = grid.regionWidthPx - 2 * REGION_PAD_PX;
  const boxes = input.regions.map((r) => ({ ...r, widthPx: grid.regionWidthPx, heightPx: regionHeight(r.result, innerWidthPx, ctx) }));
  const title = input.title ?? defaultTitle(input, lang);
  const parts = [text(MARGIN_PX, TITLE_BASELINE_PX, fitText(title, grid.widthPx - 2 * MARGIN_PX, 17, true), { sizePx: 17, bold: true })];
  const multi = boxes.length > 1;
  const globalY = TITLE_BASELINE_PX + 20;
  const regionsTop = multi ? globalY + GLOBAL_HEIGHT_PX + BUS_GAP_PX + 8 : globalY;
  const layout = placeRegions(boxes, grid, regionsTop);
  if (multi) {
    const centreX = grid.widthPx / 2;
    parts.push(drawGlobalEntry(centreX, globalY, lang));
    // Two columns leave a gap under the entry point for the trunk; one column uses the left margin.
    const trunkX = grid.columns === 2 ? centreX : MARGIN_PX / 2;
    parts.push(fanOut({ x: centreX, y: globalY + GLOBAL_HEIGHT_PX }, layout.rows, trunkX));
  }
  for (const { box, at } of layout.placed) parts.push(drawRegion(box, at, ctx));
  const replicas = input.regions.some((r) => replicasDrawn(r.result) > 0);
  const key = drawLegend({ at: { x: MARGIN_PX, y: layout.bottom + 4 }, maxWidthPx: grid.widthPx - 2 * MARGIN_PX, lang, replicas });
  parts.push(key.svg);
  return svgDocument(grid.widthPx, layout.bottom + 4 + key.heightPx, parts, {
    class: 'diagram',
    'data-pod-size': podSize,
    'aria-label': title,
  });
}
