import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createProject, expect, scenarioFromTemplate, test, type PageGlobals } from './fixtures/web-host.js';

/** Runs an action that should download a file, and returns the file as the browser saved it. */
async function downloaded(page: Page, action: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { download, bytes: readFileSync((await download.path())!) };
}

async function fromExportMenu(page: Page, item: string) {
  return downloaded(page, async () => {
    await page.getByTestId('export-menu').click();
    await page.getByTestId(item).click();
  });
}

test.beforeEach(async ({ app }) => {
  await createProject(app, 'Exports');
});

test('the export menu downloads the results CSV, the PDF report and the charts in browser mode', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  const csv = await fromExportMenu(app, 'export-csv');
  expect(csv.download.suggestedFilename()).toBe('Exports-SaaS-start-up-assistant-results.csv');
  const lines = csv.bytes.toString('utf8').split('\r\n');
  expect(lines[0]).toBe('sep=,');
  expect(lines[1]).toMatch(/^scenario,model,server,storage,concurrency,effectiveContextTokens,/);
  expect(lines[2]).toMatch(/^SaaS start-up assistant,opt-oss-20b,dgx200,profile_default,1000,32768,fp8,/);

  const xlsx = await fromExportMenu(app, 'export-xlsx');
  expect(xlsx.download.suggestedFilename()).toBe('Exports-SaaS-start-up-assistant-results.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['Results']);
  expect(book.worksheets[0]!.getRow(2).getCell(5).value).toBe(1000);

  const pdf = await fromExportMenu(app, 'export-pdf');
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const png = await fromExportMenu(app, 'export-png-nodes-chart');
  expect(png.download.suggestedFilename()).toMatch(/nodes-chart\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await expect(app.getByTestId('toast').last()).toContainText('Saved Exports-SaaS-start-up-assistant-nodes-chart.png');
  // Downloads are blob: links of our own origin: neither the link guard nor the CSP stops them.
  expect(await app.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations)).toEqual([]);

  // An edit that cannot be saved is not in the file, and the user hears so.
  // (The invalid input first: an autosave of 3000 alone could otherwise run in between on a slow machine.)
  await app.getByTestId('input-kvBudgetRatio').fill('1.5');
  await app.getByTestId('input-concurrency').fill('3000');
  const stale = await fromExportMenu(app, 'export-csv');
  expect(stale.bytes.toString('utf8').split('\r\n')[2]).toContain(',1000,32768,');
  await expect(app.getByTestId('toast').filter({ hasText: 'Exported as last saved' })).toHaveCount(1);
});

test('the public API diagram shows 4 pods of 3 nodes with one spare, follows the pod size and exports as SVG', async ({ app }) => {
  await scenarioFromTemplate(app, 'public-api');
  await app.getByTestId('tab-diagram').click();
  const panel = app.getByTestId('diagram-panel');
  await expect(panel).toHaveAttribute('data-diagram-state', 'ready');
  await expect(panel).toHaveAttribute('data-node-count', '12');
  await expect(panel).toHaveAttribute('data-pod-count', '4');
  await expect(panel).toHaveAttribute('data-spare-count', '1');
  await expect(app.getByTestId('diagram').locator('svg rect.node')).toHaveCount(12);

  const svg = await downloaded(app, () => app.getByTestId('export-diagram-svg').click());
  const markup = svg.bytes.toString('utf8');
  expect(markup.startsWith('<svg')).toBe(true);
  expect(markup.match(/<rect[^>]*class="node"/g)).toHaveLength(12);

  await app.getByTestId('input-diagram-podSize').fill('4');
  await expect(panel).toHaveAttribute('data-pod-count', '3');
  await expect(panel).toHaveAttribute('data-diagram-state', 'ready');
  await expect(app.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  // The pod size is the scenario's own input: the editor shows the new value too.
  await expect(app.getByTestId('input-podSize')).toHaveValue('4');
  expect(await app.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations)).toEqual([]);
});

test('a multi-region plan exports its regions as CSV and its regions chart as SVG', async ({ app }) => {
  await scenarioFromTemplate(app, 'serverless-multi-region');
  const csv = await fromExportMenu(app, 'export-csv');
  const lines = csv.bytes.toString('utf8').trim().split('\r\n');
  // The single-region columns plus a region column, one row per region and the plan's totals.
  expect(lines[1]).toMatch(/^scenario,region,model,server,storage,concurrency,/);
  const nodesColumn = lines[1]!.split(',').indexOf('nodesTotal');
  expect(lines.slice(2).map((l) => l.split(',')[1])).toEqual(['US-East', 'US-West', 'EU', 'total']);
  expect(lines.at(-1)!.split(',')[nodesColumn]).toBe('9');
  const chart = await fromExportMenu(app, 'export-svg-regions-chart');
  expect(chart.bytes.toString('utf8')).toContain('US-West');
});

test('a comparison and a sweep export from their own panels', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await scenarioFromTemplate(app, 'public-api');
  await app.getByTestId('tab-what-if').click();
  await app.locator('[data-testid="compare-pick"][data-name="SaaS start-up assistant"] input').check();
  await expect(app.getByTestId('compare')).toHaveAttribute('data-compare-state', 'ready');
  const comparison = await downloaded(app, () => app.getByTestId('export-comparison').click());
  expect(comparison.download.suggestedFilename()).toBe('Exports-comparison.csv');
  expect(comparison.bytes.toString('utf8')).toContain('Public multi-tenant API');
  expect(comparison.bytes.toString('utf8')).toContain(',method,input,');
  // "Only differences" on screen is only differences in the file.
  await app.getByTestId('only-differences').check();
  const differences = await downloaded(app, () => app.getByTestId('export-comparison').click());
  expect(differences.bytes.toString('utf8')).not.toContain(',method,input,');
  expect(differences.bytes.toString('utf8')).toContain(',modelId,input,');

  await app.getByTestId('tab-sweep').click();
  await expect(app.getByTestId('sweep-panel')).toHaveAttribute('data-sweep-state', 'ready');
  const sweep = await downloaded(app, () => app.getByTestId('export-sweep-csv').click());
  expect(sweep.bytes.toString('utf8').split('\r\n').slice(0, 2)).toEqual(['sep=,', 'concurrency,nodesTotal,capexLowUsd,capexHighUsd']);
  const picture = await downloaded(app, () => app.getByTestId('export-sweep-svg').click());
  expect(picture.bytes.toString('utf8')).toMatch(/^<svg/);
});

test('a project exported as JSON imports back as a new project with its scenarios', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await scenarioFromTemplate(app, 'serverless-multi-region');
  await app.getByTestId('crumb-project').click();
  const file = await downloaded(app, () => app.getByTestId('export-project').click());
  expect(file.download.suggestedFilename()).toBe('Exports.json');
  const content = JSON.parse(file.bytes.toString('utf8'));
  expect(content.format).toBe('llm-sizing-planner/project');
  expect(content.scenarios).toHaveLength(2);

  await app.getByTestId('nav-projects').click();
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByTestId('import-project').click()]);
  await chooser.setFiles({ name: 'Exports.json', mimeType: 'application/json', buffer: file.bytes });
  // The name is taken here, so the import gets the next free one, and opens.
  await expect(app.getByTestId('project-title')).toHaveText('Exports (2)');
  await expect(app.getByTestId('scenario-item')).toHaveCount(2);
  await expect(app.getByTestId('scenario-item').filter({ hasText: 'Serverless cloud provider' })).toContainText('3 regions');
  await app.getByTestId('nav-projects').click();
  await expect(app.getByTestId('project-item')).toHaveCount(2);
});

test('a malformed project file is refused with the field at fault, and nothing is imported', async ({ app }) => {
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('crumb-project').click();
  const file = await downloaded(app, () => app.getByTestId('export-project').click());
  const broken = JSON.parse(file.bytes.toString('utf8'));
  broken.scenarios[0].inputs.kvBudgetRatio = 1.5;

  await app.getByTestId('nav-projects').click();
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByTestId('import-project').click()]);
  await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(app.getByTestId('import-error')).toContainText('“broken.json” was not imported.');
  await expect(app.getByTestId('import-error-field')).toHaveText('file.scenarios[0].inputs.kvBudgetRatio');
  await expect(app.getByTestId('import-error-message')).toContainText('scenarios[0].inputs.kvBudgetRatio');
  await expect(app.getByTestId('project-item')).toHaveCount(1);

  const [again] = await Promise.all([app.waitForEvent('filechooser'), app.getByTestId('import-project').click()]);
  await again.setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
  await expect(app.getByTestId('import-error')).toContainText('“notes.json” was not imported.');
  await expect(app.getByTestId('import-error-message')).toContainText('The file is not JSON');
  await expect(app.getByTestId('import-error-field')).toHaveCount(0);
});
