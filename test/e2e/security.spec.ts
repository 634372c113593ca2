import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProject, expect, scenarioFromTemplate, test, type PageGlobals } from './fixtures/web-host.js';

/**
 * Another origin on this machine that would gladly answer (CORS open): if the app's protections were
 * missing, the page could reach it, and these tests would see its hit counter move.
 */
async function foreignSite(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' });
    res.end('<html><body>foreign</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://localhost:${port}`, hits, close };
}

function post(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

test.describe('the page cannot reach or navigate to another origin', () => {
  let foreign: Awaited<ReturnType<typeof foreignSite>>;
  test.beforeEach(async () => {
    foreign = await foreignSite();
  });
  test.afterEach(async () => {
    await foreign.close();
  });

  test('the Content-Security-Policy blocks fetches, images and inline scripts', async ({ app }) => {
    const outcome = await app.evaluate(async (url) => {
      const g = globalThis as unknown as PageGlobals;
      return g.fetch(`${url}/fetch`).then(
        () => 'reached',
        () => 'blocked',
      );
    }, foreign.url);
    expect(outcome).toBe('blocked');

    await app.evaluate((url) => {
      const g = globalThis as unknown as PageGlobals;
      const img = g.document.createElement('img');
      img.setAttribute('src', `${url}/image.png`);
      g.document.body.appendChild(img);
      const script = g.document.createElement('script');
      script.textContent = 'globalThis.__pwned = 1';
      g.document.body.appendChild(script);
    }, foreign.url);
    // The header and the meta tag carry the same policy, so each violation is reported once per policy.
    await expect
      .poll(() => app.evaluate(() => [...new Set((globalThis as unknown as PageGlobals).__cspViolations!.map((v) => v.directive))].sort()))
      .toEqual(['connect-src', 'img-src', 'script-src-elem']);
    expect(await app.evaluate(() => (globalThis as unknown as PageGlobals).__pwned)).toBeUndefined();

    expect(foreign.hits).toEqual([]);
  });

  test('a form posting to another site is blocked by the policy, and the page stays', async ({ app, host }) => {
    await app.evaluate((url) => {
      const g = globalThis as unknown as PageGlobals;
      const form = g.document.createElement('form');
      form.setAttribute('method', 'post');
      form.setAttribute('action', `${url}/form`);
      g.document.body.appendChild(form);
      form.submit!();
    }, foreign.url);
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations!.map((v) => v.directive)))
      .toContain('form-action');
    // Checked from inside the page: Playwright's locators wait for the blocked navigation to finish, which it never does.
    const state = await app.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { ready: g.document.body.dataset.ready, href: g.location.href };
    });
    expect(state.ready).toBe('true');
    expect(new URL(state.href).origin).toBe(host.origin);
    expect(foreign.hits).toEqual([]);
  });

  test('a link to another site is not followed', async ({ app, host }) => {
    await app.evaluate((url) => {
      const g = globalThis as unknown as PageGlobals;
      const link = g.document.createElement('a');
      link.setAttribute('href', `${url}/link`);
      link.setAttribute('data-testid', 'foreign-link');
      link.textContent = 'somewhere else';
      g.document.body.appendChild(link);
    }, foreign.url);
    await app.getByTestId('foreign-link').click();
    await app.getByTestId('foreign-link').click({ button: 'middle' });
    // The app still answers, on its own origin, and the other site never saw a request.
    await app.getByTestId('nav-templates').click();
    await expect(app.getByTestId('templates-view')).toBeVisible();
    expect(new URL(app.url()).origin).toBe(host.origin);
    expect(app.context().pages()).toHaveLength(1);
    expect(foreign.hits).toEqual([]);
  });
});

test('normal use raises no CSP violation (Chart.js, Vue and vue-i18n run under the strict policy)', async ({ app }) => {
  await createProject(app, 'Policy check');
  await scenarioFromTemplate(app, 'public-api');
  await expect(app.getByTestId('nodes-chart').locator('canvas')).toBeVisible();
  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await expect(app.getByTestId('nav-projects')).toHaveText('Projetos');
  expect(await app.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations)).toEqual([]);
});

test('the API refuses a call without the token (401) and one with a foreign Host header (403)', async ({ host }) => {
  const noToken = await post(host.port, '/api/projects.list', {});
  expect(noToken.status).toBe(401);
  expect(JSON.parse(noToken.body)).toMatchObject({ error: { code: 'unauthorized' } });

  const wrongToken = await post(host.port, '/api/projects.list', { Authorization: 'Bearer not-the-token' });
  expect(wrongToken.status).toBe(401);

  const rebinding = await post(host.port, '/api/projects.list', {
    Authorization: `Bearer ${host.token}`,
    Host: `evil.example:${host.port}`,
  });
  expect(rebinding.status).toBe(403);
  expect(JSON.parse(rebinding.body)).toMatchObject({ error: { code: 'forbidden' } });

  const allowed = await post(host.port, '/api/projects.list', { Authorization: `Bearer ${host.token}` });
  expect(allowed.status).toBe(200);
  expect(JSON.parse(allowed.body)).toEqual({ result: [] });
});

test('another site cannot frame the planner (frame-ancestors in the header)', async ({ page, host }) => {
  const framing = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<html><body><iframe data-testid="frame" src="${host.url}" width="800" height="600"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
  try {
    const blocked = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
    await page.goto(`http://localhost:${(framing.address() as AddressInfo).port}/`);
    await blocked;
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The planner never ran inside the frame: Chromium replaced it with its error page.
    expect(
      await frame?.evaluate(() => (globalThis as unknown as PageGlobals).document.body.dataset.ready).catch(() => 'no access'),
    ).not.toBe('true');
    expect(frame?.url()).not.toContain(`127.0.0.1:${host.port}/#`);
  } finally {
    await new Promise<void>((resolve) => framing.close(() => resolve()));
  }
});
