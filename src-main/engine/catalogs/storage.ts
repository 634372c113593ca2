import type { StorageRecord } from '../types.js';

const ASSUMPTION = 'planning assumption, not a measurement: replace with your own figures';

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
