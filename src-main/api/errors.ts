import { InvalidInputsError, SweepRangeError, type Lang, type LocalizedText } from '../engine/index.js';
import { both, notAllowed, withField as fieldText } from '../i18n/text.js';
import { StoreError } from '../store/errors.js';
import type { ApiErrorBody } from './types.js';

/** An error meant for the caller, in both languages: it crosses the boundary as {code, message, field}. */
export class ApiError extends Error {
  constructor(
    public readonly code: ApiErrorBody['code'],
    public readonly text: LocalizedText,
    public readonly field?: string,
  ) {
    super(text.en);
  }

  /** A refused input, named by its field: "inputs.kvBudgetRatio: 2 is not allowed; expected …". */
  static invalid(field: string, text: LocalizedText): ApiError {
    return new ApiError('invalid_input', fieldText(field, text), field);
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
  'unusable-path': 'store_error',
  'read-only': 'store_error',
  locked: 'store_busy',
  'disk-full': 'store_error',
  'io-error': 'store_error',
};

interface ErrorBodyOptions {
  /** The caller's language: messages are rendered in it. */
  lang?: Lang;
  /** Prefix for the field of a store error (an import's problems are paths inside `file`). */
  fieldPrefix?: string;
}

/** Any thrown value as an error body in the caller's language; internal errors keep their first line only, never a stack. */
export function toErrorBody(error: unknown, { lang = 'en', fieldPrefix = '' }: ErrorBodyOptions = {}): ApiErrorBody {
  if (error instanceof ApiError) return body(error.code, error.text[lang], error.field);
  if (error instanceof InvalidInputsError) {
    const first = error.issues[0]!;
    const field = `inputs.${first.field}`;
    return body('invalid_input', fieldText(field, notAllowed(first.value, first.allowedText))[lang], field);
  }
  if (error instanceof SweepRangeError) return body('invalid_input', error.text[lang], error.argument);
  if (error instanceof StoreError) return body(STORE_CODES[error.code], error.text[lang], prefixedField(error.field, fieldPrefix));
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return body('internal', both(`internal error: ${message}`, `erro interno: ${message}`)[lang]);
}

/** A store error's field inside the method's input; a problem with the whole value (field "") names the value itself: "file", not "file.". */
function prefixedField(field: string | undefined, prefix: string): string | undefined {
  if (field === undefined || !prefix || field.startsWith(prefix)) return field;
  return field === '' ? prefix.replace(/\.$/, '') : `${prefix}${field}`;
}

function body(code: ApiErrorBody['code'], message: string, field?: string): ApiErrorBody {
  return field === undefined ? { code, message } : { code, message, field };
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
  // Another program holds the database's lock: the same request can succeed later.
  store_busy: 503,
  internal: 500,
};
