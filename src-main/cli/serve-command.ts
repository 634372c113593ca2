import { join } from 'node:path';
import { appRoot } from '../app-root.js';
import { startWebHost } from '../web/server.js';
import { parseNumber } from './args.js';
import type { CommandContext } from './main.js';
import { both, CliError } from './errors.js';
import { callApi } from '../api/index.js';
import { apiContext, openCliStore } from './store-context.js';

/** `sizing serve`: the planner in any browser, on 127.0.0.1 only, until Ctrl+C. */
export async function run({ args, out }: CommandContext): Promise<number> {
  const portFlag = args.flags.get('port');
  const port = portFlag === undefined ? 0 : parseNumber('port', portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw CliError.badValue('--port', portFlag, both('a whole number from 0 to 65535 (0 picks a free port)', 'um número inteiro de 0 a 65535 (0 escolhe uma porta livre)'));
  const store = openCliStore(args);
  let host;
  try {
    const ctx = apiContext(store);
    host = await startWebHost({
      api: (method, input) => callApi(ctx, method, input),
      port,
      staticDir: join(appRoot(), 'out', 'renderer'),
      token: process.env.SIZING_SERVE_TOKEN || undefined,
      onRequest: args.switches.has('verbose') ? (r) => process.stderr.write(`${r.method} ${r.path} ${r.status} ${r.durationMs.toFixed(1)} ms\n`) : undefined,
    });
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(both(`--port: ${port} cannot be used (${code ?? 'error'}); choose another or 0 for any free port`, `--port: ${port} não pode ser usada (${code ?? 'erro'}); escolha outra ou 0 para qualquer porta livre`));
  }
  out(`Sizing planner on ${host.url}\n(database ${store.path}; Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  store.close();
  out('stopped\n');
  return 0;
}
