import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, unusedExports, type UnusedExport } from './export-graph.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Modules whose exports are read by tools rather than imported: configs and entry points. */
const ENTRY_POINTS = [
  /\.config\.(ts|mts|mjs)$/,
  /^build\.config\.mjs$/,
  /^eslint\.config\.mjs$/,
  /^src-main\/cli\/sizing\.mjs$/,
  /^test\/bench\/bench\.ts$/,
  /^test\/mutation\/ignorers\.mjs$/,
  /(^|\/)global-setup\.ts$/,
];

/**
 * Exports knowingly left unused while their authors finish them (entries "file: name", or a folder
 * or file for all its exports). Remove an entry once it is used or deleted: the test fails on a
 * stale entry too.
 */
const KNOWN: string[] = [];

describe('every export is imported somewhere else', () => {
  it('no export is used only in its own file, or not at all', () => {
    const files = sourceFiles(ROOT, [
      'src-main',
      'src-renderer',
      'test',
      'vite.config.ts',
      'vitest.config.ts',
      'playwright.config.ts',
      'stryker.config.mjs',
      'eslint.config.mjs',
      'build.config.mjs',
    ]);
    const unused = unusedExports(ROOT, files, (file) => ENTRY_POINTS.some((p) => p.test(relative(ROOT, file))));
    const isKnown = (k: string, u: UnusedExport) => (k.includes(': ') ? `${u.file}: ${u.name}` === k : u.file.startsWith(k));
    const found = unused.filter((u) => !KNOWN.some((k) => isKnown(k, u)));
    const lines = found.map((u) => `${u.file}: ${u.name} (${u.fix})`);
    expect(lines).toEqual([]);
    const stale = KNOWN.filter((k) => !unused.some((u) => isKnown(k, u)));
    expect(stale, 'fixed since: remove from KNOWN').toEqual([]);
  });
});
