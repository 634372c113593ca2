import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The planner's interface for `sizing serve`: `npm install` builds it (the prepare script), and a
 * checkout installed without scripts builds it here on first start, saying so, instead of serving
 * "not built". Resolves to whether index.html is there afterwards.
 */
export async function ensureRendererBuilt(options: { appDir: string; staticDir: string; say: (line: string) => void }): Promise<boolean> {
  if (existsSync(join(options.staticDir, 'index.html'))) return true;
  const buildScript = join(options.appDir, 'build.config.mjs');
  if (!existsSync(buildScript) || !existsSync(join(options.appDir, 'node_modules', 'vite'))) {
    options.say(
      'The planner interface is not built and cannot be built here (no build tools): run npm install, then sizing serve again.\n',
    );
    return false;
  }
  options.say('Building the planner interface for its first start (a few seconds)…\n');
  const startedAt = performance.now();
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [buildScript, 'renderer'], { cwd: options.appDir, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  });
  const built = status === 0 && existsSync(join(options.staticDir, 'index.html'));
  options.say(
    built
      ? `Built in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.\n`
      : 'The interface could not be built (see above); the API still answers. Run npm run build, then sizing serve again.\n',
  );
  return built;
}
