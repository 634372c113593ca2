import type { ApiMethodName } from './types.js';
import type { MethodDef } from './define.js';
import { APP_METHODS } from './methods/app.js';
import { CALIBRATION_METHODS } from './methods/calibration.js';
import { CATALOG_METHODS } from './methods/catalog.js';
import { EXPORT_METHODS } from './methods/exports.js';
import { PROJECT_METHODS } from './methods/projects.js';
import { SCENARIO_METHODS } from './methods/scenarios.js';
import { SETTINGS_METHODS } from './methods/settings.js';
import { SIZING_METHODS } from './methods/sizing.js';
import { OPTIMISE_METHODS } from './methods/optimise.js';

export type { ApiChange, ApiContext } from './define.js';

type Contract = { [M in ApiMethodName]: MethodDef<M> };

/** Joins the domains' method maps; a name defined twice is a programming error caught at start-up. */
export function joinMethodMaps(...maps: Partial<Contract>[]): Partial<Contract> {
  const joined: Partial<Contract> = {};
  for (const map of maps) {
    for (const name of Object.keys(map) as ApiMethodName[]) {
      if (Object.hasOwn(joined, name)) throw new Error(`API method ${name} is defined twice`);
      (joined as Record<string, unknown>)[name] = map[name];
    }
  }
  return joined;
}

/**
 * Every API method: name → input schema → handler, one map per domain (methods/). Every transport
 * registers this one map; the type below makes a method that is declared but not defined a compile error.
 */
export const CONTRACT: Contract = joinMethodMaps(
  APP_METHODS,
  PROJECT_METHODS,
  SCENARIO_METHODS,
  SIZING_METHODS,
  EXPORT_METHODS,
  CATALOG_METHODS,
  SETTINGS_METHODS,
  CALIBRATION_METHODS,
  OPTIMISE_METHODS,
) as Contract;

export const API_METHOD_NAMES = Object.keys(CONTRACT) as ApiMethodName[];
