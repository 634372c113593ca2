/**
 * Messages between the host thread (web host, Electron main) and a store thread. Plain data only:
 * they cross threads by structured clone.
 */
import type { ApiResponse } from '../api/types.js';
import type { Lang } from '../engine/types.js';
import type { LogEntry } from '../log/logger.js';
import { StoreError } from '../store/errors.js';

/**
 * The writer runs every method that writes, one at a time; the reader runs every other method on
 * its own connection, which WAL lets read while the writer (or another program) writes.
 */
export type StoreRole = 'writer' | 'reader';

export interface StoreThreadSetup {
  role: StoreRole;
  dbPath: string;
  /** better-sqlite3 built for this runtime's ABI (Electron's), when it is not the one in node_modules. */
  nativeBinding?: string;
  /** Versions shown by app.info. */
  runtime: Record<string, string>;
}

/** `lang` is the caller's language, which the answer's error message is in. */
export type ToStoreThread = { kind: 'call'; id: number; method: string; input: unknown; lang: Lang } | { kind: 'close' };

/** An error that crossed threads: its class name, message and stack, and a StoreError's own fields. */
export interface SerializedError {
  /** A refusal of the database (not a failure): the host reports it as the store's own message. */
  isStoreError: boolean;
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export type FromStoreThread =
  | { kind: 'ready' }
  | { kind: 'open-failed'; error: SerializedError }
  | { kind: 'answer'; id: number; response: ApiResponse }
  | { kind: 'log'; entry: LogEntry }
  | { kind: 'closed' };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { isStoreError: false, name: 'Error', message: String(error), fields: {} };
  return { isStoreError: error instanceof StoreError, name: error.name, message: error.message, stack: error.stack, fields: { ...error } };
}
