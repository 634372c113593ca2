import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createProject, expect, scenarioFromTemplate, test } from './fixtures/web-host.js';

/** Issue 10 item 15: a four-region plan reads at 100% zoom in the panel, zooms, opens at full size and exports legibly. */

async function downloaded(page: Page, action: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { download, bytes: readFileSync((await download.path())!) };
}

async function fourRegionDiagram(page: Page): Promise<void> {
  await createProject(page, 'Diagram');
  await scenarioFromTemplate(page, 'serverless-multi-region');
  await page.getByTestId('tab-regions').click();
  await expect(page.getByTestId('regions-panel')).toHaveAttribute('data-plan-state', 'ready');
  await page.getByTestId('add-region').click();
  await expect(page.getByTestId('region')).toHaveCount(4);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-save-state', 'saved');
  await page.getByTestId('tab-diagram').click();
  await expect(page.getByTestId('diagram-panel')).toHaveAttribute('data-diagram-state', 'ready');
  await expect(page.getByTestId('diagram-panel')).toHaveAttribute('data-node-count', '12');
}

/** The drawing's own width (its width attribute) and the width it takes on screen. */
async function drawnWidths(page: Page, testid: string): Promise<{ natural: number; shown: number }> {
  const svg = page.getByTestId(testid).locator('svg');
  const natural = Number(await svg.getAttribute('width'));
  const shown = (await svg.boundingBox())!.width;
  return { natural, shown };
}

test('a four-region plan is drawn at its own size in the panel, so its labels read at 100%', async ({ app }) => {
  await fourRegionDiagram(app);
  await expect(app.getByTestId('diagram')).toHaveAttribute('data-scale', '1.000');
  const { natural, shown } = await drawnWidths(app, 'diagram');
  expect(Math.abs(shown - natural)).toBeLessThan(1);
  // Two regions to a row: the four regions sit in two rows.
  const tops = await app
    .getByTestId('diagram')
    .locator('g.region > rect:first-child')
    .evaluateAll((rects) => rects.map((r) => r.getAttribute('y')));
  expect(new Set(tops).size).toBe(2);
});

test('the diagram zooms in and out, fits the panel, and opens at full size; Escape returns to the panel', async ({ app }) => {
  await fourRegionDiagram(app);
  await app.getByTestId('zoom-in').click();
  await expect(app.getByTestId('diagram')).toHaveAttribute('data-scale', '1.250');
  const zoomed = await drawnWidths(app, 'diagram');
  expect(Math.abs(zoomed.shown - 1.25 * zoomed.natural)).toBeLessThan(1);
  await app.getByTestId('zoom-out').click();
  await app.getByTestId('zoom-out').click();
  await expect(app.getByTestId('diagram')).toHaveAttribute('data-scale', '0.750');
  await expect(app.getByTestId('zoom-level')).toHaveText('75%');
  await app.getByTestId('zoom-fit').click();
  await expect(app.getByTestId('diagram')).toHaveAttribute('data-zoom', 'fit');

  await app.getByTestId('diagram-full-size').click();
  const dialog = app.getByTestId('diagram-full');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('diagram-full-drawing').locator('svg rect.node')).toHaveCount(12);
  await expect(dialog.getByTestId('diagram-full-drawing')).toHaveAttribute('data-scale', '1.000');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByTestId('diagram-full-size')).toBeFocused();
});

test('the PNG export of a four-region diagram is twice the drawing’s size', async ({ app }) => {
  await fourRegionDiagram(app);
  const natural = Number(await app.getByTestId('diagram').locator('svg').getAttribute('width'));
  const png = await downloaded(app, () => app.getByTestId('export-diagram-png').click());
  expect(png.download.suggestedFilename()).toMatch(/diagram\.png$/);
  // The IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
  expect(png.bytes.readUInt32BE(16)).toBe(2 * natural);
});
