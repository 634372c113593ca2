import type { Page } from '@playwright/test';
import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

test.beforeEach(async ({ app }) => {
  await createProject(app, 'Multi-region');
  await scenarioFromTemplate(app, 'serverless-multi-region');
});

async function planReady(page: Page): Promise<void> {
  await expect(page.getByTestId('regions-panel')).toHaveAttribute('data-plan-state', 'ready');
}

test('the serverless template plans US-East, US-West and EU of 2,000 sessions: 3 nodes each, 9 in total', async ({ app }) => {
  // The main results size one region with the base inputs, and say so.
  await expect(app.getByTestId('regions-note')).toContainText('split into 3 regions');
  await expect(app.getByTestId('value-nodes')).toHaveText('3');
  await app.getByTestId('open-regions').click();
  await planReady(app);

  const regions = app.getByTestId('region');
  await expect(regions).toHaveCount(3);
  for (const [i, name] of ['US-East', 'US-West', 'EU'].entries()) {
    await expect(regions.nth(i).getByTestId('region-name')).toHaveValue(name);
    await expect(regions.nth(i).getByTestId('region-concurrency')).toHaveValue('2000');
    await expect(regions.nth(i).getByTestId('region-nodes')).toHaveText('3');
    // N+1 per region: 1 for capacity, 2 with 40% headroom, 3 with the spare.
    await expect(regions.nth(i).getByTestId('region-result')).toContainText('capacity 1 → with headroom 2 → total 3');
  }
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('9');
  await expect(app.getByTestId('value-plan-sessions')).toHaveText('6,000');
  await expect(app.getByTestId('regions-chart').locator('canvas')).toBeVisible();
});

test('a new region with a difference from the base changes the total, and is saved', async ({ app }) => {
  await app.getByTestId('tab-regions').click();
  await planReady(app);
  await app.getByTestId('add-region').click();
  const added = app.getByTestId('region').nth(3);
  await added.getByTestId('region-name').fill('São Paulo');
  await added.getByTestId('region-concurrency').fill('1200');
  await planReady(app);
  // 1,200 sessions at 2,482 per node: 1 → 1 with headroom → 2 with N+1.
  await expect(added.getByTestId('region-nodes')).toHaveText('2');
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('11');

  await added.getByTestId('add-override').selectOption('kvPrecision');
  await expect(added.getByTestId('override-base')).toHaveText('same as the base');
  await added.getByTestId('override-value').selectOption('fp16');
  await expect(added.getByTestId('override-base')).toHaveText('base: fp8');
  await planReady(app);
  // fp16 halves the sessions per node (1,241): 1 → 2 with 40% headroom → 3 with N+1.
  await expect(added.getByTestId('region-nodes')).toHaveText('3');
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('12');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');

  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await planReady(app);
  await expect(app.getByTestId('region')).toHaveCount(4);
  await expect(app.getByTestId('region').nth(3).getByTestId('region-name')).toHaveValue('São Paulo');
  await expect(app.getByTestId('region').nth(3).locator('[data-testid="override"][data-field="kvPrecision"] select')).toHaveValue('fp16');
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('12');
  await app.getByTestId('tab-results').click();
  await resultsReady(app);
  await expect(app.getByTestId('regions-note')).toContainText('split into 4 regions');
});

test('a difference the region cannot take is named beside it and nothing is saved', async ({ app }) => {
  await app.getByTestId('tab-regions').click();
  await planReady(app);
  const eu = app.getByTestId('region').nth(2);
  await eu.getByTestId('add-override').selectOption('effectiveContextTokens');
  await eu.getByTestId('override-value').fill('200000');
  await expect(eu.getByTestId('override-issue')).toHaveText(
    'Effective context must be at most 131,072 tokens, the maximum context of opt-oss-120b.',
  );
  await expect(app.getByTestId('regions-panel')).toHaveAttribute('data-plan-state', 'invalid');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'invalid');
  await eu.getByTestId('region-name').fill('US-East');
  await expect(eu.getByTestId('region-issue-name')).toHaveText('Another region is already called “US-East”.');

  await eu.getByTestId('region-name').fill('EU');
  await eu.getByTestId('remove-override').click();
  await planReady(app);
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await expect(app.getByTestId('value-plan-nodes')).toHaveText('9');
});
