import type { Store } from '../store/index.js';
import type { ApiContext } from './contract.js';
import packageJson from '../../package.json' with { type: 'json' };

/** What every transport hands the contract: the open store and the app's identity for About. */
export function createApiContext(store: Store, runtime: Record<string, string> = { node: process.versions.node }): ApiContext {
  return { store, info: () => ({ version: packageJson.version, dbPath: store.path, runtime }) };
}
