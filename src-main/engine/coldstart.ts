import type { ColdStartEstimate, LocalizedText, ModelRecord, SizingInputs, StorageRecord } from './types.js';
import { BYTES_PER_GB, BYTES_PER_GIB } from './units.js';
import { BUILT_IN_STORAGE, BUILT_IN_STORAGE_SOURCES_PT } from './catalogs/storage.js';

/**
 * Planning default for engine initialisation, in seconds: after the weights are read, current
 * serving engines profile memory, compile the model and capture CUDA graphs before they take
 * traffic, which takes tens of seconds to minutes without a warm compile cache. Sources: vLLM's
 * torch.compile design notes (https://docs.vllm.ai/en/latest/design/torch_compile.html) and its
 * start-up benchmark (vllm/benchmarks/startup.py); "Breaking the Ice: Analyzing Cold Start Latency
 * in vLLM" (arXiv 2606.07362). Replace it with your engine's measured figure.
 */
export const DEFAULT_ENGINE_INIT_S = 60;

/** Built-in storage profiles as a Brazilian engineer names them; custom records keep the name they were given. */
const BUILT_IN_STORAGE_NAMES_PT: Record<string, string> = {
  profile_default: 'NVMe local',
  profile_network_ssd: 'SSD em rede',
  profile_cloud_object: 'Storage de objetos em nuvem',
  profile_ram_cache: 'Cache em RAM do host',
};

/** A storage profile's name in both product languages. */
export function storageName(storage: StorageRecord): LocalizedText {
  return { en: storage.name, 'pt-BR': BUILT_IN_STORAGE_NAMES_PT[storage.id] ?? storage.name };
}

/** A storage profile's note in both languages: a built-in profile's own wording is translated; any other text stays as written. */
export function storageSource(storage: StorageRecord): LocalizedText {
  const builtIn = BUILT_IN_STORAGE.find((s) => s.id === storage.id);
  const translated = builtIn?.source === storage.source ? BUILT_IN_STORAGE_SOURCES_PT[storage.id] : undefined;
  return { en: storage.source, 'pt-BR': translated ?? storage.source };
}

/** Seconds to read one replica's weights from a storage profile. */
function readSeconds(model: ModelRecord, storage: StorageRecord): number {
  return (model.weightsGiB * BYTES_PER_GIB) / (storage.readThroughputGBps * BYTES_PER_GB);
}

/** Seconds to bring one replica up: read the weights, first-byte latency, engine initialisation. */
function coldStartSeconds(model: ModelRecord, storage: StorageRecord, engineInitS: number): number {
  return readSeconds(model, storage) + storage.firstByteLatencyS + engineInitS;
}

export function estimateColdStart(
  model: ModelRecord,
  storage: StorageRecord,
  allStorage: StorageRecord[],
  inputs: SizingInputs,
): ColdStartEstimate {
  const targetS = inputs.coldStartTargetS ?? null;
  const meets = (seconds: number) => (targetS === null ? null : seconds <= targetS);
  const seconds = coldStartSeconds(model, storage, inputs.engineInitS);
  return {
    storageId: storage.id,
    seconds,
    readSeconds: readSeconds(model, storage),
    latencyS: storage.firstByteLatencyS,
    engineInitS: inputs.engineInitS,
    engineInitSource: inputs.engineInitS === DEFAULT_ENGINE_INIT_S ? 'planning-default' : 'your-figure',
    targetS,
    meetsTarget: meets(seconds),
    byStorage: allStorage.map((s) => {
      const t = coldStartSeconds(model, s, inputs.engineInitS);
      return { storageId: s.id, storageName: storageName(s), seconds: t, meetsTarget: meets(t) };
    }),
  };
}
