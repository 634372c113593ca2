import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from './api-errors';

/** What a panel shows: nothing asked yet, inputs that cannot be asked, on its way, the answer, a failure. */
export type PanelState = 'idle' | 'invalid' | 'loading' | 'ready' | 'error';

/**
 * Loads for a panel where only the latest question counts: an answer or failure that arrives after a
 * newer question is dropped. `state` is the panel's ready marker; `failure` says what went wrong.
 */
export function useLatestLoad(initial: PanelState = 'loading') {
  const { t } = useI18n();
  const state = ref<PanelState>(initial);
  const failure = ref('');
  let seq = 0;

  async function run<T>(load: () => Promise<T>, apply: (answer: T) => void): Promise<void> {
    const mine = ++seq;
    state.value = 'loading';
    try {
      const answer = await load();
      if (mine !== seq) return;
      apply(answer);
      state.value = 'ready';
    } catch (error) {
      if (mine !== seq) return;
      failure.value = errorMessage(error, t);
      state.value = 'error';
    }
  }

  /** Drops whatever is on its way and shows `next` instead. */
  function settle(next: PanelState): void {
    seq++;
    state.value = next;
  }

  return { state, failure, run, settle };
}
