export { CONTRACT, API_METHOD_NAMES, type ApiChange, type ApiContext } from './contract.js';
export { callApi, isApiMethod, type CallOptions } from './dispatch.js';
export { HTTP_STATUS } from './errors.js';
export type * from './types.js';
export { createApiContext } from './context.js';
