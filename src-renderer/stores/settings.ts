import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Settings } from '../../src-main/api/types';
import { api } from '../api';
import { setLanguage } from '../i18n';

type SettingsSaveState = 'idle' | 'saving' | 'saved' | 'error';

/** Same values as the store's defaults, used only until settings.get answers. */
const INITIAL: Settings = { lang: 'en', theme: 'system', memoryBasis: 'nominal', years: 3, pue: 1.3, kwhPriceUsd: 0.12 };

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...INITIAL });
  const saveState = ref<SettingsSaveState>('idle');
  const saveError = ref<unknown>(null);
  const systemDark = ref(prefersDark());

  const effectiveTheme = computed<'light' | 'dark'>(() =>
    settings.value.theme === 'system' ? (systemDark.value ? 'dark' : 'light') : settings.value.theme,
  );

  watch(effectiveTheme, (theme) => (document.documentElement.dataset.theme = theme), { immediate: true });
  watch(() => settings.value.lang, setLanguage, { immediate: true });

  async function load(): Promise<void> {
    settings.value = await api().call('settings.get', {});
  }

  /** Applies at once (language, theme), then stores; a refusal restores the previous values. */
  async function update(changes: Partial<Settings>): Promise<void> {
    const previous = settings.value;
    settings.value = { ...previous, ...changes };
    saveState.value = 'saving';
    try {
      settings.value = await api().call('settings.set', changes);
      saveState.value = 'saved';
      saveError.value = null;
    } catch (error) {
      settings.value = previous;
      saveState.value = 'error';
      saveError.value = error;
    }
  }

  function followSystemTheme(): () => void {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return () => {};
    const onChange = () => (systemDark.value = query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }

  return { settings, saveState, saveError, effectiveTheme, load, update, followSystemTheme };
});

function prefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
