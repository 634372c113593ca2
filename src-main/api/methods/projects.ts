import { z } from 'zod';
import { nameSchema } from '../../schemas/index.js';
import {
  applyImport,
  exportProject,
  parseProjectFile,
  planImport,
  validateProjectFile,
  type ImportPlan,
} from '../../store/project-file.js';
import { read, write, type MethodMap } from '../define.js';
import { id } from '../shared.js';

type ProjectMethod =
  'projects.list' | 'projects.find' | 'projects.create' | 'projects.rename' | 'projects.delete' | 'projects.export' | 'projects.import';

const importInput = z.union([z.strictObject({ file: z.unknown() }), z.strictObject({ text: z.string() })]);

export const PROJECT_METHODS: MethodMap<ProjectMethod> = {
  'projects.list': read(z.strictObject({ search: z.string().max(200).optional() }), (ctx, i) => ctx.store.projects.list(i.search)),
  'projects.find': read(z.strictObject({ name: nameSchema }), (ctx, i) => ctx.store.projects.findByName(i.name) ?? null),
  'projects.create': write(z.strictObject({ name: nameSchema }), (ctx, i) => ctx.store.projects.create(i.name)),
  'projects.rename': write(z.strictObject({ id, name: nameSchema }), (ctx, i) => ctx.store.projects.rename(i.id, i.name)),
  'projects.delete': write(z.strictObject({ id }), (ctx, i) => (ctx.store.projects.delete(i.id), { deleted: i.id })),
  'projects.export': read(z.strictObject({ id }), (ctx, i) => exportProject(ctx.store, i.id)),
  // The file is checked in full before the write transaction, which then only inserts rows.
  // Its problems are paths inside the file: "file.scenarios[2].inputs.modelId".
  'projects.import': write(importInput, (ctx, _i, plan) => applyImport(ctx.store, plan as ImportPlan), {
    prepare: (ctx, i) => planImport(ctx.store, 'text' in i ? parseProjectFile(i.text) : validateProjectFile(i.file)),
    errorFieldPrefix: 'file.',
  }),
};
