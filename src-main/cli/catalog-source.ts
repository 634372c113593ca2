import { existsSync } from 'node:fs';
import { BUILT_IN_CATALOG, type Catalog, type Template } from '../engine/index.js';
import { resolveDbPath } from '../store/paths.js';
import type { ParsedArgs } from './args.js';

/** The catalog a command sizes against, and which of its ids are the user's own records. */
export interface CliCatalog {
  catalog: Catalog;
  customIds: ReadonlySet<string>;
}

const BUILT_IN: CliCatalog = { catalog: BUILT_IN_CATALOG, customIds: new Set() };
const BUILT_IN_IDS = new Set([...BUILT_IN_CATALOG.models, ...BUILT_IN_CATALOG.servers, ...BUILT_IN_CATALOG.storage].map((r) => r.id));

/**
 * The built-in records plus the user's own models, servers, storage profiles and prices from the
 * project database, read through the API like any stored data: the database --db or SIZING_DB
 * names, or the default one when an id given is not built in or the engine method may use its
 * calibration profiles (those come along then, unless --no-calibration). Plain sizing with
 * built-in ids and the pooled method never opens the database, so it starts fast.
 */
export async function cliCatalog(args: ParsedArgs, template?: Template, env: NodeJS.ProcessEnv = process.env): Promise<CliCatalog> {
  const named = args.flags.has('db') || Boolean(env.SIZING_DB);
  const calibrated = mayCalibrate(args, template);
  if (!named && !((namesCustomId(args, template) || calibrated) && existsSync(resolveDbPath(undefined, env)))) return BUILT_IN;
  const { openCliApi } = await import('./store-context.js');
  const api = openCliApi(args, 'read');
  try {
    const view = await api.call('catalog.list', {});
    const calibrations = calibrated ? { calibrations: await api.call('calibration.list', {}) } : {};
    return {
      catalog: { ...view, ...calibrations },
      customIds: new Set([...view.customIds.model, ...view.customIds.server, ...view.customIds.storage]),
    };
  } finally {
    api.close();
  }
}

/** Whether the scenario (its flags, or its template and regions) uses the engine method with calibration on. */
function mayCalibrate(args: ParsedArgs, template?: Template): boolean {
  if (args.switches.has('no-calibration')) return false;
  const method = args.flags.get('method') ?? template?.inputs.method;
  return method === 'engine' || (template?.regions ?? []).some((r) => r.overrides.method === 'engine');
}

function namesCustomId(args: ParsedArgs, template?: Template): boolean {
  // `sizing optimise --servers a,b` names servers too.
  const servers =
    args.flags
      .get('servers')
      ?.split(',')
      .map((id) => id.trim()) ?? [];
  const ids = [args.flags.get('model'), args.flags.get('server'), args.flags.get('storage'), ...servers];
  if (template) ids.push(template.inputs.modelId, template.inputs.serverId, template.inputs.storageId);
  return ids.some((id) => id !== undefined && !BUILT_IN_IDS.has(id));
}
