// Build of the Node side (esbuild) and the renderer (Vite). Usage: node build.config.mjs node|renderer|all|electron-native|dist
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNativeModule } from './src-main/electron/native-abi.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? 'node';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // Dependencies stay in node_modules: native modules and pdfkit's font files must load from there.
  packages: 'external',
};

async function buildNode() {
  await build({
    ...common,
    // store-worker: the thread that owns a store connection for `sizing serve` (src-main/store-worker).
    entryPoints: {
      sizing: 'src-main/cli/main.ts',
      bench: 'test/bench/bench.ts',
      accuracy: 'test/accuracy/accuracy.ts',
      'store-worker': 'src-main/store-worker/thread.ts',
    },
    outdir: 'out/cli',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
  });
}

async function buildElectron() {
  // CommonJS output has no import.meta; shared modules fall back to __dirname there (app-root.ts).
  const cjs = { logOverride: { 'empty-import-meta': 'silent' } };
  await build({
    ...common,
    ...cjs,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: 'out/main/main.cjs',
    format: 'cjs',
    external: ['electron'],
  });
  await build({ ...common, ...cjs, entryPoints: ['src-main/store-worker/thread.ts'], outfile: 'out/main/store-worker.cjs', format: 'cjs' });
  // A sandboxed preload can only require('electron'): bundle everything else into it.
  await build({
    ...common,
    ...cjs,
    packages: undefined,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: 'out/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  });
}

function buildRenderer() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The ABI (NODE_MODULE_VERSION) of an Electron version, from node-abi: the table @electron/rebuild
 * and electron-builder use themselves (installed with them).
 */
function electronAbi(electronVersion) {
  const nodeAbi = createRequire(join(root, 'package.json'))('node-abi');
  return nodeAbi.getAbi(electronVersion, 'electron');
}

/**
 * better-sqlite3 is native: node_modules keeps the build for Node (tests, CLI, web host) and the
 * Electron build goes to out/native, loaded by the store through `nativeBinding` when in Electron.
 * A build already there is kept only if its binary names Electron's ABI; otherwise it is rebuilt,
 * and a rebuild that still names another ABI fails here instead of at the user's start-up.
 * Needs the network once (Electron headers), which a user's machine has.
 */
function buildElectronNative() {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const abi = electronAbi(electronVersion);
  const dest = join(root, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
  const existing = checkNativeModule(dest, abi);
  if (existing.status === 'ok') return;
  if (existing.status === 'mismatch') {
    console.log(`better-sqlite3 in ${dest} was built for ABI ${existing.foundAbi}; Electron ${electronVersion} needs ${abi}: rebuilding.`);
    rmSync(dest);
  }
  const work = join(root, 'out', 'native', 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const src = join(root, 'node_modules', 'better-sqlite3');
  const cp = spawnSync('cp', ['-r', `${src}/.`, work], { stdio: 'inherit' });
  if (cp.status !== 0) process.exit(1);
  const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    console.error('Could not build better-sqlite3 for Electron (this step needs the network once).');
    process.exit(r.status ?? 1);
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const check = checkNativeModule(built, abi);
  if (check.status !== 'ok') {
    console.error(
      `better-sqlite3 was built for ABI ${check.foundAbi ?? 'unknown'}, not Electron ${electronVersion}'s ${abi}: refusing to use it.`,
    );
    process.exit(1);
  }
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(built, dest);
}

/** Every packaged copy of the driver (release/<platform>-unpacked/…) must name Electron's ABI. */
function verifyPackagedNative() {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const abi = electronAbi(electronVersion);
  const release = join(root, 'release');
  const unpacked = existsSync(release) ? readdirSync(release).filter((d) => d.endsWith('-unpacked')) : [];
  let bad = 0;
  for (const dir of unpacked) {
    const file = join(
      release,
      dir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    const check = checkNativeModule(file, abi);
    if (check.status === 'ok') continue;
    bad++;
    console.error(
      `${file}: ${check.status === 'missing' ? 'missing' : `built for ABI ${check.foundAbi}, Electron ${electronVersion} needs ${abi}`}`,
    );
  }
  return bad === 0;
}

/**
 * Packaging: electron-builder rebuilds better-sqlite3 in node_modules for Electron; whatever
 * happens, put the Node build back so tests, the CLI and the web host keep working.
 */
function packageApp() {
  const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const packaged = spawnSync(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(3)], {
    cwd: root,
    stdio: 'inherit',
  });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const verified = packaged.status === 0 ? verifyPackagedNative() : true;
  const restored = spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (!verified) console.error('The package holds a SQLite driver built for another runtime: not shipping it.');
  process.exit(packaged.status || (verified ? 0 : 1) || restored.status || 0);
}

if (target === 'node') await buildNode();
else if (target === 'renderer') buildRenderer();
else if (target === 'all') {
  await buildNode();
  if (existsSync(join(root, 'src-main/electron/main.ts'))) await buildElectron();
  if (existsSync(join(root, 'vite.config.ts'))) buildRenderer();
} else if (target === 'electron-native') buildElectronNative();
else if (target === 'dist') packageApp();
else {
  console.error(`unknown build target ${target}: expected node, renderer, all, electron-native or dist`);
  process.exit(2);
}
