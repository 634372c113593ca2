import { findModel } from './catalogs/index.js';
import { estimateCost } from './cost.js';
import { defaultRuntimeOverheadGiB, validateInputs } from './inputs.js';
import { regionInputs, sizeWithServiceTargets } from './plan.js';
import type { PrecisionId } from './precision.js';
import { summariseLatency, type LatencyBindingLimit } from './service-targets.js';
import type { Catalog, CostEstimate, NodeCounts, RegionSpec, ServerRecord, SizingInputs } from './types.js';

/**
 * The optimiser: every plan the catalog allows for one workload (server × KV precision the GPU
 * stores natively × replica layout), sized by the same functions as `sizing`, filtered by the
 * service targets and a CapEx ceiling, and ranked by the objective.
 */
export type OptimiseObjective = 'tco' | 'capex' | 'nodes';
export const OPTIMISE_OBJECTIVES: OptimiseObjective[] = ['tco', 'capex', 'nodes'];

export interface OptimiseRequest {
  /** The workload, targets and policy; server and KV precision are what the search varies. */
  base: SizingInputs;
  /** The user gave a runtime overhead: keep it for every server instead of each server's default. */
  keepRuntimeOverhead?: boolean;
  /** Servers to consider; absent: every server in the catalog. */
  serverIds?: string[];
  maxCapexUsd?: number;
  objective: OptimiseObjective;
  top: number;
}

export interface OptimisedPlan {
  serverId: string;
  serverName: string;
  tp: number;
  engine: string | null;
  weightsPrecision: string;
  kvPrecision: PrecisionId;
  /** The inputs that re-size this plan with `sizing` (or turn it into a variant). */
  inputs: SizingInputs;
  sessionsPerNode: number;
  nodes: NodeCounts;
  cost: CostEstimate;
  tpotMs: number | null;
  ttftS: number | null;
  bindingLimit: LatencyBindingLimit;
  tcoPerMillionTokensUsd: number | null;
}

/** Why a candidate is out: the memory does not hold it, a target cannot be met, or it costs more than allowed. */
export type RuledOutReason = 'memory' | 'tpot' | 'ttft' | 'capex' | 'records';

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

function candidateInputs(request: OptimiseRequest, catalog: Catalog): SizingInputs[] {
  const servers = request.serverIds
    ? catalog.servers.filter((s) => request.serverIds!.includes(s.id))
    : catalog.servers;
  const model = findModel(catalog, request.base.modelId);
  return servers.flatMap((server) =>
    kvPrecisionsFor(server).map((kvPrecision) => {
      // The runtime overhead follows the candidate's server (weights + 4 GiB per GPU) unless the user set one.
      const runtimeOverheadGiB =
        model && !request.keepRuntimeOverhead ? defaultRuntimeOverheadGiB(model, server) : request.base.runtimeOverheadGiB;
      return { ...request.base, serverId: server.id, kvPrecision, runtimeOverheadGiB };
    }),
  );
}

const OBJECTIVE_KEY: Record<OptimiseObjective, (p: OptimisedPlan) => number> = {
  tco: (p) => p.cost.tcoHighUsd,
  capex: (p) => p.cost.capexHighUsd,
  nodes: (p) => p.nodes.total,
};

/** Sizes one candidate with the functions `sizing` uses: memory, then service targets, then nodes and cost. */
export function sizeCandidate(inputs: SizingInputs, catalog: Catalog): { plan: OptimisedPlan | null; reason: RuledOutReason | null } {
  if (validateInputs(inputs, catalog).length > 0) return { plan: null, reason: 'records' };
  const model = findModel(catalog, inputs.modelId)!;
  const server = catalog.servers.find((s) => s.id === inputs.serverId)!;
  const { method, serving } = sizeWithServiceTargets(inputs, model, server);
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
      engine: null,
      weightsPrecision: model.weightsFormat,
      kvPrecision: inputs.kvPrecision,
      inputs,
      sessionsPerNode: method.sessionsPerNode,
      nodes: method.nodes,
      cost,
      tpotMs: latency.tpotMs,
      ttftS: latency.ttftS,
      bindingLimit: latency.bindingLimit,
      tcoPerMillionTokensUsd: latency.tcoPerMillionOutputTokensUsd,
    },
  };
}

export function optimise(request: OptimiseRequest, catalog: Catalog): OptimiseResult {
  const candidates = candidateInputs(request, catalog);
  const ruledOut: Record<RuledOutReason, number> = { memory: 0, tpot: 0, ttft: 0, capex: 0, records: 0 };
  const plans: OptimisedPlan[] = [];
  for (const inputs of candidates) {
    const { plan, reason } = sizeCandidate(inputs, catalog);
    if (reason) ruledOut[reason] += 1;
    else if (request.maxCapexUsd !== undefined && plan!.cost.capexHighUsd > request.maxCapexUsd) ruledOut.capex += 1;
    else plans.push(plan!);
  }
  const key = OBJECTIVE_KEY[request.objective];
  plans.sort((a, b) => key(a) - key(b) || a.cost.tcoHighUsd - b.cost.tcoHighUsd || (a.tpotMs ?? 0) - (b.tpotMs ?? 0));
  const worst = (Object.keys(ruledOut) as RuledOutReason[]).reduce((a, b) => (ruledOut[b] > ruledOut[a] ? b : a));
  return {
    candidatesEvaluated: candidates.length,
    feasible: plans.length,
    ruledOut,
    mostRestrictive: plans.length === 0 && ruledOut[worst] > 0 ? worst : null,
    plans: plans.slice(0, request.top),
  };
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
export function optimisePlan(request: Omit<OptimiseRequest, 'base'> & { base: SizingInputs; regions: RegionSpec[] }, catalog: Catalog): PlanOptimisation {
  const searches: RegionOptimisation[] =
    request.regions.length === 0
      ? [{ name: null, result: optimise(request, catalog) }]
      : request.regions.map((region) => ({ name: region.name, result: optimise({ ...request, base: regionInputs(request.base, region) }, catalog) }));
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
