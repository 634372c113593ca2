import type { ColdStartEstimate, ModelRecord, SizingInputs, StorageRecord } from './types.js';
import { BYTES_PER_GB, BYTES_PER_GIB } from './units.js';

/** Seconds to bring one replica up: read the weights, first-byte latency, engine initialisation. */
export function coldStartSeconds(model: ModelRecord, storage: StorageRecord, engineInitS: number): number {
  const readSeconds = (model.weightsGiB * BYTES_PER_GIB) / (storage.readThroughputGBps * BYTES_PER_GB);
  return readSeconds + storage.firstByteLatencyS + engineInitS;
}

export function estimateColdStart(
  model: ModelRecord,
  storage: StorageRecord,
  allStorage: StorageRecord[],
  inputs: SizingInputs,
): ColdStartEstimate {
  const targetS = inputs.coldStartTargetS ?? null;
  const meets = (seconds: number) => (targetS === null ? null : seconds <= targetS);
  const readSeconds = (model.weightsGiB * BYTES_PER_GIB) / (storage.readThroughputGBps * BYTES_PER_GB);
  const seconds = coldStartSeconds(model, storage, inputs.engineInitS);
  return {
    storageId: storage.id,
    seconds,
    readSeconds,
    latencyS: storage.firstByteLatencyS,
    engineInitS: inputs.engineInitS,
    targetS,
    meetsTarget: meets(seconds),
    byStorage: allStorage.map((s) => {
      const t = coldStartSeconds(model, s, inputs.engineInitS);
      return { storageId: s.id, seconds: t, meetsTarget: meets(t) };
    }),
  };
}
