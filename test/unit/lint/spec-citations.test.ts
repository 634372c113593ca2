import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './export-graph.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('"SPEC §n" in the code points at docs/spec.md', () => {
  it('every cited section exists', () => {
    const spec = readFileSync(join(ROOT, 'docs', 'spec.md'), 'utf8');
    const sections = new Set([...spec.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
    const missing = sourceFiles(ROOT, ['src-main', 'src-renderer', 'test']).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/SPEC §(\d+)/g)]
        .filter((m) => !sections.has(m[1]))
        .map((m) => `${relative(ROOT, file)}: SPEC §${m[1]}`),
    );
    expect(sections.size).toBeGreaterThanOrEqual(11);
    expect(missing).toEqual([]);
  });
});
