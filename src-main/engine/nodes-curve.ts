import { firstRise } from './first-rise.js';
import { sizeMethod } from './plan.js';
import type { SizingResult } from './types.js';

/** Total nodes from this concurrency on (null where the plan is infeasible). */
interface NodesCurvePoint {
  concurrency: number;
  nodes: number | null;
}

/** Above this many node-count changes the curve is sampled evenly instead: more steps than pixels add nothing. */
const MAX_STEPS = 200;
const SAMPLES = 400;

/**
 * Total nodes against concurrency for the result's other inputs, from 1 to `maxConcurrency`, as the
 * points where the count changes (drawn as steps), plus the end point. The one curve the app's
 * chart and the exported chart both draw. Every value comes from the scenario's own sizing method
 * under its service targets (sizeMethod), so it cannot drift from the plan; each jump is found by
 * binary search, because the count never falls as concurrency grows. With very many steps it falls
 * back to even samples.
 */
export function nodesCurve(result: SizingResult, maxConcurrency = nodesCurveRange(result)): NodesCurvePoint[] {
  // A calibrated result carries its profile, so the curve sizes with the same measured terms.
  const profiles = result.engine?.calibration ? [result.engine.calibration.profile] : undefined;
  const nodesAt = (concurrency: number) =>
    sizeMethod({ ...result.inputs, concurrency }, result.model, result.server, profiles).nodes?.total ?? null;
  const max = Math.max(1, Math.floor(maxConcurrency));
  const points: NodesCurvePoint[] = [{ concurrency: 1, nodes: nodesAt(1) }];
  while (points.length <= MAX_STEPS) {
    const last = points.at(-1)!;
    const next = firstConcurrencyAbove({ nodesAt, from: last.concurrency, nodes: last.nodes, max });
    if (next === null) break;
    points.push({ concurrency: next, nodes: nodesAt(next) });
  }
  if (points.length > MAX_STEPS) return sampled(nodesAt, max);
  if (points.at(-1)!.concurrency < max) points.push({ concurrency: max, nodes: nodesAt(max) });
  return points;
}

/** An infeasible count ranks above every count, so a plan that stops fitting is a step like any other. */
const rank = (nodes: number | null) => nodes ?? Infinity;

/** Smallest concurrency in (from, max] needing more than `nodes` nodes, or null. */
function firstConcurrencyAbove({
  nodesAt,
  from,
  nodes,
  max,
}: {
  nodesAt: (c: number) => number | null;
  from: number;
  nodes: number | null;
  max: number;
}): number | null {
  const rises = (concurrency: number) => rank(nodesAt(concurrency)) > rank(nodes);
  if (nodes === null || !rises(max)) return null;
  return firstRise({ low: from, high: max, rises, integer: true });
}

function sampled(nodesAt: (c: number) => number | null, max: number): NodesCurvePoint[] {
  return Array.from({ length: SAMPLES + 1 }, (_, i) => {
    const concurrency = Math.max(1, Math.round((max * i) / SAMPLES));
    return { concurrency, nodes: nodesAt(concurrency) };
  });
}

/** The curve's right edge: twice the planned load or past the next node's threshold, on a round number (1, 2, 2.5 or 5 × 10ⁿ). */
export function nodesCurveRange(result: SizingResult): number {
  const want = Math.max(result.inputs.concurrency * 2, (result.nextNodeAtConcurrency ?? 0) * 1.2, 10);
  const magnitude = 10 ** Math.floor(Math.log10(want));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= want)! * magnitude;
  return Math.ceil(step);
}
