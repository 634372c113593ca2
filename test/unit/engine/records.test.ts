import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findModel, findServer, NATIVE_FORMATS, RECORD_RULES } from '../../../src-main/engine/index.js';
import {
  describeZodIssue,
  modelRecordSchema,
  priceOverrideSchema,
  serverRecordSchema,
  storageRecordSchema,
} from '../../../src-main/schemas/index.js';

const first = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const { field, message } = describeZodIssue(parsed.error as never);
  return `${field}: ${message}`;
};

describe('built-in records carry what the engine method and the latency model need', () => {
  it('every built-in record passes the one schema custom records use', () => {
    for (const m of BUILT_IN_CATALOG.models) expect(first(modelRecordSchema, m), m.id).toBeNull();
    for (const s of BUILT_IN_CATALOG.servers) expect(first(serverRecordSchema, s), s.id).toBeNull();
    for (const s of BUILT_IN_CATALOG.storage) expect(first(storageRecordSchema, s), s.id).toBeNull();
  });

  it('every built-in model has its architecture from config.json; MoE models say how experts are laid out', () => {
    for (const m of BUILT_IN_CATALOG.models) {
      expect(m.hiddenSize, m.id).toBeGreaterThan(0);
      expect(m.intermediateSize, m.id).toBeGreaterThan(0);
      expect(m.vocabSize, m.id).toBeGreaterThan(0);
      expect(m.dtype, m.id).toBe('bf16');
      expect(m.source).toMatch(/config\.json/);
      if (m.paramsActiveB < m.paramsTotalB) expect(m.moe, m.id).toBeDefined();
    }
    expect(findModel(BUILT_IN_CATALOG, 'deepseek-v3')!.moe).toEqual({
      experts: 256,
      expertsPerToken: 8,
      expertIntermediateSize: 2048,
      sharedExperts: 1,
      denseLayers: 3,
    });
    expect(findModel(BUILT_IN_CATALOG, 'qwen3-32b')!.nativeContextTokens).toBe(40960);
    expect(findModel(BUILT_IN_CATALOG, 'qwen3-235b-a22b')!.nativeContextTokens).toBe(40960);
  });

  it('parameter counts follow from the architecture within 3% (no record contradicts its own config)', () => {
    for (const m of BUILT_IN_CATALOG.models) {
      const h = m.hiddenSize!;
      const a = m.attention;
      const attention = a.kind === 'gqa' ? h * (m.queryHeads + 2 * a.kvHeads) * a.headDim + m.queryHeads * a.headDim * h : null;
      if (!attention || m.moe) continue; // dense GQA models only: MoE and MLA have more terms
      const mlp = 3 * h * m.intermediateSize!;
      const embeddings = m.vocabSize! * h * (m.tiedEmbeddings ? 1 : 2);
      const params = (m.layers * (attention + mlp) + embeddings) / 1e9;
      expect(Math.abs(params / m.paramsTotalB - 1), m.id).toBeLessThan(0.03);
    }
  });

  it('every built-in server states its generation, dense TFLOPS and interconnect; fp8/fp4 only where the generation has them', () => {
    for (const s of BUILT_IN_CATALOG.servers) {
      expect(s.generation, s.id).toBeDefined();
      expect(s.tflopsBf16PerGpu, s.id).toBeGreaterThan(0);
      expect(s.interconnectGBpsPerGpu, s.id).toBeGreaterThan(0);
      const native = NATIVE_FORMATS[s.generation!];
      expect(s.tflopsFp8PerGpu !== undefined, s.id).toBe(native.fp8);
      expect(s.tflopsFp4PerGpu !== undefined, s.id).toBe(native.fp4);
      if (s.engineVisibleGiBPerGpu !== undefined) expect(s.engineVisibleGiBPerGpu * 1024).toBeLessThan(s.measuredMiBPerGpu!);
    }
  });

  it('datasheet figures the issues corrected: B200 7.7 TB/s and 183,359 MiB, B300 7.75 TB/s and priced above B200', () => {
    const b200 = findServer(BUILT_IN_CATALOG, 'dgxb200')!;
    const b300 = findServer(BUILT_IN_CATALOG, 'dgx300')!;
    expect(b200.hbmBandwidthTBpsPerGpu).toBe(7.7);
    expect(b200.measuredMiBPerGpu).toBe(183359);
    expect(b300.hbmBandwidthTBpsPerGpu).toBe(7.75);
    expect(b300.priceLowUsd).toBeGreaterThanOrEqual(b200.priceLowUsd);
    expect(b300.priceHighUsd).toBeGreaterThanOrEqual(b200.priceHighUsd);
    expect(BUILT_IN_CATALOG.servers.map((s) => s.id)).toEqual(expect.arrayContaining(['dgxa100-80', 'dgxa100-40', 'l40s-8', 'h100nvl-8']));
  });
});

describe('every number a record carries has a physical range', () => {
  const server = { ...findServer(BUILT_IN_CATALOG, 'dgx100')! };
  const model = { ...findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')! };

  it.each([
    ['hbmGBPerGpu', 1e308, /^hbmGBPerGpu: expected a number at least 1 and at most 10,000 \(GB\)$/],
    ['hbmGBPerGpu', 0, /^hbmGBPerGpu: expected a number at least 1/],
    ['priceHighUsd', 1e308, /^priceHighUsd: expected a number at least 0 and at most 1,000,000,000 \(USD\)$/],
    ['hbmBandwidthTBpsPerGpu', 5e-324, /^hbmBandwidthTBpsPerGpu: expected a number at least 0.01/],
    ['nodePowerKW', Infinity, /^nodePowerKW: /],
    ['gpus', 2.5, /^gpus: expected a whole number/],
    ['tflopsFp8PerGpu', -1, /^tflopsFp8PerGpu: /],
    ['engineVisibleGiBPerGpu', 90, /^engineVisibleGiBPerGpu: cannot exceed measuredMiBPerGpu/],
    ['generation', 'volta', /^generation: /],
  ])('server %s = %s is refused with its path', (field, value, expected) => {
    expect(first(serverRecordSchema, { ...server, [field]: value })).toMatch(expected);
  });

  it.each([
    ['hiddenSize', 0, /^hiddenSize: expected a whole number at least 1/],
    ['hiddenSize', 1e308, /^hiddenSize: /],
    ['vocabSize', 0.5, /^vocabSize: /],
    ['paramsActiveB', 9, /^paramsActiveB: active parameters cannot exceed the total$/],
    ['weightsGiB', 5e-324, /^weightsGiB: expected a number at least 0.001/],
    ['dtype', 'int3', /^dtype: /],
    ['moe', { experts: 4, expertsPerToken: 8, expertIntermediateSize: 10 }, /^moe\.expertsPerToken: cannot exceed moe\.experts$/],
    [
      'moe',
      { experts: 4, expertsPerToken: 2, expertIntermediateSize: 10, denseLayers: 40 },
      /^moe\.denseLayers: dense layers cannot exceed layers$/,
    ],
    ['nativeContextTokens', 200_000, /^nativeContextTokens: cannot exceed maxContextTokens$/],
  ])('model %s = %j is refused with its path', (field, value, expected) => {
    expect(first(modelRecordSchema, { ...model, [field]: value })).toMatch(expected);
  });

  it('storage and price records are bounded too', () => {
    expect(first(storageRecordSchema, { id: 's', name: 's', readThroughputGBps: 5e-324, firstByteLatencyS: 0, source: 'x' })).toMatch(
      /^readThroughputGBps: /,
    );
    expect(first(storageRecordSchema, { id: 's', name: 's', readThroughputGBps: 1, firstByteLatencyS: 1e308, source: 'x' })).toMatch(
      /^firstByteLatencyS: /,
    );
    expect(first(priceOverrideSchema, { id: 'dgx100', priceLowUsd: 0, priceHighUsd: 1e308, source: 'x' })).toMatch(/^priceHighUsd: /);
  });

  it('states a unit and a finite range for every field', () => {
    for (const rules of Object.values(RECORD_RULES)) {
      for (const rule of Object.values(rules)) {
        expect(Number.isFinite(rule.max) && Number.isFinite(rule.min) && rule.min < rule.max).toBe(true);
        expect(rule.unit.length).toBeGreaterThan(0);
      }
    }
  });
});
