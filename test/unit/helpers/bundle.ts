import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** Bundles a TypeScript test fixture into out/test so a child `node` can run it with node_modules. */
export async function bundleFixture(entry: string, name: string): Promise<string> {
  const outfile = join(ROOT, 'out', 'test', `${name}.mjs`);
  mkdirSync(join(ROOT, 'out', 'test'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
