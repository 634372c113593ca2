import { ref, shallowRef } from 'vue';
import { ApiCallError } from '../api';
import { latestOnly } from './latest';
import { createScheduler, debounce } from './schedule';

/** Results on screen against the inputs on screen; the results container carries it as a marker. */
type ResultsState = 'idle' | 'pending' | 'ready' | 'invalid' | 'error';
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error';

/** At most one confirmation by the main process per interval while typing; the first after a pause goes at once. */
export const COMPUTE_INTERVAL_MS = 150;
export const SAVE_DELAY_MS = 600;
/** The confirmation waits past the frame that shows the preview, so its request never delays that frame. */
const CONFIRM_AFTER_MS = 20;

interface LiveEditOptions<Q, R> {
  /** What to compute from the inputs on screen, or null while one of them is invalid. */
  question: () => Q | null;
  /** The answer computed here and now with the pure engine (instant results), or undefined when it cannot be. */
  preview: (question: Q) => R | undefined;
  /** The main process's answer: it has the last word over the preview. */
  ask: (question: Q) => Promise<R>;
  /** Whether the edits on screen can be stored now. */
  saveable: () => boolean;
  /** Stores the edits on screen as they are when it runs. */
  save: () => Promise<void>;
}

/**
 * The compute-and-autosave loop of an editor (the scenario's inputs, its regions):
 *
 * - every change that the result depends on shows a new result at once, computed here by the pure
 *   engine, then confirmed by the main process (at most once per COMPUTE_INTERVAL_MS while typing);
 *   only the latest question's answer is applied, and an answer equal to the preview changes nothing;
 * - while an input is invalid the last valid input's result stays, and its confirmation still runs;
 * - edits are saved after a pause of SAVE_DELAY_MS, one save after another, so the store always ends
 *   with the newest edits; "saved" is shown only when no edit came after the save that finished.
 */
export function useLiveEdit<Q, R>(options: LiveEditOptions<Q, R>) {
  const result = shallowRef<R | null>(null);
  /** Bumped whenever `result` changes: lets tests and the benchmark see an update. */
  const resultVersion = ref(0);
  const resultsState = ref<ResultsState>('idle');
  /** True once the main process has answered for the result on screen. */
  const confirmed = ref(false);
  const computeError = ref<unknown>(null);
  const saveState = ref<SaveState>('saved');
  const saveError = ref<unknown>(null);

  /** Bumped by every change of the question and every edit: a late answer never marks newer inputs as computed or saved. */
  let questionVersion = 0;
  let editVersion = 0;
  let toConfirm: { question: Q; version: number } | null = null;
  const latest = latestOnly();
  const confirmer = createScheduler(COMPUTE_INTERVAL_MS, () => void confirm(), CONFIRM_AFTER_MS);
  const saver = debounce(SAVE_DELAY_MS, () => void queueSave());
  let saving: Promise<void> = Promise.resolve();

  /** Shows an answer; one equal to what is on screen changes nothing (no re-render, no chart redraw). */
  function show(next: R, fromMainProcess: boolean): void {
    if (resultVersion.value === 0 || JSON.stringify(next) !== JSON.stringify(result.value)) {
      result.value = next;
      resultVersion.value++;
    }
    confirmed.value = fromMainProcess;
  }

  /** The inputs the result depends on changed: show the new result now and ask the main process. */
  function recompute(): void {
    const version = ++questionVersion;
    const question = options.question();
    if (question === null) {
      // The pending confirmation is for the last valid inputs: it still runs.
      resultsState.value = 'invalid';
      return;
    }
    const preview = safePreview(question);
    if (preview !== undefined) {
      show(preview, false);
      computeError.value = null;
      resultsState.value = 'ready';
    } else {
      resultsState.value = 'pending';
    }
    toConfirm = { question, version };
    confirmer.request();
  }

  function safePreview(question: Q): R | undefined {
    try {
      return options.preview(question);
    } catch {
      // The main process will answer, or say what is wrong.
      return undefined;
    }
  }

  async function confirm(): Promise<void> {
    const asked = toConfirm;
    if (!asked) return;
    toConfirm = null;
    await latest.run(() => options.ask(asked.question), {
      answer(answer) {
        show(answer, true);
        computeError.value = null;
        if (asked.version === questionVersion) resultsState.value = 'ready';
      },
      failure(error) {
        computeError.value = error;
        // Unreachable main process: the preview stands and the connection banner says the rest.
        const lost = error instanceof ApiCallError && error.code === 'network' && result.value !== null;
        if (asked.version === questionVersion && !lost) resultsState.value = 'error';
      },
    });
  }

  /** The user changed something that is stored: save after a pause, or say why it cannot be. */
  function edited(): void {
    editVersion++;
    if (options.saveable()) {
      saveState.value = 'pending';
      saver.request();
    } else {
      saver.cancel();
      saveState.value = 'invalid';
    }
  }

  /** Saves run one after another, so the store always ends with the newest edits. */
  function queueSave(): Promise<void> {
    saving = saving.then(save);
    return saving;
  }

  async function save(): Promise<void> {
    if (!options.saveable()) return;
    const version = editVersion;
    saveState.value = 'saving';
    try {
      await options.save();
      saveError.value = null;
      if (version === editVersion && !saver.pending) saveState.value = 'saved';
    } catch (error) {
      saveError.value = error;
      saveState.value = 'error';
    }
  }

  /** Saves what is pending now (before leaving, exporting or duplicating). */
  async function flush(): Promise<void> {
    saver.flush();
    await saving;
  }

  /** Saves again after a failure (the connection came back); nothing happens when all is saved. */
  function retrySave(): void {
    if (saveState.value === 'error') edited();
  }

  /** Forgets the result and every answer on its way (the editor closes). */
  function reset(): void {
    confirmer.cancel();
    latest.cancel();
    toConfirm = null;
    questionVersion++;
    result.value = null;
    resultsState.value = 'idle';
    confirmed.value = false;
    computeError.value = null;
  }

  /** A freshly opened document: stored, nothing pending. */
  function markSaved(): void {
    saver.cancel();
    saveState.value = 'saved';
    saveError.value = null;
  }

  return {
    result,
    resultVersion,
    resultsState,
    confirmed,
    computeError,
    saveState,
    saveError,
    recompute,
    edited,
    flush,
    retrySave,
    reset,
    markSaved,
  };
}
