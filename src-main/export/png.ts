import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, unpackedPath } from '../app-root.js';
import { FONT_FAMILY } from './svg.js';

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

interface FontPaths {
  regular: string;
  bold: string;
}

/**
 * The bundled fonts, from the app folder (sources, out/ bundles and the packaged app alike);
 * `fontsDir` overrides it.
 */
export function locateFonts(fontsDir?: string): FontPaths {
  const dir = fontsDir ?? unpackedPath(join(appRoot(), 'assets', 'fonts'));
  const paths = { regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) };
  if (!existsSync(paths.regular) || !existsSync(paths.bold)) {
    throw new Error(`fonts not found: expected ${FONT_FILES.regular} and ${FONT_FILES.bold} in ${dir}`);
  }
  return paths;
}

interface PngOptions {
  /** Output width; height follows the SVG's aspect ratio. Default: the SVG's own width. */
  widthPx?: number;
  fontsDir?: string;
}

/**
 * Rasterises an SVG made by the chart and diagram functions. System fonts are not loaded, so
 * the same SVG gives the same PNG on every machine.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fonts = locateFonts(options.fontsDir);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: options.widthPx ? { mode: 'width', value: Math.round(options.widthPx) } : { mode: 'original' },
    background: 'white',
    shapeRendering: 2,
    textRendering: 1,
  });
  return new Uint8Array(resvg.render().asPng());
}
