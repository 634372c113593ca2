#!/usr/bin/env node
// The `sizing` command. Runs the bundled CLI; builds it first where it is missing or older than the
// code it is built from (a checkout updated without `npm install` must never run yesterday's code).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'out', 'cli', 'sizing.mjs');

/** The newest modification time of the TypeScript under a folder (a few hundred stat calls: milliseconds). */
function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const missing = !existsSync(bundle);
if (missing || newestSourceMs(join(root, 'src-main')) > statSync(bundle).mtimeMs) {
  if (!missing) process.stderr.write('sizing: the code changed since the command was built; building it again…\n');
  const built = spawnSync(process.execPath, [join(root, 'build.config.mjs'), 'node'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(bundle).href);
