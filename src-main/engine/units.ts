/** Binary gibibyte: how memory is budgeted and reported. */
export const BYTES_PER_GIB = 2 ** 30;
/** Decimal gigabyte: how vendors state HBM capacity and storage throughput. */
export const BYTES_PER_GB = 1e9;
export const BYTES_PER_MIB = 2 ** 20;
export const HOURS_PER_YEAR = 8760;

/**
 * Float inputs such as 0.70 or 1.20 are not exactly representable, so a product that is
 * mathematically an integer can land a hair above or below it (1000 × 1.2 → 1200.0000000000002).
 * We treat anything within a relative 1e-9 of an integer as that integer before flooring or
 * ceiling: far below any figure a planner cares about, far above float noise (~1e-16).
 */
const RELATIVE_GUARD = 1e-9;

export function guardedFloor(value: number): number {
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) <= RELATIVE_GUARD * Math.max(1, Math.abs(value))) return nearest;
  return Math.floor(value);
}

export function guardedCeil(value: number): number {
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) <= RELATIVE_GUARD * Math.max(1, Math.abs(value))) return nearest;
  return Math.ceil(value);
}

/** Exact ceiling division of two positive integers. */
export function ceilDiv(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator - 1) / denominator);
}
