// `npm run bench`: prints one JSON object of performance figures. Never fails on a slow machine.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUILT_IN_CATALOG,
  findModel,
  findServer,
  sizeEngine,
  sizePooled,
  TEMPLATES,
  validateInputs,
  withDefaults,
  type ModelRecord,
  type ServerRecord,
  type SizingInputs,
  type SizingMethod,
} from '../../src-main/engine/index.js';
import { EXTRA_BENCHMARKS } from './registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Case = { inputs: SizingInputs; model: ModelRecord; server: ServerRecord };

/** A method's evaluations per second on one core, over at least one second of distinct prepared cases. */
function evaluationsPerSecond(method: SizingMethod, cases: Case[]): { perSecond: number; seconds: number } {
  let evaluations = 0;
  let checksum = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0n;
  while (elapsedNs < 1_000_000_000n) {
    for (let i = 0; i < 10_000; i++) {
      const c = cases[i % cases.length]!;
      checksum += method(c.inputs, c.model, c.server).sessionsPerNode;
      evaluations++;
    }
    elapsedNs = process.hrtime.bigint() - start;
  }
  if (checksum === 0) throw new Error('engine benchmark computed nothing');
  return { perSecond: Math.round(evaluations / (Number(elapsedNs) / 1e9)), seconds: Number(elapsedNs) / 1e9 };
}

/** Pooled and engine-method evaluations per second on one core (5,000 distinct scenarios each). */
function benchEngine(): Record<string, number> {
  const pooled: Case[] = Array.from({ length: 5000 }, (_, i) => {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    return {
      inputs: { ...t.inputs, concurrency: 1 + i },
      model: findModel(BUILT_IN_CATALOG, t.inputs.modelId)!,
      server: findServer(BUILT_IN_CATALOG, t.inputs.serverId)!,
    };
  });
  // Every built-in model on every built-in server at an explicit TP (the default TP searches), valid ones only.
  const pairs = BUILT_IN_CATALOG.models.flatMap((model) => BUILT_IN_CATALOG.servers.map((server) => ({ model, server })));
  const engine: Case[] = [];
  for (let i = 0; engine.length < 5000 && i < 50_000; i++) {
    const { model, server } = pairs[i % pairs.length]!;
    const inputs = withDefaults(
      {
        method: 'engine',
        modelId: model.id,
        serverId: server.id,
        concurrency: 1 + i,
        effectiveContextTokens: 1024 + (i % 16) * 2048,
        kvPrecision: 'fp8',
        tp: 8,
      } as SizingInputs,
      BUILT_IN_CATALOG,
    );
    if (validateInputs(inputs, BUILT_IN_CATALOG).length === 0) engine.push({ inputs, model, server });
  }
  const p = evaluationsPerSecond(sizePooled, pooled);
  const e = evaluationsPerSecond(sizeEngine, engine);
  return {
    engineEvaluationsPerSecond: p.perSecond,
    engineMeasuredSeconds: p.seconds,
    engineMethodEvaluationsPerSecond: e.perSecond,
    engineMethodMeasuredSeconds: e.seconds,
  };
}

function medianWallMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0 && args[0] !== '-e') throw new Error(`benchmark command failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Wall time of one `sizing … --format json` process against a bare `node -e 0`, same run. */
function benchCli(): Record<string, number> {
  const caseOne = [
    '--model',
    'opt-oss-20b',
    '--server',
    'dgx200',
    '--storage',
    'profile_default',
    '--concurrency',
    '1000',
    '--effective-context',
    '32768',
    '--kv-precision',
    'fp8',
    '--kv-budget-ratio',
    '0.70',
    '--runtime-overhead-gib',
    '80',
    '--peak-headroom-ratio',
    '0.20',
    '--ha',
    'none',
    '--format',
    'json',
  ];
  const nodeMs = medianWallMs(['-e', '0'], 9);
  const cliMs = medianWallMs([join(root, 'src-main/cli/sizing.mjs'), ...caseOne], 9);
  return { nodeBaselineMs: round(nodeMs), cliWallMs: round(cliMs), cliOverNodeRatio: round(cliMs / nodeMs) };
}

const round = (v: number) => Math.round(v * 100) / 100;

const figures: Record<string, unknown> = { ...benchEngine(), ...benchCli() };
for (const extra of EXTRA_BENCHMARKS) Object.assign(figures, await extra());
process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
