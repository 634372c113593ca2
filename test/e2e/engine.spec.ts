import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

/** Screenshots for a person to look at, only when asked for (SCREENSHOT_DIR); never into the repository. */
const shots = process.env.SCREENSHOT_DIR;

test.setTimeout(120_000);

test('the engine method shows the per-GPU memory bar, the replica layout, the binding limit and concurrency per replica, in both languages', async ({ app }) => {
  await createProject(app, 'Engine');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-method').selectOption('engine');
  await resultsReady(app);
  const panel = app.getByTestId('engine-per-gpu');
  await expect(panel).toBeVisible();
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 8 replicas × TP1');
  await expect(app.getByTestId('engine-binding')).toHaveText('KV memory');
  await expect(app.getByTestId('engine-segment-weights')).toContainText('Weights');
  await expect(app.getByTestId('engine-segment-kv')).toContainText('GiB');
  await expect(app.getByTestId('engine-concurrency')).toContainText('× at 32,768 tokens');
  if (shots) await app.screenshot({ path: `${shots}/engine-en-light.png`, fullPage: true });

  // A larger TP through the editor's engine group: 4 replicas of 2 GPUs.
  await app.getByTestId('group-engine').locator('summary').click();
  await app.getByTestId('input-tp').fill('2');
  await resultsReady(app);
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 4 replicas × TP2');

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await app.getByTestId('settings-theme-dark').check();
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.goBack();
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 4 réplicas × TP2');
  await expect(app.getByTestId('engine-binding')).toHaveText('Memória de KV');
  if (shots) await app.screenshot({ path: `${shots}/engine-pt-dark.png`, fullPage: true });
});

test('the Catalogs screen imports a catalog file and the engine method sizes with its model', async ({ app }) => {
  await app.getByTestId('nav-catalogs').click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('import-catalog').click();
  await (await chooser).setFiles('test/accuracy/catalog-extra.json');
  await expect(app.getByTestId('toast').filter({ hasText: 'catalog-extra.json: 2 added, 0 replaced.' })).toBeVisible();
  await expect(app.getByText('Qwen2 7B')).toBeVisible();
  if (shots) await app.screenshot({ path: `${shots}/catalog-import-en.png` });
});
