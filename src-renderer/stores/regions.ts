import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { ScenarioRow } from '../../src-main/api/types';
import {
  NUMBER_RULES,
  planRegions,
  type Catalog,
  type Lang,
  type PlanResult,
  type RegionSpec,
  type SizingInputs,
} from '../../src-main/engine/index';
import { api, ApiCallError } from '../api';
import { currentLanguage } from '../i18n';
import { useLiveEdit } from '../lib/live-edit';
import { numberText, retypeNumber } from '../lib/number-entry';
import { checkOverrides, overrideDrafts, retypeOverrides, type OverrideDraft } from '../lib/overrides';
import { checkNumberText, type FieldIssue } from '../lib/scenario-form';
import { useCatalogsStore } from './catalogs';
import { useScenarioStore, withoutUndefined } from './scenario';

/** One region as typed: its name, its concurrency and the inputs it changes from the base scenario. */
export interface RegionDraft {
  /** Stable across edits, for the list's keys. */
  key: number;
  name: string;
  concurrency: string;
  overrides: OverrideDraft[];
}

/** Problems by path, as the API names them: regions[1].name, regions[1].concurrency, regions[1].overrides.modelId. */
type RegionIssues = Record<string, FieldIssue>;

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
    const overrides = checkOverrides(
      draft.overrides,
      base,
      catalog,
      lang,
      concurrency.value === null ? {} : { concurrency: concurrency.value },
    );
    for (const [field, issue] of Object.entries(overrides.issues)) issues[regionPath(index, field)] ??= issue;
    return { name, concurrency: concurrency.value ?? 0, overrides: overrides.values };
  });
  return { regions: Object.keys(issues).length === 0 ? regions : null, issues };
}

/** A region just removed, with what it takes to put it back. */
interface RemovedRegion {
  draft: RegionDraft;
  index: number;
  scenarioId: number;
}

/** What a plan is sized from: the editor's base inputs and the regions. */
interface PlanQuestion {
  inputs: SizingInputs;
  regions: RegionSpec[];
}

/**
 * The regions of the open scenario (SPEC §6): drafts as typed, the plan sized from the editor's base
 * inputs, and autosave through regions.set. The regions panel carries planState as its ready marker.
 */
export const useRegionsStore = defineStore('regions', () => {
  const scenario = useScenarioStore();
  const catalogs = useCatalogsStore();
  const drafts = ref<RegionDraft[]>([]);
  const serverIssues = ref<RegionIssues>({});
  let scenarioId: number | null = null;
  let nextKey = 1;

  const base = computed(() => scenario.check?.inputs ?? null);
  const check = computed<RegionsCheck | null>(() =>
    base.value && catalogs.catalog ? checkRegions(drafts.value, base.value, catalogs.catalog, currentLanguage()) : null,
  );
  const issues = computed<RegionIssues>(() => ({ ...check.value?.issues, ...serverIssues.value }));

  // No regions, no plan: nothing to ask the main process.
  const live = useLiveEdit<PlanQuestion, PlanResult | null>({
    question: () => (base.value && check.value?.regions ? { inputs: withoutUndefined(base.value), regions: check.value.regions } : null),
    preview: ({ inputs, regions }) =>
      regions.length === 0 ? null : catalogs.catalog ? planRegions(inputs, regions, catalogs.catalog) : undefined,
    ask: ({ inputs, regions }) => (regions.length === 0 ? Promise.resolve(null) : api().call('sizing.plan', { inputs, regions })),
    saveable: () => scenarioId !== null && check.value?.regions != null,
    save,
  });

  async function save(): Promise<void> {
    const regions = check.value!.regions!;
    try {
      const row = await api().call('regions.set', { scenarioId: scenarioId!, regions });
      if (scenario.scenario?.id === row.id) scenario.scenario = row;
    } catch (error) {
      // The main process names the region's field (regions[1].overrides.modelId): show it there.
      if (error instanceof ApiCallError && error.field?.startsWith('regions['))
        serverIssues.value = { [error.field]: { kind: 'server', message: error.message } };
      throw error;
    }
  }

  // Typed figures follow the language, so they keep reading as the same values.
  watch(currentLanguage, (to, from) => {
    for (const draft of drafts.value) {
      draft.concurrency = retypeNumber(draft.concurrency, from, to);
      draft.overrides = retypeOverrides(draft.overrides, from, to);
    }
  });

  // Regions are sized from the base inputs: an edit of the base resizes them (the editor saves the base).
  watch(base, () => {
    if (scenarioId !== null) live.recompute();
  });

  function open(row: ScenarioRow): void {
    scenarioId = row.id;
    const lang = currentLanguage();
    drafts.value = row.regions.map((r) => ({
      key: nextKey++,
      name: r.name,
      concurrency: numberText(r.concurrency, lang),
      overrides: overrideDrafts(r.overrides, lang),
    }));
    serverIssues.value = {};
    live.markSaved();
    live.recompute();
  }

  async function close(): Promise<void> {
    const closing = scenarioId;
    await live.flush();
    // Another scenario may have opened while the last save ran: it keeps its regions.
    if (scenarioId !== closing) return;
    live.reset();
    scenarioId = null;
    drafts.value = [];
  }

  function add(name: string, concurrency: number): void {
    drafts.value.push({ key: nextKey++, name, concurrency: numberText(concurrency, currentLanguage()), overrides: [] });
    edited();
  }

  /** Removes a region and returns it, so that it can be put back (undo). */
  function remove(index: number): RemovedRegion | null {
    const [draft] = drafts.value.splice(index, 1);
    if (!draft || scenarioId === null) return null;
    edited();
    return { draft, index, scenarioId };
  }

  /** Puts a removed region back where it was, while its scenario is still the one open. */
  function restore(removed: RemovedRegion): boolean {
    if (removed.scenarioId !== scenarioId) return false;
    drafts.value.splice(Math.min(removed.index, drafts.value.length), 0, removed.draft);
    edited();
    return true;
  }

  function update(index: number, changes: Partial<Omit<RegionDraft, 'key'>>): void {
    const draft = drafts.value[index];
    if (!draft) return;
    Object.assign(draft, changes);
    edited();
  }

  function edited(): void {
    serverIssues.value = {};
    live.recompute();
    live.edited();
  }

  return {
    drafts,
    plan: live.result,
    planVersion: live.resultVersion,
    planState: live.resultsState,
    planError: live.computeError,
    saveState: live.saveState,
    saveError: live.saveError,
    issues,
    base,
    open,
    close,
    add,
    remove,
    restore,
    update,
    flush: live.flush,
    retrySave: live.retrySave,
  };
});
