import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding package.json and assets/: found by walking up from this module, because the
 * code runs from TypeScript sources (tests), from bundles in out/ and from inside the packaged app.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the application folder (package.json)');
    dir = parent;
  }
  cached = dir;
  return dir;
}
