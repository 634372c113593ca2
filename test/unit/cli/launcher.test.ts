import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const LAUNCHER = join(import.meta.dirname, '..', '..', '..', 'src-main', 'cli', 'sizing.mjs');

/** A stand-in checkout: the real launcher, a build script that writes a bundle saying when it was built, and one source file. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'sizing-launcher-'));
  mkdirSync(join(root, 'src-main', 'cli'), { recursive: true });
  copyFileSync(LAUNCHER, join(root, 'src-main', 'cli', 'sizing.mjs'));
  writeFileSync(join(root, 'src-main', 'engine.ts'), 'export const x = 1;\n');
  // The fake build writes a bundle that prints when it was built (a template literal inside the generated file).
  writeFileSync(
    join(root, 'build.config.mjs'),
    // eslint-disable-next-line no-template-curly-in-string
    "import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync('out/cli', { recursive: true });\nwriteFileSync('out/cli/sizing.mjs', `process.stdout.write('bundle built ${Date.now()}\\\\n');\\n`);\n",
  );
  return root;
}

const run = (root: string) => spawnSync(process.execPath, [join(root, 'src-main', 'cli', 'sizing.mjs')], { cwd: root, encoding: 'utf8' });

describe('the sizing launcher', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it('builds a missing bundle, reuses a current one, and rebuilds one older than the code (never runs stale code)', () => {
    root = checkout();
    const first = run(root);
    expect(first.stdout).toMatch(/^bundle built \d+\n$/);
    expect(first.stderr).toBe('');
    const bundle = join(root, 'out', 'cli', 'sizing.mjs');
    // The sources are older than the bundle: the same bundle runs, no build.
    utimesSync(join(root, 'src-main', 'engine.ts'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const built = statSync(bundle).mtimeMs;
    expect(run(root).stdout).toBe(first.stdout);
    expect(statSync(bundle).mtimeMs).toBe(built);
    // A source edited after the build: rebuilt before it runs, and said so on stderr (stdout stays the command's).
    utimesSync(join(root, 'src-main', 'engine.ts'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    const again = run(root);
    expect(again.stderr).toMatch(/changed since the command was built; building it again/);
    expect(again.stdout).toMatch(/^bundle built \d+\n$/);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
  });
});
