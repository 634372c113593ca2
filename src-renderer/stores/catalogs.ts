import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { CatalogView, RecordKind, RecordUse } from '../../src-main/api/types';
import { storageName as storageNames, type Catalog, type Lang } from '../../src-main/engine/index';
import { api } from '../api';
import { useCalibrationStore } from './calibration';

export type { RecordKind };

/**
 * The effective catalog (built-in plus the user's records) as the main process serves it, with the
 * stored calibration profiles, so the renderer's own preview sizes a scenario as the main process does.
 */
export const useCatalogsStore = defineStore('catalogs', () => {
  const view = shallowRef<CatalogView | null>(null);
  const calibration = useCalibrationStore();

  const catalog = computed<Catalog | null>(() => {
    if (!view.value) return null;
    const calibrations = calibration.profiles ? { calibrations: calibration.profiles } : {};
    return { models: view.value.models, servers: view.value.servers, storage: view.value.storage, ...calibrations };
  });

  async function load(): Promise<void> {
    // Profiles that cannot be read leave the preview on the formulas; the Calibration tab says why, and the main process's answer has the last word.
    const [listed] = await Promise.all([api().call('catalog.list', {}), calibration.load().catch(() => undefined)]);
    view.value = listed;
  }

  async function add(kind: RecordKind, record: Record<string, unknown>): Promise<void> {
    view.value = await api().call('catalog.add', { kind, record });
  }

  async function update(kind: RecordKind, record: Record<string, unknown>): Promise<void> {
    view.value = await api().call('catalog.update', { kind, record });
  }

  /** The scenarios that use a record: deleting it names them first. */
  function usage(kind: RecordKind, id: string): Promise<RecordUse[]> {
    return api().call('catalog.usage', { kind, id });
  }

  /** A catalog file `{ models, servers, storage }` stored as the user's records (the same file `sizing catalog import` reads). */
  async function importFile(file: unknown, replace: boolean): Promise<{ added: number; replaced: number }> {
    const result = await api().call('catalog.import', { file, replace });
    view.value = result.catalog;
    return { added: result.added, replaced: result.replaced };
  }

  async function remove(kind: RecordKind, id: string): Promise<void> {
    view.value = await api().call('catalog.delete', { kind, id });
  }

  /** A record's display name, or its id when the record is gone. */
  function modelName(id: string): string {
    return view.value?.models.find((m) => m.id === id)?.name ?? id;
  }
  function serverName(id: string): string {
    return view.value?.servers.find((s) => s.id === id)?.name ?? id;
  }
  /** A storage profile's name in the language: built-in profiles have a Portuguese name. */
  function storageName(id: string, lang: Lang): string {
    const record = view.value?.storage.find((s) => s.id === id);
    return record ? storageNames(record)[lang] : id;
  }

  function isCustom(kind: RecordKind, id: string): boolean {
    return view.value?.customIds[kind].includes(id) ?? false;
  }

  return { view, catalog, load, add, update, importFile, remove, usage, isCustom, modelName, serverName, storageName };
});
