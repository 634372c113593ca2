import { callApi, createApiContext, type ApiContext, type ApiMethodName, type ApiInput, type ApiResult } from '../api/index.js';
import { openStore, resolveDbPath, StoreError, type Store } from '../store/index.js';
import type { ParsedArgs } from './args.js';
import { CliError } from './errors.js';

/** Opens the project store named by --db, SIZING_DB or the user data folder; refusals exit 2. */
export function openCliStore(args: ParsedArgs): Store {
  const path = resolveDbPath(args.flags.get('db'));
  try {
    return openStore(path);
  } catch (error) {
    throw asCliError(error);
  }
}

/** A refused database becomes the one-line `--db:` message (exit 2); anything else stays as it is. */
export function asCliError(error: unknown): unknown {
  return error instanceof StoreError ? new CliError(`--db: ${error.message}`) : error;
}

export function apiContext(store: Store): ApiContext {
  return createApiContext(store);
}

/** Calls the API contract; an error comes back as one CLI line naming the field. */
export async function call<M extends ApiMethodName>(ctx: ApiContext, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const response = await callApi(ctx, method, input);
  if (!response.ok) throw new CliError(response.error.message);
  return response.result as ApiResult<M>;
}
