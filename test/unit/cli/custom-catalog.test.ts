import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG } from '../../../src-main/engine/index.js';
import { sizing } from '../helpers/cli.js';
import { ok, tempDir, tempStore } from '../helpers/temp.js';

const acme = {
  id: 'acme-13b',
  name: 'Acme 13B',
  layers: 40,
  queryHeads: 40,
  hiddenSize: 5120,
  vocabSize: 32000,
  attention: { kind: 'gqa', kvHeads: 8, headDim: 128 },
  paramsTotalB: 13,
  paramsActiveB: 13,
  weightsGiB: 26,
  weightsFormat: 'bf16',
  maxContextTokens: 32768,
  source: 'model card',
};
const WORKLOAD = ['--concurrency', '100', '--effective-context', '8192', '--format', 'json'];
const ACME_RUN = ['--model', 'acme-13b', '--server', 'dgx200', '--concurrency', '100', '--effective-context', '8192', '--format', 'json'];

/** A database holding the custom model acme-13b and a user price for dgx200; the default data folder is an empty one. */
async function withCustomRecords(): Promise<{ db: string; env: Record<string, string> }> {
  const { ctx, store, path } = tempStore();
  await ok(ctx, 'catalog.add', { kind: 'model', record: acme });
  await ok(ctx, 'catalog.add', {
    kind: 'price',
    record: { id: 'dgx200', priceLowUsd: 250_000, priceHighUsd: 250_000, source: 'our quote' },
  });
  store.close();
  return { db: path, env: { XDG_DATA_HOME: tempDir(), SIZING_DB: '' } };
}

describe('custom catalog records on the command line', () => {
  it("size with --db or SIZING_DB, with the user's own price; without a database the id is unknown", async () => {
    const { db, env } = await withCustomRecords();
    const withDb = sizing([...ACME_RUN, '--db', db], env);
    expect(withDb.stderr).toBe('');
    const result = JSON.parse(withDb.stdout);
    expect(result.model.id).toBe('acme-13b');
    expect(result.cost.serverCapexLowUsd).toBe(result.nodes.total * 250_000);
    expect(JSON.parse(sizing(ACME_RUN, { ...env, SIZING_DB: db }).stdout).model.id).toBe('acme-13b');
    const without = sizing(ACME_RUN, env);
    expect(without.status).toBe(2);
    expect(without.stderr).toMatch(/^sizing: --model: "acme-13b" is not allowed; expected one of opt-oss-20b/);
  });

  it('an id that is not built in is looked up in the default database, which plain sizing otherwise never opens', async () => {
    const { db, env } = await withCustomRecords();
    const dataHome = env.XDG_DATA_HOME!;
    mkdirSync(join(dataHome, 'llm-sizing-planner'));
    copyFileSync(db, join(dataHome, 'llm-sizing-planner', 'projects.db'));
    expect(JSON.parse(sizing(ACME_RUN, env).stdout).model.id).toBe('acme-13b');
    // Built-in ids keep the fast path: the reference price, not the stored one.
    const builtIn = JSON.parse(
      sizing(
        ['--model', 'opt-oss-20b', '--server', 'dgx200', '--concurrency', '100', '--effective-context', '8192', '--format', 'json'],
        env,
      ).stdout,
    );
    expect(builtIn.cost.serverCapexLowUsd).not.toBe(builtIn.nodes.total * 250_000);
  });

  it("sizing optimise searches them too, at the user's own price: --db, SIZING_DB, or the default database for an id that is not built in", async () => {
    const { ctx, store, path: db } = tempStore();
    await ok(ctx, 'catalog.add', { kind: 'model', record: acme });
    const h200 = BUILT_IN_CATALOG.servers.find((s) => s.id === 'dgx200')!;
    const lab = { ...h200, id: 'lab-h200', name: 'Lab H200', priceLowUsd: 250_000, priceHighUsd: 250_000, source: 'our quote' };
    await ok(ctx, 'catalog.add', { kind: 'server', record: lab });
    store.close();
    const env = { XDG_DATA_HOME: tempDir(), SIZING_DB: '' };
    const run = (model: string, extra: string[], runEnv = env) =>
      sizing(['optimise', '--model', model, '--method', 'pooled', '--servers', 'lab-h200', ...WORKLOAD, ...extra], runEnv);
    const withDb = run('acme-13b', ['--db', db]);
    expect(withDb.stderr).toBe('');
    const plan = JSON.parse(withDb.stdout).plans[0];
    expect(plan.inputs.modelId).toBe('acme-13b');
    expect(plan.serverId).toBe('lab-h200');
    expect(plan.cost.serverCapexLowUsd).toBe(plan.nodes.total * 250_000);
    expect(JSON.parse(run('acme-13b', [], { ...env, SIZING_DB: db }).stdout).plans[0].cost).toEqual(plan.cost);
    const without = run('llama-3.1-8b', []);
    expect(without.status).toBe(2);
    expect(without.stderr).toMatch(/^sizing: --servers: "lab-h200" is not allowed; expected a comma-separated list of dgx100/);
    // In the default database: found because --servers names a server that is not built in.
    mkdirSync(join(env.XDG_DATA_HOME, 'llm-sizing-planner'));
    copyFileSync(db, join(env.XDG_DATA_HOME, 'llm-sizing-planner', 'projects.db'));
    expect(JSON.parse(run('llama-3.1-8b', []).stdout).plans[0].serverId).toBe('lab-h200');
  });

  it("catalog models --db lists them, marked as the user's own", async () => {
    const { db, env } = await withCustomRecords();
    const text = sizing(['catalog', 'models', '--db', db], env);
    expect(text.stdout).toMatch(
      /^acme-13b\s+40 layers, GQA 8 KV heads × 128, weights 26 GiB \(bf16\), max 32,768 tokens {2}\(your own record\)$/m,
    );
    expect(sizing(['catalog', 'models', '--db', db, '--lang', 'pt-BR'], env).stdout).toMatch(
      /^acme-13b\s+40 camadas, GQA 8 cabeças KV × 128, pesos 26 GiB \(bf16\), máx\. 32\.768 tokens {2}\(registro próprio\)$/m,
    );
    const json = JSON.parse(sizing(['catalog', 'models', '--db', db, '--format', 'json'], env).stdout) as {
      id: string;
      custom?: boolean;
    }[];
    expect(json.find((m) => m.id === 'acme-13b')).toMatchObject({ custom: true });
    expect(json.find((m) => m.id === 'opt-oss-20b')).not.toHaveProperty('custom');
    expect(sizing(['catalog', 'models'], env).stdout).not.toContain('acme-13b');
  });

  it('sweeps a custom model, and --sweep takes the flag spelling as well as the field name', async () => {
    const { db, env } = await withCustomRecords();
    const run = (field: string) =>
      sizing(
        ['sweep', ...ACME_RUN.slice(0, 8), '--db', db, '--sweep', field, '--from', '0', '--to', '1', '--points', '5', '--format', 'json'],
        env,
      );
    const byFlag = run('peak-headroom-ratio');
    expect(byFlag.stderr).toBe('');
    expect(JSON.parse(byFlag.stdout).field).toBe('peakHeadroomRatio');
    expect(JSON.parse(run('peakHeadroomRatio').stdout)).toEqual(JSON.parse(byFlag.stdout));
    const bad = run('headroom');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'sizing: --sweep: "headroom" is not allowed; expected one of concurrency, effective-context, peak-headroom-ratio, kv-budget-ratio, runtime-overhead-gib (or concurrency, effectiveContextTokens, peakHeadroomRatio, kvBudgetRatio, runtimeOverheadGiB)\n',
    );
  });
});

describe('sizing project show', () => {
  it('does not cut long names and lines up the columns', () => {
    const db = join(tempDir(), 'p.db');
    const long = 'A scenario with a rather long descriptive name for the board';
    expect(sizing(['save', '--project', 'P', '--name', long, '--template', 'public-api', '--db', db]).status).toBe(0);
    expect(sizing(['save', '--project', 'P', '--name', 'Short', '--template', 'saas-startup', '--db', db]).status).toBe(0);
    const lines = sizing(['project', 'show', 'P', '--db', db]).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('P: 2 scenarios');
    expect(lines.find((l) => l.includes(long))).toMatch(new RegExp(`^  ${long}  opt-oss-120b`));
    const nodesColumn = lines.slice(1).map((l) => l.length);
    expect(new Set(nodesColumn).size).toBe(1);
  });
});
