import { describe, expect, it } from 'vitest';
import { findTemplate, type ServerRecord } from '../../../src-main/engine/index.js';
import { ok, tempStore } from '../helpers/temp.js';

const LAB: ServerRecord = {
  id: 'lab-4x141',
  name: 'Lab box 4× H200',
  gpus: 4,
  hbmGBPerGpu: 141,
  hbmBandwidthTBpsPerGpu: 4.8,
  nodePowerKW: 5.5,
  priceLowUsd: 150000,
  priceHighUsd: 180000,
  source: 'our quote',
};

describe('records in use', () => {
  it('names every scenario that uses a record, in its inputs or in a region’s difference', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.add', { kind: 'server', record: { ...LAB } });
    const a = await ok(ctx, 'projects.create', { name: 'A' });
    const b = await ok(ctx, 'projects.create', { name: 'B' });
    const saas = findTemplate('saas-startup')!.inputs;
    const direct = await ok(ctx, 'scenarios.create', { projectId: a.id, name: 'On the lab box', inputs: { ...saas, serverId: LAB.id } });
    await ok(ctx, 'scenarios.create', { projectId: a.id, name: 'Elsewhere', inputs: saas });
    const regional = await ok(ctx, 'scenarios.create', {
      projectId: b.id,
      name: 'Two regions',
      inputs: saas,
      regions: [
        { name: 'EU', concurrency: 500, overrides: {} },
        { name: 'Lab', concurrency: 100, overrides: { serverId: LAB.id } },
      ],
    });
    const uses = await ok(ctx, 'catalog.usage', { kind: 'server', id: LAB.id });
    expect(uses.map((u) => [u.projectName, u.scenarioName, u.scenarioId]).sort()).toEqual(
      [
        ['A', 'On the lab box', direct.id],
        ['B', 'Two regions', regional.id],
      ].sort(),
    );
    expect(await ok(ctx, 'catalog.usage', { kind: 'model', id: LAB.id })).toEqual([]);
  });

  it('moves the project’s updated time when its regions change', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    const row = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'S', inputs: findTemplate('saas-startup')!.inputs });
    const before = (await ok(ctx, 'projects.list', {}))[0]!.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ok(ctx, 'regions.set', { scenarioId: row.id, regions: [{ name: 'EU', concurrency: 500, overrides: {} }] });
    const after = (await ok(ctx, 'projects.list', {}))[0]!.updatedAt;
    expect(after > before).toBe(true);
  });
});
