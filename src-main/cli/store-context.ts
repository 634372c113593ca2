import { callApi, createApiContext, type ApiInput, type ApiMethodName, type ApiResult } from '../api/index.js';
import type { Lang } from '../engine/index.js';
import { mapText } from '../i18n/text.js';
import { openStore, resolveDbPath, StoreError, type Store, type StoreAccess } from '../store/index.js';
import type { ParsedArgs } from './args.js';
import { CliError, errorLang } from './errors.js';
import { parseLang } from './sizing-flags.js';

/** Seconds a command waits for another program's lock on the database (SIZING_LOCK_WAIT_S, default 30). */
function lockWaitMs(env: NodeJS.ProcessEnv): number | undefined {
  const seconds = Number(env.SIZING_LOCK_WAIT_S);
  return env.SIZING_LOCK_WAIT_S && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Opens the project store named by --db, SIZING_DB or the user data folder. 'read' access creates,
 * migrates and writes nothing. Refusals exit 2 naming where the path came from; notices (a lock
 * wait, an empty file made a database) go to stderr in the user's language.
 */
export function openCliStore(args: ParsedArgs, access: StoreAccess = 'write', env: NodeJS.ProcessEnv = process.env): Store {
  const flag = args.flags.get('db');
  const path = resolveDbPath(flag, env);
  const source = flag !== undefined ? '--db: ' : env.SIZING_DB ? 'SIZING_DB: ' : '';
  const lang = errorLang(process.argv.slice(2));
  try {
    return openStore(path, {
      access,
      lockWaitMs: lockWaitMs(env),
      onNotice: (text) => process.stderr.write(`sizing: ${text[lang]}\n`),
    });
  } catch (error) {
    throw asCliError(error, source);
  }
}

/** A refused database becomes one line, naming where its path came from (exit 2); anything else stays as it is. */
export function asCliError(error: unknown, source = '--db: '): unknown {
  return error instanceof StoreError ? new CliError(mapText(error.text, (text) => `${source}${text}`)) : error;
}

/** The command line's way into the project store: the API contract, like the app and the web host. */
export interface CliApi {
  /** Calls a method; an error becomes one CLI line in the user's language, naming the field. */
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  readonly lang: Lang;
  close(): void;
}

export function openCliApi(args: ParsedArgs, access: StoreAccess): CliApi {
  const lang = parseLang(args);
  const store = openCliStore(args, access);
  const ctx = createApiContext(store);
  return {
    lang,
    async call(method, input) {
      const response = await callApi(ctx, method, input, { lang });
      if (!response.ok) throw new CliError(response.error.message);
      return response.result as ApiResult<typeof method>;
    },
    close: () => store.close(),
  };
}
