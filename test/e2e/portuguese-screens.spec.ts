import type { Page } from '@playwright/test';
import { createProject, expect, openScenarioTab, SCENARIO_TABS, scenarioFromTemplate, test } from './fixtures/web-host.js';

/**
 * Issue 10 item 26 on the screens: in Portuguese no English interface text shows. The English
 * wording is the app's own message table: every message that the Portuguese table says differently,
 * cut at its {parameters} and plural bars into pieces of two words or more. A piece that the
 * Portuguese table uses too (a brand, a unit, a borrowed term such as "cold start") is allowed.
 */
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/**
 * The renderer's message tables, loaded at run time: they belong to the renderer's TypeScript
 * project, which the browser tests' project does not compile.
 */
async function messages(file: 'en' | 'pt-BR'): Promise<Tree> {
  const module = (await import(new URL(`../../src-renderer/i18n/${file}.ts`, import.meta.url).href)) as Record<string, Tree>;
  return module[file === 'en' ? 'en' : 'ptBR']!;
}

function englishPieces(en: Tree, ptBR: Tree): string[] {
  const english = leaves(en);
  const portuguese = leaves(ptBR);
  const portugueseText = [...portuguese.values()].join('\n').toLowerCase();
  const pieces = new Set<string>();
  for (const [key, text] of english) {
    if (portuguese.get(key) === text) continue;
    for (const piece of text.split(/\{[^}]*\}|\s\|\s/)) {
      const words = piece.trim().replace(/^[\s.,;:·(–-]+|[\s.,;:·)–-]+$/g, '');
      if (words.split(/\s+/).filter((w) => /[a-z]{2}/i.test(w)).length < 2) continue;
      if (portugueseText.includes(words.toLowerCase())) continue;
      pieces.add(words.toLowerCase());
    }
  }
  return [...pieces];
}

const PIECES = englishPieces(await messages('en'), await messages('pt-BR'));

/** The text a person sees on the page, less catalog sources (quoted as their publishers wrote them). */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { body: { innerText: string }; querySelectorAll(s: string): Iterable<{ innerText: string }> } }
    ).document;
    let text = d.body.innerText;
    for (const quoted of d.querySelectorAll('.source')) text = text.replace(quoted.innerText, '');
    return text;
  });
}

async function englishOn(page: Page, where: string, found: string[]): Promise<void> {
  // Line by line: the end of one element's text and the start of the next are not a phrase.
  const lines = (await visibleText(page))
    .toLowerCase()
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' '));
  for (const piece of PIECES) {
    const line = lines.find((l) => l.includes(piece));
    if (line !== undefined) found.push(`${where}: “${piece}” in “${line}”`);
  }
  await page.screenshot({ path: `/tmp/c3-pt-${where.replace(/\W+/g, '-')}.png`, fullPage: true });
}

test('the detector knows the English interface text', () => {
  expect(PIECES).toContain('sessions per node');
  expect(PIECES).toContain('nodes needed');
  // Borrowed terms the Portuguese text uses too are allowed.
  expect(PIECES).not.toContain('cold start');
});

test('every screen in Portuguese shows no English interface text', async ({ app }) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('settings-lang').selectOption('pt-BR');
  await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
  await englishOn(app, 'settings', found);
  await createProject(app, 'Tour');
  await englishOn(app, 'project empty', found);
  await scenarioFromTemplate(app, 'saas-startup');
  await scenarioFromTemplate(app, 'serverless-multi-region');
  await englishOn(app, 'scenario results', found);
  for (const tab of SCENARIO_TABS) {
    await openScenarioTab(app, tab);
    if (tab === 'what-if') {
      await app.locator('[data-testid="compare-pick"][data-name="Assistente de start-up SaaS"] input').check();
      await expect(app.getByTestId('compare')).toHaveAttribute('data-compare-state', 'ready');
      // Item 21: cents below USD 10, cold start to a tenth of a second.
      await expect(app.locator('[data-testid="compare-row"][data-key="tcoPerMillionOutputTokensUsd"] td')).toHaveText([
        /^USD 0,\d\d$/,
        /^USD 0,\d\d$/,
      ]);
      await expect(app.locator('[data-testid="compare-row"][data-key="coldStartS"] td')).toHaveText([/^\d+,\d s$/, /^\d+,\d s$/]);
      // Storage profiles by their Portuguese names, as in the command-line report.
      await expect(app.locator('[data-testid="compare-row"][data-key="storageId"] td')).toHaveText(['NVMe local', 'NVMe local']);
      await app.locator('[data-testid="compare-row"][data-key="coldStartS"]').scrollIntoViewIfNeeded();
      await app.getByTestId('compare').screenshot({ path: '/tmp/c3-pt-compare.png' });
    }
    await englishOn(app, `scenario ${tab}`, found);
  }
  await app.getByTestId('crumb-project').click();
  await expect(app.getByTestId('scenario-item')).toHaveCount(2);
  await englishOn(app, 'project', found);
  await app.getByTestId('nav-projects').click();
  await expect(app.getByTestId('project-item')).toHaveCount(1);
  await englishOn(app, 'projects', found);
  await app.getByTestId('nav-templates').click();
  await englishOn(app, 'templates', found);
  await app.getByTestId('nav-catalogs').click();
  for (const kind of ['model', 'server', 'storage', 'calibration']) {
    await app.getByTestId(`catalog-tab-${kind}`).click();
    if (kind === 'storage') await expect(app.getByTestId('record-row-profile_cloud_object')).toContainText('Storage de objetos em nuvem');
    // Item 24: the month the reference prices were checked.
    if (kind === 'server')
      await expect(app.getByTestId('catalogs-view')).toContainText('conferidas em fontes públicas em dezembro de 2026');
    await englishOn(app, `catalogs ${kind}`, found);
  }
  await app.goto(app.url().replace(/#.*$/, '#/nowhere'));
  await englishOn(app, 'not found', found);
  expect(found).toEqual([]);
});
