import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planScenario } from '../../../src-main/engine/index.js';
import { memoryChartSvg } from '../../../src-main/export/charts.js';
import { architectureDiagramSvg } from '../../../src-main/export/diagram.js';
import { locateFonts, svgToPng } from '../../../src-main/export/png.js';
import { svgDocument, svgSize, text } from '../../../src-main/export/svg.js';
import { decodePng, distinctColours, inkRatio } from './png-pixels.js';

const publicApi = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);

describe('svgToPng', () => {
  it('rasterises the diagram at its own size, in colour', () => {
    const svg = architectureDiagramSvg({ regions: [{ name: 'Public API', result: publicApi }], podSize: 3 }, 'en');
    const png = decodePng(svgToPng(svg));
    expect(png.width).toBe(Math.round(svgSize(svg).widthPx));
    expect(png.height).toBe(Math.round(svgSize(svg).heightPx));
    expect(distinctColours(png)).toBeGreaterThan(20);
    expect(inkRatio(png)).toBeGreaterThan(0.02);
  });

  it('scales to a requested width', () => {
    const svg = memoryChartSvg(publicApi, 'pt-BR');
    const png = decodePng(svgToPng(svg, { widthPx: 1440 }));
    expect(png.width).toBe(1440);
    expect(png.height).toBe(Math.round((1440 * svgSize(svg).heightPx) / svgSize(svg).widthPx));
  });

  it('draws text with the bundled font (png-fonts.test.ts checks that system fonts are not loaded)', () => {
    const blank = decodePng(svgToPng(svgDocument(300, 60, [])));
    const withText = decodePng(svgToPng(svgDocument(300, 60, [text(10, 40, 'Recomendações → 1.740', { sizePx: 24 })])));
    expect(inkRatio(blank)).toBe(0);
    expect(inkRatio(withText)).toBeGreaterThan(0.03);
  });

  it('gives the same bytes for the same SVG', () => {
    const svg = memoryChartSvg(publicApi, 'en');
    expect(Buffer.from(svgToPng(svg)).equals(Buffer.from(svgToPng(svg)))).toBe(true);
  });

  it('finds the fonts from the sources and refuses a folder without them', () => {
    expect(locateFonts().regular).toMatch(/assets[\\/]fonts[\\/]DejaVuSans\.ttf$/);
    expect(() => svgToPng(svgDocument(10, 10, []), { fontsDir: '/nonexistent' })).toThrow(/fonts not found/);
  });
});
