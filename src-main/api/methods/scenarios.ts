import { z } from 'zod';
import { notesFollowingInputs, type SizingInputs } from '../../engine/index.js';
import { inputsSchema, nameSchema, notesSchema, overridesSchema, regionsSchema } from '../../schemas/index.js';
import { read, write, type MethodMap } from '../define.js';
import { both } from '../../i18n/text.js';
import { ApiError } from '../errors.js';
import { checkSizable, id } from '../shared.js';

type ScenarioMethod =
  | 'scenarios.list'
  | 'scenarios.get'
  | 'scenarios.find'
  | 'scenarios.save'
  | 'scenarios.create'
  | 'scenarios.update'
  | 'scenarios.duplicate'
  | 'scenarios.delete'
  | 'regions.set'
  | 'variants.create'
  | 'variants.list'
  | 'variants.delete';

/** Scenarios, their regions and their variants. */
export const SCENARIO_METHODS: MethodMap<ScenarioMethod> = {
  'scenarios.list': read(
    z.strictObject({ projectId: id }),
    (ctx, i) => (ctx.store.projects.get(i.projectId), ctx.store.scenarios.list(i.projectId)),
  ),
  'scenarios.get': read(z.strictObject({ id }), (ctx, i) => ctx.store.scenarios.get(i.id)),
  'scenarios.find': read(z.strictObject({ projectId: id, name: nameSchema }), (ctx, i) => {
    ctx.store.projects.get(i.projectId);
    return ctx.store.scenarios.findByName(i.projectId, i.name) ?? null;
  }),
  'scenarios.save': write(
    z.strictObject({
      projectName: nameSchema,
      name: nameSchema,
      inputs: inputsSchema,
      regions: regionsSchema.optional(),
      notes: notesSchema.optional(),
      notesIfNew: notesSchema.optional(),
    }),
    (ctx, i) => {
      const existingProject = ctx.store.projects.findByName(i.projectName);
      const project = existingProject ?? ctx.store.projects.create(i.projectName);
      const existing = existingProject && ctx.store.scenarios.findByName(project.id, i.name);
      const regions = i.regions ?? existing?.regions ?? [];
      checkSizable(ctx, i.inputs, regions);
      // Notes given are the user's; notes the planner wrote from a template follow the inputs saved.
      const notes = i.notes ?? notesFollowingInputs(existing ? existing.notes : (i.notesIfNew ?? ''), i.inputs, regions);
      const scenario = existing
        ? ctx.store.scenarios.update(existing.id, { inputs: i.inputs, regions: i.regions, notes })
        : ctx.store.scenarios.create({ projectId: project.id, name: i.name, inputs: i.inputs, regions, notes });
      ctx.store.projects.touch(project.id);
      return { project: ctx.store.projects.get(project.id), scenario, created: !existing };
    },
  ),
  'scenarios.create': write(
    z.strictObject({
      projectId: id,
      name: nameSchema,
      notes: notesSchema.optional(),
      inputs: inputsSchema,
      regions: regionsSchema.optional(),
    }),
    (ctx, i) => {
      ctx.store.projects.get(i.projectId);
      checkSizable(ctx, i.inputs, i.regions ?? []);
      const row = ctx.store.scenarios.create(i);
      ctx.store.projects.touch(i.projectId);
      return row;
    },
  ),
  'scenarios.update': write(
    z.strictObject({
      id,
      name: nameSchema.optional(),
      notes: notesSchema.optional(),
      inputs: inputsSchema.optional(),
      regions: regionsSchema.optional(),
    }),
    (ctx, i) => {
      const current = ctx.store.scenarios.get(i.id);
      const inputs = i.inputs ?? current.inputs;
      const regions = i.regions ?? current.regions;
      checkSizable(ctx, inputs, regions);
      // The editor sends the notes back with every save: only changed notes are the user's edit;
      // otherwise notes the planner wrote from a template follow the inputs.
      const edited = i.notes !== undefined && i.notes !== current.notes;
      const row = ctx.store.scenarios.update(i.id, {
        ...i,
        notes: edited ? i.notes : notesFollowingInputs(current.notes, inputs, regions),
      });
      ctx.store.projects.touch(row.projectId);
      return row;
    },
  ),
  'scenarios.duplicate': write(z.strictObject({ id, name: nameSchema.optional() }), (ctx, i) => {
    const source = ctx.store.scenarios.get(i.id);
    const name = i.name ?? ctx.store.scenarios.freeName(source.projectId, `${source.name} (copy)`);
    return ctx.store.scenarios.create({
      projectId: source.projectId,
      name,
      notes: source.notes,
      inputs: source.inputs,
      regions: source.regions,
    });
  }),
  'scenarios.delete': write(z.strictObject({ id }), (ctx, i) => (ctx.store.scenarios.delete(i.id), { deleted: i.id })),

  'regions.set': write(z.strictObject({ scenarioId: id, regions: regionsSchema }), (ctx, i) => {
    const current = ctx.store.scenarios.get(i.scenarioId);
    checkSizable(ctx, current.inputs, i.regions);
    const notes = notesFollowingInputs(current.notes, current.inputs, i.regions);
    const row = ctx.store.scenarios.update(i.scenarioId, { regions: i.regions, notes });
    // Regions are part of the project's content: its "updated" time moves with them.
    ctx.store.projects.touch(row.projectId);
    return row;
  }),

  'variants.create': write(
    z.strictObject({
      scenarioId: id,
      name: nameSchema,
      changes: overridesSchema.extend({ concurrency: inputsSchema.shape.concurrency.optional() }),
    }),
    (ctx, i) => {
      const parent = ctx.store.scenarios.get(i.scenarioId);
      if (parent.variantOf !== null)
        throw ApiError.invalid(
          'scenarioId',
          both(
            'a variant is made from a scenario, not from another variant',
            'uma variante é feita a partir de um cenário, não de outra variante',
          ),
        );
      const inputs = { ...parent.inputs, ...i.changes } as SizingInputs;
      checkSizable(ctx, inputs, parent.regions);
      return ctx.store.scenarios.create({
        projectId: parent.projectId,
        name: i.name,
        notes: notesFollowingInputs(parent.notes, inputs, parent.regions),
        inputs,
        regions: parent.regions,
        variantOf: parent.id,
      });
    },
  ),
  'variants.list': read(
    z.strictObject({ scenarioId: id }),
    (ctx, i) => (ctx.store.scenarios.get(i.scenarioId), ctx.store.scenarios.variantsOf(i.scenarioId)),
  ),
  'variants.delete': write(z.strictObject({ id }), (ctx, i) => {
    const row = ctx.store.scenarios.get(i.id);
    if (row.variantOf === null)
      throw ApiError.invalid('id', both(`scenario ${i.id} is not a variant`, `o cenário ${i.id} não é uma variante`));
    ctx.store.scenarios.delete(i.id);
    return { deleted: i.id };
  }),
};
