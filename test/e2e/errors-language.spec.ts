import { createProject, expect, test } from './fixtures/web-host.js';

/** A project file whose second scenario names a model no catalog has. */
function brokenFile(): Buffer {
  const inputs = {
    method: 'pooled',
    modelId: 'opt-oss-20b',
    serverId: 'dgx200',
    storageId: 'profile_default',
    concurrency: 1000,
    effectiveContextTokens: 32768,
    kvPrecision: 'fp8',
    kvBudgetRatio: 0.7,
    runtimeOverheadGiB: 80,
    peakHeadroomRatio: 0.2,
    ha: 'none',
    memoryBasis: 'nominal',
    years: 3,
    pue: 1.3,
    kwhPriceUsd: 0.12,
    engineInitS: 0,
    podSize: 3,
    hbmAlertRatio: 0.85,
    scaleUpRatio: 0.7,
    scaleDownRatio: 0.3,
    scaleDownMinutes: 10,
  };
  return Buffer.from(
    JSON.stringify({
      format: 'llm-sizing-planner/project',
      schemaVersion: 1,
      project: { name: 'Compartilhado' },
      scenarios: [
        { key: 'a', name: 'Base', inputs },
        { key: 'b', name: 'Outro', inputs: { ...inputs, modelId: 'gpt-9' } },
      ],
    }),
  );
}

test("with the app in Portuguese, the server's refusals come back in Portuguese, and in English again after switching back", async ({
  app,
}) => {
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await createProject(app, 'Casos');

  await app.getByTestId('nav-projects').click();
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByTestId('import-project').click()]);
  await chooser.setFiles({ name: 'quebrado.json', mimeType: 'application/json', buffer: brokenFile() });
  await expect(app.getByTestId('import-error-field')).toHaveText('file.scenarios[1].inputs.modelId');
  await expect(app.getByTestId('import-error-message')).toContainText(
    'arquivo de projeto: scenarios[1].inputs.modelId: "gpt-9" não é permitido; esperado um de opt-oss-20b',
  );

  // The same call in English gives the English message: the language travels with each call.
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('en');
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.getByTestId('nav-projects').click();
  const [again] = await Promise.all([app.waitForEvent('filechooser'), app.getByTestId('import-project').click()]);
  await again.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: brokenFile() });
  await expect(app.getByTestId('import-error-message')).toContainText(
    'project file: scenarios[1].inputs.modelId: "gpt-9" is not allowed; expected one of opt-oss-20b',
  );
  await expect(app.getByTestId('project-item')).toHaveCount(1);
});
