import type { SizingBridge } from '../../src-main/api/bridge';
import type { ApiErrorBody, ApiInput, ApiMethodName, ApiResponse, ApiResult } from '../../src-main/api/types';
import type { Lang } from '../../src-main/engine/types';

/** Codes the server sends, plus 'network' when the main process could not be reached at all. */
type ApiErrorCode = ApiErrorBody['code'] | 'network';

/** A failed API call as the renderer sees it: the server's code, message and the field at fault. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;

  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.field = field;
  }
}

/** Moves one call to the main process and back; never throws, failures are responses. `lang` is the language errors come back in. */
type ApiTransport = (method: ApiMethodName, input: unknown, lang: Lang) => Promise<ApiResponse>;

export interface ApiClient {
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
}

/** `lang` reads the app's current language at each call, so error messages follow a language change at once. */
export function createApiClient(transport: ApiTransport, lang: () => Lang = () => 'en'): ApiClient {
  return {
    async call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      const response = await transport(method, input, lang());
      if (!response.ok) throw new ApiCallError(response.error.code, response.error.message, response.error.field);
      return response.result as ApiResult<M>;
    },
  };
}

/**
 * Electron: the preload bridge validates the channel and forwards to the same contract. Electron's
 * IPC copies arguments with the structured clone algorithm, which refuses Vue's reactive proxies
 * ("An object could not be cloned", vuejs/core#1970; electronjs.org/docs/latest/tutorial/ipc#object-serialization),
 * and a request often holds some (a scenario's regions from its store). The input goes as JSON data,
 * exactly what the HTTP transport sends, so both transports carry the same request.
 */
export function bridgeTransport(bridge: SizingBridge): ApiTransport {
  return async (method, input, lang) => {
    try {
      return await bridge.call(method, asJsonData(input), lang);
    } catch (error) {
      return networkFailure(error);
    }
  };
}

/** A plain copy of a request as JSON carries it: no proxies, no undefined fields (the contract is JSON). */
function asJsonData(input: unknown): unknown {
  return input === undefined ? undefined : JSON.parse(JSON.stringify(input));
}

/** Browser under `sizing serve`: POST /api/<method> with the per-run token. */
export function httpTransport(token: string | null, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiTransport {
  return async (method, input, lang) => {
    let response: Response;
    try {
      response = await fetchImpl(`./api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      return networkFailure(error);
    }
    return readHttpBody(response);
  };
}

async function readHttpBody(response: Response): Promise<ApiResponse> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: { code: 'internal', message: `the planner answered HTTP ${response.status} without a JSON body` } };
  }
  if (body && typeof body === 'object' && 'result' in body && response.ok) return { ok: true, result: body.result };
  if (body && typeof body === 'object' && 'error' in body) return { ok: false, error: body.error as ApiErrorBody };
  return { ok: false, error: { code: 'internal', message: `unexpected answer from the planner (HTTP ${response.status})` } };
}

function networkFailure(error: unknown): ApiResponse {
  const message = error instanceof Error ? error.message : String(error);
  // 'network' is not a server code: the cast keeps ApiResponse's shape for the one client-side case.
  return { ok: false, error: { code: 'network' as ApiErrorBody['code'], message: `the planner could not be reached: ${message}` } };
}
