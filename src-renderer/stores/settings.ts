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

  /** The settings as last stored, and the changes sent after them that the store has not answered yet. */
  let stored: Settings = { ...INITIAL };
  const unanswered: Partial<Settings>[] = [];
  let saves: Promise<void> = Promise.resolve();

  async function load(): Promise<void> {
    stored = await api().call('settings.get', {});
    settings.value = withUnanswered();
  }

  function withUnanswered(): Settings {
    return Object.assign({ ...stored }, ...unanswered);
  }

  /**
   * Applies at once (language, theme), then stores. Saves go one at a time, in the order made, and
   * an answer never undoes a later change still on its way (a language then a theme chosen quickly
   * both stay); a refusal drops only its own change.
   */
  function update(changes: Partial<Settings>): Promise<void> {
    unanswered.push(changes);
    settings.value = { ...settings.value, ...changes };
    saveState.value = 'saving';
    const save = async () => {
      try {
        stored = await api().call('settings.set', changes);
        saveError.value = null;
        unanswered.shift();
        if (unanswered.length === 0) saveState.value = 'saved';
      } catch (error) {
        unanswered.shift();
        saveState.value = 'error';
        saveError.value = error;
      }
      settings.value = withUnanswered();
    };
    saves = saves.then(save);
    return saves;
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
