import type { Page } from '@playwright/test';
import { seriousA11yFindings } from './fixtures/a11y.js';
import { createProject, expect, openScenarioTab, SCENARIO_TABS, scenarioFromTemplate, test } from './fixtures/web-host.js';

/** Issue 10 item 8: every screen and dialog checked by axe-core, and the keyboard alone. */

/** What the checks use of the page's own globals (the node-side tsconfig has no DOM library). */
interface ComputedStyle {
  boxShadow: string;
  outlineStyle: string;
  borderTopColor: string;
  borderLeftColor: string;
  backgroundColor: string;
  color: string;
  getPropertyValue(name: string): string;
}
interface BrowserSide {
  getComputedStyle(el: unknown): ComputedStyle;
  document: { createElement(tag: string): { style: { color: string }; remove(): void }; body: { append(node: unknown): void } };
}

async function useSettings(page: Page, lang: 'en' | 'pt-BR', theme: 'light' | 'dark'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-lang').selectOption(lang);
  await page.getByTestId(`settings-theme-${theme}`).check();
  await expect(page.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
}

/** Visits every screen, tab and dialog of the planner and gathers axe's serious and critical findings. */
async function tour(page: Page, label: string): Promise<string[]> {
  const findings: string[] = [];
  const check = async (where: string) => findings.push(...(await seriousA11yFindings(page, `${label} ${where}`)));
  await check('settings');
  await createProject(page, 'Tour');
  await check('project (empty)');
  await scenarioFromTemplate(page, 'serverless-multi-region');
  await check('scenario results');
  await page.getByTestId('export-menu').click();
  await check('export menu');
  await page.keyboard.press('Escape');
  for (const tab of SCENARIO_TABS) {
    await openScenarioTab(page, tab);
    await check(`scenario ${tab}`);
  }
  await page.getByTestId('tab-what-if').click();
  await page.getByTestId('create-variant').click();
  await check('variant dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-diagram').click();
  await page.getByTestId('diagram-full-size').click();
  await check('diagram full size');
  await page.keyboard.press('Escape');
  await page.getByTestId('crumb-project').click();
  await expect(page.getByTestId('scenario-item')).toHaveCount(1);
  await check('project');
  await page.getByTestId('delete-scenario').click();
  await check('confirm dialog');
  await page.getByTestId('confirm-cancel').click();
  await page.getByTestId('nav-projects').click();
  await expect(page.getByTestId('project-item')).toHaveCount(1);
  await check('projects');
  await page.getByTestId('nav-templates').click();
  await check('templates');
  await page.getByTestId('nav-catalogs').click();
  for (const kind of ['model', 'server', 'storage']) {
    await page.getByTestId(`catalog-tab-${kind}`).click();
    await check(`catalogs ${kind}`);
  }
  await page.getByTestId('catalog-tab-calibration').click();
  await check('catalogs calibration');
  await page.getByTestId('catalog-tab-storage').click();
  await page.getByTestId('add-storage').click();
  await page.getByTestId('record-save').click();
  await check('catalog form with errors');
  await page.keyboard.press('Escape');
  await page.goto(page.url().replace(/#.*$/, '#/nowhere'));
  await check('not found');
  return findings;
}

for (const [lang, theme] of [
  ['en', 'light'],
  ['pt-BR', 'dark'],
] as const) {
  test(`axe finds nothing serious or critical on any screen (${lang}, ${theme})`, async ({ app }) => {
    // About twenty axe runs: generous on a busy machine.
    test.setTimeout(300_000);
    await useSettings(app, lang, theme);
    expect(await tour(app, `${lang}/${theme}`)).toEqual([]);
  });
}

test('a modal keeps Tab and Shift+Tab inside it and gives the focus back when it closes', async ({ app }) => {
  await app.getByTestId('nav-catalogs').click();
  const opener = app.getByTestId('add-model');
  await opener.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByTestId('catalog-form');
  await expect(dialog).toBeVisible();
  await expect(app.getByTestId('record-id')).toBeFocused();
  const inDialog = () => dialog.evaluate((d) => d.contains(d.ownerDocument.activeElement));
  for (let i = 0; i < 40; i++) {
    await app.keyboard.press('Tab');
    expect(await inDialog()).toBe(true);
  }
  // From the first control, Shift+Tab wraps to the last (Save).
  await app.getByTestId('record-id').focus();
  await app.keyboard.press('Shift+Tab');
  await expect(app.getByTestId('record-save')).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByTestId('record-id')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('the Export menu works with the arrow keys, and Escape closes it onto its button', async ({ app }) => {
  await createProject(app, 'Keys');
  await scenarioFromTemplate(app, 'saas-startup');
  const button = app.getByTestId('export-menu');
  await button.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('export-csv')).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByTestId('export-xlsx')).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByTestId('export-pdf')).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowUp');
  await expect(app.getByTestId('export-png-nodes-chart')).toBeFocused();
  await app.keyboard.press('Home');
  await expect(app.getByTestId('export-csv')).toBeFocused();
  await app.keyboard.press('End');
  await expect(app.getByTestId('export-png-nodes-chart')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('export-menu-items')).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('Rename puts the focus in its field with the name selected; Escape gives it back to the button', async ({ app }) => {
  await createProject(app, 'Old name');
  await app.getByTestId('nav-projects').click();
  await app.getByTestId('rename-project').click();
  const field = app.getByTestId('rename-input');
  await expect(field).toBeFocused();
  await app.keyboard.type('New name');
  await expect(field).toHaveValue('New name');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('project-link')).toHaveText('New name');
  await expect(app.getByTestId('rename-project')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(app.getByTestId('rename-project')).toBeFocused();
});

test('a destructive confirmation is red with Cancel focused, and the "Nodes needed" card does not look like a focus ring', async ({
  app,
}) => {
  await createProject(app, 'Colours');
  await scenarioFromTemplate(app, 'saas-startup');
  const card = app.getByTestId('figure-nodes');
  const look = await card.evaluate((el) => {
    const style = (globalThis as unknown as BrowserSide).getComputedStyle(el);
    return { boxShadow: style.boxShadow, outline: style.outlineStyle, borderTop: style.borderTopColor, borderLeft: style.borderLeftColor };
  });
  expect(look.outline).toBe('none');
  expect(look.boxShadow).not.toMatch(/0px 0px 0px/);
  // Emphasis is one edge, not a ring around the card.
  expect(look.borderLeft).not.toBe(look.borderTop);

  await app.getByTestId('crumb-project').click();
  await app.getByTestId('delete-scenario').click();
  await expect(app.getByTestId('confirm-cancel')).toBeFocused();
  const colours = await app.getByTestId('confirm-ok').evaluate((el) => {
    const g = globalThis as unknown as BrowserSide;
    // The theme's red, resolved to rgb() the way the browser reports a colour.
    const probe = g.document.createElement('span');
    probe.style.color = g.getComputedStyle(el).getPropertyValue('--danger-solid').trim();
    g.document.body.append(probe);
    const danger = g.getComputedStyle(probe).color;
    probe.remove();
    return { background: g.getComputedStyle(el).backgroundColor, danger };
  });
  expect(colours.background).toBe(colours.danger);
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('scenario-item')).toHaveCount(1);
});

test('the scenario tabs follow the tabs pattern: one Tab stop, arrow keys move and open the panels', async ({ app }) => {
  await createProject(app, 'Tabs');
  await scenarioFromTemplate(app, 'saas-startup');
  await expect(app.getByTestId('tab-regions')).toHaveAttribute('tabindex', '-1');
  await app.getByTestId('tab-results').focus();
  await app.keyboard.press('ArrowRight');
  await expect(app.getByTestId('tab-regions')).toBeFocused();
  await expect(app.getByTestId('tab-regions')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('regions-panel')).toBeVisible();
  await app.keyboard.press('End');
  const last = app.getByRole('tab').last();
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByRole('tab').nth(-2)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Home');
  await expect(app.getByTestId('results')).toBeVisible();
});
