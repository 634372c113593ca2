import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, guardedCeil, guardedFloor, planScenario } from '../../../src-main/engine/index.js';

const publicApi = findTemplate('public-api')!.inputs;

describe('the float guard before flooring and ceiling', () => {
  it('public API at 6,130 sessions with 10% headroom needs 11 + 1 nodes: 6,130 × 1.1 / 613 is 11, not a hair above', () => {
    // 6130 * 1.1 is 6743.000000000001 in floating point; an unguarded ceiling would buy a 13th node.
    expect(6130 * 1.1).toBeGreaterThan(6743);
    const r = planScenario({ ...publicApi, concurrency: 6130, peakHeadroomRatio: 0.1 }, BUILT_IN_CATALOG);
    expect(r.sessionsPerNode).toBe(613);
    expect(r.nodes).toEqual({ capacity: 10, withHeadroom: 11, total: 12 });
  });

  it('treats a value within a relative 1e-9 of an integer as that integer, and nothing further away', () => {
    expect(guardedCeil(6743.000000000001)).toBe(6743);
    expect(guardedFloor(1199.9999999999998)).toBe(1200);
    expect(guardedCeil(1e6 * (1 + 5e-10))).toBe(1e6);
    expect(guardedFloor(1e6 * (1 - 5e-10))).toBe(1e6);
    // Relative, not absolute: 2e-9 away from a million is well within float precision and is real.
    expect(guardedCeil(1e6 * (1 + 2e-9))).toBe(1e6 + 1);
    expect(guardedFloor(1e6 * (1 - 2e-9))).toBe(1e6 - 1);
    // Below 1 the guard is absolute (1e-9), so tiny positive values still ceil to one.
    expect(guardedCeil(1e-8)).toBe(1);
    expect(guardedCeil(5e-10)).toBe(0);
    expect(guardedFloor(-2.5)).toBe(-3);
    expect(guardedCeil(-2.5)).toBe(-2);
    expect(guardedFloor(7.5)).toBe(7);
    expect(guardedCeil(7.5)).toBe(8);
  });
});
