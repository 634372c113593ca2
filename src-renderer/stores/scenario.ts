import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { ScenarioRow } from '../../src-main/api/types';
import type { NumberField, SizingInputs, SizingResult } from '../../src-main/engine/index';
import { api } from '../api';
import { currentLanguage } from '../i18n';
import { retypeNumber } from '../lib/number-entry';
import { createScheduler, debounce } from '../lib/schedule';
import { checkDraft, draftFromInputs, type ChoiceField, type DraftCheck, type ScenarioDraft } from '../lib/scenario-form';
import { useCatalogsStore } from './catalogs';
import type { LoadState } from './projects';

/** Results on screen against the inputs on screen; the results container carries it as a marker. */
export type ResultsState = 'idle' | 'pending' | 'ready' | 'invalid' | 'error';
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error';

/** At most one recompute per interval while typing; the first change after a pause runs at once. */
export const COMPUTE_INTERVAL_MS = 150;
export const SAVE_DELAY_MS = 600;
const NAME_MAX = 200;

/** The scenario being edited: its draft inputs, the last valid result and the autosave state. */
export const useScenarioStore = defineStore('scenario', () => {
  const catalogs = useCatalogsStore();
  const scenario = ref<ScenarioRow | null>(null);
  const loadState = ref<LoadState>('idle');
  const loadError = ref<unknown>(null);
  const draft = ref<ScenarioDraft | null>(null);
  const name = ref('');
  const result = shallowRef<SizingResult | null>(null);
  const resultsState = ref<ResultsState>('idle');
  const computeError = ref<unknown>(null);
  const saveState = ref<SaveState>('saved');
  const saveError = ref<unknown>(null);
  /** Bumped on every edit: a late answer never marks newer inputs as computed or saved. */
  let version = 0;
  let computeSeq = 0;
  let saving: Promise<void> = Promise.resolve();

  const check = computed<DraftCheck | null>(() => (draft.value && catalogs.catalog ? checkDraft(draft.value, catalogs.catalog, currentLanguage()) : null));
  const issues = computed(() => check.value?.issues ?? {});
  const nameValid = computed(() => name.value.trim().length > 0 && name.value.trim().length <= NAME_MAX);

  // Typed figures follow the language, so they keep reading as the same values.
  watch(currentLanguage, (to, from) => {
    const numbers = draft.value?.numbers;
    if (numbers) for (const field of Object.keys(numbers) as NumberField[]) numbers[field] = retypeNumber(numbers[field], from, to);
  });

  const scheduler = createScheduler(COMPUTE_INTERVAL_MS, () => void compute());
  const saver = debounce(SAVE_DELAY_MS, () => void queueSave());

  async function open(id: number): Promise<void> {
    await close();
    loadState.value = 'loading';
    try {
      const row = await api().call('scenarios.get', { id });
      scenario.value = row;
      name.value = row.name;
      draft.value = draftFromInputs(row.inputs, currentLanguage());
      loadState.value = 'ready';
      saveState.value = 'saved';
      changed(false);
    } catch (error) {
      loadError.value = error;
      loadState.value = 'error';
    }
  }

  /** Saves what is pending and forgets the scenario (leaving the screen). */
  async function close(): Promise<void> {
    saver.flush();
    await saving;
    scheduler.cancel();
    version++;
    scenario.value = null;
    draft.value = null;
    result.value = null;
    resultsState.value = 'idle';
    computeError.value = null;
    loadState.value = 'idle';
  }

  function setNumber(field: NumberField, text: string): void {
    if (!draft.value) return;
    draft.value.numbers[field] = text;
    changed(true);
  }

  function setChoice<F extends ChoiceField>(field: F, value: SizingInputs[F]): void {
    if (!draft.value) return;
    draft.value.choices[field] = value;
    changed(true);
  }

  function setName(text: string): void {
    name.value = text;
    saveState.value = nameValid.value && check.value?.inputs ? 'pending' : 'invalid';
    if (saveState.value === 'pending') saver.request();
    else saver.cancel();
  }

  function changed(userEdit: boolean): void {
    version++;
    const inputs = check.value?.inputs;
    if (!inputs) {
      scheduler.cancel();
      resultsState.value = 'invalid';
      if (userEdit) {
        saver.cancel();
        saveState.value = 'invalid';
      }
      return;
    }
    resultsState.value = 'pending';
    scheduler.request();
    if (userEdit && nameValid.value) {
      saveState.value = 'pending';
      saver.request();
    }
  }

  async function compute(): Promise<void> {
    const inputs = check.value?.inputs;
    if (!inputs) return;
    const seq = ++computeSeq;
    const atVersion = version;
    try {
      const answer = await api().call('sizing.scenario', { inputs: withoutUndefined(inputs) });
      if (seq !== computeSeq) return;
      result.value = answer;
      computeError.value = null;
      if (atVersion === version) resultsState.value = 'ready';
    } catch (error) {
      if (seq !== computeSeq) return;
      computeError.value = error;
      if (atVersion === version) resultsState.value = 'error';
    }
  }

  /** Saves run one after another, so the store always ends with the newest inputs. */
  function queueSave(): Promise<void> {
    saving = saving.then(save);
    return saving;
  }

  async function save(): Promise<void> {
    const row = scenario.value;
    const inputs = check.value?.inputs;
    if (!row || !inputs || !nameValid.value) return;
    const atVersion = version;
    saveState.value = 'saving';
    try {
      scenario.value = await api().call('scenarios.update', { id: row.id, name: name.value.trim(), inputs: withoutUndefined(inputs) });
      saveError.value = null;
      if (atVersion === version && !saver.pending) saveState.value = 'saved';
    } catch (error) {
      saveError.value = error;
      saveState.value = 'error';
    }
  }

  /** Saves now (before duplicating or leaving). */
  async function flush(): Promise<void> {
    saver.flush();
    await saving;
  }

  return {
    scenario,
    loadState,
    loadError,
    draft,
    name,
    nameValid,
    result,
    resultsState,
    computeError,
    saveState,
    saveError,
    issues,
    check,
    open,
    close,
    flush,
    setNumber,
    setChoice,
    setName,
  };
});

/** Optional inputs left empty are absent, not undefined, on the wire. */
export function withoutUndefined(inputs: SizingInputs): SizingInputs {
  return Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined)) as unknown as SizingInputs;
}
