/**
 * The figures of a comparison (engine/compare.ts) row by row: single scenarios against their own
 * results, multi-region plans by their totals (sums, the worst region, figures all regions share),
 * infeasible ones as null, and when two values count as the same.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  compareRegions,
  compareScenarios,
  findTemplate,
  planRegions,
  planScenario,
  withDefaults,
  type CompareItem,
  type CompareRow,
  type SizingInputs,
  type SizingResult,
} from '../../../src-main/engine/index.js';

const template = (id: string): SizingInputs => findTemplate(id)!.inputs;
const plan = (inputs: SizingInputs) => planScenario(inputs, BUILT_IN_CATALOG);
const rowsOf = (items: CompareItem[]) => new Map<string, CompareRow>(compareScenarios(items).map((r) => [r.key, r]));
const valuesOf = (items: CompareItem[], key: string) => rowsOf(items).get(key)!.values;

/** Llama 3.1 8B on a DGX H100 under the engine method, with a TPOT target so latency figures exist. */
const engineInputs = (over: Partial<SizingInputs> = {}): SizingInputs =>
  withDefaults(
    {
      ...template('saas-startup'),
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      concurrency: 600,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      tpotMs: 60,
      ...over,
    } as SizingInputs,
    BUILT_IN_CATALOG,
  );

describe('single scenarios', () => {
  it('show each result figure as the result states it', () => {
    const a = plan(template('saas-startup'));
    const b = plan(engineInputs());
    const items = [
      { name: 'a', result: a },
      { name: 'b', result: b },
    ];
    const both = (pick: (r: SizingResult) => unknown) => [pick(a), pick(b)];
    expect(valuesOf(items, 'regionCount')).toEqual([1, 1]);
    expect(valuesOf(items, 'kvPerSessionGiB')).toEqual(both((r) => r.kvPerSessionGiB));
    expect(valuesOf(items, 'sessionsPerNode')).toEqual(both((r) => r.sessionsPerNode));
    expect(valuesOf(items, 'nodesCapacity')).toEqual(both((r) => r.nodes!.capacity));
    expect(valuesOf(items, 'nodesWithHeadroom')).toEqual(both((r) => r.nodes!.withHeadroom));
    expect(valuesOf(items, 'nodesTotal')).toEqual(both((r) => r.nodes!.total));
    expect(valuesOf(items, 'spareSessions')).toEqual(both((r) => r.spareSessions));
    expect(valuesOf(items, 'capexLowUsd')).toEqual(both((r) => r.cost!.capexLowUsd));
    expect(valuesOf(items, 'capexHighUsd')).toEqual(both((r) => r.cost!.capexHighUsd));
    expect(valuesOf(items, 'tcoLowUsd')).toEqual(both((r) => r.cost!.tcoLowUsd));
    expect(valuesOf(items, 'tcoHighUsd')).toEqual(both((r) => r.cost!.tcoHighUsd));
    expect(valuesOf(items, 'coldStartS')).toEqual(both((r) => r.coldStart.seconds));
    expect(b.latency!.tpotMs).toBeGreaterThan(0);
    expect(valuesOf(items, 'tpotAtLoadMs')).toEqual([a.latency?.tpotMs ?? null, b.latency!.tpotMs]);
    expect(valuesOf(items, 'tcoPerMillionOutputTokensUsd')).toEqual([
      a.latency?.tcoPerMillionOutputTokensUsd ?? null,
      b.latency!.tcoPerMillionOutputTokensUsd,
    ]);
  });

  it('show null for what an infeasible scenario does not have', () => {
    const bad = plan({ ...template('public-api'), runtimeOverheadGiB: 5000 });
    expect(bad.feasible).toBe(false);
    const items = [{ name: 'bad', result: bad }];
    for (const key of [
      'nodesCapacity',
      'nodesWithHeadroom',
      'nodesTotal',
      'capexLowUsd',
      'capexHighUsd',
      'tcoLowUsd',
      'tcoHighUsd',
      'tpotAtLoadMs',
      'tcoPerMillionOutputTokensUsd',
    ])
      expect(valuesOf(items, key), key).toEqual([null]);
    expect(compareRegions(items)).toEqual([null]);
  });
});

describe('multi-region plans', () => {
  const regions = [
    { name: 'EU', concurrency: 1200, overrides: {} },
    { name: 'US', concurrency: 300, overrides: { storageId: 'profile_cloud_object' } },
  ];

  it('sum counts and money, take the worst cold start and TPOT, and keep per-session figures the regions share', () => {
    const p = planRegions(engineInputs(), regions, BUILT_IN_CATALOG);
    expect(p.feasible).toBe(true);
    const [eu, us] = p.regions.map((r) => r.result) as [SizingResult, SizingResult];
    const items: CompareItem[] = [{ name: 'plan', result: eu, plan: p }];
    expect(valuesOf(items, 'regionCount')).toEqual([2]);
    expect(valuesOf(items, 'concurrency')).toEqual([1500]);
    expect(valuesOf(items, 'kvPerSessionGiB')).toEqual([eu.kvPerSessionGiB]);
    expect(valuesOf(items, 'sessionsPerNode')).toEqual([eu.sessionsPerNode]);
    expect(valuesOf(items, 'nodesCapacity')).toEqual([eu.nodes!.capacity + us.nodes!.capacity]);
    expect(valuesOf(items, 'nodesWithHeadroom')).toEqual([eu.nodes!.withHeadroom + us.nodes!.withHeadroom]);
    expect(valuesOf(items, 'spareSessions')).toEqual([eu.spareSessions! + us.spareSessions!]);
    expect(valuesOf(items, 'nodesTotal')).toEqual([p.totals.nodes]);
    expect(valuesOf(items, 'tcoHighUsd')).toEqual([p.totals.tcoHighUsd]);
    // Object storage makes the US region's replicas the slowest to start.
    expect(us.coldStart.seconds).toBeGreaterThan(eu.coldStart.seconds);
    expect(valuesOf(items, 'coldStartS')).toEqual([us.coldStart.seconds]);
    // More sessions per replica in the EU: its decode steps are the slower ones.
    expect(eu.latency!.tpotMs).not.toBe(us.latency!.tpotMs);
    expect(valuesOf(items, 'tpotAtLoadMs')).toEqual([Math.max(eu.latency!.tpotMs, us.latency!.tpotMs)]);
    expect(compareRegions(items)).toEqual([
      [
        {
          name: 'EU',
          concurrency: 1200,
          nodesTotal: eu.nodes!.total,
          capexLowUsd: eu.cost!.capexLowUsd,
          capexHighUsd: eu.cost!.capexHighUsd,
        },
        {
          name: 'US',
          concurrency: 300,
          nodesTotal: us.nodes!.total,
          capexLowUsd: us.cost!.capexLowUsd,
          capexHighUsd: us.cost!.capexHighUsd,
        },
      ],
    ]);
  });

  it('leave per-session figures empty where regions differ, and sums and the worst TPOT empty where a region has none', () => {
    const p = planRegions(
      engineInputs(),
      [
        { name: 'EU', concurrency: 1200, overrides: {} },
        { name: 'APAC', concurrency: 300, overrides: { kvPrecision: 'fp8' } },
      ],
      BUILT_IN_CATALOG,
    );
    const items: CompareItem[] = [{ name: 'plan', result: p.regions[0]!.result, plan: p }];
    expect(valuesOf(items, 'kvPerSessionGiB')).toEqual([null]);
    expect(valuesOf(items, 'sessionsPerNode')).toEqual([null]);
    const infeasible = planRegions(
      engineInputs(),
      [...regions, { name: 'LATAM', concurrency: 10, overrides: { runtimeOverheadGiB: 5000, method: 'pooled' } }],
      BUILT_IN_CATALOG,
    );
    expect(infeasible.feasible).toBe(false);
    const broken: CompareItem[] = [{ name: 'plan', result: infeasible.regions[0]!.result, plan: infeasible }];
    expect(valuesOf(broken, 'nodesCapacity')).toEqual([null]);
    expect(valuesOf(broken, 'spareSessions')).toEqual([null]);
    expect(valuesOf(broken, 'tpotAtLoadMs')).toEqual([null]);
    expect(compareRegions(broken)[0]![2]).toEqual({
      name: 'LATAM',
      concurrency: 10,
      nodesTotal: null,
      capexLowUsd: null,
      capexHighUsd: null,
    });
  });
});

describe('when two values are the same', () => {
  const base = plan(template('public-api'));
  const withFigures = (over: Partial<SizingResult>): CompareItem => ({ name: 'x', result: { ...base, ...over } });
  const differs = (a: Partial<SizingResult>, b: Partial<SizingResult>, key: string) =>
    rowsOf([withFigures(a), withFigures(b)]).get(key)!.differs;

  it('ignores float noise far below what a plan could mean, relative to the size of the figure', () => {
    expect(differs({ kvPerSessionGiB: 0.1 + 0.2 }, { kvPerSessionGiB: 0.3 }, 'kvPerSessionGiB')).toBe(false);
    expect(differs({ spareSessions: 2_000_000 }, { spareSessions: 2_000_000 * (1 + 5e-10) }, 'spareSessions')).toBe(false);
    expect(differs({ spareSessions: 2_000_000 }, { spareSessions: 2_000_000 * (1 + 5e-9) }, 'spareSessions')).toBe(true);
    expect(differs({ kvPerSessionGiB: 0.5 }, { kvPerSessionGiB: 0.5 + 2e-9 }, 'kvPerSessionGiB')).toBe(true);
  });

  it('tells zero from a missing figure', () => {
    expect(differs({ spareSessions: 0 }, { spareSessions: null as never }, 'spareSessions')).toBe(true);
    expect(differs({ spareSessions: null as never }, { spareSessions: 0 }, 'spareSessions')).toBe(true);
  });
});
