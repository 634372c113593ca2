import { describeIssue, InvalidInputsError } from '../engine/index.js';
import { StoreError } from '../store/errors.js';
import type { ApiErrorBody } from './types.js';

/** An error meant for the caller: it crosses the boundary as {code, message, field}. */
export class ApiError extends Error {
  constructor(public readonly code: ApiErrorBody['code'], message: string, public readonly field?: string) {
    super(message);
  }
}

const STORE_CODES: Record<StoreError['code'], ApiErrorBody['code']> = {
  'not-found': 'not_found',
  conflict: 'conflict',
  'invalid-data': 'invalid_input',
  'not-a-database': 'store_error',
  corrupt: 'store_error',
  'newer-schema': 'store_error',
  'migration-mismatch': 'store_error',
};

/** Any thrown value as an error body; internal errors keep their first line only, never a stack. */
export function toErrorBody(error: unknown, fieldPrefix = ''): ApiErrorBody {
  // A problem with the whole value (field "") names the value itself: "file", not "file.".
  const prefixed = (field?: string) => (field === undefined || !fieldPrefix || field.startsWith(fieldPrefix) ? field : field === '' ? fieldPrefix.replace(/\.$/, '') : `${fieldPrefix}${field}`);
  if (error instanceof ApiError) return withField({ code: error.code, message: error.message }, error.field);
  if (error instanceof InvalidInputsError) {
    const first = error.issues[0]!;
    const field = `inputs.${first.field}`;
    return { code: 'invalid_input', message: `${field}: ${describeIssue(first)}`, field };
  }
  if (error instanceof StoreError) return withField({ code: STORE_CODES[error.code], message: error.message }, prefixed(error.field));
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { code: 'internal', message: `internal error: ${message}` };
}

function withField(body: ApiErrorBody, field?: string): ApiErrorBody {
  return field === undefined ? body : { ...body, field };
}

export const HTTP_STATUS: Record<ApiErrorBody['code'], number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  unknown_method: 404,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  store_error: 500,
  internal: 500,
};
