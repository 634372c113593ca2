import { defaultRuntimeOverheadGiB, METHODS, type SizingInputs, type SizingResult } from '../../src-main/engine/index';

/** One change of one input that turns an infeasible plan into a feasible one. */
export type QuickFix =
  | { field: 'kvPrecision'; value: SizingInputs['kvPrecision'] }
  | { field: 'runtimeOverheadGiB' | 'effectiveContextTokens'; value: number };

/**
 * Candidate fixes for an infeasible result (fp8 KV, the default runtime overhead, the longest context
 * that fits), each kept only when the scenario's own sizing method says it makes the plan feasible.
 */
export function quickFixes(result: SizingResult): QuickFix[] {
  if (result.feasible) return [];
  const { inputs, model, server } = result;
  const feasible = (changes: Partial<SizingInputs>) => METHODS[inputs.method]({ ...inputs, ...changes }, model, server).feasible;
  const candidates: QuickFix[] = [];
  if (['fp32', 'fp16', 'bf16'].includes(inputs.kvPrecision)) candidates.push({ field: 'kvPrecision', value: 'fp8' });
  const overhead = defaultRuntimeOverheadGiB(model, server);
  if (overhead < inputs.runtimeOverheadGiB) candidates.push({ field: 'runtimeOverheadGiB', value: overhead });
  const context = longestFeasibleContext(inputs, feasible);
  if (context !== null) candidates.push({ field: 'effectiveContextTokens', value: context });
  return candidates.filter((fix) => feasible({ [fix.field]: fix.value }));
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
