#!/usr/bin/env node
// The `sizing` command. Runs the bundled CLI; builds it first in a fresh checkout where it is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'out', 'cli', 'sizing.mjs');
if (!existsSync(bundle)) {
  const built = spawnSync(process.execPath, [join(root, 'build.config.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(bundle).href);
