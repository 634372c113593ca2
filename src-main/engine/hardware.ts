import type { GpuGeneration, ModelDtype } from './types.js';

export const MODEL_DTYPES: ModelDtype[] = ['fp32', 'fp16', 'bf16', 'fp8'];
export const GPU_GENERATIONS: GpuGeneration[] = ['ampere', 'ada', 'hopper', 'blackwell', 'blackwell-ultra', 'cdna3', 'cdna4'];

/**
 * Tensor-core formats each generation runs natively, from the vendors' architecture documents:
 * fp8 arrived with Ada/Hopper (NVIDIA) and CDNA 3 (AMD); 4-bit floating point (NVFP4 / MXFP4) with
 * Blackwell and CDNA 4. Ampere has no fp8 units: engines there fall back to weight-only kernels.
 */
export const NATIVE_FORMATS: Record<GpuGeneration, { fp8: boolean; fp4: boolean }> = {
  ampere: { fp8: false, fp4: false },
  ada: { fp8: true, fp4: false },
  hopper: { fp8: true, fp4: false },
  blackwell: { fp8: true, fp4: true },
  'blackwell-ultra': { fp8: true, fp4: true },
  cdna3: { fp8: true, fp4: false },
  cdna4: { fp8: true, fp4: true },
};

/** Who makes each generation: an engine that runs on one vendor's GPUs only is no option on the other's. */
export const GPU_VENDOR: Record<GpuGeneration, 'nvidia' | 'amd'> = {
  ampere: 'nvidia',
  ada: 'nvidia',
  hopper: 'nvidia',
  blackwell: 'nvidia',
  'blackwell-ultra': 'nvidia',
  cdna3: 'amd',
  cdna4: 'amd',
};
