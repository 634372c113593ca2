import { GPU_VENDOR } from './hardware.js';
import { enginePolicy, offersKvPrecision, SERVING_ENGINES } from './serving-engines.js';
import type { GpuGeneration, ServingEngine } from './types.js';

/**
 * Bytes per stored value, kept as sixteenths of a byte so every precision (nvfp4 is 4 bits plus
 * one 8-bit scale per 16 values = 9/16 byte) multiplies out to an exact integer byte count.
 */
export const PRECISION_SIXTEENTHS_OF_BYTE = {
  fp32: 64,
  fp16: 32,
  bf16: 32,
  fp8: 16,
  int8: 16,
  nvfp4: 9,
} as const;

export type PrecisionId = keyof typeof PRECISION_SIXTEENTHS_OF_BYTE;

export const PRECISION_IDS = Object.keys(PRECISION_SIXTEENTHS_OF_BYTE) as PrecisionId[];

export interface PrecisionRecord {
  id: PrecisionId;
  bytesPerValue: number;
  source: string;
}

export const PRECISIONS: PrecisionRecord[] = PRECISION_IDS.map((id) => ({
  id,
  bytesPerValue: PRECISION_SIXTEENTHS_OF_BYTE[id] / 16,
  source: id === 'nvfp4' ? 'NVFP4: 4-bit values with one 8-bit scale per block of 16 values' : `IEEE/OCP ${id} storage width`,
}));

/** Precisions that store KV in more bytes than fp8: the ones where fp8 is worth suggesting. `auto` (a model's 16-bit dtype) is. */
export function isWiderThanFp8(precision: PrecisionId | 'auto'): boolean {
  if (precision === 'auto') return true;
  return PRECISION_SIXTEENTHS_OF_BYTE[precision] > PRECISION_SIXTEENTHS_OF_BYTE.fp8;
}

export function bytesPerValue(precision: PrecisionId): number {
  return PRECISION_SIXTEENTHS_OF_BYTE[precision] / 16;
}

/** Serving engines that run only on NVIDIA GPUs (TensorRT-LLM is NVIDIA's own). */
const NVIDIA_ONLY_ENGINES: ServingEngine[] = ['trtllm'];

/** The serving engines that run on a GPU generation; an unknown generation is assumed to run every engine. */
export function enginesOnGpu(generation: GpuGeneration | undefined): ServingEngine[] {
  const amd = generation !== undefined && GPU_VENDOR[generation] === 'amd';
  return SERVING_ENGINES.filter((engine) => !(amd && NVIDIA_ONLY_ENGINES.includes(engine)));
}

/**
 * The serving engines that store KV cache in a precision on a GPU, from each engine's own list
 * (serving-engines.ts): vLLM quantises KV to fp8 only, not int8
 * (https://docs.vllm.ai/en/latest/features/quantization/quantized_kvcache/); SGLang to fp8 or fp4
 * (https://docs.sglang.io/advanced_features/quantized_kv_cache.html); TensorRT-LLM also offers an
 * INT8 KV cache, on NVIDIA GPUs (https://nvidia.github.io/TensorRT-LLM/features/quantization.html).
 */
export function enginesStoringKv(precision: PrecisionId, generation: GpuGeneration | undefined): ServingEngine[] {
  return enginesOnGpu(generation).filter((engine) => offersKvPrecision(enginePolicy(engine), precision));
}
