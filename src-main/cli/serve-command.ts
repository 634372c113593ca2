import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appRoot } from '../app-root.js';
import { createStreamLogger } from '../log/logger.js';
import { resolveDbPath } from '../store/index.js';
import { startApiService, type ApiService } from '../store-worker/service.js';
import { ensureRendererBuilt } from '../web/renderer-build.js';
import { startWebHost, type WebHost } from '../web/server.js';
import { parseNumber } from './args.js';
import type { CommandContext } from './main.js';
import { both, CliError } from './errors.js';
import { asCliError } from './store-context.js';

/**
 * `sizing serve`: the planner in any browser, on 127.0.0.1 only, until Ctrl+C. The store runs on
 * its own threads (store-worker), so files and reads are served while a write waits for a lock.
 */
export async function run({ args, out }: CommandContext): Promise<number> {
  const portFlag = args.flags.get('port');
  const port = portFlag === undefined ? 0 : parseNumber('port', portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw CliError.badValue(
      '--port',
      portFlag,
      both('a whole number from 0 to 65535 (0 picks a free port)', 'um número inteiro de 0 a 65535 (0 escolhe uma porta livre)'),
    );
  const verbose = args.switches.has('verbose');
  // Chosen here, so the log can keep it out of every line.
  const token = process.env.SIZING_SERVE_TOKEN || randomBytes(24).toString('base64url');
  // Failures and store notices (a lock wait) always reach stderr; slow calls and requests only with --verbose.
  const log = createStreamLogger((text) => process.stderr.write(text), { minLevel: verbose ? 'info' : 'warn', secrets: [token] });
  const staticDir = join(appRoot(), 'out', 'renderer');
  await ensureRendererBuilt({ appDir: appRoot(), staticDir, say: (line) => process.stderr.write(line) });
  let api: ApiService;
  try {
    api = await startApiService({
      dbPath: resolveDbPath(args.flags.get('db')),
      workerFile: join(appRoot(), 'out', 'cli', 'store-worker.mjs'),
      log,
    });
  } catch (error) {
    throw asCliError(error);
  }
  let host: WebHost;
  try {
    host = await startWebHost({
      api: (method, input, options) => api.call(method, input, options),
      port,
      staticDir,
      token,
      onRequest: verbose ? (r) => process.stderr.write(`${r.method} ${r.path} ${r.status} ${r.durationMs.toFixed(1)} ms\n`) : undefined,
    });
  } catch (error) {
    await api.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      both(
        `--port: ${port} cannot be used (${code ?? 'error'}); choose another or 0 for any free port`,
        `--port: ${port} não pode ser usada (${code ?? 'erro'}); escolha outra ou 0 para qualquer porta livre`,
      ),
    );
  }
  out(`Sizing planner on ${host.url}\n(database ${api.dbPath}; Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await api.close();
  out('stopped\n');
  return 0;
}
