import { describe, expect, it } from 'vitest';
import { findTemplate, notesFollowingInputs } from '../../../src-main/engine/index.js';
import { openStore } from '../../../src-main/store/index.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!;
const serverless = findTemplate('serverless-multi-region')!;
const ADAPTED_EN = `${saas.notes.en.split('\n')[0]}\nStarted from the reference case “SaaS start-up assistant” of the original sizing document; its inputs have been changed since.`;

/** A project with one scenario made from a template, through the API on a real SQLite file. */
async function fromTemplate(templateId: string, lang: 'en' | 'pt-BR' = 'en') {
  const { ctx, store, path } = tempStore();
  const project = await ok(ctx, 'projects.create', { name: 'Notes' });
  const row = await ok(ctx, 'templates.createScenario', { projectId: project.id, templateId, lang });
  return { ctx, store, path, row };
}

describe('notes the planner wrote from a template follow the inputs (real store)', () => {
  it('the editor saving changed inputs with the notes it loaded: the stored note stops calling the plan the reference case and keeps what it is for', async () => {
    const { ctx, store, path, row } = await fromTemplate('saas-startup');
    expect(row.notes).toBe(saas.notes.en);
    const changed = { ...row.inputs, concurrency: 3000 };
    const saved = await ok(ctx, 'scenarios.update', { id: row.id, name: row.name, notes: row.notes, inputs: changed });
    expect(saved.notes).toBe(ADAPTED_EN);
    // The first line (what comparisons quote as the use) is kept.
    expect(saved.notes.split('\n')[0]).toBe(saas.notes.en.split('\n')[0]);
    // What is stored, read back from the file by another connection.
    store.close();
    const reopened = openStore(path, { access: 'read' });
    expect(reopened.scenarios.get(row.id).notes).toBe(ADAPTED_EN);
    reopened.close();
  });

  it('comes back to the reference-case note when the inputs are the case again; an update that changes nothing leaves it', async () => {
    const { ctx, row } = await fromTemplate('saas-startup');
    await ok(ctx, 'scenarios.update', { id: row.id, inputs: { ...row.inputs, ha: 'n+1' } });
    expect((await ok(ctx, 'scenarios.update', { id: row.id, name: 'Renamed', notes: ADAPTED_EN })).notes).toBe(ADAPTED_EN);
    expect((await ok(ctx, 'scenarios.update', { id: row.id, notes: ADAPTED_EN, inputs: saas.inputs })).notes).toBe(saas.notes.en);
    expect((await ok(ctx, 'scenarios.update', { id: row.id, name: 'Again' })).notes).toBe(saas.notes.en);
  });

  it("never touches the user's own notes: edited in the same save as the inputs, or written before", async () => {
    const { ctx, row } = await fromTemplate('saas-startup');
    const mine = `${saas.notes.en}\nOur numbers from the March pilot.`;
    const edited = await ok(ctx, 'scenarios.update', { id: row.id, notes: mine, inputs: { ...row.inputs, concurrency: 1500 } });
    expect(edited.notes).toBe(mine);
    expect((await ok(ctx, 'scenarios.update', { id: row.id, notes: mine, inputs: { ...row.inputs, concurrency: 900 } })).notes).toBe(mine);
    // A user who writes the template's note by hand over another scenario's notes: that is their edit, kept as written.
    const typed = await ok(ctx, 'scenarios.update', { id: row.id, notes: saas.notes.en });
    expect(typed.notes).toBe(saas.notes.en);
  });

  it('in Portuguese too, and through regions, variants and duplicates', async () => {
    const { ctx, row } = await fromTemplate('serverless-multi-region', 'pt-BR');
    expect(row.notes).toBe(serverless.notes['pt-BR']);
    const regions = row.regions.slice(0, 2);
    const twoRegions = await ok(ctx, 'regions.set', { scenarioId: row.id, regions });
    expect(twoRegions.notes).toBe(
      'Provedor de nuvem serverless que atende usuários em várias regiões.\nAqui o cold start importa. Partiu do caso de referência “Provedor de nuvem serverless” do documento original de dimensionamento; as entradas foram alteradas depois.',
    );
    expect((await ok(ctx, 'regions.set', { scenarioId: row.id, regions: row.regions })).notes).toBe(serverless.notes['pt-BR']);
    const variant = await ok(ctx, 'variants.create', { scenarioId: row.id, name: 'B300 → H200', changes: { serverId: 'dgx200' } });
    expect(variant.notes).toBe(notesFollowingInputs(serverless.notes['pt-BR'], { ...serverless.inputs, serverId: 'dgx200' }, row.regions));
    expect(variant.notes).toContain('Partiu do caso de referência');
    expect((await ok(ctx, 'scenarios.duplicate', { id: row.id })).notes).toBe(serverless.notes['pt-BR']);
  });
});
