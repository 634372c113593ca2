import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';

/** Another program holding the database's write lock (BEGIN IMMEDIATE) until told to let go. */
export interface LockHolder {
  /** Resolves once the lock is released and the program has said so. */
  release: () => Promise<void>;
  /** True from the moment the program has released the lock. */
  released: () => boolean;
}

const HOLDER_SCRIPT = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.prepare('BEGIN IMMEDIATE').run();
process.stdout.write('locked\\n');
const release = () => { db.prepare('ROLLBACK').run(); db.close(); process.stdout.write('released\\n'); process.exit(0); };
process.stdin.on('data', release);
// Bounded: a test that forgot to release never leaves a program holding the lock.
setTimeout(release, Number(process.argv[3])).unref();
`;

/** Starts a separate process that takes the write lock of `dbPath`; at most `maxHoldMs` long. */
export function holdWriteLock(dbPath: string, maxHoldMs = 20_000): Promise<LockHolder> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', HOLDER_SCRIPT, driver, dbPath, String(maxHoldMs)]);
  let output = '';
  let released = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => (output += d));
    child.stdout.on('data', (d: Buffer) => {
      output += d;
      if (output.includes('released')) released = true;
      if (output.includes('locked\n') && !output.includes('released')) {
        resolve({
          released: () => released,
          release: async () => {
            if (child.exitCode === null) child.stdin.write('release\n');
            await gone;
          },
        });
      }
    });
    child.once('exit', (code) => {
      if (!output.includes('locked')) reject(new Error(`the lock holder exited (${code}) without taking the lock: ${output}`));
    });
  });
}
