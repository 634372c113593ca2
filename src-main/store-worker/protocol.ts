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

/**
 * An answer as plain data for postMessage: objects that are not plain (the engine's lazily built
 * texts) become what their toJSON gives, as they would over HTTP; binary data and everything else
 * stay as they are. Changes the answer in place (it was built for this call) and returns it.
 */
export function cloneable<T>(value: T): T {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (field === null || typeof field !== 'object') continue;
    const prototype = Object.getPrototypeOf(field) as unknown;
    const plain = prototype === Object.prototype || prototype === null || Array.isArray(field);
    const json = (field as { toJSON?: unknown }).toJSON;
    // Only a lazy text is replaced: records shared with the catalog (possibly frozen) are only read.
    if (!plain && typeof json === 'function' && !(field instanceof Date)) record[key] = json.call(field);
    else cloneable(field);
  }
  return value;
}
