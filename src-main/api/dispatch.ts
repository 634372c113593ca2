import type { Lang } from '../engine/index.js';
import { both } from '../i18n/text.js';
import { describeZodIssueText } from '../schemas/index.js';
import { assertWellFormedText, TextError } from '../schemas/text.js';
import { CONTRACT, type ApiContext } from './contract.js';
import { ApiError, toErrorBody } from './errors.js';
import type { ApiMethodName, ApiResponse } from './types.js';

export function isApiMethod(name: string): name is ApiMethodName {
  return Object.hasOwn(CONTRACT, name);
}

export interface CallOptions {
  /** The caller's language (the app's setting, `--lang`, the HTTP Accept-Language): errors come back in it. */
  lang?: Lang;
}

/**
 * The single entry point every transport (IPC, HTTP, the command line, tests) calls: validates the
 * input against the method's schema, runs the handler (writers in one transaction) and returns a
 * typed response whose error message is in the caller's language. Never rejects and never returns
 * a stack trace.
 */
export async function callApi(ctx: ApiContext, name: string, rawInput: unknown, { lang = 'en' }: CallOptions = {}): Promise<ApiResponse> {
  if (!isApiMethod(name)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: both(`unknown API method "${name}"`, `método de API desconhecido: "${name}"`)[lang] },
    };
  }
  const def = CONTRACT[name];
  try {
    const input = validInput(def.input, rawInput);
    const prepared = def.writes && def.prepare ? (def.prepare as (c: ApiContext, i: unknown) => unknown)(ctx, input) : undefined;
    const run = () => (def.handler as (c: ApiContext, i: unknown, p: unknown) => unknown)(ctx, input, prepared);
    // Writers are synchronous (one SQLite transaction); readers such as exports may be async.
    const result = def.writes ? ctx.store.write(run) : await run();
    return { ok: true, result };
  } catch (error) {
    const body = toErrorBody(ctx.store.explain(error), { lang, fieldPrefix: def.errorFieldPrefix });
    if (body.code === 'internal')
      ctx.log?.({ level: 'error', message: `${name}: ${body.message}`, stack: error instanceof Error ? error.stack : undefined });
    return { ok: false, error: body };
  }
}

/** The input as the method's schema reads it; text must be well-formed Unicode before any schema sees it. */
function validInput(schema: (typeof CONTRACT)[ApiMethodName]['input'], rawInput: unknown): unknown {
  try {
    assertWellFormedText(rawInput);
  } catch (error) {
    if (error instanceof TextError) throw ApiError.invalid(error.path, error.text);
    throw error;
  }
  const parsed = schema.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { field, text } = describeZodIssueText(parsed.error);
    throw field ? ApiError.invalid(field, text) : new ApiError('invalid_input', text);
  }
  return parsed.data;
}
