import type { Locator, Page } from '@playwright/test';
import { BUILT_IN_CATALOG, findTemplate, planScenario } from '../../src-main/engine/index.js';
import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

/** Issue 10 items 24 and 27 in the app: the notes the command-line report gives, and the memory chart's alert line. */

async function setLanguage(page: Page, lang: 'en' | 'pt-BR'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-lang').selectOption(lang);
  await expect(page.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
}

/** Pixel columns of the chart's canvas where the alert colour is drawn, as shares of the canvas width. */
async function alertColumns(canvas: Locator, rgb: [number, number, number]): Promise<number[]> {
  return canvas.evaluate((element, [r, g, b]) => {
    const c = element as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const columns = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r!) < 12 && Math.abs(data[i + 1]! - g!) < 12 && Math.abs(data[i + 2]! - b!) < 12)
        columns.add(((i / 4) % c.width) / c.width);
    }
    return [...columns].sort((x, y) => x - y);
  }, rgb);
}

for (const theme of ['light', 'dark'] as const) {
  test(`the memory chart marks the alert on KV-cache usage, with its legend entry (${theme})`, async ({ app }) => {
    if (theme === 'dark') {
      await app.getByTestId('nav-settings').click();
      await app.getByTestId('settings-theme-dark').check();
      await expect(app.getByTestId('settings-state')).toHaveAttribute('data-save-state', 'saved');
    }
    await createProject(app, 'Alerts');
    await scenarioFromTemplate(app, 'saas-startup');
    const chart = app.getByTestId('memory-chart');
    const key = app.getByTestId('memory-alert-key');
    await expect(key).toHaveText('Alert at 85% KV-cache usage');
    // 85% of the KV budget, past the reserved share and the runtime overhead: not 85% of the node's HBM.
    const m = planScenario(findTemplate('saas-startup')!.inputs, BUILT_IN_CATALOG).memoryPerNode!;
    const expectedGiB = m.reservedShareGiB + m.runtimeOverheadGiB + 0.85 * (m.kvInUseGiB + m.kvFreeGiB);
    expect(Number(await key.getAttribute('data-alert-gib'))).toBeCloseTo(expectedGiB, 6);
    expect(Math.abs(expectedGiB - 0.85 * m.hbmGiB)).toBeGreaterThan(50);
    const columns = await alertColumns(chart.locator('canvas'), theme === 'light' ? [0xd6, 0x27, 0x28] : [0xff, 0x6b, 0x6b]);
    expect(columns.length, 'the dashed alert line is drawn').toBeGreaterThan(0);
    // One thin line where the alert falls on the axis, which spans the node's HBM (less the chart's small side padding).
    expect(columns.at(-1)! - columns[0]!).toBeLessThan(0.01);
    expect(columns[0]!).toBeCloseTo(expectedGiB / m.hbmGiB, 1);
    await chart.screenshot({ path: `/tmp/c3-memory-chart-en-${theme}.png` });

    await setLanguage(app, 'pt-BR');
    await app.goBack();
    await expect(app.getByTestId('memory-alert-key')).toHaveText('Alerta em 85% de uso do cache KV');
    await app.getByTestId('memory-chart').screenshot({ path: `/tmp/c3-memory-chart-pt-${theme}.png` });
  });
}

test('the results panel gives the YaRN note beyond a model’s native context and the month prices were checked', async ({ app }) => {
  await createProject(app, 'Notes');
  await scenarioFromTemplate(app, 'saas-startup');
  await expect(app.getByTestId('cost-note')).toContainText(
    'The catalog’s reference prices were checked against public sources in December 2026.',
  );
  await expect(app.getByTestId('native-context-note')).toHaveCount(0);
  await app.getByTestId('input-modelId').selectOption('qwen3-32b');
  await resultsReady(app);
  await expect(app.getByTestId('native-context-note')).toHaveCount(0);
  await app.getByTestId('input-effectiveContextTokens').fill('65536');
  await resultsReady(app);
  await expect(app.getByTestId('native-context-note')).toHaveText(
    '65,536 tokens is beyond Qwen3 32B’s native context of 40,960 tokens: serving it needs YaRN rope scaling, enabled in the engine’s model configuration.',
  );
  await app.getByTestId('results').screenshot({ path: '/tmp/c3-results-notes-en.png' });
  // Your own price has no catalog date.
  await app.getByTestId('input-pricePerNodeUsd').fill('300000');
  await resultsReady(app);
  await expect(app.getByTestId('cost-note')).not.toContainText('2026');

  await setLanguage(app, 'pt-BR');
  await app.goBack();
  await app.getByTestId('input-pricePerNodeUsd').fill('');
  await resultsReady(app);
  await expect(app.getByTestId('native-context-note')).toHaveText(
    '65.536 tokens passam do contexto nativo de 40.960 tokens do Qwen3 32B: para servi-los é preciso ativar o escalonamento de RoPE YaRN na configuração do modelo no engine.',
  );
  await expect(app.getByTestId('cost-note')).toContainText('conferidos em fontes públicas em dezembro de 2026');
  await app.getByTestId('results').screenshot({ path: '/tmp/c3-results-notes-pt.png' });
});
