// `npm run accuracy`: the engine method's prediction beside every figure public start-up logs state.
import { latencyAccuracy, latencyAccuracyTable } from './latency-section.js';
import logs from './startup-logs.json' with { type: 'json' };
import extra from './catalog-extra.json' with { type: 'json' };
import { mergeCatalog, planScenario, withDefaults, type Catalog, type ModelRecord, type SizingInputs } from '../../src-main/engine/index.js';

const catalog: Catalog = mergeCatalog({ models: extra.models as ModelRecord[] });

type Figure = 'weightsGiB' | 'activationPeakGiB' | 'nonTorchGiB' | 'cudaGraphGiB' | 'kvAvailableGiB' | 'kvTokens' | 'maxConcurrency';

/** Memory terms and KV capacity: predicted vs logged, per row, with the relative error. */
function memoryAccuracyRows(): { id: string; figure: Figure; predicted: number; logged: number; errorRatio: number; source: string }[] {
  return logs.rows.flatMap((row) => {
    const inputs = withDefaults({ method: 'engine', concurrency: 1, ...(row.inputs as Partial<SizingInputs>) } as SizingInputs, catalog);
    const e = planScenario(inputs, catalog).engine!;
    const predicted: Record<Figure, number | null> = {
      ...e.perGpu,
      kvTokens: e.kvTokensPerReplica,
      maxConcurrency: e.maxConcurrencyPerReplica,
    };
    return Object.entries(row.logged).map(([figure, logged]) => {
      const value = predicted[figure as Figure] ?? 0;
      return { id: row.id, figure: figure as Figure, predicted: value, logged, errorRatio: value / logged - 1, source: row.source };
    });
  });
}

function main(): void {
  const rows = memoryAccuracyRows();
  const pct = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
  const lines = ['Engine method vs public start-up logs (per GPU; GiB unless stated)', ''];
  lines.push(`${'row'.padEnd(30)}${'figure'.padEnd(20)}${'predicted'.padStart(12)}${'logged'.padStart(12)}${'error'.padStart(9)}`);
  for (const r of rows) {
    const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(2));
    lines.push(`${r.id.padEnd(30)}${r.figure.padEnd(20)}${fmt(r.predicted).padStart(12)}${fmt(r.logged).padStart(12)}${pct(r.errorRatio).padStart(9)}`);
  }
  const inScope = new Set(logs.rows.filter((r) => !('outOfScope' in r)).map((r) => r.id));
  const kv = rows.filter((r) => r.figure === 'kvAvailableGiB' && inScope.has(r.id));
  const worst = Math.max(...kv.map((r) => Math.abs(r.errorRatio)));
  lines.push('', `available KV, issue 8's test set: ${kv.filter((r) => Math.abs(r.errorRatio) < 0.03).length} of ${kv.length} rows within 3% (worst ${pct(worst)})`, '');
  for (const row of logs.rows) {
    lines.push(`  ${row.id}: ${row.source}`);
    if ('outOfScope' in row) lines.push(`    not in the 3% set: ${row.outOfScope}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  process.stdout.write(latencyAccuracyTable(latencyAccuracy()));
}

main();
