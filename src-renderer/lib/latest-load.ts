import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from './api-errors';
import { latestOnly } from './latest';
import { useOnReconnect } from './reconnect';
import { createScheduler } from './schedule';

/** What a panel shows: nothing asked yet, inputs that cannot be asked, on its way, the answer, a failure. */
type PanelState = 'idle' | 'invalid' | 'loading' | 'ready' | 'error';

/**
 * Loads for a panel where only the latest question counts (lib/latest.ts): `state` is the panel's
 * ready marker; `failure` says what went wrong. A load that failed is tried again when the planner
 * answers after a lost connection.
 */
export function useLatestLoad(initial: PanelState = 'loading') {
  const { t } = useI18n();
  const state = ref<PanelState>(initial);
  const failure = ref('');
  const latest = latestOnly();
  let again: (() => Promise<void>) | null = null;
  useOnReconnect(() => {
    if (state.value === 'error' && again) void again();
  });

  async function run<T>(load: () => Promise<T>, apply: (answer: T) => void): Promise<void> {
    again = () => run(load, apply);
    state.value = 'loading';
    await latest.run(load, {
      answer(answer) {
        apply(answer);
        state.value = 'ready';
      },
      failure(error) {
        failure.value = errorMessage(error, t);
        state.value = 'error';
      },
    });
  }

  /** Drops whatever is on its way and shows `next` instead. */
  function settle(next: PanelState): void {
    latest.cancel();
    state.value = next;
  }

  return { state, failure, run, settle };
}

/**
 * A panel that asks again whenever its request changes, at most once per `intervalMs`, keeping only
 * the latest answer; a null request (inputs that cannot be asked) shows as 'invalid'.
 */
export function useRequestedLoad<Q, A>(
  request: Ref<Q | null>,
  ask: (asked: Q) => Promise<A>,
  apply: (answer: A) => void,
  intervalMs: number,
) {
  const load = useLatestLoad();
  const scheduler = createScheduler(intervalMs, () => {
    const asked = request.value;
    if (asked) void load.run(() => ask(asked), apply);
  });
  watch(
    request,
    (asked) => {
      load.settle(asked ? 'loading' : 'invalid');
      if (asked) scheduler.request();
    },
    { immediate: true },
  );
  onBeforeUnmount(() => scheduler.cancel());
  return load;
}
