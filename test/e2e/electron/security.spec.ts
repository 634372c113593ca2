import { expect, test, type PageGlobals } from './fixtures.js';

test('the page has no Node: no require, no process, only the bridge functions', async ({ page }) => {
  const globals = await page.evaluate(() => {
    const api = (globalThis as unknown as PageGlobals).sizingApi as unknown as Record<string, unknown>;
    return {
      require: typeof require,
      process: typeof process,
      bridge: Object.keys(api).sort(),
      kinds: [...new Set(Object.values(api).map((value) => typeof value))],
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['call', 'onMenuCommand', 'openFile', 'saveFile'],
    kinds: ['function'],
  });
});

test('the window runs isolated and sandboxed, without Node integration', async ({ app }) => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is Electron's own (undocumented, untyped) view of the preferences in force.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): Electron.WebPreferences | null;
    };
    const p = contents.getLastWebPreferences();
    return {
      contextIsolation: p?.contextIsolation,
      sandbox: p?.sandbox,
      nodeIntegration: p?.nodeIntegration,
      webviewTag: p?.webviewTag,
      webSecurity: p?.webSecurity,
    };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
});

test('navigation to an external URL is blocked', async ({ app, page }) => {
  // Listeners run in order: ours (added when the WebContents was created) has already decided.
  await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    (globalThis as { navigation?: Promise<unknown> }).navigation = new Promise((resolve) => {
      contents.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
    });
  });
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  expect(await app.evaluate(() => (globalThis as { navigation?: Promise<unknown> }).navigation)).toEqual({
    url: 'https://example.com/',
    prevented: true,
  });
  expect(page.url()).toBe('app://planner/index.html');
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.body?.dataset.ready)).toBe('true');
});

test('window.open is denied and opens no window', async ({ app, page }) => {
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).open('app://planner/index.html') === null)).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('remote content never loads, and app pages carry the strict CSP', async ({ page }) => {
  const remote = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(remote).toBe('blocked');
  const csp = await page.evaluate(() => fetch('/index.html').then((r) => r.headers.get('content-security-policy')));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
});

test('permission requests are denied', async ({ page }) => {
  const state = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { permissions: { query(d: { name: string }): Promise<{ state: string }> } } }
    ).navigator.permissions
      .query({ name: 'geolocation' })
      .then((s) => s.state),
  );
  expect(state).toBe('denied');
});
