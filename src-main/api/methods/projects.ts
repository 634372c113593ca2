import { z } from 'zod';
import { nameSchema } from '../../schemas/index.js';
import { exportProject, importProject, validateProjectFile } from '../../store/project-file.js';
import { read, write, type MethodMap } from '../define.js';
import { id } from '../shared.js';

type ProjectMethod = 'projects.list' | 'projects.create' | 'projects.rename' | 'projects.delete' | 'projects.export' | 'projects.import';

export const PROJECT_METHODS: MethodMap<ProjectMethod> = {
  'projects.list': read(z.strictObject({ search: z.string().max(200).optional() }), (ctx, i) => ctx.store.projects.list(i.search)),
  'projects.create': write(z.strictObject({ name: nameSchema }), (ctx, i) => ctx.store.projects.create(i.name)),
  'projects.rename': write(z.strictObject({ id, name: nameSchema }), (ctx, i) => ctx.store.projects.rename(i.id, i.name)),
  'projects.delete': write(z.strictObject({ id }), (ctx, i) => (ctx.store.projects.delete(i.id), { deleted: i.id })),
  'projects.export': read(z.strictObject({ id }), (ctx, i) => exportProject(ctx.store, i.id)),
  // An import's problems are paths inside the file: "file.scenarios[2].inputs.modelId".
  'projects.import': write(z.strictObject({ file: z.unknown() }), (ctx, i) => importProject(ctx.store, validateProjectFile(i.file)), { errorFieldPrefix: 'file.' }),
};
