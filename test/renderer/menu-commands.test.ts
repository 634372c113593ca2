// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand, SizingBridge } from '../../src-main/api/bridge';
import App from '../../src-renderer/App.vue';
import { fakeApi, mountIn } from './helpers';

/** The Electron preload's menu channel, as the renderer sees it: one subscriber, commands pushed in. */
function fakeBridge() {
  let handler: ((command: MenuCommand) => void) | null = null;
  const bridge: SizingBridge = {
    call: async () => ({ ok: false, error: { code: 'internal', message: 'the fake API client answers instead' } }),
    saveFile: async () => ({ saved: false }),
    openFile: async () => null,
    onMenuCommand: (h) => {
      handler = h;
      return () => (handler = null);
    },
  };
  return { bridge, send: (command: MenuCommand) => handler?.(command), subscribed: () => handler !== null };
}

async function settle() {
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
}

describe('application menu commands', () => {
  let wrapper: ReturnType<typeof mountIn> | undefined;
  afterEach(() => {
    wrapper?.unmount();
    delete window.sizingApi;
    window.location.hash = '';
  });

  it('are followed when the Electron bridge is present, and the subscription ends with the app', async () => {
    const menu = fakeBridge();
    window.sizingApi = menu.bridge;
    fakeApi(undefined, { 'app.info': () => ({ version: '9.9.9', dbPath: '/data/projects.db', runtime: {} }) });
    wrapper = mountIn(App, 'en');
    await settle();
    expect(document.body.dataset.ready).toBe('true');
    expect(menu.subscribed()).toBe(true);

    menu.send('open-settings');
    await settle();
    expect(wrapper.find('[data-testid="settings-view"]').exists()).toBe(true);

    menu.send('about');
    await settle();
    expect(wrapper.get('[data-testid="about-dialog"]').text()).toContain('9.9.9');

    // Exports need an open scenario; none is open on the settings screen.
    menu.send('export-pdf');
    await settle();
    expect(wrapper.get('[data-testid="toast"]').text()).toContain('Open a scenario first.');

    menu.send('duplicate-scenario');
    await settle();
    expect(wrapper.findAll('[data-testid="toast"]').at(-1)!.text()).toContain('Open a scenario first.');

    wrapper.unmount();
    wrapper = undefined;
    expect(menu.subscribed()).toBe(false);
  });
});
