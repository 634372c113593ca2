import { z } from 'zod';
import {
  compareScenarios,
  comparisonTable,
  findTemplate,
  planRegions,
  planScenario,
  PRECISIONS,
  sweep,
  SWEEP_FIELDS,
  SWEEP_MAX_POINTS,
  TEMPLATES,
  describeIssue,
  validateInputs,
  validateRegions,
  type CompareItem,
  type RegionSpec,
  type SizingInputs,
} from '../engine/index.js';
import { EXPORT_FORMATS, exportComparison, exportScenario, exportSweep, PICTURE_SUBJECTS } from '../export/files.js';
import { CUSTOM_KINDS, CUSTOM_RECORD_SCHEMAS, describeZodIssue, inputsSchema, nameSchema, notesSchema, overridesSchema, regionsSchema, settingsSchema } from '../schemas/index.js';
import type { Store } from '../store/index.js';
import { exportProject, importProject, validateProjectFile } from '../store/project-file.js';
import { ApiError } from './errors.js';
import type { ApiInput, ApiMethodName, ApiResult, AppInfo, CatalogView } from './types.js';

export interface ApiContext {
  store: Store;
  info: () => AppInfo;
}

interface MethodDef<M extends ApiMethodName> {
  input: z.ZodType<ApiInput<M>, unknown>;
  /** Whether the handler writes: writes run as one IMMEDIATE transaction. */
  writes: boolean;
  handler: (ctx: ApiContext, input: ApiInput<M>) => ApiResult<M> | Promise<ApiResult<M>>;
}

const id = z.number({ error: 'expected a numeric id' }).int({ error: 'expected a numeric id' }).positive({ error: 'expected a numeric id' });
const empty = z.strictObject({});
const customKind = z.enum(CUSTOM_KINDS);

function read<M extends ApiMethodName>(input: MethodDef<M>['input'], handler: MethodDef<M>['handler']): MethodDef<M> {
  return { input, handler, writes: false };
}
function write<M extends ApiMethodName>(input: MethodDef<M>['input'], handler: MethodDef<M>['handler']): MethodDef<M> {
  return { input, handler, writes: true };
}

function catalogView(store: Store): CatalogView {
  const catalog = store.catalog.effective();
  const custom = store.catalog.custom();
  return {
    ...catalog,
    precisions: PRECISIONS,
    prices: custom.prices,
    customIds: { model: custom.models.map((m) => m.id), server: custom.servers.map((s) => s.id), storage: custom.storage.map((s) => s.id) },
  };
}

/** A custom record checked against its kind's schema; problems name the field as record.<path>. */
function customRecord(kind: (typeof CUSTOM_KINDS)[number], record: unknown) {
  const parsed = CUSTOM_RECORD_SCHEMAS[kind].safeParse(record);
  if (!parsed.success) {
    const { field, message } = describeZodIssue(parsed.error, ['record']);
    throw new ApiError('invalid_input', `${field}: ${message}`, field);
  }
  return parsed.data;
}

/** Inputs and regions must size against the catalog before they are stored, so a saved scenario always opens. */
function checkSizable(ctx: ApiContext, inputs: SizingInputs, regions: RegionSpec[]): void {
  const catalog = ctx.store.catalog.effective();
  const issue = validateInputs(inputs, catalog)[0];
  if (issue) throw new ApiError('invalid_input', `inputs.${issue.field}: ${describeIssue(issue)}`, `inputs.${issue.field}`);
  const regional = validateRegions(inputs, regions, catalog)[0];
  if (regional) throw new ApiError('invalid_input', `${regional.path}: ${describeIssue(regional.issue)}`, regional.path);
}

/** A stored scenario sized: its base result, and its plan when it has regions. */
function sizeStored(ctx: ApiContext, scenarioId: number, catalog = ctx.store.catalog.effective()) {
  const scenario = ctx.store.scenarios.get(scenarioId);
  const result = planScenario(scenario.inputs, catalog);
  const plan = scenario.regions.length > 0 ? planRegions(scenario.inputs, scenario.regions, catalog) : null;
  return { scenario, result, plan };
}

const lang = z.enum(['en', 'pt-BR']);
const scenarioIds = z.array(id).min(1, { error: 'choose at least one scenario' }).max(50, { error: 'at most 50 scenarios' });
const sweepRequest = z.strictObject({
  inputs: inputsSchema,
  field: z.enum(SWEEP_FIELDS),
  from: z.number().finite(),
  to: z.number().finite(),
  points: z.number().int().min(2).max(SWEEP_MAX_POINTS),
});

function runSweep(ctx: ApiContext, r: z.infer<typeof sweepRequest>) {
  const catalog = ctx.store.catalog.effective();
  try {
    return sweep(r.inputs, catalog, r.field, r.from, r.to, r.points);
  } catch (error) {
    // Range problems (from ≥ to, values outside the input's limits) are the caller's to fix.
    if (error instanceof Error && error.message.startsWith('sweep ')) throw new ApiError('invalid_input', error.message, 'from');
    throw error;
  }
}

/** Scenarios by id, sized, in the order asked; a scenario with regions compares by its base inputs, its plan totals in the table. */
function compareItems(ctx: ApiContext, ids: number[]): CompareItem[] {
  const catalog = ctx.store.catalog.effective();
  return ids.map((scenarioId) => {
    const { scenario, result, plan } = sizeStored(ctx, scenarioId, catalog);
    return { name: scenario.name, result, plan, usage: scenario.notes.split('\n')[0]?.slice(0, 80) ?? '' };
  });
}

/** Every API method: name → input schema → handler. Every transport registers this one map. */
export const CONTRACT: { [M in ApiMethodName]: MethodDef<M> } = {
  'app.info': read(empty, (ctx) => ctx.info()),

  'projects.list': read(z.strictObject({ search: z.string().max(200).optional() }), (ctx, i) => ctx.store.projects.list(i.search)),
  'projects.create': write(z.strictObject({ name: nameSchema }), (ctx, i) => ctx.store.projects.create(i.name)),
  'projects.rename': write(z.strictObject({ id, name: nameSchema }), (ctx, i) => ctx.store.projects.rename(i.id, i.name)),
  'projects.delete': write(z.strictObject({ id }), (ctx, i) => (ctx.store.projects.delete(i.id), { deleted: i.id })),
  'projects.export': read(z.strictObject({ id }), (ctx, i) => exportProject(ctx.store, i.id)),
  'projects.import': write(z.strictObject({ file: z.unknown() }), (ctx, i) => importProject(ctx.store, validateProjectFile(i.file))),

  'scenarios.list': read(z.strictObject({ projectId: id }), (ctx, i) => (ctx.store.projects.get(i.projectId), ctx.store.scenarios.list(i.projectId))),
  'scenarios.get': read(z.strictObject({ id }), (ctx, i) => ctx.store.scenarios.get(i.id)),
  'scenarios.create': write(
    z.strictObject({ projectId: id, name: nameSchema, notes: notesSchema.optional(), inputs: inputsSchema, regions: regionsSchema.optional() }),
    (ctx, i) => {
      ctx.store.projects.get(i.projectId);
      checkSizable(ctx, i.inputs, i.regions ?? []);
      const row = ctx.store.scenarios.create(i);
      ctx.store.projects.touch(i.projectId);
      return row;
    },
  ),
  'scenarios.update': write(
    z.strictObject({ id, name: nameSchema.optional(), notes: notesSchema.optional(), inputs: inputsSchema.optional(), regions: regionsSchema.optional() }),
    (ctx, i) => {
      const current = ctx.store.scenarios.get(i.id);
      checkSizable(ctx, i.inputs ?? current.inputs, i.regions ?? current.regions);
      const row = ctx.store.scenarios.update(i.id, i);
      ctx.store.projects.touch(row.projectId);
      return row;
    },
  ),
  'scenarios.duplicate': write(z.strictObject({ id, name: nameSchema.optional() }), (ctx, i) => {
    const source = ctx.store.scenarios.get(i.id);
    const name = i.name ?? ctx.store.scenarios.freeName(source.projectId, `${source.name} (copy)`);
    return ctx.store.scenarios.create({ projectId: source.projectId, name, notes: source.notes, inputs: source.inputs, regions: source.regions });
  }),
  'scenarios.delete': write(z.strictObject({ id }), (ctx, i) => (ctx.store.scenarios.delete(i.id), { deleted: i.id })),

  'regions.set': write(z.strictObject({ scenarioId: id, regions: regionsSchema }), (ctx, i) => {
    checkSizable(ctx, ctx.store.scenarios.get(i.scenarioId).inputs, i.regions);
    return ctx.store.scenarios.update(i.scenarioId, { regions: i.regions });
  }),

  'variants.create': write(z.strictObject({ scenarioId: id, name: nameSchema, changes: overridesSchema.extend({ concurrency: inputsSchema.shape.concurrency.optional() }) }), (ctx, i) => {
    const parent = ctx.store.scenarios.get(i.scenarioId);
    if (parent.variantOf !== null) throw new ApiError('invalid_input', 'a variant is made from a scenario, not from another variant', 'scenarioId');
    const inputs = { ...parent.inputs, ...i.changes } as SizingInputs;
    checkSizable(ctx, inputs, parent.regions);
    return ctx.store.scenarios.create({ projectId: parent.projectId, name: i.name, notes: parent.notes, inputs, regions: parent.regions, variantOf: parent.id });
  }),
  'variants.list': read(z.strictObject({ scenarioId: id }), (ctx, i) => (ctx.store.scenarios.get(i.scenarioId), ctx.store.scenarios.variantsOf(i.scenarioId))),
  'variants.delete': write(z.strictObject({ id }), (ctx, i) => {
    const row = ctx.store.scenarios.get(i.id);
    if (row.variantOf === null) throw new ApiError('invalid_input', `scenario ${i.id} is not a variant`, 'id');
    ctx.store.scenarios.delete(i.id);
    return { deleted: i.id };
  }),

  'sizing.scenario': read(z.strictObject({ inputs: inputsSchema }), (ctx, i) => planScenario(i.inputs, ctx.store.catalog.effective())),
  'sizing.plan': read(z.strictObject({ inputs: inputsSchema, regions: regionsSchema.min(1, { error: 'at least one region' }) }), (ctx, i) => {
    checkSizable(ctx, i.inputs, i.regions);
    return planRegions(i.inputs, i.regions, ctx.store.catalog.effective());
  }),
  'sizing.stored': read(z.strictObject({ scenarioId: id }), (ctx, i) => sizeStored(ctx, i.scenarioId)),

  'sizing.sweep': read(sweepRequest, (ctx, i) => runSweep(ctx, i)),
  'sizing.compare': read(z.strictObject({ scenarioIds, lang }), (ctx, i) => {
    const items = compareItems(ctx, i.scenarioIds);
    return { names: items.map((x) => x.name), rows: compareScenarios(items), table: comparisonTable(items, i.lang) };
  }),

  'export.scenario': read(
    z.strictObject({ scenarioId: id, format: z.enum(EXPORT_FORMATS), subject: z.enum(PICTURE_SUBJECTS).optional(), lang, bom: z.boolean().optional() }),
    async (ctx, i) => {
      const { scenario, result, plan } = sizeStored(ctx, i.scenarioId);
      const project = ctx.store.projects.get(scenario.projectId);
      return exportScenario({
        projectName: project.name, scenarioName: scenario.name, notes: scenario.notes, result, plan,
        format: i.format, subject: i.subject, lang: i.lang, bom: i.bom, generatedAt: new Date(),
      });
    },
  ),
  'export.comparison': read(z.strictObject({ scenarioIds, lang, bom: z.boolean().optional() }), (ctx, i) => {
    const items = compareItems(ctx, i.scenarioIds);
    const project = ctx.store.projects.get(ctx.store.scenarios.get(i.scenarioIds[0]!).projectId);
    return exportComparison(items, i.lang, i.bom ?? false, project.name);
  }),
  'export.sweep': read(sweepRequest.extend({ format: z.enum(['csv', 'svg', 'png']), lang, name: nameSchema.optional() }), (ctx, i) =>
    exportSweep(runSweep(ctx, i), i.format, i.lang, i.name ?? 'sizing'),
  ),

  'catalog.list': read(empty, (ctx) => catalogView(ctx.store)),
  'catalog.add': write(z.strictObject({ kind: customKind, record: z.record(z.string(), z.unknown()) }), (ctx, i) => {
    ctx.store.catalog.add(i.kind, customRecord(i.kind, i.record) as never);
    return catalogView(ctx.store);
  }),
  'catalog.update': write(z.strictObject({ kind: customKind, record: z.record(z.string(), z.unknown()) }), (ctx, i) => {
    ctx.store.catalog.update(i.kind, customRecord(i.kind, i.record) as never);
    return catalogView(ctx.store);
  }),
  'catalog.delete': write(z.strictObject({ kind: customKind, id: z.string().min(1).max(100) }), (ctx, i) => {
    ctx.store.catalog.delete(i.kind, i.id);
    return catalogView(ctx.store);
  }),

  'templates.list': read(empty, () => TEMPLATES),
  'templates.createScenario': write(z.strictObject({ projectId: id, templateId: z.string().max(100), name: nameSchema.optional(), lang: lang.optional() }), (ctx, i) => {
    const template = findTemplate(i.templateId);
    if (!template) throw new ApiError('invalid_input', `templateId: "${i.templateId}" is not a template; expected one of ${TEMPLATES.map((t) => t.id).join(', ')}`, 'templateId');
    ctx.store.projects.get(i.projectId);
    const language = i.lang ?? 'en';
    const name = i.name ?? ctx.store.scenarios.freeName(i.projectId, template.name[language]);
    const row = ctx.store.scenarios.create({ projectId: i.projectId, name, notes: template.description[language], inputs: template.inputs, regions: template.regions ?? [] });
    ctx.store.projects.touch(i.projectId);
    return row;
  }),

  'settings.get': read(empty, (ctx) => ctx.store.settings.get()),
  'settings.set': write(settingsSchema.partial(), (ctx, i) => ctx.store.settings.set(i)),
};

export const API_METHOD_NAMES = Object.keys(CONTRACT) as ApiMethodName[];
