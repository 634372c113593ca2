import { defaultRuntimeOverheadGiB, sizeMethod, type SizingInputs, type SizingResult } from '../../src-main/engine/index';

/** One change of one input that turns an infeasible plan into a feasible one. */
export type QuickFix =
  | { field: 'kvPrecision'; value: SizingInputs['kvPrecision'] }
  | { field: 'runtimeOverheadGiB' | 'effectiveContextTokens' | 'tpotMs' | 'ttftS'; value: number };

/**
 * Candidate fixes for an infeasible result (fp8 KV, the default runtime overhead, the longest context
 * that fits), each kept only when the scenario's own sizing method says it makes the plan feasible.
 */
export function quickFixes(result: SizingResult): QuickFix[] {
  if (result.feasible) return [];
  const { inputs, model, server } = result;
  const feasible = (changes: Partial<SizingInputs>) => sizeMethod({ ...inputs, ...changes }, model, server).feasible;
  const candidates: QuickFix[] = [];
  if (['fp32', 'fp16', 'bf16'].includes(inputs.kvPrecision)) candidates.push({ field: 'kvPrecision', value: 'fp8' });
  const overhead = defaultRuntimeOverheadGiB(model, server);
  if (overhead < inputs.runtimeOverheadGiB) candidates.push({ field: 'runtimeOverheadGiB', value: overhead });
  const context = longestFeasibleContext(inputs, feasible);
  if (context !== null) candidates.push({ field: 'effectiveContextTokens', value: context });
  candidates.push(...reachableTargets(result));
  return candidates.filter((fix) => feasible({ [fix.field]: fix.value }));
}

/** A service target that even one session misses: the best figure the plan reaches, rounded up, as the new target. */
function reachableTargets(result: SizingResult): QuickFix[] {
  const figures = result.infeasibility?.figures ?? {};
  if (result.infeasibility?.code === 'tpot-unreachable') return [{ field: 'tpotMs', value: Math.ceil(figures.tpotAtBatchOneMs! * 10) / 10 }];
  if (result.infeasibility?.code === 'ttft-unreachable' && Number.isFinite(figures.ttftAtBatchOneS)) {
    return [{ field: 'ttftS', value: Math.ceil(figures.ttftAtBatchOneS! * 100) / 100 }];
  }
  return [];
}

/** The longest context below the current one that still fits one session (binary search). */
function longestFeasibleContext(inputs: SizingInputs, feasible: (c: Partial<SizingInputs>) => boolean): number | null {
  if (!feasible({ effectiveContextTokens: 1 })) return null;
  let low = 1;
  let high = inputs.effectiveContextTokens;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (feasible({ effectiveContextTokens: middle })) low = middle;
    else high = middle;
  }
  return low;
}
