/**
 * Small helpers shared by the SVG charts and the architecture diagram. The SVG uses presentation
 * attributes only (no CSS): svg-to-pdfkit and resvg both honour them, and the output is
 * the same in a PDF, a PNG and a browser.
 */

/** The font bundled in assets/fonts; the PNG and PDF renderers register it under this name. */
export const FONT_FAMILY = 'DejaVu Sans';

export const COLORS = {
  text: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  axis: '#7b8794',
  background: '#ffffff',
  primary: '#2f6db5',
  primaryLight: '#e3eefa',
  accent: '#c0504d',
  accentLight: '#f6d5d4',
  reserved: '#9aa5b1',
  overhead: '#f0a04b',
  kvFree: '#a9d18e',
  spareFill: '#fff4d6',
  spareStroke: '#b7791f',
  podFill: '#f5f7fa',
  balancerFill: '#e8f5e9',
  balancerStroke: '#2e7d32',
  storageFill: '#f3e8fd',
  storageStroke: '#7b3fb5',
  alert: '#d62728',
  infeasibleFill: '#f0f0f0',
} as const;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text and attribute values come from users (scenario and region names): always escape. */
function escapeXml(text: string): string {
  // Control characters other than tab and newline are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

type Attributes = Record<string, string | number | undefined>;

/** Rounds coordinates to 0.1 px: smaller files, no visible difference. */
function attributeValue(value: string | number): string {
  return typeof value === 'number' ? String(Math.round(value * 10) / 10) : escapeXml(value);
}

export function element(tag: string, attributes: Attributes, children: string | string[] = ''): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${attributeValue(v!)}"`)
    .join('');
  const body = Array.isArray(children) ? children.join('') : children;
  return body === '' ? `<${tag}${attrs}/>` : `<${tag}${attrs}>${body}</${tag}>`;
}

interface TextStyle {
  sizePx?: number;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  /** Extra attributes such as class or transform. */
  attributes?: Attributes;
}

/** One line of text; `y` is the baseline. */
export function text(x: number, y: number, content: string, style: TextStyle = {}): string {
  return element(
    'text',
    {
      x,
      y,
      'font-size': style.sizePx ?? 12,
      'font-weight': style.bold ? 'bold' : undefined,
      'text-anchor': style.anchor && style.anchor !== 'start' ? style.anchor : undefined,
      fill: style.fill ?? COLORS.text,
      ...style.attributes,
    },
    escapeXml(content),
  );
}

export function rect(x: number, y: number, width: number, height: number, attributes: Attributes = {}): string {
  return element('rect', { x, y, width: Math.max(0, width), height: Math.max(0, height), ...attributes });
}

export function line(x1: number, y1: number, x2: number, y2: number, attributes: Attributes = {}): string {
  return element('line', { x1, y1, x2, y2, stroke: COLORS.axis, ...attributes });
}

/** A complete standalone SVG document with a white background and the bundled font. */
export function svgDocument(widthPx: number, heightPx: number, body: string[], attributes: Attributes = {}): string {
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: widthPx,
      height: heightPx,
      viewBox: `0 0 ${Math.round(widthPx * 10) / 10} ${Math.round(heightPx * 10) / 10}`,
      'font-family': FONT_FAMILY,
      ...attributes,
    },
    [rect(0, 0, widthPx, heightPx, { fill: COLORS.background }), ...body],
  );
}

/** Width and height of an SVG made by svgDocument, read back from its viewBox. */
export function svgSize(svg: string): { widthPx: number; heightPx: number } {
  const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!match) throw new Error('SVG has no viewBox');
  return { widthPx: Number(match[1]), heightPx: Number(match[2]) };
}

/**
 * Approximate advance width of DejaVu Sans text (per character class, in em), slightly
 * generous so that text measured to fit does fit. Good enough for layout; no font I/O.
 */
export function textWidthPx(content: string, sizePx: number, bold = false): number {
  let em = 0;
  for (const c of content) {
    if (" ilI.,:;|!'ijlft()[]".includes(c)) em += 0.36;
    else if ('mwMW@%'.includes(c)) em += 0.95;
    else if (/[A-Z0-9]/.test(c)) em += 0.7;
    else em += 0.62;
  }
  return em * sizePx * (bold ? 1.1 : 1);
}

/** The text, cut with an ellipsis when it would be wider than maxWidthPx. */
export function fitText(content: string, maxWidthPx: number, sizePx: number, bold = false): string {
  if (textWidthPx(content, sizePx, bold) <= maxWidthPx) return content;
  const chars = [...content];
  while (chars.length > 0 && textWidthPx(`${chars.join('')}…`, sizePx, bold) > maxWidthPx) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Greedy word wrap into lines no wider than maxWidthPx (a single over-long word is cut). */
export function wrapText(content: string, maxWidthPx: number, sizePx: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidthPx(candidate, sizePx, bold) <= maxWidthPx || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => fitText(l, maxWidthPx, sizePx, bold));
}

/** Several wrapped lines starting with the first baseline at y. */
export function textBlock(x: number, y: number, lines: string[], style: TextStyle & { lineHeightPx?: number } = {}): string {
  const step = style.lineHeightPx ?? (style.sizePx ?? 12) * 1.35;
  return lines.map((l, i) => text(x, y + i * step, l, style)).join('');
}

/** A legend entry: a small symbol (drawn centred on y) followed by its text. */
interface KeyEntry {
  symbol: (x: number, yMiddle: number) => string;
  text: string;
}

/**
 * Legend entries flowed left to right, wrapping into rows within maxWidthPx; `y` is the middle
 * of the first row. Returns the markup and the height it takes.
 */
export function flowLegend(
  entries: KeyEntry[],
  x: number,
  y: number,
  maxWidthPx: number,
  rowHeightPx = 20,
): { svg: string; heightPx: number } {
  const symbolPx = 26;
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const entry of entries) {
    const content = fitText(entry.text, maxWidthPx - symbolPx, 12);
    const widthPx = symbolPx + textWidthPx(content, 12) + 18;
    if (cx > x && cx + widthPx > x + maxWidthPx) {
      cx = x;
      cy += rowHeightPx;
    }
    parts.push(entry.symbol(cx, cy), text(cx + symbolPx, cy + 4, content));
    cx += widthPx;
  }
  return { svg: element('g', { class: 'legend' }, parts), heightPx: cy - y + rowHeightPx };
}

/** Round tick values covering [min, max]: steps of 1, 2, 2.5 or 5 × 10^k, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5, integerOnly = false): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step0 = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const step = integerOnly ? Math.max(1, Math.ceil(step0)) : step0;
  const ticks: number[] = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  // `|| 0` turns -0 (from ceil of a tiny negative) into 0, which would otherwise print as "-0".
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step || 0);
  return ticks;
}

/** The upper end of an axis: the smallest nice tick at or above value. */
export function niceCeil(value: number, count = 5, integerOnly = false): number {
  if (value <= 0) return 1;
  const ticks = niceTicks(0, value, count, integerOnly);
  const last = ticks.at(-1)!;
  if (last >= value) return last;
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : value;
  return last + step;
}

/** Maps a domain interval onto a pixel interval. */
export function linearScale(domainMin: number, domainMax: number, pixelMin: number, pixelMax: number): (v: number) => number {
  const span = domainMax - domainMin || 1;
  return (v) => pixelMin + ((v - domainMin) / span) * (pixelMax - pixelMin);
}
