import { describe, expect, it } from 'vitest';
import { latencyAccuracy, latencyAccuracyTable } from '../../accuracy/latency-section.js';

/**
 * What the README claims about the latency model against public measurements. The Blackwell FP4
 * throughput points are known misses (README: the FP8-measured compute efficiency overstates what
 * FP4 matrix products reach there); every other point is within 25%.
 */
const KNOWN_MISSES = new Set(['trtllm-70b-b200-tp1-fp4', 'trtllm-405b-b200-tp4-fp4', 'trtllm-qwen3-235b-b200-tp8-fp4']);

describe('latency model against public measurements', () => {
  const rows = latencyAccuracy();

  it('predicts every point, across two GPU generations, dense and MoE', () => {
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect(Number.isFinite(row.predicted) && row.predicted > 0).toBe(true);
  });

  it('is within 25% on every point but the known Blackwell FP4 misses, which stay within 50%', () => {
    for (const row of rows) {
      const bound = KNOWN_MISSES.has(row.id) ? 0.5 : 0.25;
      expect(Math.abs(row.error), `${row.id}: ${(row.error * 100).toFixed(1)}%`).toBeLessThan(bound);
    }
  });

  it('prints each point with its source', () => {
    const table = latencyAccuracyTable(rows);
    for (const row of rows) expect(table).toContain(row.id);
    expect(table).toContain('nvidia.github.io/TensorRT-LLM');
    expect(table).toMatch(/\d+ of \d+ points within 25%/);
  });
});
