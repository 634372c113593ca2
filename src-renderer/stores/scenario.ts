import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { ScenarioRow } from '../../src-main/api/types';
import { planScenario, type NumberField, type SizingInputs, type SizingResult } from '../../src-main/engine/index';
import { api } from '../api';
import { currentLanguage } from '../i18n';
import { useLiveEdit } from '../lib/live-edit';
import { retypeNumber } from '../lib/number-entry';
import { checkDraft, draftFromInputs, type ChoiceField, type DraftCheck, type ScenarioDraft } from '../lib/scenario-form';
import { useCatalogsStore } from './catalogs';
import type { LoadState } from './projects';

export { COMPUTE_INTERVAL_MS, SAVE_DELAY_MS, type SaveState } from '../lib/live-edit';

const NAME_MAX_CHARS = 200;

/** The scenario being edited: its name, notes and draft inputs, the result of the last valid inputs, and the autosave state. */
export const useScenarioStore = defineStore('scenario', () => {
  const catalogs = useCatalogsStore();
  const scenario = ref<ScenarioRow | null>(null);
  const loadState = ref<LoadState>('idle');
  const loadError = ref<unknown>(null);
  const draft = ref<ScenarioDraft | null>(null);
  const name = ref('');
  const notes = ref('');

  const check = computed<DraftCheck | null>(() =>
    draft.value && catalogs.catalog ? checkDraft(draft.value, catalogs.catalog, currentLanguage()) : null,
  );
  const issues = computed(() => check.value?.issues ?? {});
  const nameValid = computed(() => name.value.trim().length > 0 && name.value.trim().length <= NAME_MAX_CHARS);

  const live = useLiveEdit<SizingInputs, SizingResult>({
    question: () => (check.value?.inputs ? withoutUndefined(check.value.inputs) : null),
    preview: (inputs) => (catalogs.catalog ? planScenario(inputs, catalogs.catalog) : undefined),
    ask: (inputs) => api().call('sizing.scenario', { inputs }),
    saveable: () => scenario.value !== null && nameValid.value && check.value?.inputs != null,
    async save() {
      const row = scenario.value!;
      const inputs = withoutUndefined(check.value!.inputs!);
      const sentNotes = notes.value;
      scenario.value = await api().call('scenarios.update', { id: row.id, name: name.value.trim(), notes: sentNotes, inputs });
      // Notes the planner wrote from a template follow the inputs: show the stored ones, unless the user has typed since.
      if (notes.value === sentNotes) notes.value = scenario.value.notes;
    },
  });

  // Typed figures follow the language, so they keep reading as the same values.
  watch(currentLanguage, (to, from) => {
    const numbers = draft.value?.numbers;
    if (numbers) for (const field of Object.keys(numbers) as NumberField[]) numbers[field] = retypeNumber(numbers[field], from, to);
  });

  async function open(id: number): Promise<void> {
    await close();
    loadState.value = 'loading';
    try {
      const row = await api().call('scenarios.get', { id });
      scenario.value = row;
      name.value = row.name;
      notes.value = row.notes;
      draft.value = draftFromInputs(row.inputs, currentLanguage());
      loadState.value = 'ready';
      live.markSaved();
      live.recompute();
    } catch (error) {
      loadError.value = error;
      loadState.value = 'error';
    }
  }

  /** Saves what is pending and forgets the scenario (leaving the screen). */
  async function close(): Promise<void> {
    await live.flush();
    live.reset();
    scenario.value = null;
    draft.value = null;
    loadState.value = 'idle';
  }

  function setNumber(field: NumberField, text: string): void {
    if (!draft.value) return;
    draft.value.numbers[field] = text;
    inputsEdited();
  }

  function setChoice<F extends ChoiceField>(field: F, value: SizingInputs[F]): void {
    if (!draft.value) return;
    draft.value.choices[field] = value;
    inputsEdited();
  }

  function inputsEdited(): void {
    live.recompute();
    live.edited();
  }

  function setName(text: string): void {
    name.value = text;
    live.edited();
  }

  function setNotes(text: string): void {
    notes.value = text;
    live.edited();
  }

  return {
    scenario,
    loadState,
    loadError,
    draft,
    name,
    notes,
    nameValid,
    result: live.result,
    resultVersion: live.resultVersion,
    resultsState: live.resultsState,
    confirmed: live.confirmed,
    computeError: live.computeError,
    saveState: live.saveState,
    saveError: live.saveError,
    issues,
    check,
    open,
    close,
    flush: live.flush,
    retrySave: live.retrySave,
    setNumber,
    setChoice,
    setName,
    setNotes,
  };
});

/** Optional inputs left empty are absent, not undefined, on the wire. */
export function withoutUndefined(inputs: SizingInputs): SizingInputs {
  return Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined)) as unknown as SizingInputs;
}
