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
  source:
    id === 'nvfp4'
      ? 'NVFP4: 4-bit values with one 8-bit scale per block of 16 values'
      : `IEEE/OCP ${id} storage width`,
}));

/** Precisions that store KV in more bytes than fp8: the ones where fp8 is worth suggesting. `auto` (a model's 16-bit dtype) is. */
export function isWiderThanFp8(precision: PrecisionId | 'auto'): boolean {
  if (precision === 'auto') return true;
  return PRECISION_SIXTEENTHS_OF_BYTE[precision] > PRECISION_SIXTEENTHS_OF_BYTE.fp8;
}

export function bytesPerValue(precision: PrecisionId): number {
  return PRECISION_SIXTEENTHS_OF_BYTE[precision] / 16;
}
