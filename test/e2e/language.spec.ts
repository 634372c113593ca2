import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

test('switching to Portuguese translates the screens and formats numbers the Brazilian way', async ({ app }) => {
  await createProject(app, 'Casos');
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await expect(app.getByTestId('nav-projects')).toHaveText('Projetos');
  await expect(app.getByTestId('nav-templates')).toHaveText('Cenários de referência');
  await expect(app.locator('html')).toHaveAttribute('lang', 'pt-BR');

  await scenarioFromTemplate(app, 'saas-startup');
  await expect(app.getByTestId('scenario-name')).toHaveValue('Assistente de start-up SaaS');
  await expect(app.getByTestId('figure-sessions-per-node')).toContainText('Sessões por nó');
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText('1.740');
  await expect(app.getByTestId('figure-kv-per-session')).toContainText('KV por sessão');
  await expect(app.getByTestId('value-kv-per-session')).toHaveText('0,3765');
  await expect(app.getByTestId('figure-nodes')).toContainText('Nós necessários');
  await expect(app.getByTestId('figure-spare')).toContainText('Capacidade ociosa');
  await expect(app.getByTestId('recommendations')).toContainText('Recomendações');
  await expect(app.getByTestId('figure-capex')).toContainText('estimativa');
  await expect(app.getByTestId('group-policy')).toContainText('Headroom de pico');

  // A decimal comma is understood, and the message about a bad value is in Portuguese too.
  await app.getByTestId('input-kvBudgetRatio').fill('1,2');
  await expect(app.getByTestId('issue-kvBudgetRatio')).toHaveText('Razão de orçamento KV deve ser um número maior que 0 e no máximo 1.');
  await app.getByTestId('input-kvBudgetRatio').fill('0,35');
  await resultsReady(app);
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText('764');

  // The language is a stored setting: it survives a reload.
  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('nav-catalogs')).toHaveText('Catálogos');
});

test('the dark theme applies at once and is kept', async ({ app }) => {
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-theme-dark').check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await app.reload();
  await expect(app.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
});
