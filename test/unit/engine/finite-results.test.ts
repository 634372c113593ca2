import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KV_PRECISION_CHOICES,
  planScenario,
  RECORD_RULES,
  validateInputs,
  withDefaults,
  type Catalog,
  type ModelRecord,
  type RecordFieldRule,
  type ServerRecord,
  type SizingInputs,
  type StorageRecord,
} from '../../../src-main/engine/index.js';
import { modelRecordSchema, serverRecordSchema, storageRecordSchema } from '../../../src-main/schemas/index.js';

/** Any value the rule allows, its bounds included (the edges are where NaN and Infinity hide). */
const inRange = (rule: RecordFieldRule) =>
  rule.integer
    ? fc.integer({ min: rule.min, max: rule.max })
    : fc.oneof(fc.constantFrom(rule.min, rule.max), fc.double({ min: rule.min, max: rule.max, noNaN: true }));
const M = RECORD_RULES.model;
const S = RECORD_RULES.server;

const arbModel: fc.Arbitrary<ModelRecord> = fc
  .record({
    layers: inRange(M.layers),
    queryHeadsPerKv: fc.integer({ min: 1, max: 16 }),
    kvHeads: fc.integer({ min: 1, max: 64 }),
    headDim: inRange(M['attention.headDim']),
    mla: fc.boolean(),
    paramsTotalB: inRange(M.paramsTotalB),
    activeShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    weightsGiB: inRange(M.weightsGiB),
    maxContextTokens: inRange(M.maxContextTokens),
    hiddenSize: inRange(M.hiddenSize),
    intermediateSize: inRange(M.intermediateSize),
    vocabSize: inRange(M.vocabSize),
    moe: fc.option(
      fc.record({
        experts: fc.integer({ min: 1, max: 512 }),
        expertsPerToken: fc.integer({ min: 1, max: 8 }),
        expertIntermediateSize: inRange(M['moe.expertIntermediateSize']),
      }),
    ),
    sliding: fc.option(
      fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), windowTokens: inRange(M['slidingWindow.windowTokens']) }),
    ),
  })
  .map((v) => ({
    id: 'm',
    name: 'm',
    layers: v.layers,
    queryHeads: Math.min(4096, v.kvHeads * v.queryHeadsPerKv),
    attention: v.mla
      ? { kind: 'mla' as const, kvLoraRank: 512, qkRopeHeadDim: 64 }
      : { kind: 'gqa' as const, kvHeads: v.kvHeads, headDim: v.headDim },
    paramsTotalB: v.paramsTotalB,
    paramsActiveB: Math.max(M.paramsActiveB.min, v.paramsTotalB * v.activeShare),
    weightsGiB: v.weightsGiB,
    weightsFormat: 'bf16',
    maxContextTokens: v.maxContextTokens,
    hiddenSize: v.hiddenSize,
    intermediateSize: v.intermediateSize,
    vocabSize: v.vocabSize,
    dtype: 'bf16' as const,
    ...(v.moe ? { moe: { ...v.moe, expertsPerToken: Math.min(v.moe.expertsPerToken, v.moe.experts) } } : {}),
    ...(v.sliding ? { slidingWindow: { layers: Math.floor(v.layers * v.sliding.share), windowTokens: v.sliding.windowTokens } } : {}),
    source: 'random record within RECORD_RULES',
  }));

const arbServer: fc.Arbitrary<ServerRecord> = fc
  .record({
    gpus: fc.constantFrom(1, 2, 4, 8, 16, 1024),
    hbmGBPerGpu: inRange(S.hbmGBPerGpu),
    hbmBandwidthTBpsPerGpu: inRange(S.hbmBandwidthTBpsPerGpu),
    nodePowerKW: inRange(S.nodePowerKW),
    priceLowUsd: inRange(S.priceLowUsd),
    priceSpread: fc.double({ min: 0, max: 1, noNaN: true }),
    interconnectGBpsPerGpu: inRange(S.interconnectGBpsPerGpu),
  })
  .map((v) => ({
    id: 's',
    name: 's',
    gpus: v.gpus,
    hbmGBPerGpu: v.hbmGBPerGpu,
    hbmBandwidthTBpsPerGpu: v.hbmBandwidthTBpsPerGpu,
    nodePowerKW: v.nodePowerKW,
    priceLowUsd: v.priceLowUsd,
    priceHighUsd: v.priceLowUsd + (S.priceHighUsd.max - v.priceLowUsd) * v.priceSpread,
    interconnectGBpsPerGpu: v.interconnectGBpsPerGpu,
    source: 'random record within RECORD_RULES',
  }));

const arbStorage: fc.Arbitrary<StorageRecord> = fc
  .record({
    readThroughputGBps: inRange(RECORD_RULES.storage.readThroughputGBps),
    firstByteLatencyS: inRange(RECORD_RULES.storage.firstByteLatencyS),
  })
  .map((v) => ({ id: 'profile_default', name: 'st', ...v, source: 'random record within RECORD_RULES' }));

const arbInputs = fc.record({
  method: fc.constantFrom('pooled' as const, 'engine' as const),
  concurrency: fc.integer({ min: 1, max: 100_000_000 }),
  contextShare: fc.double({ min: 0, max: 1, noNaN: true }),
  kvPrecision: fc.constantFrom(...KV_PRECISION_CHOICES.filter((p) => p !== 'nvfp4' && p !== 'int8' && p !== 'fp32')),
  kvBudgetRatio: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  runtimeOverheadGiB: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
  peakHeadroomRatio: fc.double({ min: 0, max: 10, noNaN: true }),
  pricePerNodeUsd: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
  servingEngine: fc.constantFrom('vllm' as const, 'sglang' as const, 'trtllm' as const),
});

/** Every number anywhere in a result, with its path. */
function nonFinite(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(path);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
}

describe('no result ever contains NaN or Infinity (issue 11 item 6)', () => {
  it('holds over random records within their physical ranges and random valid inputs, both methods', () => {
    fc.assert(
      fc.property(arbModel, arbServer, arbStorage, arbInputs, (model, server, storage, i) => {
        expect(modelRecordSchema.safeParse(model).success).toBe(true);
        expect(serverRecordSchema.safeParse(server).success).toBe(true);
        expect(storageRecordSchema.safeParse(storage).success).toBe(true);
        const catalog: Catalog = { models: [model], servers: [server], storage: [storage] };
        const engineFields = i.method === 'engine' ? { servingEngine: i.servingEngine } : {};
        const inputs = withDefaults(
          {
            modelId: 'm',
            serverId: 's',
            concurrency: i.concurrency,
            method: i.method,
            kvPrecision: i.kvPrecision,
            effectiveContextTokens: Math.max(1, Math.floor(model.maxContextTokens * i.contextShare)),
            kvBudgetRatio: i.kvBudgetRatio,
            runtimeOverheadGiB: i.runtimeOverheadGiB,
            peakHeadroomRatio: i.peakHeadroomRatio,
            pricePerNodeUsd: i.pricePerNodeUsd,
            ...engineFields,
          } as SizingInputs,
          catalog,
        );
        if (validateInputs(inputs, catalog).length > 0) return;
        const bad: string[] = [];
        nonFinite(planScenario(inputs, catalog), 'result', bad);
        expect(bad).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a node that holds a billion sessions', () => {
  it('still counts one node for one session (the float guard never rounds a positive need to zero)', () => {
    const model = {
      id: 'm',
      name: 'm',
      layers: 1,
      queryHeads: 1,
      attention: { kind: 'gqa' as const, kvHeads: 1, headDim: 1 },
      paramsTotalB: 0.001,
      paramsActiveB: 0.001,
      weightsGiB: 0.001,
      weightsFormat: 'bf16',
      maxContextTokens: 1,
      hiddenSize: 1,
      intermediateSize: 1,
      vocabSize: 1,
      dtype: 'bf16' as const,
      source: 'test',
    };
    const server = {
      id: 's',
      name: 's',
      gpus: 1,
      hbmGBPerGpu: 183.11179183683564,
      hbmBandwidthTBpsPerGpu: 0.01,
      nodePowerKW: 0.01,
      priceLowUsd: 0,
      priceHighUsd: 0,
      interconnectGBpsPerGpu: 0.1,
      source: 'test',
    };
    const storage = { id: 'profile_default', name: 'st', readThroughputGBps: 0.001, firstByteLatencyS: 0, source: 'test' };
    const catalog: Catalog = { models: [model], servers: [server], storage: [storage] };
    const inputs = withDefaults(
      {
        modelId: 'm',
        serverId: 's',
        concurrency: 1,
        effectiveContextTokens: 1,
        kvPrecision: 'auto',
        kvBudgetRatio: 0.021844578974816963,
        runtimeOverheadGiB: 0,
        peakHeadroomRatio: 0,
      },
      catalog,
    );
    const r = planScenario(inputs, catalog);
    expect(r.sessionsPerNode).toBeGreaterThanOrEqual(1e9);
    expect(r.nodes).toEqual({ capacity: 1, withHeadroom: 1, total: 1 });
    expect(Number.isFinite(r.utilisationRatio)).toBe(true);
  });
});
