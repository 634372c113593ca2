import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** This module's folder: import.meta.url under ESM (sources, out/cli), __dirname in the CommonJS Electron bundle. */
function moduleDir(): string {
  // esbuild leaves import.meta empty in CommonJS output, so url is undefined there.
  const url: string | undefined = import.meta.url;
  return url ? dirname(fileURLToPath(url)) : __dirname;
}

/**
 * The folder holding package.json and assets/: found by walking up from this module, because the
 * code runs from TypeScript sources (tests), from bundles in out/ and from inside the packaged app.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = moduleDir();
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the application folder (package.json)');
    dir = parent;
  }
  cached = dir;
  return dir;
}

/**
 * A file under the app folder as native code can read it: inside a packaged app, files listed in
 * asarUnpack live in app.asar.unpacked, where libraries that bypass Electron's fs (resvg) find them.
 */
export function unpackedPath(path: string): string {
  const unpacked = path.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  return unpacked !== path && existsSync(unpacked) ? unpacked : path;
}
