import type { StorageRecord } from '../types.js';

const ASSUMPTION = 'planning assumption, not a measurement: replace with your own figures';
const ASSUMPTION_PT = 'premissa de planejamento, não uma medição: substitua pelos seus próprios números';

/** The built-in profiles' notes are this product's own wording, so they are translated (a quoted source never is). */
export const BUILT_IN_STORAGE_SOURCES_PT: Record<string, string> = {
  profile_default: `RAID de NVMe local, ~10 GB/s efetivos em leitura sequencial; ${ASSUMPTION_PT}`,
  profile_network_ssd: `SSD conectado pela rede, ~2 GB/s efetivos; ${ASSUMPTION_PT}`,
  profile_cloud_object: `Storage de objetos em nuvem, ~0,5 GB/s efetivos por nó; ${ASSUMPTION_PT}`,
  profile_ram_cache: `Pesos já em cache na RAM do host, ~40 GB/s; ${ASSUMPTION_PT}`,
};

export const BUILT_IN_STORAGE: StorageRecord[] = [
  {
    id: 'profile_default',
    name: 'Local NVMe',
    readThroughputGBps: 10,
    firstByteLatencyS: 0.0001,
    source: `Local NVMe RAID, ~10 GB/s effective sequential read; ${ASSUMPTION}`,
  },
  {
    id: 'profile_network_ssd',
    name: 'Network SSD',
    readThroughputGBps: 2,
    firstByteLatencyS: 0.001,
    source: `Network-attached SSD, ~2 GB/s effective; ${ASSUMPTION}`,
  },
  {
    id: 'profile_cloud_object',
    name: 'Cloud object storage',
    readThroughputGBps: 0.5,
    firstByteLatencyS: 0.05,
    source: `Cloud object storage, ~0.5 GB/s effective per node; ${ASSUMPTION}`,
  },
  {
    id: 'profile_ram_cache',
    name: 'Host RAM cache',
    readThroughputGBps: 40,
    firstByteLatencyS: 0,
    source: `Weights already cached in host RAM, ~40 GB/s; ${ASSUMPTION}`,
  },
];
