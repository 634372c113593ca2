import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;
const acme = {
  id: 'acme-13b',
  name: 'Acme 13B',
  layers: 40,
  queryHeads: 40,
  attention: { kind: 'gqa', kvHeads: 8, headDim: 128 },
  paramsTotalB: 13,
  paramsActiveB: 13,
  weightsGiB: 26,
  weightsFormat: 'bf16',
  maxContextTokens: 32768,
  source: 'model card',
};

function counts(store: ReturnType<typeof tempStore>['store']): Record<string, number> {
  const n = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { projects: n('projects'), scenarios: n('scenarios'), regions: n('regions'), custom: n('custom_records') };
}

describe('one action is one transaction: a writer that fails leaves nothing behind', () => {
  it('a save into a new project whose inputs are refused does not leave the project it created first', async () => {
    const { ctx, store } = tempStore();
    const before = counts(store);
    const r = await callApi(ctx, 'scenarios.save', {
      projectName: 'Fresh',
      name: 'S',
      inputs: { ...saas, modelId: 'gpt-9' },
      regions: [{ name: 'EU', concurrency: 5, overrides: {} }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'inputs.modelId' } });
    expect(counts(store)).toEqual(before);
  });

  it('a refused update of an existing scenario, named in another case, changes nothing', async () => {
    const { ctx, store } = tempStore();
    await ok(ctx, 'scenarios.save', {
      projectName: 'P',
      name: 'S',
      inputs: saas,
      regions: [{ name: 'EU', concurrency: 5, overrides: {} }],
    });
    const before = store.db.prepare('SELECT * FROM scenarios JOIN regions ON regions.scenario_id = scenarios.id').all();
    const r = await callApi(ctx, 'scenarios.save', {
      projectName: 'p',
      name: 's',
      inputs: { ...saas, concurrency: 9 },
      regions: [{ name: 'EU', concurrency: 5, overrides: { serverId: 'nope' } }],
    });
    expect(r).toMatchObject({ ok: false, error: { field: 'regions[0].overrides.serverId' } });
    expect(store.db.prepare('SELECT * FROM scenarios JOIN regions ON regions.scenario_id = scenarios.id').all()).toEqual(before);
  });
});

describe('a stored scenario whose model no longer exists', () => {
  it('cannot be saved again, given regions or varied until the model is back, and says which field', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    await ok(ctx, 'catalog.add', { kind: 'model', record: acme });
    const scenario = await ok(ctx, 'scenarios.create', {
      projectId: project.id,
      name: 'Acme',
      inputs: { ...saas, modelId: 'acme-13b', effectiveContextTokens: 8192 },
    });
    await ok(ctx, 'catalog.delete', { kind: 'model', id: 'acme-13b' });
    const refusals = [
      await callApi(ctx, 'scenarios.update', { id: scenario.id, notes: 'just a note' }),
      await callApi(ctx, 'regions.set', { scenarioId: scenario.id, regions: [{ name: 'EU', concurrency: 5, overrides: {} }] }),
      await callApi(ctx, 'variants.create', { scenarioId: scenario.id, name: 'v', changes: { concurrency: 10 } }),
      await callApi(ctx, 'scenarios.create', { projectId: project.id, name: 'Copy', inputs: scenario.inputs }),
    ];
    for (const r of refusals)
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: expect.stringMatching(/inputs\.modelId$|overrides\.modelId$|^regions\[0\]\.|modelId/) },
      });
    expect(refusals[0]).toMatchObject({
      error: {
        field: 'inputs.modelId',
        message: expect.stringMatching(/^inputs\.modelId: "acme-13b" is not allowed; expected one of opt-oss-20b/),
      },
    });
    expect((await ok(ctx, 'scenarios.list', { projectId: project.id })).map((s) => [s.name, s.notes, s.regions.length])).toEqual([
      ['Acme', '', 0],
    ]);
    const sized = await callApi(ctx, 'sizing.stored', { scenarioId: scenario.id });
    expect(sized).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'inputs.modelId' } });
    await ok(ctx, 'catalog.add', { kind: 'model', record: acme });
    expect((await ok(ctx, 'scenarios.update', { id: scenario.id, notes: 'back' })).notes).toBe('back');
  });
});
