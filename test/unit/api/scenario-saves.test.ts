import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import * as logs from '../engine/calibration/logs.js';
import { ok, refusedInBoth as refusal, tempStore } from '../helpers/temp.js';

// scenarios.*, projects.delete and calibration.read's request through the real dispatcher on a real store.

const saas = findTemplate('saas-startup')!.inputs;

describe('scenarios by name', () => {
  it('finds a scenario by name, or none, in a project that must exist', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    const row = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'Base', inputs: saas });
    expect((await ok(ctx, 'scenarios.find', { projectId: project.id, name: 'Base' }))?.id).toBe(row.id);
    expect(await ok(ctx, 'scenarios.find', { projectId: project.id, name: 'Other' })).toBeNull();
    expect(await callApi(ctx, 'scenarios.find', { projectId: project.id + 1, name: 'Base' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('saves by project and scenario name: creates both, then updates, keeping notes given and none when none are', async () => {
    const { ctx } = tempStore();
    const first = await ok(ctx, 'scenarios.save', { projectName: 'Acme', name: 'Chat', inputs: saas });
    expect([first.created, first.project.name, first.scenario.notes]).toEqual([true, 'Acme', '']);
    const again = await ok(ctx, 'scenarios.save', {
      projectName: 'Acme',
      name: 'Chat',
      inputs: { ...saas, concurrency: 4321 },
      notes: 'our own words',
    });
    expect(again.created).toBe(false);
    expect(again.scenario.id).toBe(first.scenario.id);
    expect(again.scenario.inputs.concurrency).toBe(4321);
    expect(again.scenario.notes).toBe('our own words');
    expect((await ok(ctx, 'scenarios.get', { id: first.scenario.id })).inputs.concurrency).toBe(4321);
  });
});

describe('deleting', () => {
  it('answers with the id deleted, for a scenario and for a project', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'P' });
    const row = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'Base', inputs: saas });
    expect(await ok(ctx, 'scenarios.delete', { id: row.id })).toEqual({ deleted: row.id });
    expect(await ok(ctx, 'projects.delete', { id: project.id })).toEqual({ deleted: project.id });
    expect(await ok(ctx, 'projects.list', {})).toEqual([]);
  });
});

describe('calibration requests', () => {
  it('refuses a log date that is not a calendar day, in both languages', async () => {
    const { ctx } = tempStore();
    expect(await refusal(ctx, 'calibration.read', { text: logs.SGLANG_LLAMA_H200, logDate: '2025-02-30' })).toEqual({
      code: 'invalid_input',
      field: 'logDate',
      en: 'logDate: expected a date as YYYY-MM-DD',
      pt: 'logDate: esperada uma data no formato AAAA-MM-DD',
    });
  });
});
