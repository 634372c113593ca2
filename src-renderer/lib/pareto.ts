/** One plan's speed and cost. */
export interface CostSpeed {
  tpotMs: number;
  tco: number;
}

/** The plans no other plan beats on both TPOT and cost: sorted by TPOT, each cheaper than every faster one. */
export function paretoFront<T extends CostSpeed>(plans: T[]): T[] {
  const sorted = [...plans].sort((a, b) => a.tpotMs - b.tpotMs || a.tco - b.tco);
  const front: T[] = [];
  for (const p of sorted) if (front.length === 0 || p.tco < front[front.length - 1]!.tco) front.push(p);
  return front;
}
