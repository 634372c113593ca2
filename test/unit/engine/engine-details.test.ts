import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findModel,
  findServer,
  findTemplate,
  isWiderThanFp8,
  mergeCatalog,
  sizePooled,
  sweep,
  type ServerRecord,
} from '../../../src-main/engine/index.js';

const saas = findTemplate('saas-startup')!.inputs;
const model = findModel(BUILT_IN_CATALOG, 'opt-oss-20b')!;
const dgx200 = findServer(BUILT_IN_CATALOG, 'dgx200')!;

describe('catalog merge', () => {
  it('adds custom records after the built-in ones, and a custom id never shadows a built-in one', () => {
    const mine: ServerRecord = { ...dgx200, id: 'my-box', name: 'My box' };
    const shadow: ServerRecord = { ...dgx200, name: 'Not the real DGX H200' };
    const merged = mergeCatalog({ servers: [mine, shadow] });
    expect(merged.servers.map((s) => s.id)).toEqual([...BUILT_IN_CATALOG.servers.map((s) => s.id), 'my-box']);
    expect(findServer(merged, 'dgx200')!.name).toBe(dgx200.name);
    expect(merged.models).toEqual(BUILT_IN_CATALOG.models);
    expect(merged.storage).toEqual(BUILT_IN_CATALOG.storage);
    expect(mergeCatalog({})).toEqual(BUILT_IN_CATALOG);
  });
});

describe('pooled method details', () => {
  it('utilisation is the load over every planned session slot', () => {
    const r = sizePooled({ ...saas, concurrency: 1500, ha: 'n+1' }, model, dgx200);
    expect(r.nodes!.total).toBe(3);
    expect(r.utilisationRatio).toBeCloseTo(1500 / (3 * 1740), 12);
  });

  it('refuses the measured basis for a server that has no measured capacity, rather than guess', () => {
    const { measuredMiBPerGpu: _, ...unmeasured } = dgx200;
    expect(() => sizePooled({ ...saas, memoryBasis: 'measured' }, model, { ...unmeasured, id: 'plain' })).toThrow(
      'server plain has no measured capacity',
    );
  });

  it('fp8 is the line: only wider precisions get the fp8 advice', () => {
    expect(['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'nvfp4'].map((p) => isWiderThanFp8(p as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('sweep sampling', () => {
  it('the last sample is the end of the range exactly, not from + (n − 1) × step', () => {
    expect(0.01 + 6 * ((0.82 - 0.01) / 6)).toBe(0.8199999999999998);
    const values = sweep({ inputs: saas, catalog: BUILT_IN_CATALOG, field: 'kvBudgetRatio', from: 0.01, to: 0.82, points: 7 }).points.map(
      (p) => p.value,
    );
    expect(values.at(-1)).toBe(0.82);
    expect(values[0]).toBe(0.01);
    expect(values).toHaveLength(7);
  });
});
