import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, estimateColdStart, findModel, findTemplate, type StorageRecord } from '../../../src-main/engine/index.js';

const model = findModel(BUILT_IN_CATALOG, 'opt-oss-120b')!;
const inputs = { ...findTemplate('serverless-multi-region')!.inputs, engineInitS: 30, coldStartTargetS: undefined };
// Round figures so every term of the sum is visible: 1 GB/s, 2 s to the first byte.
const slowDisk: StorageRecord = { id: 'slow-disk', name: 'Slow disk', readThroughputGBps: 1, firstByteLatencyS: 2, source: 'test' };
const readS = (model.weightsGiB * 2 ** 30) / 1e9;

describe('cold start: read the weights, wait for the first byte, initialise the engine', () => {
  it('adds the read time, the first-byte latency and the engine initialisation', () => {
    const c = estimateColdStart(model, slowDisk, [slowDisk], inputs);
    expect(c.readSeconds).toBeCloseTo(readS, 12);
    expect(c.latencyS).toBe(2);
    expect(c.engineInitS).toBe(30);
    expect(c.seconds).toBeCloseTo(readS + 2 + 30, 12);
    expect(c.byStorage).toEqual([
      { storageId: 'slow-disk', storageName: { en: 'Slow disk', 'pt-BR': 'Slow disk' }, seconds: c.seconds, meetsTarget: null },
    ]);
  });

  it('reads GiB of weights at decimal GB per second: a 10 GB/s disk is 1.0737× slower than 10 GiB/s', () => {
    const nvme = BUILT_IN_CATALOG.storage.find((s) => s.id === 'profile_default')!;
    const c = estimateColdStart(model, nvme, BUILT_IN_CATALOG.storage, { ...inputs, engineInitS: 0 });
    expect(c.readSeconds).toBeCloseTo((model.weightsGiB / 10) * (2 ** 30 / 1e9), 12);
    expect(c.seconds).toBeCloseTo(c.readSeconds + 0.0001, 12);
  });

  it('meets a target it equals exactly, misses one a hair below, and has no verdict without a target', () => {
    const seconds = estimateColdStart(model, slowDisk, [slowDisk], inputs).seconds;
    const at = estimateColdStart(model, slowDisk, [slowDisk], { ...inputs, coldStartTargetS: seconds });
    expect(at.meetsTarget).toBe(true);
    expect(at.byStorage[0]!.meetsTarget).toBe(true);
    const below = estimateColdStart(model, slowDisk, [slowDisk], { ...inputs, coldStartTargetS: seconds * (1 - 1e-12) });
    expect(below.meetsTarget).toBe(false);
    expect(below.targetS).toBe(seconds * (1 - 1e-12));
    const none = estimateColdStart(model, slowDisk, [slowDisk], { ...inputs, coldStartTargetS: undefined });
    expect(none).toMatchObject({ targetS: null, meetsTarget: null });
  });

  it('rates every storage profile against the target, each with its own latency and throughput', () => {
    const c = estimateColdStart(model, slowDisk, BUILT_IN_CATALOG.storage, { ...inputs, engineInitS: 0, coldStartTargetS: 5 });
    const expected = BUILT_IN_CATALOG.storage.map((s) => (model.weightsGiB * 2 ** 30) / (s.readThroughputGBps * 1e9) + s.firstByteLatencyS);
    c.byStorage.forEach((s, i) => {
      expect(s.storageId).toBe(BUILT_IN_CATALOG.storage[i]!.id);
      expect(s.seconds).toBeCloseTo(expected[i]!, 12);
      expect(s.meetsTarget).toBe(expected[i]! <= 5);
    });
    expect(c.byStorage.filter((s) => s.meetsTarget).map((s) => s.storageId)).toEqual(['profile_ram_cache']);
  });
});
