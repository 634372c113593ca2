import { findModel } from './catalogs/index.js';
import { estimateCost } from './cost.js';
import { tpChoices } from './engine-method.js';
import { defaultRuntimeOverheadGiB, validateInputs } from './inputs.js';
import { nodeHbmGiB } from './pooled.js';
import { isWiderThanFp8 } from './precision.js';
import { FRACTION_FIELD } from './serving-engines.js';
import type { Catalog, Infeasibility, ModelRecord, ServerRecord, SizingInputs } from './types.js';
import type { SizingMethod } from './plan.js';
import { withWeightsPrecision } from './weights.js';

/** Inputs a fix may change; each fix changes exactly one of them (a server change also lets TP default). */
type FixField =
  | 'kvBudgetRatio'
  | 'runtimeOverheadGiB'
  | 'serverId'
  | 'kvPrecision'
  | 'effectiveContextTokens'
  | 'tp'
  | 'weightsPrecision'
  | 'gpuMemoryUtilization'
  | 'memFractionStatic'
  | 'freeGpuMemoryFraction'
  | 'tpotMs'
  | 'ttftS';

/** One change of one input that alone makes an infeasible plan feasible, with what the plan then needs. */
export interface FeasibilityFix {
  field: FixField;
  value: number | string;
  nodes: number;
  sessionsPerNode: number;
  capexLowUsd: number;
  capexHighUsd: number;
}

/** What a candidate generator reads: the infeasible scenario and the catalog it was sized against. */
interface FixContext {
  inputs: SizingInputs;
  /** The model as it loads (weights in the scenario's format). */
  model: ModelRecord;
  server: ServerRecord;
  catalog: Catalog;
  /** The sizing the plan uses (the method under the service targets). */
  method: SizingMethod;
}

interface GeneratorContext extends FixContext {
  infeasibility: Infeasibility | null;
}

/**
 * One kind of fix: the values to try for one input, in order of preference (the least change to
 * the plan first), and whether the first that works is offered or the one giving the cheapest plan.
 */
interface FixGenerator {
  field: FixField;
  choose: 'first-that-works' | 'cheapest';
  values: (ctx: GeneratorContext) => (number | string)[];
}

/**
 * The KV budget ratio serving engines use by default: vLLM's --gpu-memory-utilization is 0.9
 * (https://docs.vllm.ai/en/latest/configuration/engine_args.html). A plan below it can offer it.
 */
export const ENGINE_DEFAULT_BUDGET_RATIO = 0.9;
/** Shortest context worth offering: below it a fix would change what the workload is. */
const MIN_OFFERED_CONTEXT_TOKENS = 1024;

const budgetRatio: FixGenerator = {
  field: 'kvBudgetRatio',
  choose: 'first-that-works',
  values: ({ inputs }) => (inputs.kvBudgetRatio < ENGINE_DEFAULT_BUDGET_RATIO ? [ENGINE_DEFAULT_BUDGET_RATIO] : []),
};

const overhead: FixGenerator = {
  field: 'runtimeOverheadGiB',
  choose: 'first-that-works',
  values: ({ inputs, model, server }) => {
    const typical = defaultRuntimeOverheadGiB(model, server);
    return typical < inputs.runtimeOverheadGiB ? [typical] : [];
  },
};

/** Every server with more HBM per node than the current one (and the memory basis in use). */
const biggerServer: FixGenerator = {
  field: 'serverId',
  choose: 'cheapest',
  values: ({ inputs, server, catalog }) => {
    const current = nodeHbmGiB(server, 'nominal');
    return catalog.servers
      .filter((s) => nodeHbmGiB(s, 'nominal') > current)
      .filter((s) => inputs.memoryBasis === 'nominal' || s.measuredMiBPerGpu !== undefined)
      .map((s) => s.id);
  },
};

/** fp8 KV for a wider precision. */
const precision: FixGenerator = {
  field: 'kvPrecision',
  choose: 'first-that-works',
  values: ({ inputs }) => (isWiderThanFp8(inputs.kvPrecision) ? ['fp8'] : []),
};

/** Context lengths people deploy: powers of two below the current context, longest first. */
const shorterContext: FixGenerator = {
  field: 'effectiveContextTokens',
  choose: 'first-that-works',
  values: ({ inputs }) => {
    const out: number[] = [];
    for (let tokens = 2 ** Math.floor(Math.log2(inputs.effectiveContextTokens)); tokens >= MIN_OFFERED_CONTEXT_TOKENS; tokens /= 2) {
      if (tokens < inputs.effectiveContextTokens) out.push(tokens);
    }
    return out;
  },
};

/** Engine method: the next tensor-parallel widths above the current one (the weights spread over more GPUs). */
const widerTp: FixGenerator = {
  field: 'tp',
  choose: 'first-that-works',
  values: ({ inputs, model, server }) => (inputs.method === 'engine' ? tpChoices(model, server).filter((tp) => tp > (inputs.tp ?? 0)) : []),
};

/** The weights in fewer bytes, fp8 before fp4 (validation refuses what the GPU cannot run). */
const lighterWeights: FixGenerator = {
  field: 'weightsPrecision',
  choose: 'first-that-works',
  values: ({ inputs }) => {
    return inputs.weightsPrecision === 'fp4' ? [] : inputs.weightsPrecision === 'fp8' ? ['fp4'] : ['fp8', 'fp4'];
  },
};

/** Engine method: a higher memory fraction, in the engine's own knob (vLLM 0.9 by default; 0.98 leaves room for the driver). */
const higherFraction: FixGenerator = {
  field: 'gpuMemoryUtilization',
  choose: 'first-that-works',
  values: ({ inputs }) => {
    if (inputs.method !== 'engine') return [];
    const current = inputs[FRACTION_FIELD[inputs.servingEngine ?? 'vllm']] ?? 0;
    return [0.92, 0.95, 0.98].filter((fraction) => fraction > current);
  },
};

/** A service target that even one session misses: the best figure the plan reaches, rounded up, as the new target. */
const reachableTpot: FixGenerator = {
  field: 'tpotMs',
  choose: 'first-that-works',
  values: ({ infeasibility }) => {
    const best = infeasibility?.code === 'tpot-unreachable' ? infeasibility.figures.tpotAtBatchOneMs : undefined;
    return best !== undefined && Number.isFinite(best) ? [Math.ceil(best * 10) / 10] : [];
  },
};

const reachableTtft: FixGenerator = {
  field: 'ttftS',
  choose: 'first-that-works',
  values: ({ infeasibility }) => {
    const best = infeasibility?.code === 'ttft-unreachable' ? infeasibility.figures.ttftAtBatchOneS : undefined;
    return best !== undefined && Number.isFinite(best) ? [Math.ceil(best * 100) / 100] : [];
  },
};

/** One generator per kind of fix; a method with inputs of its own adds its generators here. */
const FIX_GENERATORS: FixGenerator[] = [
  budgetRatio,
  overhead,
  biggerServer,
  precision,
  shorterContext,
  widerTp,
  lighterWeights,
  higherFraction,
  reachableTpot,
  reachableTtft,
];

/**
 * Every single-input change that alone makes an infeasible plan feasible, each checked by sizing the
 * changed scenario with the scenario's own method, with its node count and CapEx; cheapest first.
 * A feasible plan has none.
 */
export function feasibilityFixes(ctx: FixContext): FeasibilityFix[] {
  const current = ctx.method(ctx.inputs, ctx.model, ctx.server);
  if (current.feasible) return [];
  const generatorCtx: GeneratorContext = { ...ctx, infeasibility: current.infeasibility };
  const fixes: FeasibilityFix[] = [];
  for (const generator of FIX_GENERATORS) {
    let chosen: FeasibilityFix | null = null;
    for (const value of generator.values(generatorCtx)) {
      const field = generator.field === 'gpuMemoryUtilization' ? FRACTION_FIELD[ctx.inputs.servingEngine ?? 'vllm'] : generator.field;
      const fix = evaluate(ctx, field, value);
      if (fix && (!chosen || fix.capexLowUsd < chosen.capexLowUsd)) chosen = fix;
      if (chosen && generator.choose === 'first-that-works') break;
    }
    if (chosen) fixes.push(chosen);
  }
  return fixes.sort((a, b) => a.capexLowUsd - b.capexLowUsd || a.nodes - b.nodes);
}

/**
 * Sizes the scenario with one input changed; null when the change is not allowed (the engine's and the
 * GPU's rules, checked like any input), the plan is still infeasible, or the weights no longer fit.
 */
function evaluate(ctx: FixContext, field: FixField, value: number | string): FeasibilityFix | null {
  const server = field === 'serverId' ? ctx.catalog.servers.find((s) => s.id === value) : ctx.server;
  if (!server) return null;
  // A new server lets TP take its default; a shorter context lets the engine's max length follow it.
  const follow = field === 'serverId' ? { tp: undefined } : field === 'effectiveContextTokens' ? { maxModelLen: undefined } : {};
  const inputs = { ...ctx.inputs, ...follow, [field]: value } as SizingInputs;
  if (validateInputs(inputs, ctx.catalog).length > 0) return null;
  const model =
    field === 'weightsPrecision' ? withWeightsPrecision(findModel(ctx.catalog, inputs.modelId)!, inputs.weightsPrecision) : ctx.model;
  const sized = ctx.method(inputs, model, server);
  if (!sized.feasible || !sized.nodes) return null;
  if (inputs.method === 'pooled' && sized.reservedGiB < model.weightsGiB) return null;
  // Another server has its own price: the user's price per node was for the current one.
  const priced = field === 'serverId' ? { ...inputs, pricePerNodeUsd: undefined } : inputs;
  const cost = estimateCost(sized.nodes.total, inputs.concurrency, server, priced);
  return {
    field,
    value,
    nodes: sized.nodes.total,
    sessionsPerNode: sized.sessionsPerNode,
    capexLowUsd: cost.capexLowUsd,
    capexHighUsd: cost.capexHighUsd,
  };
}
