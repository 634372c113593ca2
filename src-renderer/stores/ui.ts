import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

const TOAST_MS = 5000;

/** Cross-screen interface state: notices, the about dialog. */
export const useUiStore = defineStore('ui', () => {
  const toasts = ref<Toast[]>([]);
  const aboutOpen = ref(false);
  let nextId = 1;

  function notify(text: string, kind: Toast['kind'] = 'info'): void {
    const id = nextId++;
    toasts.value.push({ id, kind, text });
    setTimeout(() => dismiss(id), kind === 'error' ? TOAST_MS * 2 : TOAST_MS);
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  return { toasts, aboutOpen, notify, dismiss };
});
