import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useUiStore } from '../stores/ui';
import { errorMessage } from './api-errors';

/**
 * "Delete" behind a confirmation: `pending` is what the dialog asks about (null when closed), `confirm`
 * deletes it, says why when that fails, and closes the dialog either way.
 */
export function useConfirmedDelete<T>(remove: (item: T) => Promise<void>) {
  const { t } = useI18n();
  const ui = useUiStore();
  const pending = ref(null) as Ref<T | null>;
  const busy = ref(false);

  async function confirm(): Promise<void> {
    const item = pending.value;
    if (item === null) return;
    busy.value = true;
    try {
      await remove(item);
    } catch (error) {
      ui.notify(errorMessage(error, t), 'error');
    } finally {
      busy.value = false;
      pending.value = null;
    }
  }

  return { pending, busy, confirm };
}
