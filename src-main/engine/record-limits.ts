import type { NumberRule } from './inputs.js';

/** A record field's physical range and its unit, for messages ("GB", "tokens"). */
export interface RecordFieldRule extends NumberRule {
  unit: string;
}

const int = (min: number, max: number, unit: string): RecordFieldRule => ({ integer: true, min, max, unit });
const real = (min: number, max: number, unit: string): RecordFieldRule => ({ min, max, unit });

/**
 * The physical range of every number a catalog record can carry. The one schema (schemas/index.ts)
 * builds its checks from this table, so the app, the command line, project and catalog files and
 * the API refuse the same values. Ranges are generous (ten times beyond any accelerator or model
 * known in 2026) but finite and bounded away from zero where a figure divides: that is what keeps
 * every result free of NaN and Infinity (a server of 1e308 GB, a storage of 5e-324 GB/s).
 */
export const RECORD_RULES = {
  model: {
    layers: int(1, 1000, 'layers'), // largest published: ~200
    'slidingWindow.layers': int(0, 1000, 'layers'), // and at most `layers`
    'slidingWindow.windowTokens': int(1, 10_000_000, 'tokens'),
    queryHeads: int(1, 4096, 'heads'),
    'attention.kvHeads': int(1, 4096, 'heads'),
    'attention.headDim': int(1, 4096, 'values'),
    'attention.kvLoraRank': int(1, 65_536, 'values'),
    'attention.qkRopeHeadDim': int(0, 4096, 'values'),
    paramsTotalB: real(0.001, 100_000, 'billion parameters'), // 1 M to 100 T
    paramsActiveB: real(0.001, 100_000, 'billion parameters'), // and at most paramsTotalB
    weightsGiB: real(0.001, 1_000_000, 'GiB'),
    maxContextTokens: int(1, 10_000_000, 'tokens'), // the effective-context input's own limit
    nativeContextTokens: int(1, 10_000_000, 'tokens'),
    hiddenSize: int(1, 262_144, 'values'), // largest published: 25,600 (Llama 3.1 405B 16,384)
    intermediateSize: int(1, 1_048_576, 'values'),
    vocabSize: int(1, 10_000_000, 'tokens'),
    'moe.experts': int(1, 100_000, 'experts'),
    'moe.expertsPerToken': int(1, 100_000, 'experts'), // and at most moe.experts
    'moe.expertIntermediateSize': int(1, 1_048_576, 'values'),
    'moe.sharedExperts': int(0, 1024, 'experts'),
    'moe.denseLayers': int(0, 1000, 'layers'), // and at most `layers`
  },
  server: {
    gpus: int(1, 1024, 'GPUs'),
    hbmGBPerGpu: real(1, 10_000, 'GB'), // 2026's largest: 288 GB
    measuredMiBPerGpu: real(1, 10_000_000, 'MiB'),
    engineVisibleGiBPerGpu: real(0.5, 10_000, 'GiB'),
    hbmBandwidthTBpsPerGpu: real(0.01, 1000, 'TB/s'), // 2026's fastest: 8 TB/s
    tflopsBf16PerGpu: real(0.1, 1_000_000, 'TFLOPS'),
    tflopsFp8PerGpu: real(0.1, 1_000_000, 'TFLOPS'),
    tflopsFp4PerGpu: real(0.1, 1_000_000, 'TFLOPS'),
    interconnectGBpsPerGpu: real(0.1, 100_000, 'GB/s'),
    nodePowerKW: real(0.01, 1000, 'kW'), // an 8-GPU node draws 5–15 kW, a rack ~130 kW
    priceLowUsd: real(0, 1e9, 'USD'),
    priceHighUsd: real(0, 1e9, 'USD'), // and at least priceLowUsd
  },
  storage: {
    readThroughputGBps: real(0.001, 10_000, 'GB/s'), // 1 MB/s to 10 TB/s
    firstByteLatencyS: real(0, 3600, 'seconds'),
  },
  price: {
    priceLowUsd: real(0, 1e9, 'USD'),
    priceHighUsd: real(0, 1e9, 'USD'),
  },
} as const satisfies Record<string, Record<string, RecordFieldRule>>;
