import { z } from 'zod';
import { notAllowed } from '../i18n/text.js';
import {
  planRegions,
  planScenario,
  validateInputs,
  validateRegions,
  type Catalog,
  type RegionSpec,
  type SizingInputs,
} from '../engine/index.js';
import type { ApiContext } from './define.js';
import { ApiError } from './errors.js';

/** Schemas and checks more than one domain of the contract uses. */
export const id = z
  .number({ error: 'expected a numeric id' })
  .int({ error: 'expected a numeric id' })
  .positive({ error: 'expected a numeric id' });
export const empty = z.strictObject({});
export const lang = z.enum(['en', 'pt-BR']);

/** Inputs and regions must size against the catalog before they are stored, so a saved scenario always opens. */
export function checkSizable(ctx: ApiContext, inputs: SizingInputs, regions: RegionSpec[]): void {
  const catalog = ctx.store.catalog.effective();
  const issue = validateInputs(inputs, catalog)[0];
  if (issue) throw ApiError.invalid(`inputs.${issue.field}`, notAllowed(issue.value, issue.allowedText));
  const regional = validateRegions(inputs, regions, catalog)[0];
  if (regional) throw ApiError.invalid(regional.path, notAllowed(regional.issue.value, regional.issue.allowedText));
}

/**
 * The catalog every plan sizes against: built-in and custom records with the user's prices, and the
 * stored calibration profiles the engine method uses where one matches a scenario.
 */
export function planningCatalog(ctx: ApiContext): Catalog {
  return { ...ctx.store.catalog.effective(), calibrations: ctx.store.calibrations.list() };
}

/** A stored scenario sized: its base result, and its plan when it has regions. */
export function sizeStored(ctx: ApiContext, scenarioId: number, catalog = planningCatalog(ctx)) {
  const scenario = ctx.store.scenarios.get(scenarioId);
  const result = planScenario(scenario.inputs, catalog);
  const plan = scenario.regions.length > 0 ? planRegions(scenario.inputs, scenario.regions, catalog) : null;
  return { scenario, result, plan };
}
