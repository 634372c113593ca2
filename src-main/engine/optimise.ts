import { findModel } from './catalogs/index.js';
import { estimateCost } from './cost.js';
import { defaultRuntimeOverheadGiB, validateInputs } from './inputs.js';
import { regionInputs, sizeWithServiceTargets } from './plan.js';
import type { PrecisionId } from './precision.js';
import { summariseLatency, type LatencyBindingLimit } from './service-targets.js';
import { SERVING_ENGINES } from './serving-engines.js';
import type {
  Catalog,
  CostEstimate,
  EngineCalibration,
  KvPrecision,
  NodeCounts,
  RegionSpec,
  ServerRecord,
  ServingEngine,
  SizingInputs,
} from './types.js';
import { WEIGHTS_PRECISIONS, withWeightsPrecision } from './weights.js';

/**
 * The optimiser: every plan the catalog allows for one workload (server × KV precision the GPU
 * stores natively × replica layout), sized by the same functions as `sizing`, filtered by the
 * service targets and a CapEx ceiling, and ranked by the objective.
 */
export type OptimiseObjective = 'tco' | 'capex' | 'nodes';
export const OPTIMISE_OBJECTIVES: OptimiseObjective[] = ['tco', 'capex', 'nodes'];

interface OptimiseRequest {
  /** The workload, targets and policy; server and KV precision are what the search varies. */
  base: SizingInputs;
  /** The user gave a runtime overhead: keep it for every server instead of each server's default. */
  keepRuntimeOverhead?: boolean;
  /** Servers to consider; absent: every server in the catalog. */
  serverIds?: string[];
  /** Serving engines to consider with the engine method; absent: every engine modelled. */
  engines?: ServingEngine[];
  maxCapexUsd?: number;
  objective: OptimiseObjective;
  top: number;
}

export interface OptimisedPlan {
  serverId: string;
  serverName: string;
  tp: number;
  engine: ServingEngine | null;
  weightsPrecision: string;
  kvPrecision: KvPrecision;
  /** The inputs that re-size this plan with `sizing` (or turn it into a variant). */
  inputs: SizingInputs;
  sessionsPerNode: number;
  nodes: NodeCounts;
  cost: CostEstimate;
  tpotMs: number | null;
  ttftS: number | null;
  bindingLimit: LatencyBindingLimit;
  tcoPerMillionTokensUsd: number | null;
  /** The start-up-log profile that stood in for the engine method's formulas, as `sizing` names it (null: formulas). */
  calibration: EngineCalibration | null;
}

/**
 * Why a candidate is out: the memory does not hold it, a target cannot be met, it costs more than
 * allowed, its records lack the latency figures, or the GPU or engine does not run that combination.
 */
export type RuledOutReason = 'memory' | 'tpot' | 'ttft' | 'capex' | 'records' | 'unsupported';

export interface OptimiseResult {
  candidatesEvaluated: number;
  feasible: number;
  ruledOut: Record<RuledOutReason, number>;
  /** The reason that rules out the most candidates (null when some plan is feasible). */
  mostRestrictive: RuledOutReason | null;
  plans: OptimisedPlan[];
}

/** KV formats a serving engine stores natively: fp16/bf16 everywhere, fp8 from Ada, Hopper and CDNA 3 on. */
function kvPrecisionsFor(server: ServerRecord): PrecisionId[] {
  return server.tflopsFp8PerGpu !== undefined ? ['bf16', 'fp8'] : ['bf16'];
}

/** TensorRT-LLM builds for NVIDIA GPUs only (its support matrix); vLLM and SGLang also run on AMD Instinct (ROCm). */
function runsOn(engine: ServingEngine, server: ServerRecord): boolean {
  return engine !== 'trtllm' || !server.generation?.startsWith('cdna');
}

/** TP degrees a node can run: the divisors of its GPU count. */
function tpDivisors(gpus: number): number[] {
  return Array.from({ length: gpus }, (_, i) => i + 1).filter((tp) => gpus % tp === 0);
}

/**
 * Every plan to size: with the engine method, servers × serving engines × TP (divisors of the
 * node's GPUs) × weight precision × KV precision; with the pooled method, servers × KV precision.
 * Combinations the inputs refuse (a format the GPU lacks, an engine without that KV format) are
 * sized anyway and counted out as 'records' by the same checks `sizing` applies.
 */
function candidateInputs(request: OptimiseRequest, catalog: Catalog): SizingInputs[] {
  const servers = request.serverIds ? catalog.servers.filter((s) => request.serverIds!.includes(s.id)) : catalog.servers;
  const model = findModel(catalog, request.base.modelId);
  const engines = request.engines ?? SERVING_ENGINES;
  return servers.flatMap((server) => {
    // The runtime overhead follows the candidate's server (weights + 4 GiB per GPU) unless the user set one.
    const runtimeOverheadGiB =
      model && !request.keepRuntimeOverhead ? defaultRuntimeOverheadGiB(model, server) : request.base.runtimeOverheadGiB;
    const base = { ...request.base, serverId: server.id, runtimeOverheadGiB };
    const kv = kvPrecisionsFor(server).map((kvPrecision) => ({ ...base, kvPrecision }));
    if (request.base.method !== 'engine') return kv;
    return kv.flatMap((c) =>
      engines
        .filter((e) => runsOn(e, server))
        .flatMap((servingEngine) =>
          tpDivisors(server.gpus).flatMap((tp) =>
            WEIGHTS_PRECISIONS.map((weightsPrecision) => ({ ...c, servingEngine, tp, weightsPrecision })),
          ),
        ),
    );
  });
}

const OBJECTIVE_KEY: Record<OptimiseObjective, (p: OptimisedPlan) => number> = {
  tco: (p) => p.cost.tcoHighUsd,
  capex: (p) => p.cost.capexHighUsd,
  nodes: (p) => p.nodes.total,
};

/** Sizes one candidate with the functions `sizing` uses: memory, then service targets, then nodes and cost. */
function sizeCandidate(inputs: SizingInputs, catalog: Catalog): { plan: OptimisedPlan | null; reason: RuledOutReason | null } {
  if (validateInputs(inputs, catalog).length > 0) return { plan: null, reason: 'unsupported' };
  // The model as it loads in the candidate's weight format, as planScenario sizes it.
  const model = withWeightsPrecision(findModel(catalog, inputs.modelId)!, inputs.weightsPrecision);
  const server = catalog.servers.find((s) => s.id === inputs.serverId)!;
  const { method, serving } = sizeWithServiceTargets(inputs, model, server, { profiles: catalog.calibrations });
  if (!serving) return { plan: null, reason: method.feasible ? 'records' : 'memory' };
  if (!method.nodes) return { plan: null, reason: serving.infeasibility?.code === 'ttft-unreachable' ? 'ttft' : 'tpot' };
  const cost = estimateCost(method.nodes.total, inputs.concurrency, server, inputs);
  const latency = summariseLatency(serving, method.nodes, cost, inputs);
  return {
    reason: null,
    plan: {
      serverId: server.id,
      serverName: server.name,
      tp: latency.tp,
      engine: method.engine?.name ?? null,
      weightsPrecision: inputs.weightsPrecision ?? model.weightsFormat,
      kvPrecision: inputs.kvPrecision,
      inputs,
      sessionsPerNode: method.sessionsPerNode,
      nodes: method.nodes,
      cost,
      tpotMs: latency.tpotMs,
      ttftS: latency.ttftS,
      bindingLimit: latency.bindingLimit,
      tcoPerMillionTokensUsd: latency.tcoPerMillionOutputTokensUsd,
      calibration: method.engine?.calibration ?? null,
    },
  };
}

export function optimise(request: OptimiseRequest, catalog: Catalog): OptimiseResult {
  const candidates = candidateInputs(request, catalog);
  const ruledOut: Record<RuledOutReason, number> = { memory: 0, tpot: 0, ttft: 0, capex: 0, records: 0, unsupported: 0 };
  const plans: OptimisedPlan[] = [];
  for (const inputs of candidates) {
    const { plan, reason } = sizeCandidate(inputs, catalog);
    if (reason) ruledOut[reason] += 1;
    else if (request.maxCapexUsd !== undefined && plan!.cost.capexHighUsd > request.maxCapexUsd) ruledOut.capex += 1;
    else plans.push(plan!);
  }
  const key = OBJECTIVE_KEY[request.objective];
  plans.sort((a, b) => key(a) - key(b) || a.cost.tcoHighUsd - b.cost.tcoHighUsd || (a.tpotMs ?? 0) - (b.tpotMs ?? 0));
  // Combinations no GPU or engine runs say nothing about the targets: the most restrictive is among the rest.
  const worst = (['memory', 'tpot', 'ttft', 'capex', 'records'] as const).reduce((a, b) => (ruledOut[b] > ruledOut[a] ? b : a));
  return {
    candidatesEvaluated: candidates.length,
    feasible: plans.length,
    ruledOut,
    mostRestrictive: plans.length === 0 && ruledOut[worst] > 0 ? worst : null,
    plans: bestPerChoice(plans).slice(0, request.top),
  };
}

/**
 * One ranked plan per server × weight precision × KV precision: the TP and engine that serve it best.
 * Engines and TP degrees that tie would otherwise fill the list with the same purchase.
 */
function bestPerChoice(ranked: OptimisedPlan[]): OptimisedPlan[] {
  const seen = new Set<string>();
  return ranked.filter((p) => {
    const choice = `${p.serverId}|${p.weightsPrecision}|${p.kvPrecision}`;
    if (seen.has(choice)) return false;
    seen.add(choice);
    return true;
  });
}

/** The search for one region of a plan (or the whole scenario, name null). */
export interface RegionOptimisation {
  name: string | null;
  result: OptimiseResult;
}

export interface PlanOptimisation {
  regions: RegionOptimisation[];
  /** The best plan of every region added up; null when a region has no feasible plan. */
  totals: { nodes: number; capexLowUsd: number; capexHighUsd: number; tcoLowUsd: number; tcoHighUsd: number } | null;
}

/**
 * The optimiser for a scenario: each region searched on its own inputs (the base with its overrides
 * and concurrency, as the plan sizes it), and the totals of each region's first-ranked plan.
 */
export function optimisePlan(
  request: Omit<OptimiseRequest, 'base'> & { base: SizingInputs; regions: RegionSpec[] },
  catalog: Catalog,
): PlanOptimisation {
  const searches: RegionOptimisation[] =
    request.regions.length === 0
      ? [{ name: null, result: optimise(request, catalog) }]
      : request.regions.map((region) => ({
          name: region.name,
          result: optimise({ ...request, base: regionInputs(request.base, region) }, catalog),
        }));
  const best = searches.map((s) => s.result.plans[0]);
  const totals = best.every((p) => p !== undefined)
    ? {
        nodes: best.reduce((sum, p) => sum + p!.nodes.total, 0),
        capexLowUsd: best.reduce((sum, p) => sum + p!.cost.capexLowUsd, 0),
        capexHighUsd: best.reduce((sum, p) => sum + p!.cost.capexHighUsd, 0),
        tcoLowUsd: best.reduce((sum, p) => sum + p!.cost.tcoLowUsd, 0),
        tcoHighUsd: best.reduce((sum, p) => sum + p!.cost.tcoHighUsd, 0),
      }
    : null;
  return { regions: searches, totals };
}

/** Plans no other plan beats on both TPOT and cost: sorted by TPOT, each cheaper than every faster one. */
export function paretoFront<T extends { tpotMs: number; tco: number }>(plans: T[]): T[] {
  const sorted = [...plans].sort((a, b) => a.tpotMs - b.tpotMs || a.tco - b.tco);
  const front: T[] = [];
  for (const p of sorted) if (front.length === 0 || p.tco < front[front.length - 1]!.tco) front.push(p);
  return front;
}
