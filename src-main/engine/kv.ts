import { PRECISION_SIXTEENTHS_OF_BYTE, type PrecisionId } from './precision.js';
import type { KvPrecision, ModelRecord } from './types.js';

/** Values cached per token per layer: K and V for grouped-query attention, one latent for MLA. */
export function kvValuesPerTokenPerLayer(model: ModelRecord): number {
  const a = model.attention;
  return a.kind === 'gqa' ? 2 * a.kvHeads * a.headDim : a.kvLoraRank + a.qkRopeHeadDim;
}

/** Σ over layers of the tokens each layer holds: sliding-window layers hold at most the window. */
export function tokensHeldAcrossLayers(model: Pick<ModelRecord, 'layers' | 'slidingWindow'>, contextTokens: number): number {
  const sliding = model.slidingWindow;
  if (!sliding) return model.layers * contextTokens;
  const fullLayers = model.layers - sliding.layers;
  return fullLayers * contextTokens + sliding.layers * Math.min(contextTokens, sliding.windowTokens);
}

/**
 * KV bytes one session holds. Computed in sixteenths of a byte so it is an exact integer for
 * every precision (largest catalog case, 405B at 131072 tokens in fp32, is ~2^41: far inside 2^53).
 */
export function kvBytesPerSession(model: ModelRecord, contextTokens: number, precision: PrecisionId): number {
  const sixteenths =
    tokensHeldAcrossLayers(model, contextTokens) * kvValuesPerTokenPerLayer(model) * PRECISION_SIXTEENTHS_OF_BYTE[precision];
  return sixteenths / 16;
}

/** `auto` stores KV in the model's own dtype (config.json torch_dtype; bf16 when a record does not say). */
export function resolveKvPrecision(precision: KvPrecision, model: ModelRecord): PrecisionId {
  return precision === 'auto' ? (model.dtype ?? 'bf16') : precision;
}
