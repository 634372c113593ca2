import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

test.beforeEach(async ({ app }) => {
  await createProject(app, 'What-if');
});

test('a variant made with one change compares beside its scenario, the differing rows highlighted', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('tab-what-if').click();
  await expect(app.getByTestId('no-variants')).toBeVisible();
  await expect(app.getByTestId('compare')).toHaveAttribute('data-compare-state', 'idle');

  await app.getByTestId('create-variant').click();
  const dialog = app.getByTestId('variant-dialog');
  await dialog.getByTestId('variant-name').fill('SaaS at 3,000 sessions');
  await dialog.getByTestId('add-override').selectOption('concurrency');
  await dialog.getByTestId('override-value').fill('3000');
  await expect(dialog.getByTestId('override-base')).toHaveText('base: 1,000 sessions');
  await dialog.getByTestId('variant-create').click();
  await expect(dialog).toHaveCount(0);

  await expect(app.getByTestId('variant')).toHaveCount(1);
  await expect(app.getByTestId('variant-changes')).toHaveText('Concurrency 3,000 sessions');
  const compare = app.getByTestId('compare');
  await expect(compare).toHaveAttribute('data-compare-state', 'ready');
  await expect(app.getByTestId('compare-name')).toHaveText(['SaaS start-up assistant', 'SaaS at 3,000 sessions']);
  const concurrency = app.locator('[data-testid="compare-row"][data-key="concurrency"]');
  await expect(concurrency).toHaveAttribute('data-differs', 'true');
  await expect(concurrency).toHaveClass(/differs/);
  await expect(concurrency.locator('td')).toHaveText(['1,000 sessions', '3,000 sessions']);
  // 3,000 sessions at 1,740 per node: 2 for capacity, 3 with 20% headroom.
  await expect(app.locator('[data-testid="compare-row"][data-key="nodesTotal"] td')).toHaveText(['1', '3']);
  const model = app.locator('[data-testid="compare-row"][data-key="modelId"]');
  await expect(model).toHaveAttribute('data-differs', 'false');
  await expect(model).not.toHaveClass(/differs/);
  await expect(app.getByTestId('case-row')).toHaveCount(2);

  await app.getByTestId('only-differences').check();
  await expect(model).toHaveCount(0);
  await expect(concurrency).toBeVisible();

  // The variant opens as a scenario of its own, on the same tab.
  await app.getByTestId('variant-link').click();
  await expect(app.getByTestId('scenario-name')).toHaveValue('SaaS at 3,000 sessions');
  await expect(app.getByTestId('tab-what-if')).toHaveAttribute('aria-selected', 'true');
  await app.getByTestId('tab-results').click();
  await resultsReady(app);
  await expect(app.getByTestId('value-nodes')).toHaveText('3');
  await app.getByTestId('tab-what-if').click();
  await expect(app.getByTestId('variant-of')).toContainText('SaaS start-up assistant');
  await expect(app.getByTestId('create-variant')).toBeDisabled();
});

test('any two scenarios of the project compare, and a variant can be deleted', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await scenarioFromTemplate(app, 'research-lab');
  await app.getByTestId('tab-what-if').click();
  await app.locator('[data-testid="compare-pick"][data-name="SaaS start-up assistant"] input').check();
  await expect(app.getByTestId('compare')).toHaveAttribute('data-compare-state', 'ready');
  await expect(app.locator('[data-testid="compare-row"][data-key="storageId"]')).toHaveAttribute('data-differs', 'true');
  await expect(app.locator('[data-testid="compare-row"][data-key="serverId"]')).toHaveAttribute('data-differs', 'false');
  await expect(app.getByTestId('cases-table')).toContainText('Research lab');

  await app.getByTestId('create-variant').click();
  await app.getByTestId('variant-create').click();
  await expect(app.getByTestId('variant')).toHaveCount(1);
  await app.getByTestId('delete-variant').click();
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('variant')).toHaveCount(0);
});

test('a sweep of concurrency draws nodes and CapEx and marks where a node is added', async ({ app }) => {
  await scenarioFromTemplate(app, 'public-api');
  await expect(app.getByTestId('result-facts')).toContainText('One more node is needed from 5,187 concurrent sessions.');
  await app.getByTestId('tab-sweep').click();
  const panel = app.getByTestId('sweep-panel');
  await expect(panel).toHaveAttribute('data-sweep-state', 'ready');
  await expect(app.getByTestId('sweep-chart').locator('canvas')).toBeVisible();

  // One point per session from 4,001 to 6,000: the thresholds are exact.
  await app.getByTestId('sweep-from').fill('4001');
  await app.getByTestId('sweep-to').fill('6000');
  await app.getByTestId('sweep-points').fill('2000');
  await expect(panel).toHaveAttribute('data-sweep-state', 'ready');
  await expect(app.getByTestId('sweep-threshold')).toContainText(['5,187 sessions']);
  const count = Number(await app.getByTestId('sweep-thresholds').getAttribute('data-count'));
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(app.getByTestId('sweep-threshold')).toHaveCount(count);

  await app.getByTestId('sweep-to').fill('3000');
  await expect(app.getByTestId('sweep-issue')).toHaveText('Enter two numbers, “From” below “To”.');
  await expect(panel).toHaveAttribute('data-sweep-state', 'invalid');

  await app.getByTestId('sweep-field').selectOption('kvBudgetRatio');
  await expect(panel).toHaveAttribute('data-sweep-state', 'ready');
  await expect(app.getByTestId('sweep-from')).toHaveValue('0.45');
  await expect(app.getByTestId('sweep-to')).toHaveValue('0.95');
  await expect(app.getByTestId('sweep-chart')).toContainText('Nodes and CapEx against KV budget ratio');
});

test("an engine-method scenario's sweep does not offer the pooled method's budget ratio or overhead", async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('tab-sweep').click();
  const field = app.getByTestId('sweep-field');
  await field.selectOption('kvBudgetRatio');
  await expect(app.getByTestId('sweep-panel')).toHaveAttribute('data-sweep-state', 'ready');
  await app.getByTestId('tab-results').click();
  await app.getByTestId('input-method').selectOption('engine');
  await resultsReady(app);
  await app.getByTestId('tab-sweep').click();
  await expect(field).toHaveValue('concurrency');
  await expect(field.locator('option')).toHaveText(['Concurrency', 'Effective context', 'Peak headroom']);
  await expect(app.getByTestId('sweep-panel')).toHaveAttribute('data-sweep-state', 'ready');
  await app.getByTestId('sweep-panel').screenshot({ path: '/tmp/d1-sweep-engine-en.png' });
});
