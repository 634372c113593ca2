import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFonts, svgToPng } from '../../../src-main/export/png.js';
import { element, svgDocument } from '../../../src-main/export/svg.js';

/**
 * A PNG must look the same on every machine, so the renderer loads only the bundled fonts. To see
 * whether system fonts are loaded, this test installs a "system" font of its own in a temporary
 * home folder (~/.fonts, where font lookup searches on Linux): a copy of the bundled bold face
 * renamed to a family no machine has. Text asking for that family must fall back to the bundled
 * regular face; if system fonts were loaded, it would come out bold.
 */
const SYSTEM_ONLY_FAMILY = 'Planner Xyz'; // as long as 'DejaVu Sans', so the font's tables keep their offsets

function renameFamily(font: Buffer, from: string, to: string): Buffer {
  const copy = Buffer.from(font);
  // Font names are stored both as Latin-1 (Macintosh records) and UTF-16BE (Windows records).
  for (const [a, b] of [
    [Buffer.from(from, 'latin1'), Buffer.from(to, 'latin1')],
    [Buffer.from(from, 'utf16le').swap16(), Buffer.from(to, 'utf16le').swap16()],
  ] as const) {
    for (let at = copy.indexOf(a); at >= 0; at = copy.indexOf(a, at + b.length)) b.copy(copy, at);
  }
  return copy;
}

const line = (family: string) =>
  svgDocument(320, 60, [element('text', { x: 10, y: 40, 'font-family': family, 'font-size': 24 }, 'Recomendações 1.740')]);

let home = '';
const savedHome = process.env.HOME;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'sizing-fonts-'));
  mkdirSync(join(home, '.fonts'));
  const bold = readFileSync(locateFonts().bold);
  writeFileSync(join(home, '.fonts', 'planner-xyz.ttf'), renameFamily(bold, 'DejaVu Sans', SYSTEM_ONLY_FAMILY));
  process.env.HOME = home;
});

afterAll(() => {
  process.env.HOME = savedHome;
  rmSync(home, { recursive: true, force: true });
});

describe('svgToPng never loads system fonts', () => {
  it('draws a family only the system has in the bundled regular face', () => {
    const bundled = Buffer.from(svgToPng(line('DejaVu Sans')));
    const systemOnly = Buffer.from(svgToPng(line(SYSTEM_ONLY_FAMILY)));
    expect(systemOnly.equals(bundled)).toBe(true);
  });

  it('(control) the planted font is found when system fonts are loaded, so the check above can fail', () => {
    const fonts = locateFonts();
    const withSystemFonts = new Resvg(line(SYSTEM_ONLY_FAMILY), {
      font: { loadSystemFonts: true, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: 'DejaVu Sans' },
      background: 'white',
    });
    expect(Buffer.from(withSystemFonts.render().asPng()).equals(Buffer.from(svgToPng(line('DejaVu Sans'))))).toBe(false);
  });
});
