/**
 * Putting catalogs together (engine/catalogs/index.ts): a catalog file's id clashes, a file laid
 * over a catalog, reference prices, and the native context that YaRN extends.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  catalogIdClashes,
  findModel,
  findServer,
  mergeCatalog,
  nativeContextExceeded,
  overlayCatalog,
  REFERENCE_PRICES_CHECKED,
  referencePriceCheckedOn,
  type CalibrationProfile,
  type Catalog,
} from '../../../src-main/engine/index.js';

const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
const nvme = BUILT_IN_CATALOG.storage[0]!;

describe('id clashes of a catalog file', () => {
  it('names each reused id by its place in the file and what it is, in file order', () => {
    const file: Partial<Catalog> = {
      models: [{ ...llama, id: 'house-llama' }, { ...llama }],
      servers: [{ ...h100 }],
      storage: [{ ...nvme, id: 'house-nvme' }, { ...nvme }],
    };
    expect(catalogIdClashes(BUILT_IN_CATALOG, file)).toEqual([
      { path: 'models[1].id', id: 'llama-3.1-8b', kind: 'model' },
      { path: 'servers[0].id', id: 'dgx100', kind: 'server' },
      { path: 'storage[1].id', id: nvme.id, kind: 'storage profile' },
    ]);
  });

  it('finds none in a file of new ids, or of no records at all', () => {
    expect(catalogIdClashes(BUILT_IN_CATALOG, { models: [{ ...llama, id: 'house-llama' }] })).toEqual([]);
    expect(catalogIdClashes(BUILT_IN_CATALOG, {})).toEqual([]);
  });
});

describe('a catalog file laid over a catalog', () => {
  it("puts the file's records after the catalog's, in place of those with the same ids, and keeps the calibration profiles", () => {
    const profile = { modelId: 'llama-3.1-8b' } as CalibrationProfile;
    const base: Catalog = { ...mergeCatalog({ models: [{ ...llama, id: 'house-llama', name: 'House Llama' }] }), calibrations: [profile] };
    const cheaper = { ...h100, priceLowUsd: 1, priceHighUsd: 2 };
    const overlaid = overlayCatalog(base, { models: [{ ...llama, name: 'Llama (house build)' }], servers: [cheaper] });
    expect(overlaid.models.filter((m) => m.id === 'llama-3.1-8b').map((m) => m.name)).toEqual(['Llama (house build)']);
    expect(overlaid.models.map((m) => m.id)).toEqual([
      ...base.models.map((m) => m.id).filter((id) => id !== 'llama-3.1-8b'),
      'llama-3.1-8b',
    ]);
    expect(findServer(overlaid, 'dgx100')!.priceLowUsd).toBe(1);
    expect(overlaid.servers).toHaveLength(base.servers.length);
    expect(overlaid.storage).toEqual(base.storage);
    expect(overlaid.calibrations).toEqual([profile]);
    expect(overlayCatalog(BUILT_IN_CATALOG, {})).not.toHaveProperty('calibrations');
  });
});

describe('reference prices', () => {
  it('are dated for a built-in server at its built-in prices, and not for changed prices or your own servers', () => {
    expect(referencePriceCheckedOn(h100)).toBe(REFERENCE_PRICES_CHECKED);
    expect(referencePriceCheckedOn({ ...h100, priceLowUsd: h100.priceLowUsd + 1 })).toBeNull();
    expect(referencePriceCheckedOn({ ...h100, priceHighUsd: h100.priceHighUsd + 1 })).toBeNull();
    expect(referencePriceCheckedOn({ ...h100, id: 'house-h100' })).toBeNull();
    const h200 = findServer(BUILT_IN_CATALOG, 'dgx200')!;
    expect(referencePriceCheckedOn({ ...h200, priceLowUsd: h100.priceLowUsd, priceHighUsd: h100.priceHighUsd })).toBeNull();
  });
});

describe('native context', () => {
  it('is exceeded only past the native length, and never for a model that states none', () => {
    const qwen = findModel(BUILT_IN_CATALOG, 'qwen3-32b')!;
    expect(nativeContextExceeded(qwen, 40960)).toBeNull();
    expect(nativeContextExceeded(qwen, 40961)).toBe(40960);
    expect(nativeContextExceeded(qwen, 1000)).toBeNull();
    expect(llama.nativeContextTokens).toBeUndefined();
    expect(nativeContextExceeded(llama, 131072)).toBeNull();
  });
});
