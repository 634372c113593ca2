import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  planScenario,
  replicaCostsFor,
  replicaLayout,
  sweep,
  tpotMsAt,
  ttftSAt,
  validateInputs,
  withDefaults,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

/** The issue's example: Llama 3.1 70B on a DGX H200, 2,000 sessions of 8,192 tokens, prompts of 2,000 and answers of 500. */
function inputs(extra: Partial<SizingInputs> = {}): SizingInputs {
  return withDefaults(
    {
      modelId: 'llama-3.1-70b',
      serverId: 'dgx200',
      concurrency: 2000,
      effectiveContextTokens: 8192,
      promptTokens: 2000,
      outputTokens: 500,
      ...extra,
    },
    BUILT_IN_CATALOG,
  );
}

describe('service targets', () => {
  it('without a target, latency is reported and memory alone sets the nodes', () => {
    const withLengths = planScenario(inputs(), BUILT_IN_CATALOG);
    const { promptTokens: _p, outputTokens: _o, ...plain } = inputs();
    const memoryOnly = planScenario(plain as SizingInputs, BUILT_IN_CATALOG);
    expect(withLengths.nodes).toEqual(memoryOnly.nodes);
    expect(withLengths.latency?.bindingLimit).toBe('kv-memory');
    expect(withLengths.latency?.tpotMs).toBeGreaterThan(0);
    expect(withLengths.latency?.ttftS).toBeGreaterThan(0);
  });

  it('a TPOT target that binds caps sessions per replica at the largest batch that meets it, and nodes grow', () => {
    const free = planScenario(inputs(), BUILT_IN_CATALOG);
    const r = planScenario(inputs({ tpotMs: 40 }), BUILT_IN_CATALOG);
    const lat = r.latency!;
    expect(lat.bindingLimit).toBe('tpot');
    const replica = replicaCostsFor(r.model, r.server, r.inputs, replicaLayout(r, r.server))!;
    expect(tpotMsAt(replica, r.inputs, lat.sessionsPerReplica)).toBeLessThanOrEqual(40);
    expect(tpotMsAt(replica, r.inputs, lat.sessionsPerReplica + 1)).toBeGreaterThan(40);
    expect(r.sessionsPerNode).toBe(lat.sessionsPerReplica * lat.replicasPerNode);
    expect(r.sessionsPerNode).toBeLessThan(free.sessionsPerNode);
    expect(r.nodes!.total).toBeGreaterThan(free.nodes!.total);
    expect(lat.tpotMs).toBeLessThanOrEqual(40);
    expect(r.feasible).toBe(true);
  });

  it('a TTFT target binds through prefill compute', () => {
    const r = planScenario(inputs({ promptTokens: 7000, outputTokens: 100, ttftS: 1.2 }), BUILT_IN_CATALOG);
    const lat = r.latency!;
    expect(lat.bindingLimit).toBe('ttft');
    const replica = replicaCostsFor(r.model, r.server, r.inputs, replicaLayout(r, r.server))!;
    expect(ttftSAt(replica, r.inputs, lat.sessionsPerReplica)).toBeLessThanOrEqual(1.2);
    expect(ttftSAt(replica, r.inputs, lat.sessionsPerReplica + 1)).toBeGreaterThan(1.2);
  });

  it('a target that even one session misses is infeasible and says what would meet it', () => {
    const r = planScenario(inputs({ tpotMs: 5 }), BUILT_IN_CATALOG);
    expect(r.feasible).toBe(false);
    expect(r.nodes).toBeNull();
    expect(r.infeasibility?.code).toBe('tpot-unreachable');
    expect(r.infeasibility?.figures.tpotAtBatchOneMs).toBeGreaterThan(5);
    expect(r.infeasibility?.message.en).toMatch(/Raise the target to at least [\d.]+ ms/);
    expect(r.infeasibility?.message['pt-BR']).toMatch(/Aumente a meta para pelo menos [\d,]+ ms/);
  });

  it('cost per million output tokens is TCO over the tokens of the TCO period at the planned load', () => {
    const r = planScenario(inputs({ tpotMs: 40 }), BUILT_IN_CATALOG);
    const lat = r.latency!;
    const seconds = r.cost!.years * 8760 * 3600;
    expect(lat.tcoPerMillionOutputTokensUsd).toBeCloseTo((r.cost!.tcoHighUsd / (lat.outputTokensPerSecondPerPlan * seconds)) * 1e6, 9);
    expect(lat.outputTokensPerSecondPerPlan).toBeCloseTo(lat.outputTokensPerSecondPerNode * r.nodes!.total, 6);
  });

  it('sweeps count nodes under the same targets as the plan', () => {
    const target = inputs({ tpotMs: 40 });
    const points = sweep({ inputs: target, catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 2000, to: 4000, points: 3 }).points;
    expect(points.map((p) => p.nodesTotal)).toEqual(
      [2000, 3000, 4000].map((concurrency) => planScenario({ ...target, concurrency }, BUILT_IN_CATALOG).nodes!.total),
    );
    expect(points[0]!.nodesTotal).toBeGreaterThan(planScenario(inputs(), BUILT_IN_CATALOG).nodes!.total);
  });

  it('keeps the reference cases exact: no target, no change', () => {
    const r = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);
    expect(r.sessionsPerNode).toBe(613);
    expect(r.nodes).toEqual({ capacity: 9, withHeadroom: 11, total: 12 });
  });
});

describe('service-target inputs are checked', () => {
  const fields = (i: SizingInputs) => validateInputs(i, BUILT_IN_CATALOG).map((x) => x.field);

  it('a TTFT target needs a prompt length', () => {
    const { promptTokens: _p, ...rest } = inputs({ ttftS: 1 });
    expect(fields(rest as SizingInputs)).toContain('ttftS');
  });

  it('prompt plus output must fit in the effective context', () => {
    expect(fields(inputs({ promptTokens: 8000, outputTokens: 500 }))).toContain('promptTokens');
  });

  it('targets are refused for records without the latency figures, naming what is missing', () => {
    const server = { ...BUILT_IN_CATALOG.servers.find((s) => s.id === 'dgx200')!, id: 'bare', tflopsBf16PerGpu: undefined };
    const catalog = { ...BUILT_IN_CATALOG, servers: [...BUILT_IN_CATALOG.servers, server] };
    const issues = validateInputs(inputs({ serverId: 'bare', tpotMs: 50 }), catalog);
    expect(issues.find((i) => i.field === 'tpotMs')?.allowed).toMatch(/bare\.tflopsBf16PerGpu/);
  });

  it('targets and efficiencies have ranges', () => {
    expect(fields(inputs({ tpotMs: 0 }))).toContain('tpotMs');
    expect(fields(inputs({ computeEfficiency: 1.5 }))).toContain('computeEfficiency');
    expect(fields(inputs({ outputTokens: 2.5 }))).toContain('outputTokens');
  });
});

describe('sweep and plan agree', () => {
  it('a sweep sizes the model in the scenario weight precision, as the plan does', () => {
    const fp8 = withDefaults(
      {
        method: 'engine',
        modelId: 'llama-3.1-70b',
        serverId: 'dgx100',
        concurrency: 500,
        effectiveContextTokens: 8192,
        weightsPrecision: 'fp8',
      },
      BUILT_IN_CATALOG,
    );
    const points = sweep({ inputs: fp8, catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 500, to: 1500, points: 3 }).points;
    expect(points.map((p) => p.nodesTotal)).toEqual(
      [500, 1000, 1500].map((concurrency) => planScenario({ ...fp8, concurrency }, BUILT_IN_CATALOG).nodes!.total),
    );
  });
});
