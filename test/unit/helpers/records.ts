import { BUILT_IN_CATALOG, withDefaults, type ModelRecord, type ServerRecord } from '../../../src-main/engine/index.js';

/** A user's own four-GPU server, with the latency figures the engine-aware method and the optimiser need. */
export const LAB_SERVER: ServerRecord = {
  id: 'lab-4x141',
  name: 'Lab box 4× H200',
  gpus: 4,
  hbmGBPerGpu: 141,
  hbmBandwidthTBpsPerGpu: 4.8,
  nodePowerKW: 5.5,
  priceLowUsd: 150_000,
  priceHighUsd: 180_000,
  generation: 'hopper',
  tflopsBf16PerGpu: 989,
  tflopsFp8PerGpu: 1979,
  interconnectGBpsPerGpu: 900,
  source: 'our quote',
};

/** A user's own dense model (8B, grouped-query attention). */
export const LAB_MODEL: ModelRecord = {
  id: 'lab-model',
  name: 'Lab model',
  layers: 32,
  queryHeads: 32,
  attention: { kind: 'gqa', kvHeads: 8, headDim: 128 },
  paramsTotalB: 8,
  paramsActiveB: 8,
  weightsGiB: 15,
  weightsFormat: 'bf16',
  maxContextTokens: 131_072,
  source: 'model card',
};

/** The optimiser issue's example: Llama 3.1 70B, 2,000 sessions of 8,192 tokens, TPOT ≤ 40 ms. */
export const OPTIMISE_EXAMPLE = withDefaults(
  {
    modelId: 'llama-3.1-70b',
    serverId: 'dgx200',
    concurrency: 2000,
    effectiveContextTokens: 8192,
    promptTokens: 2000,
    outputTokens: 500,
    tpotMs: 40,
  },
  BUILT_IN_CATALOG,
);
