import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { StoreError } from './errors.js';
import { MIGRATIONS, migrationChecksum } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of better-sqlite3's native module built for the current runtime (Electron uses its own). */
  nativeBinding?: string;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (creating if needed) the project database. A file that is not a healthy database of a
 * schema this app knows is refused before anything writes to it, so it stays byte-for-byte intact.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (existsSync(path) && statSync(path).size > 0) inspectExisting(path, options);
  const db = new Database(path, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    // FULL: a commit the user was told about survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Read-only checks: header, integrity, and that its migrations are ones this app knows. */
function inspectExisting(path: string, options: OpenOptions): void {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new StoreError('not-a-database', `${path} is not a project database (it does not start with the SQLite header); it was left untouched.`);
  }
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  let db: Db | undefined;
  let refused = true;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    checkRecordedMigrations(db, path);
    refused = false;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('corrupt', `${path} is damaged or truncated (${reason}); it was left untouched. Restore it from a backup.`);
  } finally {
    db?.close();
    // A read-only look at a WAL database leaves empty -wal/-shm files; a refused file gets none.
    if (refused) for (const f of sideFiles) if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f);
  }
}

interface AppliedMigration {
  id: number;
  name: string;
  checksum: string;
}

function appliedMigrations(db: Db): AppliedMigration[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return [];
  return db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as AppliedMigration[];
}

/** Refuses a schema newer than the app, or one whose history differs from the code's. */
function checkRecordedMigrations(db: Db, path: string): AppliedMigration[] {
  const applied = appliedMigrations(db);
  const known = new Map(MIGRATIONS.map((m) => [m.id, m]));
  for (const a of applied) {
    const m = known.get(a.id);
    if (!m) {
      const newest = Math.max(...MIGRATIONS.map((x) => x.id));
      throw new StoreError('newer-schema', `${path} was written by a newer version of this app (schema ${a.id}, this app knows up to ${newest}); update the app to open it. The file was left untouched.`);
    }
    if (migrationChecksum(m) !== a.checksum) {
      throw new StoreError('migration-mismatch', `${path} records migration ${a.id} ("${a.name}") differently from this app; refusing to open it. The file was left untouched.`);
    }
  }
  if (applied.length === 0 && userTableCount(db) > 0) {
    throw new StoreError('not-a-database', `${path} is an SQLite database but not a project database; it was left untouched.`);
  }
  return applied;
}

function userTableCount(db: Db): number {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n;
}

function migrate(db: Db, path: string): void {
  const applied = checkRecordedMigrations(db, path);
  const done = new Set(applied.map((a) => a.id));
  const pending = MIGRATIONS.filter((m) => !done.has(m.id));
  if (pending.length === 0) return;
  if (applied.length > 0) backupBeforeMigrating(db, path, applied.at(-1)!.id);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const run = db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.id, m.name, migrationChecksum(m), new Date().toISOString());
    }
  });
  run.immediate();
}

/** VACUUM INTO a consistent copy next to the file before its schema changes. */
function backupBeforeMigrating(db: Db, path: string, fromSchema: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  db.prepare('VACUUM INTO ?').run(`${path}.schema${fromSchema}-${stamp}.bak`);
}
