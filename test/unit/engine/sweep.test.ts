import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planScenario, sweep, type SizingInputs, type SweepField } from '../../../src-main/engine/index.js';

const template = (id: string): SizingInputs => findTemplate(id)!.inputs;

describe('sweep', () => {
  it('nodes never decrease along increasing concurrency, and thresholds are exactly where they rise', () => {
    const s = sweep({ inputs: template('public-api'), catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 1, to: 3000, points: 3000 });
    expect(s.points).toHaveLength(3000);
    expect(s.points.map((p) => p.value)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    const rises: number[] = [];
    for (let i = 1; i < s.points.length; i++) {
      const before = s.points[i - 1]!.nodesTotal!;
      const now = s.points[i]!.nodesTotal!;
      expect(now).toBeGreaterThanOrEqual(before);
      if (now > before) rises.push(s.points[i]!.value);
    }
    expect(s.thresholds).toEqual(rises);
    // 613 sessions per node, 30% headroom: the second node is needed once c × 1.3 > 613, i.e. at 472.
    expect(s.thresholds[0]).toBe(Math.floor(613 / 1.3) + 1);
    expect(s.points[0]!.nodesTotal).toBe(2); // one node plus N+1
  });

  it('a coarse sweep finds the exact thresholds of a unit-step sweep, for integer and ratio fields', () => {
    const fine = sweep({
      inputs: template('public-api'),
      catalog: BUILT_IN_CATALOG,
      field: 'concurrency',
      from: 1,
      to: 3000,
      points: 3000,
    });
    const coarse = sweep({ inputs: template('public-api'), catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 1, to: 3000, points: 7 });
    expect(coarse.thresholds.length).toBeGreaterThan(0);
    for (const t of coarse.thresholds) expect(fine.thresholds).toContain(t);
    // Serverless base: 2,482 sessions per node, 40% headroom: a second node from 1,773 sessions.
    expect(
      sweep({
        inputs: template('serverless-multi-region'),
        catalog: BUILT_IN_CATALOG,
        field: 'concurrency',
        from: 500,
        to: 4000,
        points: 200,
      }).thresholds[0],
    ).toBe(1773);
    const headroom = sweep({
      inputs: template('saas-startup'),
      catalog: BUILT_IN_CATALOG,
      field: 'peakHeadroomRatio',
      from: 0,
      to: 2,
      points: 5,
    });
    // 1,740 per node and 1,000 sessions: a second node once 1,000 × (1 + h) > 1,740, i.e. h > 0.74.
    expect(headroom.thresholds[0]).toBeCloseTo(0.74, 6);
  });

  it('agrees with planScenario at every sampled point it is asked about', () => {
    const inputs = template('saas-startup');
    const s = sweep({ inputs, catalog: BUILT_IN_CATALOG, field: 'effectiveContextTokens', from: 1024, to: 131072, points: 7 });
    for (const p of s.points) {
      const full = planScenario({ ...inputs, effectiveContextTokens: p.value }, BUILT_IN_CATALOG);
      expect(p.nodesTotal).toBe(full.nodes?.total ?? null);
      expect(p.capexLowUsd).toBe(full.cost?.capexLowUsd ?? null);
      expect(p.capexHighUsd).toBe(full.cost?.capexHighUsd ?? null);
    }
  });

  it('rounds integer fields and clips context to the model maximum', () => {
    const s = sweep({
      inputs: template('saas-startup'),
      catalog: BUILT_IN_CATALOG,
      field: 'effectiveContextTokens',
      from: 100_000,
      to: 200_000,
      points: 5,
    });
    expect(s.points.every((p) => Number.isInteger(p.value))).toBe(true);
    expect(Math.max(...s.points.map((p) => p.value))).toBe(131072);
    expect(s.points.at(-1)!.value).toBe(131072);
    const c = sweep({ inputs: template('saas-startup'), catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 1, to: 2, points: 5 });
    expect(c.points.map((p) => p.value)).toEqual([1, 1, 2, 2, 2]);
  });

  it('sweeps ratio fields without rounding and reports infeasible values as null', () => {
    const s = sweep({ inputs: template('public-api'), catalog: BUILT_IN_CATALOG, field: 'kvBudgetRatio', from: 0.05, to: 0.9, points: 18 });
    expect(s.points[1]!.value).toBeCloseTo(0.1, 12);
    // At 5% of 2,146 GiB the budget is below the 120 GiB overhead: infeasible.
    expect(s.points[0]!.nodesTotal).toBeNull();
    expect(s.points[0]!.capexLowUsd).toBeNull();
    expect(s.points.at(-1)!.nodesTotal).toBeGreaterThan(0);
    // A larger budget never needs more nodes, so there is no threshold along this sweep.
    expect(s.thresholds).toEqual([]);
  });

  it('computes 10,000 points and returns 10,000 points', () => {
    const s = sweep({
      inputs: template('public-api'),
      catalog: BUILT_IN_CATALOG,
      field: 'concurrency',
      from: 1,
      to: 1_000_000,
      points: 10_000,
    });
    expect(s.points).toHaveLength(10_000);
    expect(s.points[0]!.value).toBe(1);
    expect(s.points.at(-1)!.value).toBe(1_000_000);
    expect(s.thresholds.length).toBeGreaterThan(100);
  });

  it.each([
    ['points below 2', 'concurrency', 1, 10, 1],
    ['points above 100,000', 'concurrency', 1, 10, 100_001],
    ['fractional points', 'concurrency', 1, 10, 2.5],
    ['from not below to', 'concurrency', 10, 10, 5],
    ['a range running backwards', 'peakHeadroomRatio', 0.5, 0.1, 5],
    ['a non-finite bound', 'runtimeOverheadGiB', 0, Infinity, 5],
    ['NaN', 'runtimeOverheadGiB', Number.NaN, 10, 5],
    ['concurrency below one', 'concurrency', 0, 10, 5],
    ['a budget ratio above one', 'kvBudgetRatio', 0.5, 1.5, 5],
    ['a negative overhead', 'runtimeOverheadGiB', -1, 10, 5],
    ['an unknown field', 'years', 1, 10, 5],
  ] as const)('throws a clear error for %s', (_name, field, from, to, points) => {
    expect(() =>
      sweep({ inputs: template('public-api'), catalog: BUILT_IN_CATALOG, field: field as SweepField, from, to, points }),
    ).toThrow(/sweep/);
  });

  it('throws on inputs that cannot be sized at all', () => {
    expect(() =>
      sweep({
        inputs: { ...template('public-api'), modelId: 'nope' },
        catalog: BUILT_IN_CATALOG,
        field: 'concurrency',
        from: 1,
        to: 10,
        points: 5,
      }),
    ).toThrow(/modelId/);
  });
});
