// `npm run accuracy`: the engine method's prediction beside every figure public start-up logs state.
import { latencyAccuracy, latencyAccuracyTable } from './latency-section.js';
import logs from './startup-logs.json' with { type: 'json' };
import extra from './catalog-extra.json' with { type: 'json' };
import {
  fractionBaseGiB,
  mergeCatalog,
  planScenario,
  readCalibration,
  withDefaults,
  type Catalog,
  type ModelRecord,
  type ServerRecord,
  type SizingInputs,
} from '../../src-main/engine/index.js';
import * as startupLogs from '../unit/engine/calibration/logs.js';
import { kvToleranceOf, startupLogInputs, type StartupLogRow } from './startup-log-rows.js';

const catalog: Catalog = mergeCatalog({ models: extra.models as ModelRecord[], servers: extra.servers as ServerRecord[] });

type Figure =
  | 'weightsGiB'
  | 'activationPeakGiB'
  | 'nonTorchGiB'
  | 'cudaGraphGiB'
  | 'kvAvailableGiB'
  | 'kvTokens'
  | 'maxConcurrency'
  /** SGLang's "Load weight begin. avail mem": the memory its fraction is a share of. */
  | 'freeBeforeLoadingGiB';

/** Memory terms and KV capacity: predicted vs logged, per row, with the relative error. */
function memoryAccuracyRows(): { id: string; figure: Figure; predicted: number; logged: number; errorRatio: number; source: string }[] {
  return logs.rows.flatMap((row) => {
    const inputs = withDefaults({ method: 'engine', concurrency: 1, ...startupLogInputs(row) } as SizingInputs, catalog);
    const e = planScenario(inputs, catalog).engine!;
    const predicted: Record<Figure, number | null> = {
      ...e.perGpu,
      kvTokens: e.kvTokensPerReplica,
      maxConcurrency: e.maxConcurrencyPerReplica,
      freeBeforeLoadingGiB: fractionBaseGiB(e.perGpu, e.fractionOf),
    };
    return Object.entries(row.logged).map(([figure, logged]) => {
      const value = predicted[figure as Figure] ?? 0;
      return { id: row.id, figure: figure as Figure, predicted: value, logged, errorRatio: value / logged - 1, source: row.source };
    });
  });
}

/** Start-up log excerpts of the calibration tests, with the server where the log alone does not say which. */
const CALIBRATION_LOGS: { id: string; text: string; serverId?: string }[] = [
  { id: 'vllm-0.11-llama-3.1-8b-h100', text: startupLogs.VLLM_V1_LLAMA_H100, serverId: 'dgx100' },
  { id: 'vllm-0.11-qwen3-32b-h100-tp2', text: startupLogs.VLLM_V1_TP2_QWEN, serverId: 'dgx100' },
  { id: 'vllm-0.8.5-llama-3.1-8b-l40s', text: startupLogs.VLLM_V1_085_L40S, serverId: 'l40s-8' },
  { id: 'sglang-llama-3.1-8b-h200', text: startupLogs.SGLANG_LLAMA_H200 },
  { id: 'sglang-0.4.3-qwq-32b-l4-tp4', text: startupLogs.SGLANG_QWQ_L4_TP4, serverId: 'l4-4' },
];

/**
 * Calibration from a log: the log's own start-up sized by the formulas and by the profile the log
 * makes. The calibrated figure must give back the logged KV; the formula error is the method's own,
 * unchanged by calibration (no constant is fitted to these logs).
 */
function calibrationRows(): string[] {
  const today = { year: 2025, month: 12, day: 31 };
  const pct = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
  const lines = [
    `${'log'.padEnd(32)}${'figure'.padEnd(16)}${'logged'.padStart(12)}${'formulas'.padStart(12)}${'error'.padStart(9)}${'calibrated'.padStart(12)}${'error'.padStart(9)}`,
  ];
  let reproduced = 0;
  for (const log of CALIBRATION_LOGS) {
    const read = readCalibration({ text: log.text, source: `${log.id}.log`, today, serverId: log.serverId }, catalog);
    if (!read.ok || !read.reading.profile || !read.reading.prediction?.ok) {
      lines.push(
        `${log.id.padEnd(32)}no profile: ${read.ok ? (read.reading.problems[0]?.message.en ?? (read.reading.prediction?.ok === false ? read.reading.prediction.message.en : '')) : read.refusal.message.en}`,
      );
      continue;
    }
    const { profile, prediction } = read.reading;
    const formula = planScenario(prediction.inputs, catalog).engine!;
    const calibrated = planScenario(prediction.inputs, { ...catalog, calibrations: [profile] }).engine!;
    // The log states available KV in GiB, or only KV tokens (then compare tokens).
    const [figure, logged, f, c] =
      profile.measured.kvAvailableGiB !== null
        ? ['kvAvailableGiB', profile.measured.kvAvailableGiB, formula.perGpu.kvAvailableGiB, calibrated.perGpu.kvAvailableGiB]
        : ['kvTokens', profile.measured.kvTokens!, formula.kvTokensPerReplica, calibrated.kvTokensPerReplica];
    if (Math.abs(c / logged - 1) < 0.005) reproduced += 1;
    const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(2));
    lines.push(
      `${log.id.padEnd(32)}${String(figure).padEnd(16)}${fmt(logged).padStart(12)}${fmt(f).padStart(12)}${pct(f / logged - 1).padStart(9)}${fmt(c).padStart(12)}${pct(c / logged - 1).padStart(9)}`,
    );
  }
  lines.push('', `calibrated from its own log: ${reproduced} of ${CALIBRATION_LOGS.length} logs give back the logged KV within 0.5%`);
  return lines;
}

/** One line per set of rows: how many in-scope rows give available KV within their tolerance, and the worst. */
function kvSummary(rows: ReturnType<typeof memoryAccuracyRows>, inSet: (row: StartupLogRow) => boolean): string[] {
  const pct = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
  const tested = logs.rows.filter((r) => inSet(r) && !('outOfScope' in r));
  const kv = rows.filter((r) => r.figure === 'kvAvailableGiB' && tested.some((t) => t.id === r.id));
  if (kv.length === 0) return [];
  const within = kv.filter((r) => Math.abs(r.errorRatio) < kvToleranceOf(tested.find((t) => t.id === r.id)!));
  const worst = kv.reduce((a, b) => (Math.abs(b.errorRatio) > Math.abs(a.errorRatio) ? b : a));
  const name = tested[0]!.source.startsWith('issue 8') ? "issue 8's test set" : 'other public logs';
  return [
    `available KV, ${name}: ${within.length} of ${kv.length} tested rows within tolerance (worst ${pct(worst.errorRatio)}, ${worst.id})`,
  ];
}

function main(): void {
  const rows = memoryAccuracyRows();
  const pct = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
  const lines = ['Engine method vs public start-up logs (per GPU; GiB unless stated)', ''];
  lines.push(`${'row'.padEnd(36)}${'figure'.padEnd(20)}${'predicted'.padStart(12)}${'logged'.padStart(12)}${'error'.padStart(9)}`);
  for (const r of rows) {
    const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(2));
    lines.push(
      `${r.id.padEnd(36)}${r.figure.padEnd(20)}${fmt(r.predicted).padStart(12)}${fmt(r.logged).padStart(12)}${pct(r.errorRatio).padStart(9)}`,
    );
  }
  lines.push('', ...kvSummary(rows, (r) => r.source.startsWith('issue 8')), ...kvSummary(rows, (r) => !r.source.startsWith('issue 8')), '');
  for (const row of logs.rows) {
    lines.push(`  ${row.id}: ${row.source}`);
    if ('outOfScope' in row) lines.push(`    not tested: ${row.outOfScope}`);
    else if ('kvTolerance' in row) lines.push(`    tested within ${pct(kvToleranceOf(row)).slice(1)}: ${row.kvToleranceReason}`);
  }
  lines.push(
    '',
    'Calibration from a start-up log: the formulas (as above) and a profile saved from the same log, at its own settings',
    '',
    ...calibrationRows(),
  );
  process.stdout.write(lines.join('\n') + '\n\n');
  process.stdout.write(latencyAccuracyTable(latencyAccuracy()));
}

main();
