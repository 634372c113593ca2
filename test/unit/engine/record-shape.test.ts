import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  mergeCatalog,
  overlayCatalog,
  planScenario,
  withDefaults,
  type ModelRecord,
  type ServerRecord,
} from '../../../src-main/engine/index.js';

// The methods read models and servers on every evaluation; records of one kind must share one
// object shape (the same keys in the same order), or those reads become slow lookups (shape.ts).
const keysOf = (record: object) => Object.keys(record).join(',');

const denseModel: ModelRecord = {
  id: 'my-dense-7b',
  name: 'My dense 7B',
  source: 'my own config.json',
  layers: 32,
  queryHeads: 32,
  attention: { kind: 'gqa', kvHeads: 8, headDim: 128 },
  paramsTotalB: 7,
  paramsActiveB: 7,
  weightsGiB: 13.04,
  weightsFormat: 'bf16',
  maxContextTokens: 32768,
};
const plainServer: ServerRecord = {
  source: 'my quote',
  id: 'my-box',
  name: 'My box',
  gpus: 4,
  hbmGBPerGpu: 48,
  hbmBandwidthTBpsPerGpu: 0.86,
  nodePowerKW: 3,
  priceLowUsd: 60_000,
  priceHighUsd: 80_000,
};

describe('catalog records share one shape per kind', () => {
  it('every built-in model has the keys of the first, in its order, and likewise every server', () => {
    const modelShapes = new Set(BUILT_IN_CATALOG.models.map(keysOf));
    const serverShapes = new Set(BUILT_IN_CATALOG.servers.map(keysOf));
    expect([...modelShapes]).toHaveLength(1);
    expect([...serverShapes]).toHaveLength(1);
  });

  it('custom records, whatever fields they give and in whatever order, take the built-in shape', () => {
    const merged = mergeCatalog({ models: [denseModel], servers: [plainServer] });
    const overlaid = overlayCatalog(BUILT_IN_CATALOG, { models: [denseModel], servers: [plainServer] });
    for (const catalog of [merged, overlaid]) {
      expect(keysOf(catalog.models.at(-1)!)).toBe(keysOf(BUILT_IN_CATALOG.models[0]!));
      expect(keysOf(catalog.servers.at(-1)!)).toBe(keysOf(BUILT_IN_CATALOG.servers[0]!));
    }
  });

  it('an absent field stays absent: same values, and JSON leaves it out', () => {
    const model = mergeCatalog({ models: [denseModel] }).models.at(-1)!;
    const server = mergeCatalog({ servers: [plainServer] }).servers.at(-1)!;
    expect(model).toEqual(denseModel);
    expect(server).toEqual(plainServer);
    expect(JSON.parse(JSON.stringify(model))).toStrictEqual(denseModel);
    expect(JSON.parse(JSON.stringify(server))).toStrictEqual(plainServer);
    expect(model.moe).toBeUndefined();
    expect(server.measuredMiBPerGpu).toBeUndefined();
  });

  it('a custom record plans as its own fields say', () => {
    const catalog = mergeCatalog({ models: [denseModel], servers: [plainServer] });
    const result = planScenario(
      withDefaults({ modelId: 'my-dense-7b', serverId: 'my-box', concurrency: 100, effectiveContextTokens: 8192 }, catalog),
      catalog,
    );
    // 32 layers × 8 KV heads × 128 × 2 (K and V) × 8,192 tokens × 1 byte (fp8 default) = 0.5 GiB per session.
    expect(result.kvPerSessionGiB).toBe(0.5);
  });
});
