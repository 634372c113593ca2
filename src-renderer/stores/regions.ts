import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { ScenarioRow } from '../../src-main/api/types';
import { NUMBER_RULES, type Catalog, type Lang, type PlanResult, type RegionSpec, type SizingInputs } from '../../src-main/engine/index';
import { api, ApiCallError } from '../api';
import { currentLanguage } from '../i18n';
import { checkOverrides, overrideDrafts, retypeOverrides, type OverrideDraft } from '../lib/overrides';
import { numberText, retypeNumber } from '../lib/number-entry';
import { checkNumberText, type FieldIssue } from '../lib/scenario-form';
import { createScheduler, debounce } from '../lib/schedule';
import { useCatalogsStore } from './catalogs';
import { COMPUTE_INTERVAL_MS, SAVE_DELAY_MS, useScenarioStore, withoutUndefined, type ResultsState, type SaveState } from './scenario';

/** One region as typed: its name, its concurrency and the inputs it changes from the base scenario. */
export interface RegionDraft {
  /** Stable across edits, for the list's keys. */
  key: number;
  name: string;
  concurrency: string;
  overrides: OverrideDraft[];
}

/** Problems by path, as the API names them: regions[1].name, regions[1].concurrency, regions[1].overrides.modelId. */
export type RegionIssues = Record<string, FieldIssue>;

export function regionPath(index: number, field: string): string {
  return field === 'name' || field === 'concurrency' ? `regions[${index}].${field}` : `regions[${index}].overrides.${field}`;
}

interface RegionsCheck {
  /** The regions to size and save, or null while any has an issue. */
  regions: RegionSpec[] | null;
  issues: RegionIssues;
}

/** Each region's typed fields and overrides against the engine's rules; names must be distinct. */
function checkRegions(drafts: RegionDraft[], base: SizingInputs, catalog: Catalog, lang: Lang): RegionsCheck {
  const issues: RegionIssues = {};
  const seen = new Set<string>();
  const regions = drafts.map((draft, index) => {
    const name = draft.name.trim();
    const key = name.toLocaleLowerCase();
    if (!name) issues[regionPath(index, 'name')] = { kind: 'required' };
    else if (seen.has(key)) issues[regionPath(index, 'name')] = { kind: 'duplicate-name', name };
    seen.add(key);
    const concurrency = checkNumberText(draft.concurrency, NUMBER_RULES.concurrency, lang);
    if (concurrency.issue) issues[regionPath(index, 'concurrency')] = concurrency.issue;
    const overrides = checkOverrides(draft.overrides, base, catalog, lang, concurrency.value === null ? {} : { concurrency: concurrency.value });
    for (const [field, issue] of Object.entries(overrides.issues)) issues[regionPath(index, field)] ??= issue;
    return { name, concurrency: concurrency.value ?? 0, overrides: overrides.values };
  });
  return { regions: Object.keys(issues).length === 0 ? regions : null, issues };
}

/**
 * The regions of the open scenario (SPEC §6): drafts as typed, the plan sized from the editor's base
 * inputs, and autosave through regions.set. The regions panel carries planState as its ready marker.
 */
export const useRegionsStore = defineStore('regions', () => {
  const scenario = useScenarioStore();
  const catalogs = useCatalogsStore();
  const drafts = ref<RegionDraft[]>([]);
  const plan = shallowRef<PlanResult | null>(null);
  const planState = ref<ResultsState>('idle');
  const planError = ref<unknown>(null);
  const saveState = ref<SaveState>('saved');
  const saveError = ref<unknown>(null);
  const serverIssues = ref<RegionIssues>({});
  let scenarioId: number | null = null;
  let nextKey = 1;
  /** Bumped by every change that the plan depends on, and by region edits only (for the save state). */
  let planVersion = 0;
  let editVersion = 0;
  let computeSeq = 0;
  let saving: Promise<void> = Promise.resolve();

  const base = computed(() => scenario.check?.inputs ?? null);
  const check = computed<RegionsCheck | null>(() => (base.value && catalogs.catalog ? checkRegions(drafts.value, base.value, catalogs.catalog, currentLanguage()) : null));
  const issues = computed<RegionIssues>(() => ({ ...check.value?.issues, ...serverIssues.value }));

  const scheduler = createScheduler(COMPUTE_INTERVAL_MS, () => void compute());
  const saver = debounce(SAVE_DELAY_MS, () => void queueSave());

  // Typed figures follow the language, so they keep reading as the same values.
  watch(currentLanguage, (to, from) => {
    for (const draft of drafts.value) {
      draft.concurrency = retypeNumber(draft.concurrency, from, to);
      draft.overrides = retypeOverrides(draft.overrides, from, to);
    }
  });

  // Regions are sized from the base inputs: an edit of the base resizes them (the editor saves the base).
  watch(base, () => {
    if (scenarioId !== null) recompute();
  });

  function open(row: ScenarioRow): void {
    scenarioId = row.id;
    const lang = currentLanguage();
    drafts.value = row.regions.map((r) => ({ key: nextKey++, name: r.name, concurrency: numberText(r.concurrency, lang), overrides: overrideDrafts(r.overrides, lang) }));
    serverIssues.value = {};
    saveState.value = 'saved';
    saveError.value = null;
    recompute();
  }

  async function close(): Promise<void> {
    const closing = scenarioId;
    await flush();
    // Another scenario may have opened while the last save ran: it keeps its regions.
    if (scenarioId !== closing) return;
    scheduler.cancel();
    planVersion++;
    computeSeq++;
    scenarioId = null;
    drafts.value = [];
    plan.value = null;
    planState.value = 'idle';
  }

  function add(name: string, concurrency: number): void {
    drafts.value.push({ key: nextKey++, name, concurrency: numberText(concurrency, currentLanguage()), overrides: [] });
    edited();
  }

  function remove(index: number): void {
    drafts.value.splice(index, 1);
    edited();
  }

  function update(index: number, changes: Partial<Omit<RegionDraft, 'key'>>): void {
    const draft = drafts.value[index];
    if (!draft) return;
    Object.assign(draft, changes);
    edited();
  }

  function edited(): void {
    editVersion++;
    serverIssues.value = {};
    recompute();
    if (check.value?.regions) {
      saveState.value = 'pending';
      saver.request();
    } else {
      saver.cancel();
      saveState.value = 'invalid';
    }
  }

  function recompute(): void {
    planVersion++;
    if (drafts.value.length === 0) {
      scheduler.cancel();
      computeSeq++;
      plan.value = null;
      planState.value = 'ready';
    } else if (!check.value?.regions) {
      scheduler.cancel();
      planState.value = 'invalid';
    } else {
      planState.value = 'pending';
      scheduler.request();
    }
  }

  async function compute(): Promise<void> {
    const regions = check.value?.regions;
    const inputs = base.value;
    if (!regions || regions.length === 0 || !inputs) return;
    const seq = ++computeSeq;
    const atVersion = planVersion;
    try {
      const answer = await api().call('sizing.plan', { inputs: withoutUndefined(inputs), regions });
      if (seq !== computeSeq) return;
      plan.value = answer;
      planError.value = null;
      if (atVersion === planVersion) planState.value = 'ready';
    } catch (error) {
      if (seq !== computeSeq) return;
      planError.value = error;
      if (atVersion === planVersion) planState.value = 'error';
    }
  }

  function queueSave(): Promise<void> {
    saving = saving.then(save);
    return saving;
  }

  async function save(): Promise<void> {
    const regions = check.value?.regions;
    if (scenarioId === null || !regions) return;
    const atVersion = editVersion;
    saveState.value = 'saving';
    try {
      const row = await api().call('regions.set', { scenarioId, regions });
      if (scenario.scenario?.id === row.id) scenario.scenario = row;
      saveError.value = null;
      if (atVersion === editVersion && !saver.pending) saveState.value = 'saved';
    } catch (error) {
      saveError.value = error;
      saveState.value = 'error';
      // The main process names the region's field (regions[1].overrides.modelId): show it there.
      if (error instanceof ApiCallError && error.field?.startsWith('regions[')) serverIssues.value = { [error.field]: { kind: 'server', message: error.message } };
    }
  }

  /** Saves now (before exporting, comparing or leaving). */
  async function flush(): Promise<void> {
    saver.flush();
    await saving;
  }

  return { drafts, plan, planState, planError, saveState, saveError, issues, base, open, close, add, remove, update, flush };
});
