/**
 * Parses SVG markup made by our own exporter (escaped there) into an element to insert inline, as
 * defence in depth without trusting that: anything that could run or load (scripts, foreign
 * objects, event handlers, links) is removed. Inline SVG needs no img-src, so the CSP stays 'self'.
 */
export function parseSvg(markup: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.querySelector('parsererror')) return null;
  root.querySelectorAll('script, foreignObject, iframe, image, use').forEach((el) => el.remove());
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /href$/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}
