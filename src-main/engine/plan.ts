import { findModel, findServer, findStorage } from './catalogs/index.js';
import { estimateColdStart } from './coldstart.js';
import { estimateCost } from './cost.js';
import { feasibilityFixes } from './fixes.js';
import { describeIssue, validateInputs, type InputIssue } from './inputs.js';
import { checkEngineInputs, ENGINE_ONLY_FIELDS } from './engine-inputs.js';
import { engineTerms, sizeEngine } from './engine-method.js';
import { resolveKvPrecision } from './kv.js';
import { sizePooled } from './pooled.js';
import { withWeightsPrecision } from './weights.js';
import { applyServiceTargets, planServing, summariseLatency, type ServingPlan } from './service-targets.js';
import { isWiderThanFp8 } from './precision.js';
import { recommend } from './recommendations.js';
import type { CalibrationProfile } from './calibration/profile.js';
import type {
  Catalog,
  MemoryPerNode,
  MethodId,
  MethodResult,
  ModelRecord,
  PlanResult,
  RegionSpec,
  ServerRecord,
  SizingInputs,
  SizingResult,
  WeightsCheck,
} from './types.js';
import { guardedFloor } from './units.js';

/** Calibration profiles measured from start-up logs; the engine method uses one that matches the scenario. */
type Profiles = readonly CalibrationProfile[] | undefined;

/** A sizing method: validated inputs and catalog records (and the stored calibration profiles) in, a MethodResult out. */
export type SizingMethod = (inputs: SizingInputs, model: ModelRecord, server: ServerRecord, profiles?: Profiles) => MethodResult;

const METHODS: Record<MethodId, SizingMethod> = { pooled: sizePooled, engine: sizeEngine };

export class InvalidInputsError extends Error {
  constructor(public readonly issues: InputIssue[]) {
    super(issues.map((i) => `${i.field}: ${describeIssue(i)}`).join('; '));
  }
}

/**
 * The scenario's sizing method with its service targets applied: memory first, then the largest
 * batch per replica that the targets allow. `servers` are searched for a fix when a target is out of reach.
 */
export function sizeWithServiceTargets(
  inputs: SizingInputs,
  model: ModelRecord,
  server: ServerRecord,
  context: { servers?: ServerRecord[]; profiles?: Profiles } = {},
): { method: MethodResult; serving: ServingPlan | null } {
  const memoryOnly = METHODS[inputs.method](inputs, model, server, context.profiles);
  const serving = planServing(memoryOnly, inputs, model, server, context.servers ?? []);
  return { method: serving ? applyServiceTargets(memoryOnly, serving, inputs) : memoryOnly, serving };
}

/** Node counts as every part of the product computes them (plans, sweeps, charts): the method under the service targets. */
export function sizeMethod(inputs: SizingInputs, model: ModelRecord, server: ServerRecord, profiles?: Profiles): MethodResult {
  if (inputs.tpotMs === undefined && inputs.ttftS === undefined) return METHODS[inputs.method](inputs, model, server, profiles);
  return sizeWithServiceTargets(inputs, model, server, { profiles }).method;
}

/** Sizes one scenario end to end. Throws InvalidInputsError for inputs that cannot be sized at all. */
export function planScenario(inputs: SizingInputs, catalog: Catalog): SizingResult {
  const issues = validateInputs(inputs, catalog);
  if (issues.length > 0) throw new InvalidInputsError(issues);
  // The model as it loads (weights in the chosen format); everything downstream sees these weights.
  const model = withWeightsPrecision(findModel(catalog, inputs.modelId)!, inputs.weightsPrecision);
  const server = findServer(catalog, inputs.serverId)!;
  const storage = findStorage(catalog, inputs.storageId)!;
  const profiles = catalog.calibrations;
  const { method, serving } = sizeWithServiceTargets(inputs, model, server, { servers: catalog.servers, profiles });
  if (method.engine) method.engine.terms = engineTerms(method.engine, model);
  const memoryPerNode = memoryAtPlannedLoad(method, inputs);
  const weights = checkWeights(method, model);
  const coldStart = estimateColdStart(model, storage, catalog.storage, inputs);
  const cost = method.nodes ? estimateCost(method.nodes.total, inputs.concurrency, server, inputs) : null;
  const nextNodeAtConcurrency = nextNodeThreshold(method, inputs);
  const fp8Alternative = isWiderThanFp8(inputs.kvPrecision) ? fp8AlternativeOf(inputs, model, server, profiles) : null;
  // Advice reads the KV precision actually stored: `auto` resolved to the model's dtype.
  const resolved = { ...inputs, kvPrecision: resolveKvPrecision(inputs.kvPrecision, model) };
  const fixes = feasibilityFixes({ inputs, model, server, catalog, method: (i, m, s) => sizeMethod(i, m, s, profiles) });
  const recommendations = recommend({
    inputs: resolved,
    server,
    method,
    memory: memoryPerNode,
    weights,
    coldStart,
    cost,
    storage: catalog.storage,
    nextNodeAtConcurrency,
    fp8Alternative,
    fixes,
  });
  const latency = serving && method.nodes ? summariseLatency(serving, method.nodes, cost, inputs) : null;
  return {
    ...method,
    inputs,
    model,
    server,
    storage,
    memoryPerNode,
    weights,
    coldStart,
    cost,
    nextNodeAtConcurrency,
    recommendations,
    fixes,
    latency,
  };
}

function fp8AlternativeOf(inputs: SizingInputs, model: ModelRecord, server: ServerRecord, profiles: Profiles) {
  const alt = { ...inputs, kvPrecision: 'fp8' as const };
  if (checkEngineInputs(alt, model, server).length > 0) return { nodes: null, cost: null };
  const result = sizeMethod(alt, model, server, profiles);
  const nodes = result.nodes?.total ?? null;
  return { nodes, cost: nodes === null ? null : estimateCost(nodes, inputs.concurrency, server, alt) };
}

/** One node's memory at the planned load, sessions spread evenly over all nodes. */
function memoryAtPlannedLoad(method: MethodResult, inputs: SizingInputs): MemoryPerNode | null {
  if (!method.nodes) return null;
  const sessionsOnNode = Math.min(inputs.concurrency / method.nodes.total, method.sessionsPerNode);
  const kvInUseGiB = sessionsOnNode * method.kvPerSessionGiB;
  // Engine method: the "runtime overhead" is what the engine holds outside KV on every GPU, and the
  // reserved share is what its fraction leaves unused.
  const e = method.engine;
  const runtimeOverheadGiB = e
    ? (e.perGpu.weightsGiB + e.perGpu.activationPeakGiB + e.perGpu.nonTorchGiB + (e.perGpu.cudaGraphGiB ?? 0)) * e.tp * e.replicasPerNode
    : inputs.runtimeOverheadGiB;
  const reservedShareGiB = e ? Math.max(0, method.reservedGiB - runtimeOverheadGiB) : method.nodeHbmGiB * (1 - inputs.kvBudgetRatio);
  return {
    hbmGiB: method.nodeHbmGiB,
    reservedShareGiB,
    runtimeOverheadGiB,
    kvInUseGiB,
    kvFreeGiB: method.kvBudgetGiB - kvInUseGiB,
    usedRatio: (reservedShareGiB + runtimeOverheadGiB + kvInUseGiB) / method.nodeHbmGiB,
  };
}

/**
 * Where a KV-cache usage alert falls on one node's memory bar (GiB from its start): past the
 * reserved share and the runtime, at the alert ratio of the KV budget. Engines pre-allocate their KV
 * pool, so operators alert on the share of it in use, never on HBM use (issue 10, items 19 and 27).
 */
export function kvAlertAtGiB(memory: MemoryPerNode, alertRatio: number): number {
  return memory.reservedShareGiB + memory.runtimeOverheadGiB + alertRatio * (memory.kvInUseGiB + Math.max(0, memory.kvFreeGiB));
}

/** The sanity check the original lacked: memory outside the KV budget must hold the weights. */
function checkWeights(method: MethodResult, model: ModelRecord): WeightsCheck {
  // Engine method: each replica's GPUs hold one copy, when the engine's budget has room for it.
  const e = method.engine;
  const copiesThatFit = e
    ? e.bindingLimit === 'weights'
      ? 0
      : e.replicasPerNode
    : guardedFloor(Math.min(method.reservedGiB, method.nodeHbmGiB) / model.weightsGiB); // outside the budget, but never more than the node has
  return { weightsGiB: model.weightsGiB, outsideKvGiB: method.reservedGiB, copiesThatFit, fits: copiesThatFit >= 1 };
}

/** SPEC §4 growth: floor(withHeadroom × sessionsPerNode / (1 + headroom)), next integer. */
function nextNodeThreshold(method: MethodResult, inputs: SizingInputs): number | null {
  if (!method.nodes) return null;
  return guardedFloor((method.nodes.withHeadroom * method.sessionsPerNode) / (1 + inputs.peakHeadroomRatio)) + 1;
}

/**
 * Region inputs: the base with the region's overrides and concurrency on top. A region that turns an
 * engine-method base to the pooled method takes none of the base's engine settings: the pooled method
 * reads none of them and refuses them, so inheriting one would make the region unsizable.
 */
export function regionInputs(base: SizingInputs, region: RegionSpec): SizingInputs {
  const inputs = { ...base, ...region.overrides, concurrency: region.concurrency };
  if (inputs.method === 'engine' || base.method !== 'engine') return inputs;
  for (const field of ENGINE_ONLY_FIELDS) if (!(field in region.overrides)) delete inputs[field];
  return inputs;
}

/** Problems of each region's own inputs (its overrides and concurrency), as paths like regions[1].overrides.modelId. */
export function validateRegions(base: SizingInputs, regions: RegionSpec[], catalog: Catalog): { path: string; issue: InputIssue }[] {
  const found: { path: string; issue: InputIssue }[] = [];
  regions.forEach((region, index) => {
    for (const issue of validateInputs(regionInputs(base, region), catalog)) {
      if (issue.field === 'concurrency') found.push({ path: `regions[${index}].concurrency`, issue });
      else if (issue.field in region.overrides) found.push({ path: `regions[${index}].overrides.${issue.field}`, issue });
    }
  });
  return found;
}

/** Sizes each region on its own (HA per region) and totals nodes, sessions and cost. */
export function planRegions(base: SizingInputs, regions: RegionSpec[], catalog: Catalog): PlanResult {
  const results = regions.map((region) => ({ name: region.name, result: planScenario(regionInputs(base, region), catalog) }));
  const feasible = results.every((r) => r.result.feasible);
  const sum = (pick: (r: SizingResult) => number | null | undefined): number | null =>
    feasible ? results.reduce((acc, r) => acc + (pick(r.result) ?? 0), 0) : null;
  return {
    feasible,
    regions: results,
    totals: {
      nodes: sum((r) => r.nodes?.total),
      concurrency: results.reduce((acc, r) => acc + r.result.inputs.concurrency, 0),
      sessionCapacity: sum((r) => (r.nodes ? r.nodes.total * r.sessionsPerNode : 0)),
      capexLowUsd: sum((r) => r.cost?.capexLowUsd),
      capexHighUsd: sum((r) => r.cost?.capexHighUsd),
      opexPerYearUsd: sum((r) => r.cost?.opexPerYearUsd),
      tcoLowUsd: sum((r) => r.cost?.tcoLowUsd),
      tcoHighUsd: sum((r) => r.cost?.tcoHighUsd),
    },
  };
}
