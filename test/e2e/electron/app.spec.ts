import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiResponse, ProjectRow } from '../../../src-main/api/types.js';
import { expect, test, type PageGlobals } from './fixtures.js';

test('opens one window on the app origin with the renderer ready', async ({ app, page }) => {
  expect(page.url()).toBe('app://planner/index.html');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([true]);
  const size = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getMinimumSize());
  expect(size).toEqual([1024, 700]);
});

test('round-trips the API contract over IPC, on the test database', async ({ page, dataDir }) => {
  const created = await page.evaluate(
    (name) => (globalThis as unknown as PageGlobals).sizingApi.call('projects.create', { name }),
    'Electron e2e',
  );
  expect(created).toMatchObject({ ok: true, result: { name: 'Electron e2e' } });

  const listed = (await page.evaluate(() => (globalThis as unknown as PageGlobals).sizingApi.call('projects.list', {}))) as ApiResponse<
    ProjectRow[]
  >;
  expect(listed.ok && listed.result.map((p) => p.name)).toEqual(['Electron e2e']);

  const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).sizingApi.call('app.info', {}));
  expect(info).toMatchObject({ ok: true, result: { dbPath: join(dataDir, 'projects.db') } });
});

test('refuses a method name that is not a string, and bad input, as typed errors', async ({ page }) => {
  const notString = await page.evaluate(() => (globalThis as unknown as PageGlobals).sizingApi.call(42 as unknown as string, {}));
  expect(notString).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  const badInput = await page.evaluate(() => (globalThis as unknown as PageGlobals).sizingApi.call('projects.create', { name: 7 }));
  expect(badInput).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
});

test('the menu follows the language setting and sends commands to the renderer', async ({ app, page }) => {
  const topLabels = () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
  expect(await topLabels()).toEqual(expect.arrayContaining(['File', 'Edit', 'View']));

  await page.evaluate(() => (globalThis as unknown as PageGlobals).sizingApi.call('settings.set', { lang: 'pt-BR' }));
  expect(await topLabels()).toEqual(expect.arrayContaining(['Arquivo', 'Editar', 'Exibir']));

  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals & { nextCommand?: Promise<string> };
    w.nextCommand = new Promise((resolve) => {
      const stop = w.sizingApi.onMenuCommand((command) => {
        stop();
        resolve(command);
      });
    });
  });
  await app.evaluate(({ Menu }) => {
    const items = Menu.getApplicationMenu()!.items.flatMap((menu) => menu.submenu?.items ?? []);
    items.find((item) => item.label === 'Novo projeto')!.click();
  });
  expect(await page.evaluate(() => (globalThis as unknown as { nextCommand: Promise<string> }).nextCommand)).toBe('new-project');
});

test('a failure in the window reaches the log in the data folder, and Help offers Report a problem', async ({ app, page, dataDir }) => {
  const log = join(dataDir, 'llm-sizing-planner', 'logs', 'main.log');
  await page.evaluate(() => {
    void Promise.reject(new Error('an e2e failure nobody caught'));
  });
  await expect
    .poll(() => readFile(log, 'utf8').catch(() => ''))
    .toContain('ERROR renderer unhandledrejection: Error: an e2e failure nobody caught');
  const help = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()!
      .items.at(-1)!
      .submenu!.items.map((item) => item.label),
  );
  expect(help).toContain('Report a problem…');
});
