import { z } from 'zod';
import { EXPORT_FORMATS, exportComparison, exportScenario, exportSweep, PICTURE_SUBJECTS, TABLE_FORMATS } from '../../export/files.js';
import { nameSchema } from '../../schemas/index.js';
import { read, type MethodMap } from '../define.js';
import { id, lang, sizeStored } from '../shared.js';
import { reportOptimisation } from './optimise.js';
import { compareItems, runSweep, scenarioIds, sweepRequest } from './sizing.js';

type ExportMethod = 'export.scenario' | 'export.comparison' | 'export.sweep';

export const EXPORT_METHODS: MethodMap<ExportMethod> = {
  'export.scenario': read(
    z.strictObject({
      scenarioId: id,
      format: z.enum(EXPORT_FORMATS),
      subject: z.enum(PICTURE_SUBJECTS).optional(),
      lang,
      bom: z.boolean().optional(),
    }),
    async (ctx, i) => {
      const { scenario, result, plan } = sizeStored(ctx, i.scenarioId);
      const project = ctx.store.projects.get(scenario.projectId);
      const optimisation = i.format === 'pdf' ? reportOptimisation(ctx, scenario.inputs, scenario.regions) : null;
      return exportScenario({
        projectName: project.name,
        scenarioName: scenario.name,
        notes: scenario.notes,
        result,
        plan,
        optimisation,
        format: i.format,
        subject: i.subject,
        lang: i.lang,
        bom: i.bom,
        generatedAt: new Date(),
      });
    },
  ),
  'export.comparison': read(
    z.strictObject({
      scenarioIds,
      lang,
      bom: z.boolean().optional(),
      format: z.enum(TABLE_FORMATS).optional(),
      onlyDifferences: z.boolean().optional(),
    }),
    (ctx, i) => {
      const items = compareItems(ctx, i.scenarioIds);
      const project = ctx.store.projects.get(ctx.store.scenarios.get(i.scenarioIds[0]!).projectId);
      return exportComparison({
        items,
        projectName: project.name,
        format: i.format ?? 'csv',
        lang: i.lang,
        bom: i.bom,
        onlyDifferences: i.onlyDifferences,
      });
    },
  ),
  'export.sweep': read(
    sweepRequest.extend({ format: z.enum(['csv', 'xlsx', 'svg', 'png']), lang, name: nameSchema.optional() }),
    (ctx, i) => exportSweep(runSweep(ctx, i), i.format, i.lang, i.name ?? 'sizing'),
  ),
};
