export { CONTRACT, API_METHOD_NAMES, type ApiChange, type ApiContext } from './contract.js';
export { callApi, isApiMethod, type CallOptions } from './dispatch.js';
export { ApiError, HTTP_STATUS, toErrorBody } from './errors.js';
export type * from './types.js';
export { createApiContext } from './context.js';
