import type { Catalog, ModelRecord, ServerRecord, StorageRecord } from '../types.js';
import { BUILT_IN_MODELS } from './models.js';
import { BUILT_IN_SERVERS, REFERENCE_PRICES_CHECKED } from './servers.js';
import { BUILT_IN_STORAGE } from './storage.js';
import { canonicalModel, canonicalServer } from './shape.js';

export { BUILT_IN_SERVERS, REFERENCE_PRICES_CHECKED };

export const BUILT_IN_CATALOG: Catalog = {
  models: BUILT_IN_MODELS,
  servers: BUILT_IN_SERVERS,
  storage: BUILT_IN_STORAGE,
};

/** Built-in records followed by custom ones; a custom id never shadows a built-in one. */
export function mergeCatalog(custom: Partial<Catalog>): Catalog {
  return {
    models: mergeById(BUILT_IN_MODELS, (custom.models ?? []).map(canonicalModel)),
    servers: mergeById(BUILT_IN_SERVERS, (custom.servers ?? []).map(canonicalServer)),
    storage: mergeById(BUILT_IN_STORAGE, custom.storage ?? []),
  };
}

function mergeById<T extends { id: string }>(builtIn: T[], custom: T[]): T[] {
  const taken = new Set(builtIn.map((r) => r.id));
  return [...builtIn, ...custom.filter((r) => !taken.has(r.id))];
}

const FILE_KINDS = [
  ['models', 'model'],
  ['servers', 'server'],
  ['storage', 'storage profile'],
] as const;

/**
 * Where a catalog file's records reuse ids already in a catalog ("models[2].id"), with what each
 * id is: a file may replace them only when the user says so.
 */
export function catalogIdClashes(base: Catalog, file: Partial<Catalog>): { path: string; id: string; kind: string }[] {
  return FILE_KINDS.flatMap(([list, kind]) => {
    const taken = new Set(base[list].map((r) => r.id));
    return (file[list] ?? []).flatMap((r, i) => (taken.has(r.id) ? [{ path: `${list}[${i}].id`, id: r.id, kind }] : []));
  });
}

/** A catalog with a file's records added, each replacing the record of the same id. */
export function overlayCatalog(base: Catalog, file: Partial<Catalog>): Catalog {
  const overlay = <T extends { id: string }>(records: T[], extra: T[] = []) => {
    const replaced = new Set(extra.map((r) => r.id));
    return [...records.filter((r) => !replaced.has(r.id)), ...extra];
  };
  const kept = base.calibrations ? { calibrations: base.calibrations } : {};
  return {
    models: overlay(base.models, file.models?.map(canonicalModel)),
    servers: overlay(base.servers, file.servers?.map(canonicalServer)),
    storage: overlay(base.storage, file.storage),
    ...kept,
  };
}

export function findModel(catalog: Catalog, id: string): ModelRecord | undefined {
  return catalog.models.find((m) => m.id === id);
}
export function findServer(catalog: Catalog, id: string): ServerRecord | undefined {
  return catalog.servers.find((s) => s.id === id);
}
export function findStorage(catalog: Catalog, id: string): StorageRecord | undefined {
  return catalog.storage.find((s) => s.id === id);
}

/**
 * The month a server's price range was checked against public sources ("2026-12") when it is the
 * built-in reference range; null for your own records and prices, whose date you know.
 */
export function referencePriceCheckedOn(server: ServerRecord): string | null {
  const builtIn = BUILT_IN_SERVERS.find((s) => s.id === server.id);
  const same = builtIn !== undefined && builtIn.priceLowUsd === server.priceLowUsd && builtIn.priceHighUsd === server.priceHighUsd;
  return same ? REFERENCE_PRICES_CHECKED : null;
}

/** The model's native context when a plan holds more tokens than it (serving them needs YaRN rope scaling), else null. */
export function nativeContextExceeded(model: ModelRecord, contextTokens: number): number | null {
  return model.nativeContextTokens !== undefined && contextTokens > model.nativeContextTokens ? model.nativeContextTokens : null;
}
