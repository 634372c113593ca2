import { copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abiOfNativeModule, checkNativeModule } from '../../../src-main/electron/native-abi.mjs';
import { tempDir } from '../helpers/temp.js';

/** The SQLite driver npm built for this Node, a real context-aware module. */
const NODE_BUILD = join(createRequire(import.meta.url).resolve('better-sqlite3'), '..', '..', 'build', 'Release', 'better_sqlite3.node');
/** Electron 45's ABI, as node-abi (which @electron/rebuild uses) knows it. */
const ELECTRON_45_ABI = createRequire(import.meta.url)('node-abi').getAbi('45.3.4', 'electron') as string;

describe('the native module check', () => {
  it('reads the ABI a driver was built for from its binary: this Node build names this Node', () => {
    const file = join(tempDir(), 'better_sqlite3.node');
    copyFileSync(NODE_BUILD, file);
    expect(checkNativeModule(file, process.versions.modules)).toEqual({ status: 'ok' });
  });

  it("refuses the Node build where Electron's ABI is expected, naming both", () => {
    expect(ELECTRON_45_ABI).not.toBe(process.versions.modules);
    expect(checkNativeModule(NODE_BUILD, ELECTRON_45_ABI)).toEqual({
      status: 'mismatch',
      foundAbi: process.versions.modules,
      expectedAbi: ELECTRON_45_ABI,
    });
  });

  it('says when the build is missing, and when a file names no ABI at all', () => {
    const dir = tempDir();
    expect(checkNativeModule(join(dir, 'absent.node'), ELECTRON_45_ABI)).toEqual({ status: 'missing' });
    writeFileSync(join(dir, 'truncated.node'), Buffer.from('\x7fELF not really a module'));
    expect(checkNativeModule(join(dir, 'truncated.node'), ELECTRON_45_ABI)).toEqual({
      status: 'mismatch',
      foundAbi: null,
      expectedAbi: ELECTRON_45_ABI,
    });
  });

  it('finds the symbol wherever it lies in the binary', () => {
    expect(abiOfNativeModule(Buffer.concat([Buffer.alloc(4096), Buffer.from('node_register_module_v150\0'), Buffer.alloc(16)]))).toBe(
      '150',
    );
    expect(abiOfNativeModule(Buffer.from('napi_register_module_v1'))).toBeNull();
  });
});
