import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

test.beforeEach(async ({ app }) => {
  await createProject(app, 'Reference cases');
});

test('the SaaS template sizes to 1,740 sessions per node on 1 node', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await expect(app.getByTestId('scenario-name')).toHaveValue('SaaS start-up assistant');
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText('1,740');
  await expect(app.getByTestId('value-nodes')).toHaveText('1');
  await expect(app.getByTestId('figure-nodes')).toContainText('node');
  await expect(app.getByTestId('value-kv-per-session')).toHaveText('0.3765');
  await expect(app.getByTestId('value-spare')).toHaveText('740');
  await expect(app.getByTestId('memory-chart').locator('canvas')).toBeVisible();
  await expect(app.getByTestId('nodes-chart').locator('canvas')).toBeVisible();
  await expect(app.getByTestId('recommendation').first()).toBeVisible();
});

test('fp16 KV halves the sessions per node: 870', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-kvPrecision').selectOption('fp16');
  await resultsReady(app);
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText('870');
  await expect(app.getByTestId('value-kv-per-session')).toHaveText('0.7529');
  await expect(app.locator('[data-testid="recommendation"][data-id="kv-precision-wide"]')).toBeVisible();
});

test('an invalid value is named while the last valid result stays', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-kvBudgetRatio').fill('1.5');
  await expect(app.getByTestId('issue-kvBudgetRatio')).toHaveText('KV budget ratio must be a number greater than 0 and at most 1.');
  await expect(app.getByTestId('results')).toHaveAttribute('data-results-state', 'invalid');
  await expect(app.getByTestId('results-stale')).toBeVisible();
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText('1,740');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'invalid');

  await app.getByTestId('input-effectiveContextTokens').fill('262144');
  await expect(app.getByTestId('issue-effectiveContextTokens')).toHaveText(
    'Effective context must be at most 131,072 tokens, the maximum context of opt-oss-20b.',
  );
  await app.getByTestId('input-kvBudgetRatio').fill('0.7');
  await app.getByTestId('input-effectiveContextTokens').fill('32768');
  await resultsReady(app);
  await expect(app.getByTestId('issue-kvBudgetRatio')).toHaveCount(0);
});

test('edits are saved as they are made and found again after a reload', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-concurrency').fill('3000');
  await app.getByTestId('input-kvPrecision').selectOption('fp16');
  await app.getByTestId('scenario-name').fill('SaaS at 3,000 sessions');
  await resultsReady(app);
  await expect(app.getByTestId('value-nodes')).toHaveText('5');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');

  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await resultsReady(app);
  await expect(app.getByTestId('scenario-name')).toHaveValue('SaaS at 3,000 sessions');
  await expect(app.getByTestId('input-concurrency')).toHaveValue('3000');
  await expect(app.getByTestId('input-kvPrecision')).toHaveValue('fp16');
  await expect(app.getByTestId('value-nodes')).toHaveText('5');
});

test('an infeasible plan says why and offers a fix that works', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-runtimeOverheadGiB').fill('900');
  await resultsReady(app);
  await expect(app.getByTestId('infeasible-message')).toContainText('Runtime overhead (900 GiB) exceeds the budgeted share of HBM');
  await app.getByTestId('fix-runtimeOverheadGiB').click();
  await resultsReady(app);
  await expect(app.getByTestId('input-runtimeOverheadGiB')).toHaveValue('45');
  await expect(app.getByTestId('infeasible')).toHaveCount(0);
  await expect(app.getByTestId('value-nodes')).toHaveText('1');
});

test('Ctrl+D duplicates the open scenario and Ctrl+N starts a blank one', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.keyboard.press('Control+d');
  await expect(app.getByTestId('scenario-name')).toHaveValue('SaaS start-up assistant (copy)');
  await resultsReady(app);
  await app.keyboard.press('Control+n');
  await expect(app.getByTestId('scenario-name')).toHaveValue('New scenario');
  await resultsReady(app);
  // A blank scenario takes the engine's default overhead (weights + 4 GiB per GPU = 45 GiB), not the template's 80.
  await expect(app.getByTestId('input-runtimeOverheadGiB')).toHaveValue('45');
  await expect(app.getByTestId('value-nodes')).toHaveText('1');
  await app.getByTestId('crumb-project').click();
  await expect(app.getByTestId('scenario-item')).toHaveCount(3);
});
