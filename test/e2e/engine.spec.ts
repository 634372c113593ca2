import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';
import { SGLANG_LLAMA_H200 } from '../unit/engine/calibration/logs.js';
import extra from '../accuracy/catalog-extra.json' with { type: 'json' };

/** Screenshots for a person to look at, only when asked for (SCREENSHOT_DIR); never into the repository. */
const shots = process.env.SCREENSHOT_DIR;

test.setTimeout(120_000);

test('the engine method shows the per-GPU memory bar, the replica layout, the binding limit and concurrency per replica, in both languages', async ({
  app,
}) => {
  await createProject(app, 'Engine');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-method').selectOption('engine');
  await resultsReady(app);
  const panel = app.getByTestId('engine-per-gpu');
  await expect(panel).toBeVisible();
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 8 replicas × TP1');
  // The memory chart names its first two shares as the engine holds them, like the exported chart.
  await expect(app.getByTestId('memory-chart').locator('canvas')).toHaveAttribute(
    'aria-label',
    /^Outside the engine's memory fraction [\d.,]+ GiB, held by the engine [\d.,]+ GiB, KV in use/,
  );
  await expect(app.getByTestId('engine-binding')).toHaveText('KV memory');
  await expect(app.getByTestId('engine-segment-weights')).toContainText('Weights');
  await expect(app.getByTestId('engine-segment-kv')).toContainText('GiB');
  await expect(app.getByTestId('engine-concurrency')).toContainText('× at 32,768 tokens');
  if (shots) await app.screenshot({ path: `${shots}/engine-en-light.png`, fullPage: true });

  // A larger TP through the editor's engine group: 4 replicas of 2 GPUs.
  await app.getByTestId('group-engine').locator('summary').click();
  // The version left unset says which one the plan is sized with, and that it is the default.
  const version = app.getByTestId('input-engineVersion');
  await expect(version).toHaveValue('');
  await expect(version.locator('option:checked')).toHaveText('Default: vLLM 0.17');
  await expect(panel.locator('h3')).toContainText('vLLM 0.17');
  if (shots) await engineGroupShot('en-light');
  await app.getByTestId('input-tp').fill('2');
  await resultsReady(app);
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 4 replicas × TP2');
  await expect(app.getByTestId('engine-plan-limit')).toHaveCount(0);

  // A TPOT target that holds each replica below what its KV cache admits: the memory row says the plan's limit comes first.
  await app.getByTestId('input-promptTokens').fill('2000');
  await app.getByTestId('input-outputTokens').fill('500');
  await app.getByTestId('input-tpotMs').fill('8');
  await resultsReady(app);
  await expect(app.getByTestId('engine-binding')).toHaveText('KV memory');
  await expect(app.getByTestId('engine-plan-limit')).toHaveText('Limited by decode bandwidth (TPOT target) first: see the latency figures');

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await app.getByTestId('settings-theme-dark').check();
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.goBack();
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 4 réplicas × TP2');
  await expect(app.getByTestId('engine-binding')).toHaveText('Memória de KV');
  await expect(app.getByTestId('memory-chart').locator('canvas')).toHaveAttribute(
    'aria-label',
    /^Fora da fração de memória do engine [\d.,]+ GiB, ocupado pelo engine/,
  );
  await expect(app.getByTestId('engine-plan-limit')).toHaveText(
    'Limitado pela banda no decode (meta de TPOT) antes: veja os números de latência',
  );
  await expect(version.locator('option:checked')).toHaveText('Padrão: vLLM 0.17');
  if (shots) await app.screenshot({ path: `${shots}/engine-pt-dark.png`, fullPage: true });
  if (shots) await engineGroupShot('pt-dark');

  /** The editor's engine group, opened and scrolled into view. */
  async function engineGroupShot(name: string): Promise<void> {
    const group = app.getByTestId('group-engine');
    if (!(await group.evaluate((details) => details.hasAttribute('open')))) await group.locator('summary').click();
    await app.locator('#input-engineVersion-help').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `${shots}/engine-version-${name}.png` });
  }
});

test('the Catalogs screen imports a catalog file and the engine method sizes with its model', async ({ app }) => {
  await app.getByTestId('nav-catalogs').click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('import-catalog').click();
  await (await chooser).setFiles('test/accuracy/catalog-extra.json');
  await expect(
    app.getByTestId('toast').filter({ hasText: `catalog-extra.json: ${extra.models.length + extra.servers.length} added, 0 replaced.` }),
  ).toBeVisible();
  await expect(app.getByText('Qwen2 7B')).toBeVisible();
  // A long weights format (the FP8 record's is a sentence) wraps in its cell: the table stays
  // within its box at 1,280 px, so every row's Edit and Delete can be seen without scrolling.
  const table = app.getByTestId('catalog-table-model');
  const [tableWidth, boxWidth] = await table.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth]);
  expect(tableWidth).toBeLessThanOrEqual(boxWidth);
  const deleteRight = await app.getByTestId('delete-llama-3.3-70b-fp8-dynamic').evaluate((b) => b.getBoundingClientRect().right);
  const boxRight = await table.evaluate((t) => t.parentElement!.getBoundingClientRect().right);
  expect(deleteRight).toBeLessThanOrEqual(boxRight);
  if (shots) await app.screenshot({ path: `${shots}/catalog-import-en.png` });
});

test('a saved calibration profile changes the plan: the results say which log it came from, and the editor can turn it off', async ({
  app,
}) => {
  // Save the SGLang H200 log's profile (Llama 3.1 8B on DGX H200, TP 1) from an opened file.
  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('catalog-tab-calibration').click();
  await app.getByTestId('calibrate-from-log').click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('calibration-open').click();
  await (await chooser).setFiles({ name: 'sglang-h200.log', mimeType: 'text/plain', buffer: Buffer.from(SGLANG_LLAMA_H200) });
  await expect(app.getByTestId('calibration-server')).toHaveValue('dgx200');
  await app.getByTestId('calibration-save').click();
  await expect(app.getByTestId('calibrate-dialog')).toHaveCount(0);

  await createProject(app, 'Calibrated');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-method').selectOption('engine');
  await app.getByTestId('input-modelId').selectOption('llama-3.1-8b');
  await app.getByTestId('input-kvPrecision').selectOption('auto');
  await app.getByTestId('group-engine').locator('summary').click();
  await app.getByTestId('input-servingEngine').selectOption('sglang');
  await app.getByTestId('input-tp').fill('1');
  await resultsReady(app);
  const line = app.getByTestId('engine-calibration');
  await expect(line).toHaveText('Calibrated from a log of 2025-04-03 (SGLang, sglang-h200.log)');
  await expect(app.getByTestId('engine-segment-kv')).toContainText('102.58 GiB');
  if (shots) await calibratedShots('en-light');

  await app.getByTestId('input-calibration').selectOption('off');
  await resultsReady(app);
  await expect(line).toHaveText('Calibration off: formulas only');
  await expect(app.getByTestId('engine-segment-kv')).toContainText('107.59 GiB');
  await app.getByTestId('input-calibration').selectOption('');
  await resultsReady(app);

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await app.getByTestId('settings-theme-dark').check();
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.goBack();
  await expect(line).toHaveText('Calibrado a partir de um log de 2025-04-03 (SGLang, sglang-h200.log)');
  await expect(app.getByTestId('input-calibration')).toContainText('Perfil salvo, quando houver');
  if (shots) await calibratedShots('pt-dark');

  /** The results panel with its calibration line, and the editor's calibration choice, each scrolled into view. */
  async function calibratedShots(name: string): Promise<void> {
    await line.scrollIntoViewIfNeeded();
    await app.getByTestId('input-calibration').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `${shots}/engine-calibrated-${name}.png` });
  }
});

test("the diagram panel draws an engine-method plan's replicas inside each node, in both languages", async ({ app }) => {
  await createProject(app, 'Engine diagram');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-method').selectOption('engine');
  await app.getByTestId('group-engine').locator('summary').click();
  await app.getByTestId('input-tp').fill('2');
  await resultsReady(app);
  await expect(app.getByTestId('engine-layout')).toHaveText('8 GPUs = 4 replicas × TP2');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await app.getByTestId('tab-diagram').click();
  const panel = app.getByTestId('diagram-panel');
  await expect(panel).toHaveAttribute('data-diagram-state', 'ready');
  const nodes = Number(await panel.getAttribute('data-node-count'));
  await expect(panel.locator('svg g.replica')).toHaveCount(4 * nodes);
  await expect(panel.locator('svg g.replica[data-tp="2"] rect.gpu')).toHaveCount(8 * nodes);
  await expect(panel.locator('svg')).toContainText('Replica 4 · TP2');
  if (shots) await panel.screenshot({ path: `${shots}/engine-diagram-en.png` });

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await app.getByTestId('settings-theme-dark').check();
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.goBack();
  await app.getByTestId('tab-diagram').click();
  await expect(panel.locator('svg')).toContainText('Réplica 4 · TP2');
  if (shots) await panel.screenshot({ path: `${shots}/engine-diagram-pt-dark.png` });
});
