// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SizingBridge } from '../../src-main/api/bridge';
import type { Settings } from '../../src-main/api/types';
import { setApiClient } from '../../src-renderer/api';
import { bridgeTransport, createApiClient } from '../../src-renderer/api/client';
import { useSettingsStore } from '../../src-renderer/stores/settings';
import { freshPinia } from './helpers';

const STORED: Settings = { lang: 'en', theme: 'light', memoryBasis: 'nominal', years: 3, pue: 1.3, kwhPriceUsd: 0.12 };

/** A main process whose settings.set answers only when the test says, and can refuse. */
function slowStore() {
  let stored = { ...STORED };
  const waiting: { changes: Partial<Settings>; answer: (refuse?: boolean) => void }[] = [];
  const sent: Partial<Settings>[] = [];
  const bridge: SizingBridge = {
    async call(method, input) {
      if (method === 'settings.get') return { ok: true, result: { ...stored } };
      const changes = input as Partial<Settings>;
      sent.push(changes);
      return new Promise((resolve) =>
        waiting.push({
          changes,
          answer: (refuse = false) => {
            if (refuse) return resolve({ ok: false, error: { code: 'invalid_input', message: 'years: refused' } });
            stored = { ...stored, ...changes };
            resolve({ ok: true, result: { ...stored } });
          },
        }),
      );
    },
    saveFile: async () => ({ saved: false }),
    openFile: async () => null,
    onMenuCommand: () => () => {},
  };
  setApiClient(createApiClient(bridgeTransport(bridge)));
  return { waiting, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('settings saves', () => {
  it('a language then a theme chosen before the first save answers both stay, and are stored in that order', async () => {
    const main = slowStore();
    freshPinia();
    const store = useSettingsStore();
    await store.load();
    const first = store.update({ lang: 'pt-BR' });
    const second = store.update({ theme: 'dark' });
    expect(store.settings).toMatchObject({ lang: 'pt-BR', theme: 'dark' });
    await settle();
    // One save at a time: the theme is sent only once the language is stored.
    expect(main.sent).toEqual([{ lang: 'pt-BR' }]);
    main.waiting.shift()!.answer();
    await first;
    // The language's answer (theme still light in the store) does not undo the theme on its way.
    expect(store.settings).toMatchObject({ lang: 'pt-BR', theme: 'dark' });
    expect(store.saveState).toBe('saving');
    await settle();
    expect(main.sent).toEqual([{ lang: 'pt-BR' }, { theme: 'dark' }]);
    main.waiting.shift()!.answer();
    await second;
    expect(store.settings).toMatchObject({ lang: 'pt-BR', theme: 'dark' });
    expect(store.saveState).toBe('saved');
  });

  it('a refused change is dropped alone: the change made after it stays and is stored', async () => {
    const main = slowStore();
    freshPinia();
    const store = useSettingsStore();
    await store.load();
    const refused = store.update({ years: 4 });
    const kept = store.update({ pue: 1.5 });
    await settle();
    main.waiting.shift()!.answer(true);
    await refused;
    expect(store.saveState).toBe('error');
    expect(store.settings).toMatchObject({ years: 3, pue: 1.5 });
    await settle();
    main.waiting.shift()!.answer();
    await kept;
    expect(store.settings).toMatchObject({ years: 3, pue: 1.5 });
    expect(store.saveState).toBe('saved');
  });
});
