// Which runtime a native module was built for, read from the binary itself. Plain JavaScript so
// build.config.mjs (run by Node, not bundled) and the Electron main process share one check.
import { existsSync, readFileSync } from 'node:fs';

/**
 * The NODE_MODULE_VERSION (ABI) a native module was compiled against. A context-aware module built
 * with node-gyp exports `node_register_module_v<ABI>` (node.h, NODE_MODULE_INIT), so the number is in
 * its symbol table; null when the binary names none (not such a module).
 * @param {Uint8Array} binary
 * @returns {string | null}
 */
export function abiOfNativeModule(binary) {
  const match = /node_register_module_v(\d+)/.exec(Buffer.from(binary).toString('latin1'));
  return match ? match[1] : null;
}

/**
 * Whether the native module at `file` was built for `expectedAbi` (process.versions.modules of the
 * runtime that will load it: Electron's, not Node's).
 * @param {string} file
 * @param {string} expectedAbi
 * @returns {{ status: 'ok' } | { status: 'missing' } | { status: 'mismatch'; foundAbi: string | null; expectedAbi: string }}
 */
export function checkNativeModule(file, expectedAbi) {
  if (!existsSync(file)) return { status: 'missing' };
  const foundAbi = abiOfNativeModule(readFileSync(file));
  return foundAbi === expectedAbi ? { status: 'ok' } : { status: 'mismatch', foundAbi, expectedAbi };
}
