import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as logs from '../engine/calibration/logs.js';
import { sizing } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** Issue 8's row 2 on the command line: Llama-3.1-8B on one H100, vLLM at 0.9, 16,000 tokens. */
const LLAMA_H100 = [
  '--method',
  'engine',
  '--model',
  'llama-3.1-8b',
  '--server',
  'dgx100',
  '--tp',
  '1',
  '--gpu-memory-utilization',
  '0.9',
  '--max-model-len',
  '16000',
  '--effective-context',
  '16000',
  '--concurrency',
  '100',
  '--kv-precision',
  'auto',
];
/** The SGLang log's start-up with 16,000-token sessions: the logged KV holds fewer of them than the formulas. */
const LLAMA_H200_SGLANG = [
  '--method',
  'engine',
  '--engine',
  'sglang',
  '--model',
  'llama-3.1-8b',
  '--server',
  'dgx200',
  '--tp',
  '1',
  '--mem-fraction-static',
  '0.88',
  '--effective-context',
  '16000',
  '--concurrency',
  '4400',
  '--kv-precision',
  'auto',
];

function saveProfile(dir: string, name: string, text: string, flags: string[]): void {
  const path = join(dir, name);
  writeFileSync(path, text);
  const run = sizing(['calibrate', path, '--save', ...flags]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

const json = (args: string[], env?: Record<string, string>) => {
  const run = sizing([...args, '--format', 'json'], env);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
};

describe('sizing --method engine with a stored calibration profile', () => {
  it("reports the log's KV within 0.5% at the logged fraction and says which profile; --no-calibration gives the formulas", () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    const formula = json([...LLAMA_H100, '--db', db]);
    expect(formula.engine.calibration).toBeNull();
    saveProfile(dir, 'h100.log', logs.VLLM_V1_LLAMA_H100, ['--db', db, '--server', 'dgx100', '--log-date', '2025-10-08']);

    const calibrated = json([...LLAMA_H100, '--db', db]);
    expect(Math.abs(calibrated.engine.perGpu.kvAvailableGiB / 51.38 - 1)).toBeLessThan(0.005);
    expect(calibrated.engine.calibration).toMatchObject({
      profile: { id: 1, modelId: 'llama-3.1-8b', serverId: 'dgx100', engine: 'vllm', tp: 1, source: 'h100.log' },
      message: { en: 'calibrated from a log of 2025-10-08 (vLLM 0.11.0, h100.log)' },
      formulaKvAvailableGiB: formula.engine.perGpu.kvAvailableGiB,
    });
    const off = json([...LLAMA_H100, '--db', db, '--no-calibration']);
    expect(off.engine.calibration).toBeNull();
    expect(off.engine.perGpu).toEqual(formula.engine.perGpu);
    expect(off.inputs.calibration).toBe('off');

    const text = sizing([...LLAMA_H100, '--db', db]).stdout;
    expect(text).toMatch(/Calibration\s+calibrated from a log of 2025-10-08 \(vLLM 0\.11\.0, h100\.log\)/);
    expect(text).toMatch(/Available for KV\s+51\.38 GiB {3}\(bf16; from the log; formulas: \d+\.\d\d GiB\)/);
    expect(text).toMatch(/Weights\s+14\.99 GiB {3}\(.*; from the log\)/);
    expect(sizing([...LLAMA_H100, '--db', db, '--lang', 'pt-BR']).stdout).toMatch(
      /Calibração\s+calibrado a partir de um log de 2025-10-08 \(vLLM 0\.11\.0, h100\.log\)/,
    );
    expect(sizing([...LLAMA_H100, '--db', db, '--no-calibration']).stdout).toMatch(/Calibration\s+off: formulas only/);
    expect(sizing([...LLAMA_H100, '--db', join(dir, 'empty.db')]).stdout).toMatch(/Calibration\s+none: formulas \(no stored profile/);
  });

  it('the node count follows the logged KV; sweep uses the profile too', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    const formula = json([...LLAMA_H200_SGLANG, '--db', db]);
    saveProfile(dir, 'sglang.log', logs.SGLANG_LLAMA_H200, ['--db', db]);
    const calibrated = json([...LLAMA_H200_SGLANG, '--db', db]);
    expect(calibrated.engine.perGpu.kvAvailableGiB).toBeCloseTo(102.58, 9);
    expect(calibrated.sessionsPerNode).toBe(8 * 52);
    expect(calibrated.nodes.total).toBeGreaterThan(formula.nodes.total);
    const sweep = json([
      'sweep',
      ...LLAMA_H200_SGLANG,
      '--db',
      db,
      '--sweep',
      'concurrency',
      '--from',
      '4400',
      '--to',
      '4401',
      '--points',
      '2',
    ]);
    expect(sweep.points[0].nodesTotal).toBe(calibrated.nodes.total);
    const sweepOff = json([
      'sweep',
      ...LLAMA_H200_SGLANG,
      '--db',
      db,
      '--no-calibration',
      '--sweep',
      'concurrency',
      '--from',
      '4400',
      '--to',
      '4401',
      '--points',
      '2',
    ]);
    expect(sweepOff.points[0].nodesTotal).toBe(formula.nodes.total);
  });

  it('a profile for another TP or server is not applied', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    saveProfile(dir, 'qwen.log', logs.VLLM_V1_TP2_QWEN, ['--db', db, '--server', 'dgx100']);
    const qwen = [
      '--method',
      'engine',
      '--model',
      'qwen3-32b',
      '--max-model-len',
      '16000',
      '--effective-context',
      '16000',
      '--concurrency',
      '100',
      '--kv-precision',
      'auto',
    ];
    expect(json([...qwen, '--server', 'dgx100', '--tp', '2', '--db', db]).engine.calibration).toMatchObject({
      profile: { tp: 2, source: 'qwen.log' },
    });
    expect(json([...qwen, '--server', 'dgx100', '--tp', '4', '--db', db]).engine.calibration).toBeNull();
    expect(json([...qwen, '--server', 'dgx200', '--tp', '2', '--db', db]).engine.calibration).toBeNull();
  });

  it('uses the default database when no --db is given, and never opens it for the pooled method', () => {
    const dir = tempDir();
    const env = { XDG_DATA_HOME: dir, SIZING_DB: '' };
    const path = join(dir, 'h100.log');
    writeFileSync(path, logs.VLLM_V1_LLAMA_H100);
    expect(sizing(['calibrate', path, '--save', '--server', 'dgx100'], env).status).toBe(0);
    expect(json(LLAMA_H100, env).engine.calibration).toMatchObject({ profile: { source: 'h100.log' } });
    expect(json([...LLAMA_H100, '--no-calibration'], env).engine.calibration).toBeNull();
    // A default database that is not one: the pooled method never reads it; the engine method says what is wrong with it.
    const broken = tempDir();
    mkdirSync(join(broken, 'llm-sizing-planner'));
    writeFileSync(join(broken, 'llm-sizing-planner', 'projects.db'), 'not a database');
    const brokenEnv = { XDG_DATA_HOME: broken, SIZING_DB: '' };
    expect(
      sizing(['--model', 'llama-3.1-8b', '--server', 'dgx100', '--concurrency', '10', '--effective-context', '8192'], brokenEnv).status,
    ).toBe(0);
    const engine = sizing(LLAMA_H100, brokenEnv);
    expect(engine.status).toBe(2);
    expect(engine.stderr.trim().split('\n')).toHaveLength(1);
    expect(engine.stderr).toContain('projects.db');
    expect(sizing([...LLAMA_H100, '--no-calibration'], brokenEnv).status).toBe(0);
  });

  it('bad input: --no-calibration with the pooled method, or given a value, is one line naming it (exit 2)', () => {
    const pooled = sizing([
      '--model',
      'llama-3.1-8b',
      '--server',
      'dgx100',
      '--concurrency',
      '10',
      '--effective-context',
      '8192',
      '--no-calibration',
    ]);
    expect(pooled.status).toBe(2);
    expect(pooled.stderr).toBe(
      'sizing: --no-calibration: "off" is not allowed; expected absent unless the method is engine (--method engine)\n',
    );
    const valued = sizing([...LLAMA_H100, '--no-calibration=yes']);
    expect(valued.status).toBe(2);
    expect(valued.stderr).toMatch(/^sizing: --no-calibration=yes: --no-calibration is a switch and takes no value/);
  });
});

describe('sizing optimise with a project database', () => {
  /**
   * Llama 3.1 8B on H100, vLLM only, many short sessions: max_num_seqs binds, so eight TP1 replicas
   * serve bf16 weights best and the profile's own plan (TP1, weights as shipped) is ranked.
   */
  const SHORT_SESSIONS = ['--max-model-len', '1024', '--effective-context', '1024', '--concurrency', '50000'];
  const SEARCH = ['optimise', '--model', 'llama-3.1-8b', '--servers', 'dgx100', '--engines', 'vllm', ...SHORT_SESSIONS, '--top', '1000'];
  type Plan = { tp: number; weightsPrecision: string; kvPrecision: string; sessionsPerNode: number; calibration: any };
  const profilePlan = (plans: Plan[]) => plans.find((p) => p.tp === 1 && p.weightsPrecision === 'bf16');

  it('uses the stored calibration profiles (--db, SIZING_DB or the default database) and names the profile of each plan it sized with', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    saveProfile(dir, 'h100.log', logs.VLLM_V1_LLAMA_H100, ['--db', db, '--server', 'dgx100', '--log-date', '2025-10-08']);
    const calibrated = json([...SEARCH, '--db', db]);
    const plan = profilePlan(calibrated.plans);
    expect(plan).toBeDefined();
    expect(plan!.calibration).toMatchObject({
      profile: { id: 1, modelId: 'llama-3.1-8b', serverId: 'dgx100', engine: 'vllm', tp: 1, source: 'h100.log' },
      message: { en: 'calibrated from a log of 2025-10-08 (vLLM 0.11.0, h100.log)' },
    });
    // The plan is sized as `sizing` sizes its inputs with the same database: the profile's KV, not the formulas'.
    const resized = json([
      ...['--method', 'engine', '--model', 'llama-3.1-8b', '--server', 'dgx100', '--tp', '1', ...SHORT_SESSIONS],
      ...['--kv-precision', plan!.kvPrecision, '--weights-precision', 'bf16', '--db', db],
    ]);
    expect(resized.engine.perGpu.kvAvailableGiB).toBeCloseTo(51.38, 9);
    expect(plan!.calibration.formulaKvAvailableGiB).toBe(resized.engine.calibration.formulaKvAvailableGiB);
    expect(plan!.sessionsPerNode).toBe(resized.sessionsPerNode);
    const fp8Weights = calibrated.plans.find((p: Plan) => p.weightsPrecision === 'fp8');
    expect(fp8Weights.calibration).toBeNull();

    const env = { SIZING_DB: db };
    expect(profilePlan(json(SEARCH, env).plans)!.calibration).toMatchObject({ profile: { source: 'h100.log' } });
    const defaultDir = tempDir();
    const log = join(defaultDir, 'h100.log');
    writeFileSync(log, logs.VLLM_V1_LLAMA_H100);
    const xdg = { XDG_DATA_HOME: defaultDir, SIZING_DB: '' };
    expect(sizing(['calibrate', log, '--save', '--server', 'dgx100'], xdg).status).toBe(0);
    expect(profilePlan(json(SEARCH, xdg).plans)!.calibration).toMatchObject({ profile: { source: 'h100.log' } });

    const csv = sizing([...SEARCH, '--db', db, '--format', 'csv'])
      .stdout.trim()
      .split(/\r?\n/);
    expect(csv[1]).toMatch(/,calibrationLogDate,calibrationSource$/);
    const rank = calibrated.plans.indexOf(calibrated.plans.find((p: Plan) => p.calibration !== null)) + 1;
    expect(csv[rank + 1]).toMatch(new RegExp(`^,${rank},dgx100,1,vllm,bf16,.*,2025-10-08,h100\\.log$`));
    expect(csv.filter((line) => line.endsWith(',,'))).toHaveLength(calibrated.plans.length - 1);
    const off = json([...SEARCH, '--db', db, '--no-calibration']);
    expect(off.plans.every((p: Plan) => p.calibration === null)).toBe(true);

    const text = sizing([...SEARCH, '--db', db]).stdout;
    expect(text).toMatch(/Calibration: plan \d+ calibrated from a log of 2025-10-08 \(vLLM 0\.11\.0, h100\.log\); the others: formulas/);
    expect(sizing([...SEARCH, '--db', db, '--lang', 'pt-BR']).stdout).toMatch(
      /Calibração: plano \d+ calibrado a partir de um log de 2025-10-08 \(vLLM 0\.11\.0, h100\.log\); os demais: fórmulas/,
    );
    expect(sizing([...SEARCH, '--db', db, '--no-calibration']).stdout).toMatch(/Calibration: off: formulas only/);
    expect(sizing([...SEARCH, '--db', join(dir, 'empty.db')]).stdout).toMatch(/Calibration: none: formulas/);
  });

  it('bad input: a database that is not one is named in one line (exit 2); --db is refused for nothing else', () => {
    const dir = tempDir();
    const notDb = join(dir, 'not.db');
    writeFileSync(notDb, 'not a database');
    const run = sizing([...SEARCH, '--db', notDb]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^sizing: --db: .*not\.db/);
    const pooled = sizing([
      'optimise',
      '--model',
      'llama-3.1-8b',
      '--effective-context',
      '16000',
      '--concurrency',
      '100',
      '--method',
      'pooled',
      '--no-calibration',
    ]);
    expect(pooled.status).toBe(2);
    expect(pooled.stderr).toMatch(/^sizing: --no-calibration: "off" is not allowed; expected absent unless the method is engine/);
  });
});
