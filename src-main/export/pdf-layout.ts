/**
 * The PDF layout writer: pages, headings, paragraphs, tables that never split a row, grids whose
 * header repeats on every page, charts and diagrams drawn from SVG, page numbers. It knows nothing
 * of sizing; pdf.ts writes the report's content with it. The bundled DejaVu font is embedded so
 * accents and symbols (→ – ≥ ÷) render everywhere.
 */
import PDFDocument from 'pdfkit';
// @ts-expect-error svg-to-pdfkit ships no type declarations; SvgToPdf below is the signature its README documents.
import svgToPdfUntyped from 'svg-to-pdfkit';
import type { Lang, Recommendation } from '../engine/index.js';
import { label, type LabelKey } from '../i18n/labels.js';
import { formatNumber } from '../engine/index.js';
import { locateFonts } from './png.js';
import { svgSize } from './svg.js';

interface SvgToPdfOptions {
  width?: number;
  height?: number;
  preserveAspectRatio?: string;
  fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
  warningCallback?: (message: string) => void;
}
type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions) => void;

const SVGtoPDF = svgToPdfUntyped as SvgToPdf;

export const FONT = 'DejaVu';
export const FONT_BOLD = 'DejaVu-Bold';
const MARGIN = 50;
export const SEVERITY_COLORS: Record<Recommendation['severity'], string> = { critical: '#d62728', warning: '#b7791f', info: '#2f6db5' };
const SEVERITY_LABELS: Record<Recommendation['severity'], LabelKey> = {
  critical: 'severityCritical',
  warning: 'severityWarning',
  info: 'severityInfo',
};
export const MUTED = '#52606d';
export const TEXT = '#1f2933';
const RULE = '#d9dee3';
const ZEBRA = '#f3f5f7';
const HEADER_SHADE = '#e4e7eb';

export type Row = [name: string, value: string, note?: string];

/** Builds the report on one pdfkit document; each method writes one kind of block at doc.y. */
export class ReportWriter {
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

  get bottomLimit(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout, margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN } });
  }

  /** Points left above the bottom margin of the current page. */
  remainingPt(): number {
    return this.bottomLimit - this.doc.y;
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
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.contentWidth, y)
        .lineWidth(1)
        .strokeColor(RULE)
        .stroke();
    }
    this.doc.moveDown(0.5);
  }

  /** A bold line that introduces the block under it, kept on the same page as that block's first lines. */
  subheading(content: string): void {
    this.ensureSpace(48);
    this.doc.moveDown(0.3);
    this.doc.font(FONT_BOLD).fontSize(11.5).fillColor(TEXT).text(content, this.left, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.3);
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
      this.doc
        .fillColor(TEXT)
        .text('•', this.left, y)
        .text(item, this.left + 14, y, { width });
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
      this.doc
        .font(FONT)
        .fillColor(MUTED)
        .text(name, this.left + pad, y + pad, { width: nameW - 2 * pad });
      this.doc
        .font(valueFont)
        .fillColor(TEXT)
        .text(value, this.left + nameW + pad, y + pad, { width: (note ? valueW : valueW + noteW) - 2 * pad });
      if (note)
        this.doc
          .font(FONT)
          .fillColor(MUTED)
          .text(note, this.left + nameW + valueW + pad, y + pad, { width: noteW - 2 * pad });
      this.doc.x = this.left;
      this.doc.y = y + rowH;
    });
    this.doc.moveDown(0.6);
  }

  /** A grid with a header row, repeated at the top of every page the grid continues on. */
  grid(header: string[], rows: string[][], weights: number[]): void {
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * this.contentWidth);
    const pad = 4;
    const heightOf = (cells: string[], bold: boolean) => {
      this.doc.font(bold ? FONT_BOLD : FONT).fontSize(9);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const draw = (cells: string[], bold: boolean, shade: string | null) => {
      const rowH = heightOf(cells, bold);
      const y = this.doc.y;
      if (shade) this.doc.rect(this.left, y, this.contentWidth, rowH).fill(shade);
      this.doc.font(bold ? FONT_BOLD : FONT).fontSize(9);
      let x = this.left;
      cells.forEach((c, i) => {
        this.doc.fillColor(TEXT).text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
        x += widths[i]!;
      });
      this.doc.x = this.left;
      this.doc.y = y + rowH;
    };
    const drawHeader = () => draw(header, true, HEADER_SHADE);
    // The header never sits alone at the foot of a page: it needs room for one row under it.
    this.ensureSpace(heightOf(header, true) + (rows[0] ? heightOf(rows[0], false) : 0));
    drawHeader();
    rows.forEach((r, i) => {
      if (this.doc.y + heightOf(r, false) > this.bottomLimit) {
        this.newPage();
        drawHeader();
      }
      draw(r, false, i % 2 === 1 ? ZEBRA : null);
    });
    this.doc.moveDown(0.6);
  }

  /** Two SVGs side by side at half the content width each (page one's charts). */
  svgPair(left: string, right: string): void {
    const gap = 12;
    const widthPt = (this.contentWidth - gap) / 2;
    const heights = [left, right].map((svg) => {
      const { widthPx, heightPx } = svgSize(svg);
      return (widthPt * heightPx) / widthPx;
    });
    this.ensureSpace(Math.max(...heights) + 8);
    const y = this.doc.y;
    [left, right].forEach((svg, i) => {
      SVGtoPDF(this.doc, svg, this.left + i * (widthPt + gap), y, {
        width: widthPt,
        height: heights[i]!,
        preserveAspectRatio: 'xMidYMid meet',
        fontCallback: (_family, bold) => (bold ? FONT_BOLD : FONT),
        warningCallback: () => undefined,
      });
    });
    this.doc.x = this.left;
    this.doc.y = y + Math.max(...heights) + 10;
  }

  /** Height an SVG takes at full content width. */
  svgHeightPt(svg: string): number {
    const { widthPx, heightPx } = svgSize(svg);
    return (this.contentWidth * heightPx) / widthPx;
  }

  /** An SVG chart or diagram at full content width, or smaller to fit the page (or what is left of it). */
  svg(svg: string, options: { fitRemainingPage?: boolean; maxHeightPt?: number } = {}): void {
    const { widthPx, heightPx } = svgSize(svg);
    const pageRoom = options.fitRemainingPage ? this.bottomLimit - this.doc.y - 8 : this.bottomLimit - this.doc.page.margins.top - 8;
    const maxHeightPt = Math.min(pageRoom, options.maxHeightPt ?? Infinity);
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
    this.doc
      .font(FONT_BOLD)
      .fontSize(8.5)
      .fillColor('#ffffff')
      .text(this.L(SEVERITY_LABELS[r.severity]), this.left, y + 2.5, { width: tagW, align: 'center' });
    this.doc
      .font(FONT)
      .fontSize(9.5)
      .fillColor(TEXT)
      .text(r.message[this.lang], this.left + tagW + 8, y + 1, { width });
    this.doc.x = this.left;
    this.doc.y = Math.max(this.doc.y, y + 16) + 6;
  }
}

/** A new A4 report document with the bundled fonts, reproducible for the same date. */
export function newReportDocument(options: {
  lang: Lang;
  title: string;
  subject: string;
  date: Date;
  fontsDir?: string;
}): PDFKit.PDFDocument {
  const fonts = locateFonts(options.fontsDir);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: options.lang,
    displayTitle: true,
    // A fixed creation date makes the file (and pdfkit's file ID, derived from it) reproducible.
    info: { Title: options.title, Subject: options.subject, CreationDate: options.date, ModDate: options.date },
  });
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  return doc;
}

/** Page X of Y in every footer, and a running header on every page after the first. */
export function decoratePages(w: ReportWriter, runningHeader: string): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would make pdfkit start a new page: lift the margin while writing.
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    const footerY = doc.page.height - MARGIN + 8;
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(w.L('pageOf', { page: formatNumber(i + 1, w.lang), pages: formatNumber(range.count, w.lang) }), MARGIN, footerY, {
      width,
      align: 'right',
      lineBreak: false,
    });
    if (i > range.start) doc.text(runningHeader, MARGIN, MARGIN - 22, { width: width - 80, lineBreak: false, ellipsis: true, height: 10 });
    doc.page.margins.bottom = bottom;
  }
}

export function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}
