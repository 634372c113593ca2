import { Resvg } from '@resvg/resvg-js';
import { Window, type Document, type Element } from 'happy-dom';

export type { Document, Element };

/**
 * Parses an SVG strictly: resvg's XML parser rejects any malformed markup (an unescaped `&`
 * included, which happy-dom tolerates); happy-dom then gives a DOM to query.
 */
export function parseSvg(svg: string): Document {
  new Resvg(svg, { font: { loadSystemFonts: false } });
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`malformed SVG: ${error.textContent}`);
  if (doc.documentElement.nodeName.toLowerCase() !== 'svg') throw new Error('root element is not svg');
  return doc;
}

export const num = (el: Element, attribute: string): number => Number(el.getAttribute(attribute));

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const boxOf = (el: Element): Box => ({ x: num(el, 'x'), y: num(el, 'y'), width: num(el, 'width'), height: num(el, 'height') });

export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
