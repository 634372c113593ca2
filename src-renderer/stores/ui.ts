import { defineStore } from 'pinia';
import { ref } from 'vue';

interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A button in the notice, such as Undo; the notice closes when it is used. */
  action?: ToastAction;
}

interface ToastAction {
  label: string;
  run: () => void;
}

const TOAST_MS = 5000;

/** Cross-screen interface state: notices, the about dialog. */
export const useUiStore = defineStore('ui', () => {
  const toasts = ref<Toast[]>([]);
  const aboutOpen = ref(false);
  let nextId = 1;

  function notify(text: string, kind: Toast['kind'] = 'info', action?: ToastAction): void {
    const id = nextId++;
    toasts.value.push({ id, kind, text, action });
    // Errors and notices one can act on (Undo) stay longer.
    setTimeout(() => dismiss(id), kind === 'error' || action ? TOAST_MS * 2 : TOAST_MS);
  }

  function act(toast: Toast): void {
    dismiss(toast.id);
    toast.action?.run();
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  return { toasts, aboutOpen, notify, dismiss, act };
});
