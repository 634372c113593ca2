import { createProject, expect, test } from './fixtures/web-host.js';

test('an empty store says so, and a created project opens with no scenarios yet', async ({ app }) => {
  await expect(app.getByTestId('state-empty')).toContainText('No projects yet');
  await createProject(app, 'Data centre 2026');
  await expect(app.getByTestId('state-empty')).toContainText('No scenarios in this project');
  await app.getByTestId('nav-projects').click();
  await expect(app.getByTestId('project-item')).toHaveCount(1);
  await expect(app.getByTestId('project-item')).toContainText('Data centre 2026');
  await expect(app.getByTestId('project-item')).toContainText('no scenarios');
});

test('projects can be searched, renamed and deleted after confirmation', async ({ app }) => {
  await createProject(app, 'Alpha rollout');
  await createProject(app, 'Beta pilot');
  await app.getByTestId('nav-projects').click();
  await expect(app.getByTestId('project-item')).toHaveCount(2);

  await app.getByTestId('project-search').fill('beta');
  await expect(app.getByTestId('project-item')).toHaveCount(1);
  await expect(app.getByTestId('project-item')).toContainText('Beta pilot');
  await app.getByTestId('project-search').fill('gamma');
  await expect(app.getByTestId('state-empty')).toContainText('No project matches “gamma”');
  await app.getByTestId('project-search').fill('');
  await expect(app.getByTestId('project-item')).toHaveCount(2);

  const alpha = app.getByTestId('project-item').filter({ hasText: 'Alpha rollout' });
  await alpha.getByTestId('rename-project').click();
  await app.getByTestId('rename-input').fill('Alpha production');
  await app.getByTestId('rename-save').click();
  await expect(app.getByTestId('project-item').filter({ hasText: 'Alpha production' })).toHaveCount(1);

  const beta = app.getByTestId('project-item').filter({ hasText: 'Beta pilot' });
  await beta.getByTestId('delete-project').click();
  await expect(app.getByTestId('confirm-dialog')).toContainText('“Beta pilot” and its scenarios will be deleted');
  await app.getByTestId('confirm-cancel').click();
  await expect(app.getByTestId('project-item')).toHaveCount(2);
  await beta.getByTestId('delete-project').click();
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('project-item')).toHaveCount(1);
  await expect(app.getByTestId('project-item')).toContainText('Alpha production');

  // What the screen shows is what the store holds.
  await app.reload();
  await expect(app.getByTestId('project-item')).toHaveCount(1);
  await expect(app.getByTestId('project-item')).toContainText('Alpha production');
});

test('a duplicate project name is refused with the store’s reason', async ({ app }) => {
  await createProject(app, 'Same name');
  await app.getByTestId('nav-projects').click();
  await app.getByTestId('new-project-name').fill('same name');
  await app.getByTestId('create-project').click();
  await expect(app.getByRole('alert')).toContainText('Conflict');
  await expect(app.getByTestId('project-item')).toHaveCount(1);
});
