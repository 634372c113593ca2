import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, TEMPLATES } from '../../../src-main/engine/index.js';
import { LAB_MODEL as MODEL, LAB_SERVER as LAB } from '../helpers/records.js';
import { ok, refusedInBoth as refusal, tempStore } from '../helpers/temp.js';

// catalog.* and templates.createScenario through the real dispatcher on a real store: results,
// and refusals word for word in both languages.

const NAS = { id: 'lab-nas', name: 'Lab NAS', readThroughputGBps: 2, firstByteLatencyS: 0.01, source: 'measured' };

describe('catalog.list', () => {
  it('lists the user’s own records by kind beside the built-in ones', async () => {
    const { ctx } = tempStore();
    const before = await ok(ctx, 'catalog.list', {});
    expect(before.customIds).toEqual({ model: [], server: [], storage: [] });
    await ok(ctx, 'catalog.add', { kind: 'model', record: { ...MODEL } });
    await ok(ctx, 'catalog.add', { kind: 'server', record: { ...LAB } });
    const after = await ok(ctx, 'catalog.add', { kind: 'storage', record: NAS });
    expect(after.customIds).toEqual({ model: ['lab-model'], server: ['lab-4x141'], storage: ['lab-nas'] });
    expect(after.servers.map((s) => s.id)).toEqual([...BUILT_IN_CATALOG.servers.map((s) => s.id), 'lab-4x141']);
  });

  it('updates one of the user’s records in place', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.add', { kind: 'server', record: { ...LAB } });
    const updated = await ok(ctx, 'catalog.update', { kind: 'server', record: { ...LAB, priceHighUsd: 200_000 } });
    expect(updated.servers.find((s) => s.id === LAB.id)!.priceHighUsd).toBe(200_000);
    expect(updated.customIds.server).toEqual([LAB.id]);
  });

  it('refuses a record that fails its kind’s schema, naming the field inside the record', async () => {
    const { ctx } = tempStore();
    expect(await refusal(ctx, 'catalog.add', { kind: 'server', record: { ...LAB, gpus: 'four' } })).toEqual({
      code: 'invalid_input',
      field: 'record.gpus',
      en: 'record.gpus: expected a number (GPUs)',
      pt: 'record.gpus: esperado um número (GPUs)',
    });
    expect(await refusal(ctx, 'catalog.update', { kind: 'gpu', record: {} })).toEqual({
      code: 'invalid_input',
      field: 'kind',
      en: 'kind: expected one of model, server, storage, price',
      pt: 'kind: esperado um de model, server, storage, price',
    });
  });
});

describe('catalog.import', () => {
  it('adds every list of a file and counts what it added', async () => {
    const { ctx } = tempStore();
    const done = await ok(ctx, 'catalog.import', { file: { models: [MODEL], servers: [LAB], storage: [NAS] } });
    expect([done.added, done.replaced]).toEqual([3, 0]);
    expect(done.catalog.customIds).toEqual({ model: ['lab-model'], server: ['lab-4x141'], storage: ['lab-nas'] });
  });

  it('updates records already stored only with replace, and counts them as replaced', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.import', { file: { servers: [LAB] } });
    const cheaper = { ...LAB, priceLowUsd: 100_000 };
    const conflict = {
      code: 'conflict',
      field: 'servers[0].id',
      en: 'servers[0].id: your server "lab-4x141" is already stored; import with replace to update it',
      pt: 'servers[0].id: seu registro (server) "lab-4x141" já está gravado; importe com --replace para atualizá-lo',
    };
    expect(await refusal(ctx, 'catalog.import', { file: { servers: [cheaper] } })).toEqual(conflict);
    expect(await refusal(ctx, 'catalog.import', { file: { servers: [cheaper] }, replace: false })).toEqual(conflict);
    expect((await ok(ctx, 'catalog.list', {})).servers.find((s) => s.id === LAB.id)!.priceLowUsd).toBe(150_000);

    const done = await ok(ctx, 'catalog.import', { file: { servers: [cheaper], storage: [NAS] }, replace: true });
    expect([done.added, done.replaced]).toEqual([1, 1]);
    expect(done.catalog.servers.find((s) => s.id === LAB.id)!.priceLowUsd).toBe(100_000);
  });

  it('adds a record beside the user’s others without replace: only the same id is a conflict', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.import', { file: { servers: [LAB] } });
    const done = await ok(ctx, 'catalog.import', { file: { servers: [{ ...LAB, id: 'lab-2' }] } });
    expect([done.added, done.replaced]).toEqual([1, 0]);
    expect(done.catalog.customIds.server).toEqual(['lab-2', 'lab-4x141']);
  });

  it('stores nothing of a file refused part-way: one import is one transaction', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.import', { file: { servers: [LAB] } });
    // The model is added before the stored server is refused; the refusal takes it back.
    await refusal(ctx, 'catalog.import', { file: { models: [MODEL], servers: [LAB] } });
    expect((await ok(ctx, 'catalog.list', {})).customIds).toEqual({ model: [], server: ['lab-4x141'], storage: [] });
  });

  it('refuses a built-in id with its path, and says to give the record its own id', async () => {
    const { ctx } = tempStore();
    const dgx100 = BUILT_IN_CATALOG.servers.find((s) => s.id === 'dgx100')!;
    expect(await refusal(ctx, 'catalog.import', { file: { servers: [LAB, { ...dgx100 }] } })).toEqual({
      code: 'conflict',
      field: 'servers[1].id',
      en: 'servers[1].id: "dgx100" is a built-in server; give your record its own id',
      pt: 'servers[1].id: "dgx100" é um registro embutido (server); dê ao seu registro um id próprio',
    });
    expect((await ok(ctx, 'catalog.list', {})).customIds.server).toEqual([]);
  });

  it('refuses a file out of shape, naming the record and field at fault', async () => {
    const { ctx } = tempStore();
    expect(await refusal(ctx, 'catalog.import', { file: { servers: [LAB, { ...LAB, id: 'lab-2', gpus: 0 }] } })).toEqual({
      code: 'invalid_input',
      field: 'servers[1].gpus',
      en: 'servers[1].gpus: expected a whole number at least 1 and at most 1,024 (GPUs)',
      pt: 'servers[1].gpus: esperado um número inteiro no mínimo 1 e no máximo 1.024 (GPUs)',
    });
    expect(await refusal(ctx, 'catalog.import', { file: 'servers.json' })).toEqual({
      code: 'invalid_input',
      field: '',
      en: 'expected an object',
      pt: 'esperado um objeto',
    });
    expect(await refusal(ctx, 'catalog.import', { file: { models: [], gpus: [] } })).toEqual({
      code: 'invalid_input',
      field: '',
      en: 'unknown key "gpus"; expected models, servers, storage',
      pt: 'campo desconhecido: gpus',
    });
    expect((await ok(ctx, 'catalog.list', {})).customIds.server).toEqual([]);
  });
});

describe('templates.createScenario', () => {
  it('refuses an unknown template, listing the templates there are', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    const ids = TEMPLATES.map((t) => t.id).join(', ');
    expect(ids).toBe('saas-startup, enterprise-docs, public-api, research-lab, serverless-multi-region');
    expect(await refusal(ctx, 'templates.createScenario', { projectId: project.id, templateId: 'nope' })).toEqual({
      code: 'invalid_input',
      field: 'templateId',
      en: `templateId: "nope" is not allowed; expected one of ${ids}`,
      pt: `templateId: "nope" não é permitido; esperado um de ${ids}`,
    });
  });
});
