import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES } from '../../src-main/engine/index.js';
import { openStore } from '../../src-main/store/index.js';
import { applyImport, parseProjectFile, planImport } from '../../src-main/store/project-file.js';

const ms = (start: bigint) => Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;

/**
 * Importing a large project file (a base scenario and 60,000 variants, about 43 MB): the time to
 * parse and check it, which holds no lock, and the time the write transaction holds the database.
 */
export async function importBenchmarks(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sizing-import-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    const inputs = TEMPLATES[0]!.inputs;
    const scenarios = [{ key: 'base', name: 'Base', notes: '', variantOf: null, inputs, regions: [] }];
    for (let i = 1; i <= 60_000; i++)
      scenarios.push({
        key: `v${i}`,
        name: `Variant ${i}`,
        notes: `what-if ${i} ${'x'.repeat(200)}`,
        variantOf: 'base' as never,
        inputs: { ...inputs, concurrency: 1000 + i },
        regions: [],
      });
    const text = JSON.stringify({ format: 'llm-sizing-planner/project', schemaVersion: 1, project: { name: 'Big' }, scenarios });
    let t = process.hrtime.bigint();
    const plan = planImport(store, parseProjectFile(text));
    const checkMs = ms(t);
    t = process.hrtime.bigint();
    store.write(() => applyImport(store, plan));
    const lockMs = ms(t);
    return {
      import60kVariantsFileMB: Math.round(text.length / 1e5) / 10,
      import60kVariantsCheckMs: checkMs,
      import60kVariantsWriteLockMs: lockMs,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
