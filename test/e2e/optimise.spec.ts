import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

test.beforeEach(async ({ app }) => {
  await createProject(app, 'Latency');
  await scenarioFromTemplate(app, 'saas-startup');
});

test('a TPOT target shows latency in the results and binds the plan', async ({ app }) => {
  await expect(app.getByTestId('latency-figures')).toBeVisible();
  await expect(app.getByTestId('latency-binding')).toContainText('Limited by KV memory');
  await app.getByTestId('input-promptTokens').fill('2000');
  await app.getByTestId('input-outputTokens').fill('500');
  await app.getByTestId('input-tpotMs').fill('8');
  await resultsReady(app);
  await expect(app.getByTestId('latency-binding')).toContainText('Limited by decode bandwidth (TPOT target)');
  const tpot = Number(await app.getByTestId('value-tpot').textContent());
  expect(tpot).toBeLessThanOrEqual(8);
  await expect(app.getByTestId('value-ttft')).not.toHaveText('—');
});

test('the Optimise panel ranks plans, draws the Pareto chart, exports CSV and turns a row into a variant', async ({ app }) => {
  await app.getByTestId('input-tpotMs').fill('20');
  await resultsReady(app);
  await app.getByTestId('tab-optimise').click();
  const panel = app.getByTestId('optimise-panel');
  await expect(panel).toHaveAttribute('data-optimise-state', 'ready');
  await expect(app.getByTestId('optimise-summary')).toContainText('candidates evaluated');
  await expect(app.getByTestId('optimise-row').first()).toBeVisible();
  expect(await app.getByTestId('optimise-row').count()).toBeGreaterThan(3);
  await expect(app.getByTestId('pareto-chart').locator('canvas')).toBeVisible();

  // Fewer servers: only those stay in the table.
  for (const id of ['dgx100', 'dgx300', 'mi300x-8', 'mi355x-8', 'dgxa100-80', 'dgxa100-40', 'l40s-8', 'h100nvl-8']) {
    await app.getByTestId(`optimise-server-${id}`).uncheck();
  }
  await expect(panel).toHaveAttribute('data-optimise-state', 'ready');
  await expect(app.locator('[data-testid="optimise-row"]:not([data-server="dgx200"]):not([data-server="dgxb200"])')).toHaveCount(0);

  const download = app.waitForEvent('download');
  await app.getByTestId('export-optimise-csv').click();
  expect((await download).suggestedFilename()).toMatch(/-plans\.csv$/);

  await app.getByTestId('optimise-variant').first().click();
  await expect(app.getByTestId('toast').last()).toContainText('Variant');
});

test('an unreachable target names what rules the plans out', async ({ app }) => {
  await app.getByTestId('input-tpotMs').fill('0.1');
  await app.getByTestId('tab-optimise').click();
  await expect(app.getByTestId('optimise-panel')).toHaveAttribute('data-optimise-state', 'ready');
  await expect(app.getByTestId('optimise-none')).toContainText('the TPOT target');
});
