import { formatNumber } from './format.js';
import {
  DEFAULT_LATENCY_EFFICIENCY,
  decodeContextTokens,
  estimateDecode,
  largestBatchWithin,
  replicaCosts,
  timeToFirstTokenS,
  type LatencyArchitecture,
  type LatencyEfficiency,
  type ReplicaCosts,
  type ServingLoad,
} from './latency.js';
import { countNodes } from './pooled.js';
import { resolveKvPrecision } from './kv.js';
import { bytesPerValue } from './precision.js';
import type {
  CostEstimate,
  Infeasibility,
  LocalizedText,
  MethodResult,
  ModelRecord,
  NodeCounts,
  ServerRecord,
  SizingInputs,
  WeightsPrecision,
} from './types.js';
import { BYTES_PER_GIB, HOURS_PER_YEAR } from './units.js';

/** What limits sessions per replica, from memory to service targets. */
export type LatencyBindingLimit = 'kv-memory' | 'max-num-seqs' | 'tpot' | 'ttft' | 'weights';
type ComputePrecision = 'bf16' | 'fp8' | 'fp4';

export interface LatencyResult {
  tp: number;
  replicasPerNode: number;
  computePrecision: ComputePrecision;
  /** Sessions a replica is planned for: the smallest of the memory limit and the service targets' limits. */
  sessionsPerReplica: number;
  sessionsPerReplicaByMemory: number;
  sessionsPerReplicaByTpot: number | null;
  sessionsPerReplicaByTtft: number | null;
  /** Sessions on each replica at the planned concurrency, spread evenly over every node. */
  plannedSessionsPerReplica: number;
  /** Tokens each decoding session holds on average (P + O/2, or the effective context). */
  decodeContextTokens: number;
  tpotMs: number;
  /** Null without a prompt length, or when prompts arrive faster than the engine prefills them. */
  ttftS: number | null;
  outputTokensPerSecondPerReplica: number;
  outputTokensPerSecondPerNode: number;
  outputTokensPerSecondPerPlan: number;
  /** TCO (high end of the price range) over every output token of the TCO period at the planned load. */
  tcoPerMillionOutputTokensUsd: number | null;
  tcoPerMillionOutputTokensLowUsd: number | null;
  bindingLimit: LatencyBindingLimit;
  prefillSaturated: boolean;
  efficiency: LatencyEfficiency;
  /** The assumptions behind these figures, in words. */
  notes: LocalizedText[];
}

/** Default step token budget: vLLM's max_num_batched_tokens for its API server on large GPUs (V1). */
const DEFAULT_MAX_NUM_BATCHED_TOKENS = 8192;

/**
 * The format matrix products run in: the chosen weight precision (fp8 weights on fp8 tensor cores,
 * fp4 on fp4; the inputs refuse a format the GPU lacks), else the shipped checkpoint's (fp8
 * checkpoints on fp8 tensor cores where the GPU has them, everything else in bf16: MXFP4 experts are
 * dequantised to bf16 on GPUs without fp4 units).
 */
function computePrecisionOf(model: ModelRecord, server: ServerRecord, weightsPrecision?: WeightsPrecision): ComputePrecision {
  if (weightsPrecision !== undefined && peakTflops(server, weightsPrecision) !== undefined) return weightsPrecision;
  return model.weightsFormat === 'fp8' && server.tflopsFp8PerGpu !== undefined ? 'fp8' : 'bf16';
}

function peakTflops(server: ServerRecord, precision: ComputePrecision): number | undefined {
  if (precision === 'fp4') return server.tflopsFp4PerGpu;
  if (precision === 'fp8') return server.tflopsFp8PerGpu;
  return server.tflopsBf16PerGpu;
}

/** Record fields the latency model needs and a record lacks (custom records may omit them). */
export function missingLatencyFigures(model: ModelRecord, server: ServerRecord): string[] {
  const missing: string[] = [];
  if (model.hiddenSize === undefined) missing.push(`${model.id}.hiddenSize`);
  if (model.vocabSize === undefined) missing.push(`${model.id}.vocabSize`);
  if (server.tflopsBf16PerGpu === undefined) missing.push(`${server.id}.tflopsBf16PerGpu`);
  if (server.gpus > 1 && server.interconnectGBpsPerGpu === undefined) missing.push(`${server.id}.interconnectGBpsPerGpu`);
  return missing;
}

function latencyEfficiency(inputs: SizingInputs): LatencyEfficiency {
  return {
    bandwidth: inputs.bandwidthEfficiency ?? DEFAULT_LATENCY_EFFICIENCY.bandwidth,
    compute: inputs.computeEfficiency ?? DEFAULT_LATENCY_EFFICIENCY.compute,
    communication: inputs.communicationEfficiency ?? DEFAULT_LATENCY_EFFICIENCY.communication,
    allReduceLatencyUs: DEFAULT_LATENCY_EFFICIENCY.allReduceLatencyUs,
  };
}

/**
 * How a node is split into replicas, what memory lets each hold and the step's token budget: the
 * engine method's layout, or for the pooled method (no placement) one replica over all of the
 * node's GPUs with vLLM's default budget.
 */
interface ReplicaLayout {
  tp: number;
  replicasPerNode: number;
  sessionsPerReplicaByMemory: number;
  memoryLimit: 'kv-memory' | 'max-num-seqs';
  maxNumBatchedTokens: number;
}

export function replicaLayout(method: MethodResult, server: ServerRecord): ReplicaLayout {
  const engine = method.engine;
  if (!engine) {
    return {
      tp: server.gpus,
      replicasPerNode: 1,
      sessionsPerReplicaByMemory: method.sessionsPerNode,
      memoryLimit: 'kv-memory',
      maxNumBatchedTokens: DEFAULT_MAX_NUM_BATCHED_TOKENS,
    };
  }
  return {
    tp: engine.tp,
    replicasPerNode: engine.replicasPerNode,
    sessionsPerReplicaByMemory: method.sessionsPerNode / engine.replicasPerNode,
    memoryLimit: engine.bindingLimit === 'max-num-seqs' ? 'max-num-seqs' : 'kv-memory',
    maxNumBatchedTokens: engine.maxNumBatchedTokens,
  };
}

/** Per-GPU costs of one replica of this model on this server, or null when a record lacks the figures. */
export function replicaCostsFor(
  model: ModelRecord,
  server: ServerRecord,
  inputs: SizingInputs,
  layout: Pick<ReplicaLayout, 'tp' | 'maxNumBatchedTokens'>,
): Replica | null {
  if (missingLatencyFigures(model, server).length > 0) return null;
  const precision = computePrecisionOf(model, server, inputs.weightsPrecision);
  const tp = layout.tp;
  const architecture: LatencyArchitecture = { ...model, hiddenSize: model.hiddenSize!, vocabSize: model.vocabSize! };
  const costs = replicaCosts({
    architecture,
    tp,
    // The shipped checkpoint's mean bytes per parameter (MXFP4 experts beside bf16 attention included).
    weightBytesPerParam: (model.weightsGiB * BYTES_PER_GIB) / (model.paramsTotalB * 1e9),
    kvBytesPerValue: bytesPerValue(resolveKvPrecision(inputs.kvPrecision, model)),
    hardware: {
      hbmBandwidthTBps: server.hbmBandwidthTBpsPerGpu,
      peakTflops: peakTflops(server, precision)!,
      // Vendors quote both directions summed (NVLink 4: 900 GB/s = 450 each way).
      linkGBpsPerDirection: (server.interconnectGBpsPerGpu ?? 0) / 2,
    },
    efficiency: latencyEfficiency(inputs),
  });
  return { costs, precision, maxNumBatchedTokens: layout.maxNumBatchedTokens };
}

/** One replica's per-GPU costs, the format it computes in, and its step token budget. */
interface Replica {
  costs: ReplicaCosts;
  precision: ComputePrecision;
  maxNumBatchedTokens: number;
}

function servingLoad(inputs: SizingInputs, batch: number, maxNumBatchedTokens: number): ServingLoad {
  return {
    batch,
    contextTokens: inputs.effectiveContextTokens,
    promptTokens: inputs.promptTokens,
    outputTokens: inputs.outputTokens,
    maxNumBatchedTokens,
  };
}

export function tpotMsAt(replica: Replica, inputs: SizingInputs, batch: number): number {
  return estimateDecode(replica.costs, servingLoad(inputs, batch, replica.maxNumBatchedTokens)).tpotS * 1000;
}

export function ttftSAt(replica: Replica, inputs: SizingInputs, batch: number): number | null {
  if (inputs.promptTokens === undefined) return null;
  return timeToFirstTokenS(replica.costs, {
    ...servingLoad(inputs, batch, replica.maxNumBatchedTokens),
    promptTokens: inputs.promptTokens,
  });
}

/** What the service targets decide before nodes are counted. */
export interface ServingPlan {
  layout: ReplicaLayout;
  replica: Replica;
  sessionsPerReplica: number;
  byTpot: number | null;
  byTtft: number | null;
  bindingLimit: LatencyBindingLimit;
  infeasibility: Infeasibility | null;
}

/**
 * Sessions per replica under the service targets: the largest batch whose TPOT (and TTFT) meets
 * its target, never more than memory allows. A target that batch 1 already misses makes the plan
 * infeasible, with what would fix it. Null when the records lack the latency figures.
 */
export function planServing(
  method: MethodResult,
  inputs: SizingInputs,
  model: ModelRecord,
  server: ServerRecord,
  servers: ServerRecord[],
): ServingPlan | null {
  if (!method.feasible) return null;
  const layout = replicaLayout(method, server);
  const replica = replicaCostsFor(model, server, inputs, layout);
  if (!replica) return null;
  const memory = layout.sessionsPerReplicaByMemory;
  const byTpot = inputs.tpotMs === undefined ? null : largestBatchWithin((b) => tpotMsAt(replica, inputs, b), inputs.tpotMs, memory);
  const byTtft =
    inputs.ttftS === undefined ? null : largestBatchWithin((b) => ttftSAt(replica, inputs, b) ?? Infinity, inputs.ttftS, memory);
  let sessionsPerReplica = memory;
  let bindingLimit: LatencyBindingLimit = layout.memoryLimit;
  if (byTpot !== null && byTpot < sessionsPerReplica) [sessionsPerReplica, bindingLimit] = [byTpot, 'tpot'];
  if (byTtft !== null && byTtft < sessionsPerReplica) [sessionsPerReplica, bindingLimit] = [byTtft, 'ttft'];
  const infeasibility =
    byTpot === 0 ? tpotUnreachable(replica, inputs, model, server, servers) : byTtft === 0 ? ttftUnreachable(replica, inputs) : null;
  return { layout, replica, sessionsPerReplica, byTpot, byTtft, bindingLimit, infeasibility };
}

const ms = (v: number, lang: 'en' | 'pt-BR') => formatNumber(v, lang, 1, 1);

function tpotUnreachable(
  replica: Replica,
  inputs: SizingInputs,
  model: ModelRecord,
  server: ServerRecord,
  servers: ServerRecord[],
): Infeasibility {
  const bestMs = tpotMsAt(replica, inputs, 1);
  const faster = servers
    .filter((s) => s.id !== server.id)
    .filter((s) => {
      // The other server as one replica over all of its GPUs: its fastest layout.
      const other = replicaCostsFor(model, s, inputs, { tp: s.gpus, maxNumBatchedTokens: replica.maxNumBatchedTokens });
      return other !== null && tpotMsAt(other, inputs, 1) <= inputs.tpotMs!;
    })
    .map((s) => s.id);
  const others = faster.length > 0 ? faster.join(', ') : null;
  const target = inputs.tpotMs!;
  // A wider replica reads its share of the weights in parallel: name the node-wide TP when it meets the target.
  const wide =
    inputs.method === 'engine' && inputs.tp !== server.gpus
      ? replicaCostsFor(model, server, inputs, { tp: server.gpus, maxNumBatchedTokens: replica.maxNumBatchedTokens })
      : null;
  const wideMs = wide ? tpotMsAt(wide, inputs, 1) : Infinity;
  const tpFix =
    wideMs <= target
      ? { en: `use TP${server.gpus} (${ms(wideMs, 'en')} ms), `, 'pt-BR': `use TP${server.gpus} (${ms(wideMs, 'pt-BR')} ms), ` }
      : { en: '', 'pt-BR': '' };
  // Rounded up, so that the figure named as a new target is met.
  const reachable = Math.ceil(bestMs * 10) / 10;
  return {
    code: 'tpot-unreachable',
    figures: { tpotTargetMs: target, tpotAtBatchOneMs: bestMs },
    message: {
      en: `Even one session decodes at ${ms(bestMs, 'en')} ms per token on ${server.name}, above the ${ms(target, 'en')} ms target: each step must read the weights and the session's KV from HBM. Raise the target to at least ${ms(reachable, 'en')} ms, ${tpFix.en}${others ? `use a server that meets it (${others}), ` : ''}store the weights or KV in fewer bytes, or shorten the context.`,
      'pt-BR': `Mesmo uma sessão decodifica a ${ms(bestMs, 'pt-BR')} ms por token em ${server.name}, acima da meta de ${ms(target, 'pt-BR')} ms: cada passo precisa ler da HBM os pesos e o KV da sessão. Aumente a meta para pelo menos ${ms(reachable, 'pt-BR')} ms, ${tpFix['pt-BR']}${others ? `use um servidor que a atenda (${others}), ` : ''}guarde os pesos ou o KV em menos bytes ou encurte o contexto.`,
    },
  };
}

function ttftUnreachable(replica: Replica, inputs: SizingInputs): Infeasibility {
  const best = ttftSAt(replica, inputs, 1) ?? Infinity;
  const target = inputs.ttftS!;
  const s = (v: number, lang: 'en' | 'pt-BR') => formatNumber(v, lang, 2, 2);
  const reachable = Math.ceil(best * 100) / 100;
  return {
    code: 'ttft-unreachable',
    figures: { ttftTargetS: target, ttftAtBatchOneS: best },
    message: {
      en: `A prompt of ${formatNumber(inputs.promptTokens!, 'en')} tokens takes ${s(best, 'en')} s to its first token even beside a single session, above the ${s(target, 'en')} s target: prefill is compute-bound. Raise the target to at least ${s(reachable, 'en')} s, shorten the prompt, or use a server with more tensor-core throughput.`,
      'pt-BR': `Um prompt de ${formatNumber(inputs.promptTokens!, 'pt-BR')} tokens leva ${s(best, 'pt-BR')} s até o primeiro token mesmo ao lado de uma única sessão, acima da meta de ${s(target, 'pt-BR')} s: o prefill é limitado por computação. Aumente a meta para pelo menos ${s(reachable, 'pt-BR')} s, encurte o prompt ou use um servidor com mais capacidade de tensor cores.`,
    },
  };
}

/** Sessions per node cut to what the service targets allow and nodes recounted, or the infeasibility they cause. */
export function applyServiceTargets(method: MethodResult, serving: ServingPlan, inputs: SizingInputs): MethodResult {
  if (serving.infeasibility) {
    return { ...method, feasible: false, infeasibility: serving.infeasibility, nodes: null, spareSessions: null, utilisationRatio: null };
  }
  if (serving.bindingLimit === 'kv-memory') return method;
  const sessionsPerNode = serving.sessionsPerReplica * serving.layout.replicasPerNode;
  return { ...method, sessionsPerNode, ...countNodes(inputs, sessionsPerNode) };
}

/** The latency figures at the planned load, once nodes and cost are known. */
export function summariseLatency(serving: ServingPlan, nodes: NodeCounts, cost: CostEstimate | null, inputs: SizingInputs): LatencyResult {
  const replicas = nodes.total * serving.layout.replicasPerNode;
  const sessionsPerReplica = inputs.concurrency / replicas;
  const plannedSessionsPerReplica = Math.ceil(sessionsPerReplica);
  const budget = serving.replica.maxNumBatchedTokens;
  const decode = estimateDecode(serving.replica.costs, servingLoad(inputs, plannedSessionsPerReplica, budget));
  const ttft = ttftSAt(serving.replica, inputs, plannedSessionsPerReplica);
  const perReplica = sessionsPerReplica / decode.tpotS;
  const perPlan = perReplica * replicas;
  const tokensOverPeriod = perPlan * (cost?.years ?? 0) * HOURS_PER_YEAR * 3600;
  const perMillion = (tco: number) => (tokensOverPeriod > 0 ? (tco / tokensOverPeriod) * 1e6 : null);
  return {
    tp: serving.layout.tp,
    replicasPerNode: serving.layout.replicasPerNode,
    computePrecision: serving.replica.precision,
    sessionsPerReplica: serving.sessionsPerReplica,
    sessionsPerReplicaByMemory: serving.layout.sessionsPerReplicaByMemory,
    sessionsPerReplicaByTpot: serving.byTpot,
    sessionsPerReplicaByTtft: serving.byTtft,
    plannedSessionsPerReplica,
    decodeContextTokens: decodeContextTokens(servingLoad(inputs, 0, budget)),
    tpotMs: decode.tpotS * 1000,
    ttftS: ttft === null || !Number.isFinite(ttft) ? null : ttft,
    outputTokensPerSecondPerReplica: perReplica,
    outputTokensPerSecondPerNode: perReplica * serving.layout.replicasPerNode,
    outputTokensPerSecondPerPlan: perPlan,
    tcoPerMillionOutputTokensUsd: cost ? perMillion(cost.tcoHighUsd) : null,
    tcoPerMillionOutputTokensLowUsd: cost ? perMillion(cost.tcoLowUsd) : null,
    bindingLimit: serving.bindingLimit,
    prefillSaturated: decode.prefillSaturated,
    efficiency: latencyEfficiency(inputs),
    notes: inputs.method === 'pooled' ? [...LATENCY_NOTES, POOLED_REPLICA_NOTE] : LATENCY_NOTES,
  };
}

const LATENCY_NOTES: LocalizedText[] = [
  {
    en: 'Roofline estimate from datasheet bandwidth and TFLOPS with the stated efficiencies; queueing for admission is not modelled.',
    'pt-BR':
      'Estimativa de roofline a partir da banda e dos TFLOPS do datasheet com as eficiências informadas; a fila de admissão não é modelada.',
  },
  {
    en: 'Cost per million output tokens assumes the planned concurrency generates around the clock for the whole TCO period (100% utilisation).',
    'pt-BR':
      'O custo por milhão de tokens de saída supõe que a concorrência planejada gera tokens o tempo todo durante todo o período do TCO (100% de utilização).',
  },
];

const POOLED_REPLICA_NOTE: LocalizedText = {
  en: 'The pooled method places no replicas: latency treats each node as one replica across all of its GPUs (tensor parallel over the node).',
  'pt-BR':
    'O método de nó agregado não posiciona réplicas: a latência trata cada nó como uma réplica sobre todas as suas GPUs (paralelismo de tensor no nó).',
};
