import type { Attention, ModelRecord, ServerRecord } from '../types.js';

/**
 * Catalog records in one object shape each. Records declare different subsets of their optional
 * fields (a dense model has no `moe`, a server without a log has no `engineVisibleGiBPerGpu`), and
 * V8 gives each subset, in each key order, its own hidden class: the methods' reads of a model or a
 * server then see five to seven classes and fall back to slow, megamorphic lookups. Every catalog
 * is built from records passed through these functions, so they all share one class per kind
 * (measured with `npm run bench`: the engine method 3.6 → 5.7 M evaluations per second).
 * An absent field stays absent to every reader: it is `undefined`, and JSON leaves it out.
 */
type EveryField<T> = { [K in keyof Required<T>]: T[K] | undefined };

function canonicalAttention(a: Attention): Attention {
  return a.kind === 'gqa'
    ? { kind: a.kind, kvHeads: a.kvHeads, headDim: a.headDim }
    : { kind: a.kind, kvLoraRank: a.kvLoraRank, qkRopeHeadDim: a.qkRopeHeadDim };
}

export function canonicalModel(m: ModelRecord): ModelRecord {
  const moe = m.moe && {
    experts: m.moe.experts,
    expertsPerToken: m.moe.expertsPerToken,
    expertIntermediateSize: m.moe.expertIntermediateSize,
    sharedExperts: m.moe.sharedExperts,
    denseLayers: m.moe.denseLayers,
  };
  const record: EveryField<ModelRecord> = {
    id: m.id,
    name: m.name,
    layers: m.layers,
    slidingWindow: m.slidingWindow && { layers: m.slidingWindow.layers, windowTokens: m.slidingWindow.windowTokens },
    queryHeads: m.queryHeads,
    attention: canonicalAttention(m.attention),
    paramsTotalB: m.paramsTotalB,
    paramsActiveB: m.paramsActiveB,
    weightsGiB: m.weightsGiB,
    weightsFormat: m.weightsFormat,
    maxContextTokens: m.maxContextTokens,
    nativeContextTokens: m.nativeContextTokens,
    hiddenSize: m.hiddenSize,
    intermediateSize: m.intermediateSize,
    vocabSize: m.vocabSize,
    dtype: m.dtype,
    tiedEmbeddings: m.tiedEmbeddings,
    moe,
    source: m.source,
  };
  return record as ModelRecord;
}

export function canonicalServer(s: ServerRecord): ServerRecord {
  const record: EveryField<ServerRecord> = {
    id: s.id,
    name: s.name,
    gpus: s.gpus,
    hbmGBPerGpu: s.hbmGBPerGpu,
    measuredMiBPerGpu: s.measuredMiBPerGpu,
    engineVisibleGiBPerGpu: s.engineVisibleGiBPerGpu,
    hbmBandwidthTBpsPerGpu: s.hbmBandwidthTBpsPerGpu,
    generation: s.generation,
    tflopsBf16PerGpu: s.tflopsBf16PerGpu,
    tflopsFp8PerGpu: s.tflopsFp8PerGpu,
    tflopsFp4PerGpu: s.tflopsFp4PerGpu,
    interconnectGBpsPerGpu: s.interconnectGBpsPerGpu,
    nodePowerKW: s.nodePowerKW,
    priceLowUsd: s.priceLowUsd,
    priceHighUsd: s.priceHighUsd,
    source: s.source,
  };
  return record as ServerRecord;
}
