import type { z } from 'zod';
import type { LogEntry } from '../log/logger.js';
import type { Store } from '../store/index.js';
import type { ApiInput, ApiMethodName, ApiResult, AppInfo } from './types.js';

export interface ApiContext {
  store: Store;
  info: () => AppInfo;
  /** Where unexpected failures (with their stacks) and the renderer's reported errors go; none on the command line. */
  log?: (entry: LogEntry) => void;
}

/** What a successful call changed that the rest of the app follows (the menu's language follows 'settings'). */
export type ApiChange = 'settings';

export interface MethodDef<M extends ApiMethodName> {
  input: z.ZodType<ApiInput<M>, unknown>;
  /** Whether the handler writes: writes run as one IMMEDIATE transaction. */
  writes: boolean;
  /** Prefix for the field of an error the handler throws (an import's problems are paths inside `file`). */
  errorFieldPrefix?: string;
  /** Announced by the transport host after the call succeeds. */
  changes?: ApiChange;
  /**
   * A writer's checks that need no lock (parsing and validating a large file): run before the
   * transaction, so the database is locked only for the writes. The handler receives the result.
   */
  prepare?: (ctx: ApiContext, input: ApiInput<M>) => unknown;
  handler: (ctx: ApiContext, input: ApiInput<M>, prepared?: unknown) => ApiResult<M> | Promise<ApiResult<M>>;
}

/** One domain's methods: a partial map the contract joins with the others. */
export type MethodMap<K extends ApiMethodName> = { [M in K]: MethodDef<M> };

export function read<M extends ApiMethodName>(input: MethodDef<M>['input'], handler: MethodDef<M>['handler']): MethodDef<M> {
  return { input, handler, writes: false };
}

export function write<M extends ApiMethodName>(
  input: MethodDef<M>['input'],
  handler: MethodDef<M>['handler'],
  options: Pick<MethodDef<M>, 'errorFieldPrefix' | 'prepare' | 'changes'> = {},
): MethodDef<M> {
  return { input, handler, writes: true, ...options };
}
