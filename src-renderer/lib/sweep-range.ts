import type { SizingInputs, SweepField } from '../../src-main/engine/index';

interface SweepRange {
  from: number;
  to: number;
  points: number;
}

const INTEGER_FIELDS: ReadonlySet<SweepField> = new Set(['concurrency', 'effectiveContextTokens']);
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A range worth looking at around the scenario's own value: a quarter to twice the load or context
 * (within the model's maximum), headroom from none to at least 100%, the budget ratio ±0.25 within
 * (0, 1], the overhead from half to twice. Whole-number inputs get one point per value up to 200.
 */
export function defaultSweepRange(field: SweepField, inputs: SizingInputs, maxContextTokens: number): SweepRange {
  const value = inputs[field];
  const { from, to } = bounds(field, value, maxContextTokens);
  const points = INTEGER_FIELDS.has(field) ? Math.max(2, Math.min(200, to - from + 1)) : 101;
  return { from, to, points };
}

function bounds(field: SweepField, value: number, maxContextTokens: number): { from: number; to: number } {
  switch (field) {
    case 'concurrency':
      return { from: Math.max(1, Math.round(value / 4)), to: Math.max(10, value * 2) };
    case 'effectiveContextTokens': {
      const to = Math.max(2, Math.min(maxContextTokens, value * 2));
      return { from: Math.max(1, Math.min(Math.round(value / 4), to - 1)), to };
    }
    case 'peakHeadroomRatio':
      return { from: 0, to: round2(Math.max(1, value * 2)) };
    case 'kvBudgetRatio':
      return { from: round2(Math.max(0.05, value - 0.25)), to: round2(Math.min(1, value + 0.25)) };
    case 'runtimeOverheadGiB':
      return { from: Math.round(value / 2), to: Math.max(1, Math.round(value * 2)) };
  }
}
