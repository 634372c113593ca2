import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FAMILY } from './svg.js';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export interface FontPaths {
  regular: string;
  bold: string;
}

/** Where this module lives: its URL under ESM (sources, out/cli bundles), __dirname in a CommonJS bundle. */
function moduleDir(): string | undefined {
  // esbuild leaves import.meta empty in CommonJS output, so url is undefined there.
  const url: string | undefined = import.meta.url;
  if (url) return dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : undefined;
}

/** The first directory at or above `start` that holds package.json and assets/fonts. */
function findFontsDirAbove(start: string): string | undefined {
  let dir = start;
  const { root } = parse(dir);
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, FONT_FILES.regular))) return candidate;
    if (dir === root) return undefined;
    dir = dirname(dir);
  }
}

/**
 * The bundled fonts. The same code runs from TypeScript sources (vitest) and from bundles in
 * out/, so the repository root is found by walking up from this module, then from the working
 * directory; `fontsDir` overrides both (a packaged app passes its resources folder).
 */
export function locateFonts(fontsDir?: string): FontPaths {
  const starts = [moduleDir(), process.cwd()].filter((d): d is string => d !== undefined);
  const dir = fontsDir ?? starts.map(findFontsDirAbove).find((d) => d !== undefined);
  const paths = dir && { regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) };
  if (!paths || !existsSync(paths.regular) || !existsSync(paths.bold)) {
    throw new Error(`fonts not found: expected ${FONT_FILES.regular} and ${FONT_FILES.bold} in ${fontsDir ?? 'assets/fonts above ' + starts.join(' or ')}`);
  }
  return paths;
}

export interface PngOptions {
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
