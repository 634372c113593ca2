import { describe, expect, it } from 'vitest';
import { sizing } from '../helpers/cli.js';

/** The example workload: Llama 3.1 70B on a DGX H200, 2,000 sessions of 8,192 tokens. */
const WORKLOAD = ['--model', 'llama-3.1-70b', '--concurrency', '2000', '--effective-context', '8192'];
const LENGTHS = ['--prompt-tokens', '2000', '--output-tokens', '500'];

describe('sizing with service targets', () => {
  it('reports TPOT, TTFT, tokens/s, cost per million tokens and the binding limit in JSON', () => {
    const r = sizing([...WORKLOAD, '--server', 'dgx200', ...LENGTHS, '--tpot-ms', '40', '--format', 'json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.latency.bindingLimit).toBe('tpot');
    expect(result.latency.tpotMs).toBeLessThanOrEqual(40);
    expect(result.latency.ttftS).toBeGreaterThan(0);
    expect(result.latency.outputTokensPerSecondPerReplica).toBeGreaterThan(0);
    expect(result.latency.outputTokensPerSecondPerNode).toBeGreaterThan(0);
    expect(result.latency.tcoPerMillionOutputTokensUsd).toBeGreaterThan(0);
    expect(result.sessionsPerNode).toBe(result.latency.sessionsPerReplica * result.latency.replicasPerNode);
  });

  it('prints the latency section in both languages', () => {
    const en = sizing([...WORKLOAD, '--server', 'dgx200', ...LENGTHS, '--tpot-ms', '40']);
    expect(en.stdout).toMatch(/Time per output token \(TPOT\)\s+[\d.]+ ms/);
    expect(en.stdout).toMatch(/limited by decode bandwidth \(TPOT target\)/);
    expect(en.stdout).toMatch(
      /TCO per million output tokens\s+USD [\d.]+ – [\d.]+\s+\(the planned concurrency generating around the clock\)/,
    );
    const pt = sizing([...WORKLOAD, '--server', 'dgx200', ...LENGTHS, '--tpot-ms', '40', '--lang', 'pt-BR']);
    expect(pt.stdout).toMatch(/Tempo por token de saída \(TPOT\)\s+[\d,]+ ms/);
    expect(pt.stdout).toMatch(/limitado pela banda no decode/);
  });

  it('a TPOT target that even one session misses is infeasible: exit 3 with the fixes', () => {
    const r = sizing([...WORKLOAD, '--server', 'dgx200', ...LENGTHS, '--tpot-ms', '5']);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/INFEASIBLE PLAN: Even one session decodes at [\d.]+ ms per token on DGX H200, above the 5.0 ms target/);
    expect(r.stdout).toMatch(/use a server that meets it \(/);
  });

  it.each([
    [
      'a TTFT target without a prompt length',
      [...WORKLOAD, '--server', 'dgx200', '--ttft-s', '1'],
      /^sizing: --ttft-s: 1 is not allowed; expected a prompt length too \(--prompt-tokens\)/,
    ],
    [
      'a prompt longer than the context',
      [...WORKLOAD, '--server', 'dgx200', '--prompt-tokens', '9000'],
      /^sizing: --prompt-tokens: 9000 .*at most the effective context \(8192\)/,
    ],
    [
      'a zero TPOT target',
      [...WORKLOAD, '--server', 'dgx200', '--tpot-ms', '0'],
      /^sizing: --tpot-ms: 0 is not allowed; expected a number greater than 0/,
    ],
    [
      'an efficiency above 1',
      [...WORKLOAD, '--server', 'dgx200', '--compute-efficiency', '1.2'],
      /^sizing: --compute-efficiency: 1.2 .*at most 1$/,
    ],
  ])('refuses %s in one line (exit 2)', (_name, args, message) => {
    const r = sizing(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe('sizing optimise', () => {
  it('ranks feasible plans across at least four servers, and its first plan re-sized gives the same nodes and cost', () => {
    const r = sizing(['optimise', ...WORKLOAD, '--tpot-ms', '40', '--format', 'json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.candidatesEvaluated).toBeGreaterThanOrEqual(result.feasible);
    expect(new Set(result.plans.map((p: { serverId: string }) => p.serverId)).size).toBeGreaterThanOrEqual(4);
    const first = result.plans[0];
    for (const key of [
      'serverId',
      'tp',
      'engine',
      'weightsPrecision',
      'kvPrecision',
      'nodes',
      'cost',
      'tpotMs',
      'ttftS',
      'bindingLimit',
      'tcoPerMillionTokensUsd',
    ]) {
      expect(first).toHaveProperty(key);
    }
    expect(first.engine).not.toBeNull();
    const again = JSON.parse(
      sizing([
        '--method',
        'engine',
        ...WORKLOAD,
        '--server',
        first.serverId,
        '--engine',
        first.engine,
        '--tp',
        String(first.tp),
        '--weights-precision',
        first.weightsPrecision,
        '--kv-precision',
        first.kvPrecision,
        '--tpot-ms',
        '40',
        '--format',
        'json',
      ]).stdout,
    );
    expect(again.nodes).toEqual(first.nodes);
    expect(again.cost).toEqual(first.cost);
  });

  it('prints a ranked table, or CSV', () => {
    const text = sizing(['optimise', ...WORKLOAD, '--tpot-ms', '40', '--top', '3']);
    expect(text.stdout).toMatch(/^\d+ candidates evaluated, \d+ feasible/);
    expect(text.stdout.split('\n').filter((l) => /^\s+[123]\s+\S+/.test(l))).toHaveLength(3);
    const csv = sizing(['optimise', ...WORKLOAD, '--tpot-ms', '40', '--top', '2', '--format', 'csv']);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('sep=,');
    expect(lines[1]).toMatch(/^region,rank,serverId,tp,engine,weightsPrecision,kvPrecision,/);
    expect(lines).toHaveLength(4);
  });

  it('exits 3 naming the target that rules out the most candidates', () => {
    const r = sizing(['optimise', ...WORKLOAD, '--tpot-ms', '1']);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/No plan meets the targets; what rules out the most candidates: the TPOT target \(--tpot-ms\)/);
  });

  it.each([
    [
      'an unknown server',
      ['--servers', 'dgx200,nope'],
      /^sizing: --servers: "nope" is not allowed; expected a comma-separated list of dgx100/,
    ],
    ['an unknown objective', ['--objective', 'speed'], /^sizing: --objective: "speed" .*tco, capex, nodes/],
    ['a top of 0', ['--top', '0'], /^sizing: --top: "0" .*from 1 to 1000/],
  ])('refuses %s in one line (exit 2)', (_name, extra, message) => {
    const r = sizing(['optimise', ...WORKLOAD, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
  });
});
