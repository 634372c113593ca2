import { mergeCatalog, planScenario, findTemplate, formatNumber, type ServerRecord } from '../../src-main/engine/index.js';
import { createProject, expect, resultsReady, scenarioFromTemplate, test } from './fixtures/web-host.js';

const LAB_SERVER: ServerRecord = {
  id: 'lab-4x141',
  name: 'Lab box 4× H200',
  gpus: 4,
  hbmGBPerGpu: 141,
  hbmBandwidthTBpsPerGpu: 4.8,
  nodePowerKW: 5.5,
  priceLowUsd: 150000,
  priceHighUsd: 180000,
  source: 'our quote, March',
};

test('a custom server is added with a validated form and used to size a scenario', async ({ app }) => {
  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('catalog-tab-server').click();
  await expect(app.getByTestId('record-row-dgx200')).toContainText('Built-in');
  await app.getByTestId('add-server').click();

  // The form checks what it can before sending…
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-error-gpus')).toHaveText('Required.');
  const fields: [string, string][] = [
    ['id', LAB_SERVER.id],
    ['name', LAB_SERVER.name],
    ['gpus', String(LAB_SERVER.gpus)],
    ['hbmGBPerGpu', String(LAB_SERVER.hbmGBPerGpu)],
    ['hbmBandwidthTBpsPerGpu', String(LAB_SERVER.hbmBandwidthTBpsPerGpu)],
    ['nodePowerKW', String(LAB_SERVER.nodePowerKW)],
    ['priceLowUsd', '200000'],
    ['priceHighUsd', String(LAB_SERVER.priceHighUsd)],
    ['source', LAB_SERVER.source],
  ];
  for (const [field, value] of fields) await app.getByTestId(`record-${field}`).fill(value);
  // …and the main process's verdict on a field (record.priceHighUsd) shows beside that field.
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-error-priceHighUsd')).toContainText('the low price must not exceed the high price');
  await app.getByTestId('record-priceLowUsd').fill(String(LAB_SERVER.priceLowUsd));
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('catalog-form')).toHaveCount(0);
  await expect(app.getByTestId('record-row-lab-4x141')).toContainText('Custom');
  await expect(app.getByTestId('record-row-lab-4x141')).toContainText('our quote, March');

  await createProject(app, 'Lab');
  await scenarioFromTemplate(app, 'saas-startup');
  await app.getByTestId('input-serverId').selectOption('lab-4x141');
  await resultsReady(app);
  const expected = planScenario(
    { ...findTemplate('saas-startup')!.inputs, serverId: LAB_SERVER.id },
    mergeCatalog({ servers: [LAB_SERVER] }),
  );
  await expect(app.getByTestId('value-sessions-per-node')).toHaveText(formatNumber(expected.sessionsPerNode, 'en'));
  await expect(app.getByTestId('value-nodes')).toHaveText(String(expected.nodes!.total));
  // Half a DGX H200 fits 764 sessions: two nodes at the custom price.
  expect(expected.nodes!.total).toBe(2);
  // Two nodes at the custom price plus the default network fabric (USD 25,000 per node).
  await expect(app.getByTestId('value-capex')).toHaveText('USD 350 – 410 k');
  await expect(app.getByTestId('figure-capex')).toContainText('USD 150 – 180 k per node');
});

test('a custom record can be edited and deleted; built-in ones cannot', async ({ app }) => {
  await app.getByTestId('nav-catalogs').click();
  await app.getByTestId('catalog-tab-storage').click();
  await expect(app.getByTestId('edit-profile_default')).toHaveCount(0);
  await app.getByTestId('add-storage').click();
  await app.getByTestId('record-id').fill('nas-25g');
  await app.getByTestId('record-name').fill('NAS over 25 GbE');
  await app.getByTestId('record-readThroughputGBps').fill('2,5');
  await app.getByTestId('record-firstByteLatencyS').fill('0.002');
  await app.getByTestId('record-source').fill('measured with fio');
  await app.getByTestId('record-save').click();
  // "2,5" is not how English writes two and a half (nor twenty-five hundred): refused, not guessed.
  await expect(app.getByTestId('record-error-readThroughputGBps')).toHaveText(
    'Not a number as English writes it: decimals with a point, thousands with commas (1,234.5).',
  );
  await app.getByTestId('record-readThroughputGBps').fill('2.5');
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-row-nas-25g')).toContainText('2.5 GB/s');

  await app.getByTestId('edit-nas-25g').click();
  await expect(app.getByTestId('record-id')).toHaveAttribute('readonly', '');
  await app.getByTestId('record-readThroughputGBps').fill('3');
  await app.getByTestId('record-save').click();
  await expect(app.getByTestId('record-row-nas-25g')).toContainText('3 GB/s');

  await app.getByTestId('delete-nas-25g').click();
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('record-row-nas-25g')).toHaveCount(0);
});
