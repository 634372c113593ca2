import type { Page } from '@playwright/test';
import { seriousA11yFindings } from './fixtures/a11y.js';
import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

/** Issue 10 items 5, 6, 9 and 13: notes, regions, records in use, the last valid result. */

async function planReady(page: Page): Promise<void> {
  await expect(page.getByTestId('regions-panel')).toHaveAttribute('data-plan-state', 'ready');
}

test('notes are edited in the editor and kept; a template starts them with what the case is, not its figures', async ({ app }) => {
  await createProject(app, 'Notes');
  await scenarioFromTemplate(app, 'saas-startup');
  const notes = app.getByTestId('scenario-notes');
  await expect(notes).toHaveValue(/^A chat assistant for a SaaS start-up in its early stage/);
  await expect(notes).not.toHaveValue(/\d/);
  await notes.fill('Board approved 2 nodes for Q3.\nRevisit after the pilot.');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('scenario-notes')).toHaveValue('Board approved 2 nodes for Q3.\nRevisit after the pilot.');
});

test("a template's note follows the inputs: changed, it no longer calls the plan the reference case; typed notes are the user's", async ({
  app,
}) => {
  await createProject(app, 'Note follows');
  await scenarioFromTemplate(app, 'saas-startup');
  const notes = app.getByTestId('scenario-notes');
  await expect(notes).toHaveValue(/\nReference case from the original sizing document\.$/);
  await app.getByTestId('input-concurrency').fill('3000');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await expect(notes).toHaveValue(
    'A chat assistant for a SaaS start-up in its early stage, growing organically.\nStarted from the reference case “SaaS start-up assistant” of the original sizing document; its inputs have been changed since.',
  );
  await app.getByTestId('group-notes').screenshot({ path: '/tmp/d1-notes-follow-en.png' });
  await app.getByTestId('input-concurrency').fill('1000');
  await expect(notes).toHaveValue(/\nReference case from the original sizing document\.$/);
  await notes.fill('Our own words.');
  await app.getByTestId('input-concurrency').fill('2000');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('scenario-notes')).toHaveValue('Our own words.');
});

test('clearing Concurrency and typing 1200x fast keeps the result for 1200, not for 1', async ({ app }) => {
  await createProject(app, 'Fast typing');
  await scenarioFromTemplate(app, 'saas-startup');
  const concurrency = app.getByTestId('input-concurrency');
  await concurrency.fill('');
  await concurrency.pressSequentially('1200x', { delay: 0 });
  await expect(app.getByTestId('results')).toHaveAttribute('data-results-state', 'invalid');
  await expect(app.getByTestId('results-stale')).toBeVisible();
  // 1,200 sessions on 1,740 per node leave 540 spare; 1 session would leave 1,739.
  await expect(app.getByTestId('value-spare')).toHaveText('540');
  await expect(app.getByTestId('results')).toHaveAttribute('data-results-confirmed', 'true');
  await expect(app.getByTestId('value-spare')).toHaveText('540');
});

test('removing a region can be undone, cards show cold start, and the list shows the plan’s total concurrency', async ({ app }) => {
  await createProject(app, 'Regions');
  await scenarioFromTemplate(app, 'serverless-multi-region');
  await app.getByTestId('tab-regions').click();
  await planReady(app);
  const regions = app.getByTestId('region');
  await expect(regions.first().getByTestId('region-cold-start')).toHaveText('cold start 66.5 s, misses the 5 s target');

  await regions.nth(1).getByTestId('remove-region').click();
  await expect(regions).toHaveCount(2);
  await expect(app.getByTestId('toast').filter({ hasText: 'Region “US-West” removed.' })).toBeVisible();
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('6');
  await app.getByTestId('toast-action').click();
  await expect(regions).toHaveCount(3);
  await expect(regions.nth(1).getByTestId('region-name')).toHaveValue('US-West');
  await planReady(app);
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('9');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');

  await app.getByTestId('crumb-project').click();
  // Three regions of 2,000 sessions: the plan serves 6,000, not the base figure of 2,000.
  await expect(app.getByTestId('scenario-summary')).toContainText('6,000 sessions');
});

test('deleting a server in use names the scenarios that use it, and they open with the problem at the top', async ({ app }) => {
  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('catalog-tab-server').click();
  await app.getByTestId('add-server').click();
  for (const [field, value] of [
    ['id', 'lab-box'],
    ['name', 'Lab box'],
    ['gpus', '8'],
    ['hbmGBPerGpu', '141'],
    ['hbmBandwidthTBpsPerGpu', '4.8'],
    ['nodePowerKW', '10'],
    ['priceLowUsd', '300000'],
    ['priceHighUsd', '400000'],
    ['source', 'our quote'],
  ]) {
    await app.getByTestId(`record-${field}`).fill(value!);
  }
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-row-lab-box')).toBeVisible();

  await createProject(app, 'Lab');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-serverId').selectOption('lab-box');
  await resultsReady(app);
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  const scenarioUrl = app.url();

  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('catalog-tab-server').click();
  await app.getByTestId('delete-lab-box').click();
  await expect(app.getByTestId('record-usage')).toHaveAttribute('data-usage-state', 'ready');
  await expect(app.getByTestId('record-use')).toHaveText(['Lab › SaaS start-up assistant']);
  expect(await seriousA11yFindings(app, 'delete a record in use')).toEqual([]);
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('record-row-lab-box')).toHaveCount(0);

  await app.goto(scenarioUrl);
  const problem = app.getByTestId('missing-records');
  await expect(problem).toContainText('server “lab-box” was deleted.');
  await expect(problem).toBeInViewport();
  expect(await seriousA11yFindings(app, 'scenario with a deleted record')).toEqual([]);
  await app.getByTestId('choose-serverId').click();
  await expect(app.getByTestId('input-serverId')).toBeFocused();
  await app.getByTestId('input-serverId').selectOption('dgx200');
  await expect(problem).toHaveCount(0);
  await resultsReady(app);
});
