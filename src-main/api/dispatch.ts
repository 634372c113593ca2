import { describeZodIssue } from '../schemas/index.js';
import { CONTRACT, type ApiContext } from './contract.js';
import { ApiError, toErrorBody } from './errors.js';
import type { ApiMethodName, ApiResponse } from './types.js';

export function isApiMethod(name: string): name is ApiMethodName {
  return Object.hasOwn(CONTRACT, name);
}

/**
 * The single entry point every transport (IPC, HTTP, tests) calls: validates the input against the
 * method's schema, runs the handler (writers in one transaction) and returns a typed response.
 * Never rejects and never returns a stack trace.
 */
export async function callApi(ctx: ApiContext, name: string, rawInput: unknown): Promise<ApiResponse> {
  if (!isApiMethod(name)) return { ok: false, error: { code: 'unknown_method', message: `unknown API method "${name}"` } };
  const def = CONTRACT[name];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { field, message } = describeZodIssue(parsed.error);
    return { ok: false, error: { code: 'invalid_input', message: field ? `${field}: ${message}` : message, field: field || undefined } };
  }
  try {
    const run = () => (def.handler as (c: ApiContext, i: unknown) => unknown)(ctx, parsed.data);
    // Writers are synchronous (one SQLite transaction); readers such as exports may be async.
    const result = def.writes ? ctx.store.write(run) : await run();
    return { ok: true, result };
  } catch (error) {
    const body = toErrorBody(error, def.errorFieldPrefix ?? '');
    if (body.code === 'internal') ctx.log?.({ level: 'error', message: `${name}: ${body.message}`, stack: error instanceof Error ? error.stack : undefined });
    return { ok: false, error: body };
  }
}

export { ApiError };
