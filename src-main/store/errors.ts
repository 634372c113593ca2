/** A database the app must not open or a write it must not make, explained for a person. */
export class StoreError extends Error {
  constructor(
    public readonly code: 'not-a-database' | 'corrupt' | 'newer-schema' | 'migration-mismatch' | 'not-found' | 'conflict' | 'invalid-data',
    message: string,
    public readonly field?: string,
  ) {
    super(message);
  }
}
