import { z } from 'zod';
import {
  compareRegions,
  compareScenarios,
  planRegions,
  planScenario,
  sweep,
  SWEEP_FIELDS,
  SWEEP_MAX_POINTS,
  type CompareItem,
} from '../../engine/index.js';
import { comparisonTable } from '../../i18n/cases.js';
import { inputsSchema, regionsSchema } from '../../schemas/index.js';
import { read, type ApiContext, type MethodMap } from '../define.js';
import { checkSizable, id, lang, planningCatalog, sizeStored } from '../shared.js';

export const scenarioIds = z.array(id).min(1, { error: 'choose at least one scenario' }).max(50, { error: 'at most 50 scenarios' });
export const sweepRequest = z.strictObject({
  inputs: inputsSchema,
  field: z.enum(SWEEP_FIELDS),
  from: z.number().finite(),
  to: z.number().finite(),
  points: z.number().int().min(2).max(SWEEP_MAX_POINTS),
});

/** Range problems (from ≥ to, values outside the input's limits) come back as SweepRangeError, named by their argument. */
export function runSweep(ctx: ApiContext, r: z.infer<typeof sweepRequest>) {
  // Range problems (from ≥ to, values outside the input's limits) come back as SweepRangeError, in the caller's language (api/errors.ts).
  return sweep({ inputs: r.inputs, catalog: planningCatalog(ctx), field: r.field, from: r.from, to: r.to, points: r.points });
}

/** Scenarios by id, sized, in the order asked; a scenario with regions compares by its plan's totals. */
export function compareItems(ctx: ApiContext, ids: number[]): CompareItem[] {
  const catalog = planningCatalog(ctx);
  return ids.map((scenarioId) => {
    const { scenario, result, plan } = sizeStored(ctx, scenarioId, catalog);
    return { name: scenario.name, result, plan, usage: scenario.notes.split('\n')[0]?.slice(0, 80) ?? '' };
  });
}

type SizingMethod = 'sizing.scenario' | 'sizing.plan' | 'sizing.stored' | 'sizing.sweep' | 'sizing.compare';

export const SIZING_METHODS: MethodMap<SizingMethod> = {
  'sizing.scenario': read(z.strictObject({ inputs: inputsSchema }), (ctx, i) => planScenario(i.inputs, planningCatalog(ctx))),
  'sizing.plan': read(
    z.strictObject({ inputs: inputsSchema, regions: regionsSchema.min(1, { error: 'at least one region' }) }),
    (ctx, i) => {
      checkSizable(ctx, i.inputs, i.regions);
      return planRegions(i.inputs, i.regions, planningCatalog(ctx));
    },
  ),
  'sizing.stored': read(z.strictObject({ scenarioId: id }), (ctx, i) => sizeStored(ctx, i.scenarioId)),
  'sizing.sweep': read(sweepRequest, (ctx, i) => runSweep(ctx, i)),
  'sizing.compare': read(z.strictObject({ scenarioIds, lang }), (ctx, i) => {
    const items = compareItems(ctx, i.scenarioIds);
    return {
      names: items.map((x) => x.name),
      rows: compareScenarios(items),
      table: comparisonTable(items, i.lang),
      regions: compareRegions(items),
    };
  }),
};
