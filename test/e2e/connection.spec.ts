import { seriousA11yFindings } from './fixtures/a11y.js';
import { createProject, expect, resultsReady, scenarioFromTemplate, test, type PageGlobals } from './fixtures/web-host.js';

/** Issue 10 items 2 and 3: a lost connection is its own state, and a new address replaces the old token. */

test('with the planner stopped, nothing is shown as deleted: a banner says what to do', async ({ app, host }) => {
  await createProject(app, 'Offline');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('crumb-project').click();
  await expect(app.getByTestId('scenario-item')).toHaveCount(1);
  const link = await app.getByTestId('scenario-link').getAttribute('href');

  await host.stop();
  await app.getByTestId('nav-projects').click();
  await expect(app.getByTestId('connection-banner')).toHaveAttribute('data-connection', 'lost');
  await expect(app.getByTestId('connection-banner')).toContainText('The planner cannot be reached.');
  await expect(app.getByTestId('connection-banner')).toContainText('start it again');
  await app.evaluate((href) => ((globalThis as unknown as PageGlobals).location.href = href!), link);
  await expect(app.getByTestId('scenario-view')).toContainText('This scenario could not be loaded.');
  await expect(app.getByTestId('scenario-view')).not.toContainText('does not exist');
  await expect(app.getByTestId('scenario-retry')).toBeVisible();
  await expect(app.getByTestId('connection-banner')).toBeVisible();
  expect(await seriousA11yFindings(app, 'connection lost')).toEqual([]);
  // A screen whose code was never fetched says why instead of staying blank.
  await app.getByTestId('nav-settings').click();
  await expect(app.getByTestId('screen-reload')).toBeVisible();
  await expect(app.locator('main')).toContainText('This screen could not be loaded: the planner stopped answering.');
});

test('edits made while the planner is unreachable are kept, and saved once it answers again', async ({ app }) => {
  await createProject(app, 'Flaky network');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.route('**/api/**', (route) => route.abort('connectionrefused'));
  await app.getByTestId('input-concurrency').fill('3000');
  // The figures follow at once (computed in the page); only the saving waits.
  await expect(app.getByTestId('value-nodes')).toHaveText('3');
  await expect(app.getByTestId('connection-banner')).toHaveAttribute('data-connection', 'lost');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'error');
  await expect(app.getByTestId('save-state')).toHaveText('Not saved yet: the planner is unreachable');

  await app.unroute('**/api/**');
  await app.getByTestId('connection-retry').click();
  await expect(app.getByTestId('connection-banner')).toHaveCount(0);
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await resultsReady(app);
  await expect(app.getByTestId('input-concurrency')).toHaveValue('3000');
});

test('a new #token= address pasted into the open tab replaces the stored token and reloads', async ({ app, host }) => {
  // The tab still holds the token of an earlier run: the planner refuses it.
  await app.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
      'sizing.token',
      'from-an-earlier-run',
    ),
  );
  await app.reload();
  await expect(app.getByTestId('connection-banner')).toHaveAttribute('data-connection', 'refused');
  await expect(app.getByTestId('connection-banner')).toContainText('Paste the new address it printed');

  // Pasting the address the planner printed changes only the fragment of this tab's address.
  await Promise.all([
    app.waitForEvent('load'),
    app.evaluate((token) => ((globalThis as unknown as PageGlobals).location.href = `#token=${token}`), host.token),
  ]);
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('connection-banner')).toHaveCount(0);
  await expect(app.getByTestId('projects-view')).toBeVisible();
  expect(new URL(app.url()).hash).not.toContain('token');
  expect(
    await app.evaluate(() =>
      (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('sizing.token'),
    ),
  ).toBe(host.token);
});
