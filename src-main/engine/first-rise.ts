/**
 * Where a node count rises, found by bisection: the smallest value in (low, high] at which `rises`
 * holds, given that it holds at `high`, not at `low`, and never stops holding as the value grows
 * (more load or a larger input never needs fewer nodes). Whole numbers for integer inputs; ratios
 * to within 1e-9 of their size. One search for the nodes curve and the sweep's thresholds.
 */
export function firstRise({
  low,
  high,
  rises,
  integer,
}: {
  low: number;
  high: number;
  rises: (value: number) => boolean;
  integer: boolean;
}): number {
  const narrowEnough = () => (integer ? high - low <= 1 : high - low <= 1e-9 * Math.max(1, Math.abs(high)));
  while (!narrowEnough()) {
    const middle = integer ? Math.floor((low + high) / 2) : (low + high) / 2;
    if (rises(middle)) high = middle;
    else low = middle;
  }
  return high;
}
