import type { Page } from '@playwright/test';
import * as logs from '../unit/engine/calibration/logs.js';
import { seriousA11yFindings } from './fixtures/a11y.js';
import { expect, test } from './fixtures/web-host.js';

const SHOTS = process.env.SCREENSHOT_DIR;
test.use({ viewport: { width: 1280, height: 960 } });

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function openCalibration(page: Page): Promise<void> {
  await page.getByTestId('nav-catalogs').click();
  await page.getByTestId('catalog-tab-calibration').click();
  await expect(page.getByTestId('calibration-profiles')).toBeVisible();
}

test('a pasted start-up log is read, matched, saved as a profile, listed and deleted', async ({ app }) => {
  await openCalibration(app);
  await expect(app.getByTestId('state-empty')).toContainText('No calibration profiles yet.');
  await app.getByTestId('calibrate-from-log').click();
  const dialog = app.getByTestId('calibrate-dialog');

  // A log cut off before the KV cache is refused, and nothing can be saved.
  await app.getByTestId('calibration-log').fill(logs.VLLM_TRUNCATED);
  await app.getByTestId('calibration-read').click();
  await expect(app.getByTestId('calibration-error')).toContainText('this vLLM log stops before the engine sized its KV cache');
  await expect(app.getByTestId('calibration-save')).toBeDisabled();

  // A whole log: every figure with its line; the model is matched, the GPU is ambiguous by memory alone.
  await app.getByTestId('calibration-log').fill(logs.VLLM_V1_LLAMA_H100);
  await app.getByTestId('calibration-read').click();
  await expect(app.getByTestId('calibration-error')).toHaveCount(0);
  await expect(app.getByTestId('calibration-figure-kvAvailableGiB')).toContainText('51.38 GiB');
  await expect(app.getByTestId('calibration-figure-kvAvailableGiB')).toContainText('16');
  await expect(app.getByTestId('calibration-figure-kvTokens')).toContainText('420,896');
  await expect(app.getByTestId('calibration-figure-visibleGiB')).toContainText('requested 71.26 GiB ÷ 0.9');
  // Until the server is chosen there is nothing to predict for; then the formulas stand beside each figure.
  await expect(app.getByTestId('calibration-predicted-kvAvailableGiB')).toHaveText('—');
  await expect(app.getByTestId('calibration-model')).toHaveValue('llama-3.1-8b');
  await expect(app.getByTestId('calibration-server-problem')).toContainText(
    "several server records have the log's GPU (79.18 GiB visible): dgx100, dgxa100-80; choose one",
  );
  await expect(app.getByTestId('calibration-save')).toBeDisabled();
  await app.getByTestId('calibration-server').selectOption('dgx100');
  await expect(app.getByTestId('calibration-server-problem')).toHaveCount(0);
  await expect(app.getByTestId('calibration-save')).toBeEnabled();
  await expect(app.getByTestId('calibration-predicted-kvAvailableGiB')).toHaveText('51.42 GiB');
  await expect(app.getByTestId('calibration-error-kvAvailableGiB')).toHaveText('+0.1%');
  await expect(app.getByTestId('calibration-predicted-cudaGraphGiB')).toHaveText('—');
  await expect(app.getByTestId('calibration-prediction-note')).toContainText('vLLM 0.11, TP 1, 16,000 tokens');
  await expect(app.getByTestId('calibration-date')).toHaveValue(/^\d{4}-10-08$/);
  await expect(dialog).toContainText('vLLM logs month and day only: the year is assumed.');
  await shot(app, 'calibrate-dialog-en-light');
  expect(await seriousA11yFindings(app, 'calibrate dialog')).toEqual([]);

  await app.getByTestId('calibration-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByTestId('toast')).toContainText('Profile saved: Llama 3.1 8B on DGX H100, vLLM, TP 1.');
  const row = app.locator('[data-testid^="calibration-row-"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Llama 3.1 8B');
  await expect(row).toContainText('51.38 GiB');
  await shot(app, 'calibration-profiles-en-light');

  // Deleting asks first.
  await app.locator('[data-testid^="calibration-delete-"]').click();
  await expect(app.getByTestId('confirm-dialog')).toContainText('The profile of Llama 3.1 8B on DGX H100, vLLM, TP 1 will be removed.');
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('state-empty')).toBeVisible();
});

test('an opened log file in Portuguese, dark: the year comes from SGLang, a second save replaces the first', async ({ app }) => {
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await app.getByTestId('settings-theme-dark').check();
  await app.goto(app.url().replace(/#.*$/, '') + '#/catalogs?tab=calibration');
  await expect(app.getByTestId('calibration-profiles')).toBeVisible();

  for (const [round, text] of [
    [1, logs.SGLANG_LLAMA_H200],
    [2, logs.SGLANG_LLAMA_H200.replaceAll('2025-04-03', '2025-05-20')],
  ] as const) {
    await app.getByTestId('calibrate-from-log').click();
    const chooser = app.waitForEvent('filechooser');
    await app.getByTestId('calibration-open').click();
    await (await chooser).setFiles({ name: `sglang-${round}.log`, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect(app.getByTestId('calibration-reading')).toBeVisible();
    await expect(app.getByTestId('calibration-figure-kvAvailableGiB')).toContainText('102,58 GiB');
    await expect(app.getByTestId('calibration-server')).toHaveValue('dgx200');
    await expect(app.getByTestId('calibration-error-kvAvailableGiB')).toHaveText('+4,9%');
    await expect(app.getByTestId('calibration-date')).toHaveValue(round === 1 ? '2025-04-03' : '2025-05-20');
    if (round === 2) {
      await expect(app.getByTestId('calibration-replaces')).toHaveText('Salvar substitui o perfil do log de 2025-04-03.');
      await shot(app, 'calibrate-dialog-pt-dark');
      expect(await seriousA11yFindings(app, 'calibrate dialog, pt-BR dark')).toEqual([]);
    }
    await app.getByTestId('calibration-save').click();
    await expect(app.getByTestId('calibrate-dialog')).toHaveCount(0);
  }
  await expect(app.getByTestId('toast').last()).toContainText('substituindo o do log de 2025-04-03');
  const rows = app.locator('[data-testid^="calibration-row-"]');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('2025-05-20');
  await expect(rows).toContainText('sglang-2.log');
  await shot(app, 'calibration-profiles-pt-dark');
});
