import { z } from 'zod';
import { BUILT_IN_CATALOG, catalogIdClashes, findTemplate, PRECISIONS, TEMPLATES } from '../../engine/index.js';
import { both, notAllowed } from '../../i18n/text.js';
import {
  catalogFileSchema,
  CUSTOM_KINDS,
  CUSTOM_RECORD_SCHEMAS,
  describeZodIssueText,
  nameSchema,
  type CatalogFile,
} from '../../schemas/index.js';
import type { Store } from '../../store/index.js';
import { read, write, type MethodMap } from '../define.js';
import { ApiError } from '../errors.js';
import { empty, id, lang } from '../shared.js';
import type { CatalogView, RecordKind, RecordUse } from '../types.js';

const customKind = z.enum(CUSTOM_KINDS);

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

const RECORD_FIELDS = { model: 'modelId', server: 'serverId', storage: 'storageId' } as const satisfies Record<RecordKind, string>;

/** Every stored scenario whose inputs, or one of whose regions, use the record. */
function recordUsage(store: Store, kind: RecordKind, id: string): RecordUse[] {
  const field = RECORD_FIELDS[kind];
  return store.projects.list().flatMap((project) =>
    store.scenarios
      .list(project.id)
      .filter((s) => s.inputs[field] === id || s.regions.some((r) => r.overrides[field] === id))
      .map((s) => ({ scenarioId: s.id, scenarioName: s.name, projectId: project.id, projectName: project.name })),
  );
}

/** A custom record checked against its kind's schema; problems name the field as record.<path>. */
function customRecord(kind: (typeof CUSTOM_KINDS)[number], record: unknown) {
  const parsed = CUSTOM_RECORD_SCHEMAS[kind].safeParse(record);
  if (!parsed.success) {
    const { field, text } = describeZodIssueText(parsed.error, ['record']);
    throw ApiError.invalid(field, text);
  }
  return parsed.data;
}

type CatalogMethod =
  | 'catalog.list'
  | 'catalog.add'
  | 'catalog.update'
  | 'catalog.delete'
  | 'catalog.usage'
  | 'catalog.import'
  | 'templates.list'
  | 'templates.createScenario';

const FILE_LISTS = [
  ['models', 'model'],
  ['servers', 'server'],
  ['storage', 'storage'],
] as const;

/**
 * A catalog file stored as custom records in the one write transaction (all or nothing). Built-in
 * ids are refused with their path (a file can replace them for one run: `sizing --catalog FILE
 * --replace`); a custom record of the same id is updated only with `replace`.
 */
function importCatalogFile(store: Store, raw: unknown, replace: boolean): { added: number; replaced: number } {
  const parsed = catalogFileSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, text } = describeZodIssueText(parsed.error);
    throw ApiError.invalid(field, text);
  }
  const file: CatalogFile = parsed.data;
  const builtIn = catalogIdClashes(BUILT_IN_CATALOG, file)[0];
  if (builtIn) {
    throw new ApiError(
      'conflict',
      both(
        `${builtIn.path}: "${builtIn.id}" is a built-in ${builtIn.kind}; give your record its own id`,
        `${builtIn.path}: "${builtIn.id}" é um registro embutido (${builtIn.kind}); dê ao seu registro um id próprio`,
      ),
      builtIn.path,
    );
  }
  const custom = store.catalog.custom();
  let added = 0;
  let replaced = 0;
  for (const [list, kind] of FILE_LISTS) {
    file[list].forEach((record, index) => {
      const exists = (custom[list] as { id: string }[]).some((r) => r.id === record.id);
      if (exists && !replace) {
        throw new ApiError(
          'conflict',
          both(
            `${list}[${index}].id: your ${kind} "${record.id}" is already stored; import with replace to update it`,
            `${list}[${index}].id: seu registro (${kind}) "${record.id}" já está gravado; importe com --replace para atualizá-lo`,
          ),
          `${list}[${index}].id`,
        );
      }
      if (exists) store.catalog.update(kind, record as never);
      else store.catalog.add(kind, record as never);
      if (exists) replaced++;
      else added++;
    });
  }
  return { added, replaced };
}

/** Built-in and custom catalog records, and the reference-case templates. */
export const CATALOG_METHODS: MethodMap<CatalogMethod> = {
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

  'catalog.usage': read(z.strictObject({ kind: z.enum(['model', 'server', 'storage']), id: z.string().min(1).max(100) }), (ctx, i) =>
    recordUsage(ctx.store, i.kind, i.id),
  ),
  'catalog.import': write(
    z.strictObject({ file: z.unknown(), replace: z.boolean().optional() }),
    (ctx, i) => ({ ...importCatalogFile(ctx.store, i.file, i.replace === true), catalog: catalogView(ctx.store) }),
    { errorFieldPrefix: 'file.' },
  ),

  'templates.list': read(empty, () => TEMPLATES),
  'templates.createScenario': write(
    z.strictObject({ projectId: id, templateId: z.string().max(100), name: nameSchema.optional(), lang: lang.optional() }),
    (ctx, i) => {
      const template = findTemplate(i.templateId);
      const ids = TEMPLATES.map((t) => t.id).join(', ');
      if (!template) throw ApiError.invalid('templateId', notAllowed(i.templateId, both(`one of ${ids}`, `um de ${ids}`)));
      ctx.store.projects.get(i.projectId);
      const language = i.lang ?? 'en';
      const name = i.name ?? ctx.store.scenarios.freeName(i.projectId, template.name[language]);
      const row = ctx.store.scenarios.create({
        projectId: i.projectId,
        name,
        notes: template.notes[language],
        inputs: template.inputs,
        regions: template.regions ?? [],
      });
      ctx.store.projects.touch(i.projectId);
      return row;
    },
  ),
};
