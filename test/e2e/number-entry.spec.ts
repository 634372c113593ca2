import { COST_DEFAULTS, formatUsd } from '../../src-main/engine/index.js';

/** One node's CapEx at a typed price: the server plus the default network fabric per node. */
const capexAt = (priceUsd: number) => priceUsd + COST_DEFAULTS.networkUsdPerNode.value;
import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';
import type { Page } from '@playwright/test';

/** Issue 10 item 1: a typed number is read the way the user's language writes it, or refused beside its field. */

async function useLanguage(page: Page, lang: 'en' | 'pt-BR'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-lang').selectOption(lang);
  await expect(page.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
}

test('350,000 typed as the price per node in English is 350 thousand, saved and shown so after a reload', async ({ app }) => {
  await createProject(app, 'Prices');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-pricePerNodeUsd').fill('350,000');
  await resultsReady(app);
  await expect(app.getByTestId('issue-pricePerNodeUsd')).toHaveCount(0);
  await expect(app.getByTestId('value-capex')).toHaveText(formatUsd(capexAt(350_000), 'en'));
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');

  await app.reload();
  await resultsReady(app);
  await expect(app.getByTestId('input-pricePerNodeUsd')).toHaveValue('350000');
  await expect(app.getByTestId('value-capex')).toHaveText(formatUsd(capexAt(350_000), 'en'));
});

test('350.000 in Portuguese is 350 mil; 0.12 is refused beside its field, not guessed', async ({ app }) => {
  await useLanguage(app, 'pt-BR');
  await createProject(app, 'Preços');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-pricePerNodeUsd').fill('350.000');
  await resultsReady(app);
  await expect(app.getByTestId('value-capex')).toHaveText(formatUsd(capexAt(350_000), 'pt-BR'));

  await app.getByTestId('input-kwhPriceUsd').fill('0.12');
  await expect(app.getByTestId('issue-kwhPriceUsd')).toHaveText(
    'Preço da energia: “0.12” não se lê como número em português: use vírgula para decimais e ponto para milhares (1.234,5), ou nenhum separador de milhares (1234,5).',
  );
  await expect(app.getByTestId('results')).toHaveAttribute('data-results-state', 'invalid');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'invalid');
  // A figure pasted from an English sheet can only mean one thing.
  await app.getByTestId('input-pricePerNodeUsd').fill('1,234,567.5');
  await app.getByTestId('input-kwhPriceUsd').fill('0,12');
  await resultsReady(app);
  await expect(app.getByTestId('value-capex')).toHaveText(formatUsd(capexAt(1_234_567.5), 'pt-BR'));
});

test('an ambiguous entry is refused with the field named, in English', async ({ app }) => {
  await createProject(app, 'Ambiguous');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-kvBudgetRatio').fill('0,7');
  await expect(app.getByTestId('issue-kvBudgetRatio')).toHaveText(
    'KV budget ratio: “0,7” does not read as a number in English: write decimals with a point and thousands with commas (1,234.5), or no thousands separator (1234.5).',
  );
  await expect(app.getByTestId('input-kvBudgetRatio')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText('1,740');
});

test('the cost defaults in Settings are re-written when the language changes', async ({ app }) => {
  await app.getByTestId('nav-settings').click();
  await expect(app.getByTestId('input-settings-kwhPriceUsd')).toHaveValue('0.12');
  await app.getByTestId('input-settings-pue').fill('1.25');
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await expect(app.getByTestId('input-settings-kwhPriceUsd')).toHaveValue('0,12');
  await expect(app.getByTestId('input-settings-pue')).toHaveValue('1,25');
  await expect(app.getByTestId('issue-settings-pue')).toHaveCount(0);
  await app.getByTestId('settings-lang').selectOption('en');
  await expect(app.getByTestId('input-settings-pue')).toHaveValue('1.25');
});

test('the catalog forms read numbers the same way: 1.500 is fifteen hundred in Portuguese', async ({ app }) => {
  await useLanguage(app, 'pt-BR');
  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('catalog-tab-storage').click();
  await app.getByTestId('add-storage').click();
  await app.getByTestId('record-id').fill('nas-grande');
  await app.getByTestId('record-name').fill('NAS grande');
  await app.getByTestId('record-readThroughputGBps').fill('2.5');
  await app.getByTestId('record-source').fill('medido com fio');
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-error-readThroughputGBps')).toHaveText(
    'Não é um número como se escreve em português: vírgula para decimais, ponto para milhares (1.234,5).',
  );
  await app.getByTestId('record-readThroughputGBps').fill('1.500');
  await app.getByTestId('record-firstByteLatencyS').fill('0,002');
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-row-nas-grande')).toContainText('1.500 GB/s');

  // Editing shows the stored figures the Portuguese way, ready to be read back.
  await app.getByTestId('edit-nas-grande').click();
  await expect(app.getByTestId('record-firstByteLatencyS')).toHaveValue('0,002');
  await expect(app.getByTestId('record-readThroughputGBps')).toHaveValue('1500');
});
