// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand, SaveFileRequest, SizingBridge } from '../../src-main/api/bridge';
import { ApiCallError } from '../../src-renderer/api';
import App from '../../src-renderer/App.vue';
import { fakeApi, mountIn } from './helpers';

/** The Electron preload's menu channel, as the renderer sees it: one subscriber, commands pushed in. */
function fakeBridge(openFile: { name: string; text: string } | null = null) {
  let handler: ((command: MenuCommand) => void) | null = null;
  const saved: SaveFileRequest[] = [];
  const bridge: SizingBridge = {
    call: async () => ({ ok: false, error: { code: 'internal', message: 'the fake API client answers instead' } }),
    saveFile: async (request) => {
      saved.push(request);
      return { saved: true, path: `/home/me/${request.defaultName}` };
    },
    openFile: async () => openFile,
    onMenuCommand: (h) => {
      handler = h;
      return () => (handler = null);
    },
  };
  return { bridge, saved, send: (command: MenuCommand) => handler?.(command), subscribed: () => handler !== null };
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

  it('export through the native save dialog and import through the open dialog, naming a refused field', async () => {
    const menu = fakeBridge({ name: 'broken.json', text: JSON.stringify({ format: 'llm-sizing-planner/project', schemaVersion: 1 }) });
    window.sizingApi = menu.bridge;
    window.location.hash = '#/scenario/1';
    const pdf = { fileName: 'Plans-SaaS.pdf', mimeType: 'application/pdf', encoding: 'base64' as const, data: 'JVBERi0xLjc=' };
    const api = fakeApi(undefined, {
      'export.scenario': () => pdf,
      'projects.import': () => {
        throw new ApiCallError('invalid_input', 'project file: project: expected an object', 'file.project');
      },
    });
    wrapper = mountIn(App, 'en');
    await settle();
    expect(wrapper.find('[data-testid="scenario-view"]').exists()).toBe(true);

    menu.send('export-pdf');
    await settle();
    expect(api.calls.filter((c) => c.method === 'export.scenario').map((c) => c.input)).toEqual([
      { scenarioId: 1, format: 'pdf', lang: 'en' },
    ]);
    expect(menu.saved).toEqual([
      { defaultName: 'Plans-SaaS.pdf', data: pdf.data, encoding: 'base64', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
    ]);
    expect(wrapper.findAll('[data-testid="toast"]').at(-1)!.text()).toContain('Saved /home/me/Plans-SaaS.pdf.');

    menu.send('export-svg');
    await settle();
    expect(api.calls.filter((c) => c.method === 'export.scenario').at(-1)!.input).toEqual({
      scenarioId: 1,
      format: 'svg',
      subject: 'diagram',
      lang: 'en',
    });

    menu.send('import-project');
    await settle();
    expect(wrapper.find('[data-testid="projects-view"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain('“broken.json” was not imported.');
    expect(wrapper.get('[data-testid="import-error-field"]').text()).toBe('file.project');
  });
});
