import { sizeMethod, type SizingResult } from '../../src-main/engine/index';

interface CurvePoint {
  x: number;
  y: number;
}

const MAX_STEPS = 200;
const SAMPLES = 400;

/**
 * Total nodes against concurrency for the scenario's other inputs, from 1 to maxConcurrency, as the
 * points where the count changes (drawn as steps). Every value comes from the scenario's own sizing
 * method under its service targets, so the curve cannot drift from the engine; the jumps are found by binary search because the
 * count never falls as concurrency grows. With very many steps it falls back to even samples.
 */
export function nodesCurve(result: SizingResult, maxConcurrency: number): CurvePoint[] {
  // A calibrated result carries its profile, so the curve sizes with the same measured terms.
  const profiles = result.engine?.calibration ? [result.engine.calibration.profile] : undefined;
  const nodesAt = (concurrency: number) => sizeMethod({ ...result.inputs, concurrency }, result.model, result.server, profiles).nodes?.total ?? 0;
  const points: CurvePoint[] = [{ x: 1, y: nodesAt(1) }];
  let at = 1;
  while (points.length <= MAX_STEPS) {
    const next = firstAbove(nodesAt, at, points[points.length - 1]!.y, maxConcurrency);
    if (next === null) break;
    points.push({ x: next, y: nodesAt(next) });
    at = next;
  }
  if (points.length > MAX_STEPS) return sampled(nodesAt, maxConcurrency);
  points.push({ x: maxConcurrency, y: nodesAt(maxConcurrency) });
  return points;
}

/** Smallest concurrency in (from, max] needing more than `nodes` nodes, or null. */
function firstAbove(nodesAt: (c: number) => number, from: number, nodes: number, max: number): number | null {
  if (nodesAt(max) <= nodes) return null;
  let low = from;
  let high = max;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (nodesAt(middle) > nodes) high = middle;
    else low = middle;
  }
  return high;
}

function sampled(nodesAt: (c: number) => number, max: number): CurvePoint[] {
  return Array.from({ length: SAMPLES + 1 }, (_, i) => {
    const x = Math.max(1, Math.round((max * i) / SAMPLES));
    return { x, y: nodesAt(x) };
  });
}

/** The chart's right edge: twice the planned load or past the next threshold, on a round number. */
export function curveRange(result: SizingResult): number {
  const want = Math.max(result.inputs.concurrency * 2, (result.nextNodeAtConcurrency ?? 0) * 1.2, 10);
  const magnitude = 10 ** Math.floor(Math.log10(want));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= want)! * magnitude;
  return Math.ceil(step);
}
