import type { Catalog, ModelRecord, ServerRecord, StorageRecord } from '../types.js';
import { BUILT_IN_MODELS } from './models.js';
import { BUILT_IN_SERVERS } from './servers.js';
import { BUILT_IN_STORAGE } from './storage.js';

export { BUILT_IN_MODELS, BUILT_IN_SERVERS, BUILT_IN_STORAGE };

export const BUILT_IN_CATALOG: Catalog = {
  models: BUILT_IN_MODELS,
  servers: BUILT_IN_SERVERS,
  storage: BUILT_IN_STORAGE,
};

/** Built-in records followed by custom ones; a custom id never shadows a built-in one. */
export function mergeCatalog(custom: Partial<Catalog>): Catalog {
  return {
    models: mergeById(BUILT_IN_MODELS, custom.models ?? []),
    servers: mergeById(BUILT_IN_SERVERS, custom.servers ?? []),
    storage: mergeById(BUILT_IN_STORAGE, custom.storage ?? []),
  };
}

function mergeById<T extends { id: string }>(builtIn: T[], custom: T[]): T[] {
  const taken = new Set(builtIn.map((r) => r.id));
  return [...builtIn, ...custom.filter((r) => !taken.has(r.id))];
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
