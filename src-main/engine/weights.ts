import type { ModelRecord, WeightsPrecision } from './types.js';
import { BYTES_PER_GIB } from './units.js';

export const WEIGHTS_PRECISIONS: WeightsPrecision[] = ['bf16', 'fp8', 'fp4'];

/**
 * Bytes per parameter of the linear layers in each format, scales included: fp8 with one fp32
 * scale per output channel (negligible, counted as 1); fp4 as NVFP4 (4 bits plus one fp8 scale per
 * 16 values = 9/16 byte; MXFP4's one e8m0 scale per 32 values is 17/32, within 6%).
 */
const LINEAR_BYTES: Record<WeightsPrecision, number> = { bf16: 2, fp8: 1, fp4: 9 / 16 };

/** Parameters of the input embedding and output head (vocabulary × hidden, once if tied). */
function embeddingParams(model: ModelRecord): number {
  if (model.vocabSize === undefined || model.hiddenSize === undefined) return 0;
  return model.vocabSize * model.hiddenSize * (model.tiedEmbeddings ? 1 : 2);
}

/**
 * Weights memory in a format: the embeddings and output head stay in bf16 (as vLLM's fp8 and
 * NVFP4 checkpoints keep them, e.g. RedHatAI/*-FP8-dynamic and nvidia/*-FP4 quantisation configs
 * that exclude lm_head); norms and routers are a rounding error at bf16 and are counted with them.
 */
function weightsGiBIn(model: ModelRecord, precision: WeightsPrecision): number {
  const embeddings = Math.min(embeddingParams(model), model.paramsTotalB * 1e9);
  const linear = model.paramsTotalB * 1e9 - embeddings;
  return (embeddings * 2 + linear * LINEAR_BYTES[precision]) / BYTES_PER_GIB;
}

/**
 * The model as it loads in the chosen format: weightsGiB and weightsFormat follow from the parameters.
 * The checkpoint's own format is the checkpoint as shipped: its record's weights, which a calibration
 * log of it measured too.
 */
export function withWeightsPrecision(model: ModelRecord, precision: WeightsPrecision | undefined): ModelRecord {
  if (precision === undefined || precision === model.weightsFormat) return model;
  return { ...model, weightsGiB: weightsGiBIn(model, precision), weightsFormat: `${precision} (embeddings and output head bf16)` };
}
