import points from './latency-points.json' with { type: 'json' };
import {
  BUILT_IN_CATALOG,
  DEFAULT_LATENCY_EFFICIENCY,
  estimateDecode,
  findModel,
  findServer,
  kvValuesPerTokenLayerPerGpu,
  replicaCosts,
  timeToFirstTokenS,
  type ReplicaCosts,
  type ServerRecord,
} from '../../src-main/engine/index.js';

/**
 * The latency model against public measurements (test/accuracy/latency-points.json). Each point is
 * predicted from the catalog's records and the model's default efficiencies; nothing here is tuned
 * to the published figures.
 */
interface LatencyAccuracyRow {
  id: string;
  kind: 'throughput' | 'tpot' | 'ttft';
  description: string;
  batch: number;
  published: number;
  predicted: number;
  unit: string;
  /** (predicted − published) / published. */
  error: number;
  source: string;
}

type Point = (typeof points.points)[number] & { concurrency?: number };

/** NVFP4: 4-bit values plus one 8-bit scale per 16 (9/16 byte); fp8 one byte. */
const WEIGHT_BYTES = { fp8: 1, fp4: 9 / 16 } as const;
/** TensorRT-LLM's defaults in trtllm-bench: max_batch_size 2048, max_num_tokens 8192, KV from 0.9 of free memory. */
const TRTLLM_MAX_BATCH = 2048;
const TRTLLM_MAX_NUM_TOKENS = 8192;
const TRTLLM_FREE_MEMORY_FRACTION = 0.9;

function peakTflops(server: ServerRecord, precision: 'fp8' | 'fp4'): number {
  const peak = precision === 'fp4' ? server.tflopsFp4PerGpu : server.tflopsFp8PerGpu;
  if (peak === undefined) throw new Error(`${server.id} has no ${precision} TFLOPS`);
  return peak;
}

function costsFor(point: Point): { costs: ReplicaCosts; server: ServerRecord; weightsGiBPerGpu: number } {
  const model = findModel(BUILT_IN_CATALOG, point.model)!;
  const server = findServer(BUILT_IN_CATALOG, point.server)!;
  const precision = point.weightsPrecision as 'fp8' | 'fp4';
  const costs = replicaCosts({
    architecture: { ...model, hiddenSize: model.hiddenSize!, vocabSize: model.vocabSize! },
    tp: point.tp,
    weightBytesPerParam: WEIGHT_BYTES[precision],
    kvBytesPerValue: 1,
    hardware: {
      hbmBandwidthTBps: server.hbmBandwidthTBpsPerGpu,
      peakTflops: peakTflops(server, precision),
      linkGBpsPerDirection: (server.interconnectGBpsPerGpu ?? 0) / 2,
    },
    efficiency: DEFAULT_LATENCY_EFFICIENCY,
  });
  const weightsGiBPerGpu = (model.paramsTotalB * 1e9 * WEIGHT_BYTES[precision]) / point.tp / 2 ** 30;
  return { costs, server, weightsGiBPerGpu };
}

/**
 * Sessions a maximum-throughput run keeps decoding: what TensorRT-LLM's KV cache admits when each
 * request reserves ISL + OSL tokens (its default GUARANTEED_NO_EVICT scheduler), at most its
 * max_batch_size. KV memory is 0.9 of what the weights leave of the memory CUDA reports; activation
 * workspace is ignored (a few GiB), which makes this an upper bound.
 */
function throughputBatch(point: Point, costs: ReplicaCosts, server: ServerRecord, weightsGiBPerGpu: number): number {
  const model = findModel(BUILT_IN_CATALOG, point.model)!;
  const visibleGiB = server.engineVisibleGiBPerGpu ?? server.hbmGBPerGpu * (1e9 / 2 ** 30);
  const kvGiB = TRTLLM_FREE_MEMORY_FRACTION * (visibleGiB - weightsGiBPerGpu);
  const kvBytesPerToken = kvValuesPerTokenLayerPerGpu(model.attention, point.tp) * model.layers;
  const kvTokens = (kvGiB * 2 ** 30) / kvBytesPerToken;
  return Math.min(TRTLLM_MAX_BATCH, Math.floor(kvTokens / (point.promptTokens + point.outputTokens)));
}

function predict(point: Point): { batch: number; predicted: number } {
  const { costs, server, weightsGiBPerGpu } = costsFor(point);
  const lengths = {
    promptTokens: point.promptTokens,
    outputTokens: point.outputTokens,
    contextTokens: point.promptTokens + point.outputTokens,
  };
  if (point.kind === 'throughput') {
    const batch = throughputBatch(point, costs, server, weightsGiBPerGpu);
    const decode = estimateDecode(costs, { ...lengths, batch, maxNumBatchedTokens: TRTLLM_MAX_NUM_TOKENS });
    const replicas = point.gpus / point.tp;
    return { batch, predicted: (replicas * batch) / decode.tpotS };
  }
  const batch = point.concurrency ?? 1;
  const load = { ...lengths, batch, maxNumBatchedTokens: TRTLLM_MAX_NUM_TOKENS };
  if (point.kind === 'tpot') return { batch, predicted: estimateDecode(costs, load).tpotS * 1000 };
  // Concurrency 1: the prompt arrives at an idle replica.
  return { batch, predicted: timeToFirstTokenS(costs, { ...load, batch: 0 }) * 1000 };
}

export function latencyAccuracy(): LatencyAccuracyRow[] {
  return (points.points as Point[]).map((point) => {
    const { batch, predicted } = predict(point);
    const source = points.sources[point.source as keyof typeof points.sources];
    return {
      id: point.id,
      kind: point.kind as LatencyAccuracyRow['kind'],
      description: `${point.modelNote}, ${point.gpus}× ${point.server} TP${point.tp}, ${point.promptTokens}/${point.outputTokens} tokens`,
      batch,
      published: point.published,
      predicted,
      unit: point.unit,
      error: (predicted - point.published) / point.published,
      source: source.url,
    };
  });
}

/** The table `npm run accuracy` prints. */
export function latencyAccuracyTable(rows: LatencyAccuracyRow[]): string {
  const lines = ['Latency model against public measurements (defaults, no fitting)', ''];
  lines.push(
    `${'point'.padEnd(32)}${'kind'.padEnd(12)}${'batch'.padStart(6)}${'published'.padStart(12)}${'predicted'.padStart(12)}${'error'.padStart(9)}  unit`,
  );
  for (const r of rows) {
    const pct = `${r.error >= 0 ? '+' : ''}${(r.error * 100).toFixed(1)}%`;
    lines.push(
      `${r.id.padEnd(32)}${r.kind.padEnd(12)}${String(r.batch).padStart(6)}${r.published.toFixed(1).padStart(12)}${r.predicted.toFixed(1).padStart(12)}${pct.padStart(9)}  ${r.unit}`,
    );
  }
  const within = rows.filter((r) => Math.abs(r.error) <= 0.25).length;
  lines.push('', `${within} of ${rows.length} points within 25%.`, '', 'Sources:');
  for (const [key, source] of Object.entries(points.sources)) lines.push(`  ${key}: ${source.title}, ${source.url}`);
  return lines.join('\n') + '\n';
}
