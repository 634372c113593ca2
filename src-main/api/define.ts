import type { z } from 'zod';
import type { Store } from '../store/index.js';
import type { ApiInput, ApiMethodName, ApiResult, AppInfo } from './types.js';

export interface ApiContext {
  store: Store;
  info: () => AppInfo;
}

export interface MethodDef<M extends ApiMethodName> {
  input: z.ZodType<ApiInput<M>, unknown>;
  /** Whether the handler writes: writes run as one IMMEDIATE transaction. */
  writes: boolean;
  /** Prefix for the field of an error the handler throws (an import's problems are paths inside `file`). */
  errorFieldPrefix?: string;
  handler: (ctx: ApiContext, input: ApiInput<M>) => ApiResult<M> | Promise<ApiResult<M>>;
}

/** One domain's methods: a partial map the contract joins with the others. */
export type MethodMap<K extends ApiMethodName> = { [M in K]: MethodDef<M> };

export function read<M extends ApiMethodName>(input: MethodDef<M>['input'], handler: MethodDef<M>['handler']): MethodDef<M> {
  return { input, handler, writes: false };
}

export function write<M extends ApiMethodName>(input: MethodDef<M>['input'], handler: MethodDef<M>['handler'], options: { errorFieldPrefix?: string } = {}): MethodDef<M> {
  return { input, handler, writes: true, ...options };
}
