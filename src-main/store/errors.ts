import type { LocalizedText } from '../engine/types.js';

export type StoreErrorCode =
  | 'not-a-database'
  | 'corrupt'
  | 'newer-schema'
  | 'migration-mismatch'
  | 'not-found'
  | 'conflict'
  | 'invalid-data'
  /** The path cannot hold a database ("", ":memory:", a folder, a device). */
  | 'unusable-path'
  /** The file, its folder or its file system cannot be written; reading works. */
  | 'read-only'
  /** Another program holds the lock longer than we wait. */
  | 'locked'
  | 'disk-full'
  | 'io-error';

/**
 * A database the app must not open or a write it must not make, explained for a person in both
 * product languages (`message` is the English, for logs; transports show `text` in the caller's).
 */
export class StoreError extends Error {
  constructor(
    public readonly code: StoreErrorCode,
    public readonly text: LocalizedText,
    public readonly field?: string,
  ) {
    super(text.en);
  }
}
