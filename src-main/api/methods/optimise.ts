import { z } from 'zod';
import {
  defaultRuntimeOverheadGiB,
  findModel,
  findServer,
  OPTIMISE_OBJECTIVES,
  optimisePlan,
  type PlanOptimisation,
  type RegionSpec,
  type SizingInputs,
} from '../../engine/index.js';
import { exportFileName } from '../../export/file-name.js';
import { optimiseCsv } from '../../export/optimise.js';
import { inputsSchema, regionsSchema } from '../../schemas/index.js';
import { read, type ApiContext, type MethodMap } from '../define.js';
import { both } from '../../i18n/text.js';
import { ApiError } from '../errors.js';
import { checkSizable, lang, planningCatalog } from '../shared.js';
import type { OptimiseRequestBody } from '../types.js';

/** The optimiser for the open scenario (and each of its regions): what `sizing optimise` searches. */
const optimiseRequest = z.strictObject({
  inputs: inputsSchema,
  regions: regionsSchema.default([]),
  serverIds: z.array(z.string().min(1).max(100)).min(1, { error: 'choose at least one server' }).max(1000).optional(),
  maxCapexUsd: z
    .number()
    .positive({ error: 'expected a number greater than 0' })
    .max(1e12, { error: 'expected a number at most 1e12' })
    .optional(),
  objective: z.enum(OPTIMISE_OBJECTIVES),
  top: z
    .number()
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'expected a number at least 1' })
    .max(1000, { error: 'expected a number at most 1000' }),
});

function search(ctx: ApiContext, r: OptimiseRequestBody) {
  checkSizable(ctx, r.inputs, r.regions ?? []);
  const catalog = planningCatalog(ctx);
  const unknown = r.serverIds?.find((id) => !catalog.servers.some((s) => s.id === id));
  if (unknown !== undefined)
    throw ApiError.invalid(
      'serverIds',
      both(`${JSON.stringify(unknown)} is not a server of this catalog`, `${JSON.stringify(unknown)} não é um servidor deste catálogo`),
    );
  // A runtime overhead left at the scenario's server default follows each server searched; one the user set is kept.
  const model = findModel(catalog, r.inputs.modelId)!;
  const server = findServer(catalog, r.inputs.serverId)!;
  const keepRuntimeOverhead = r.inputs.runtimeOverheadGiB !== defaultRuntimeOverheadGiB(model, server);
  // The search places replicas (TP, engines): the engine-aware method whatever the scenario's own method.
  return optimisePlan({ ...r, base: { ...r.inputs, method: 'engine' }, regions: r.regions ?? [], keepRuntimeOverhead }, catalog);
}

export const OPTIMISE_METHODS: MethodMap<'sizing.optimise' | 'export.optimise'> = {
  'sizing.optimise': read(optimiseRequest, (ctx, i) => search(ctx, i)),
  'export.optimise': read(
    optimiseRequest.extend({ name: z.string().max(200).optional(), lang, bom: z.boolean().optional() }),
    (ctx, i) => ({
      fileName: exportFileName({ project: i.name ?? 'sizing', subject: 'optimised-plans' }, 'csv'),
      mimeType: 'text/csv',
      encoding: 'utf8' as const,
      data: optimiseCsv(search(ctx, i).regions, { lang: i.lang, bom: i.bom }),
    }),
  ),
};

/** The report's optimiser section: the search by TCO, for a scenario with a service target (null otherwise). */
export function reportOptimisation(ctx: ApiContext, inputs: SizingInputs, regions: RegionSpec[]): PlanOptimisation | null {
  if (
    inputs.tpotMs === undefined &&
    inputs.ttftS === undefined &&
    regions.every((r) => r.overrides.tpotMs === undefined && r.overrides.ttftS === undefined)
  )
    return null;
  return search(ctx, { inputs, regions, objective: 'tco', top: 1000 });
}
