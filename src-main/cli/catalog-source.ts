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
 * names, or the default one when an id given is not built in. Plain sizing with built-in ids
 * never opens the database, so it starts fast.
 */
export async function cliCatalog(args: ParsedArgs, template?: Template, env: NodeJS.ProcessEnv = process.env): Promise<CliCatalog> {
  const named = args.flags.has('db') || Boolean(env.SIZING_DB);
  if (!named && !(namesCustomId(args, template) && existsSync(resolveDbPath(undefined, env)))) return BUILT_IN;
  const { openCliApi } = await import('./store-context.js');
  const api = openCliApi(args, 'read');
  try {
    const view = await api.call('catalog.list', {});
    return { catalog: view, customIds: new Set([...view.customIds.model, ...view.customIds.server, ...view.customIds.storage]) };
  } finally {
    api.close();
  }
}

function namesCustomId(args: ParsedArgs, template?: Template): boolean {
  const ids = [args.flags.get('model'), args.flags.get('server'), args.flags.get('storage')];
  if (template) ids.push(template.inputs.modelId, template.inputs.serverId, template.inputs.storageId);
  return ids.some((id) => id !== undefined && !BUILT_IN_IDS.has(id));
}
