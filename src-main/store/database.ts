import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { LocalizedText } from '../engine/types.js';
import { both } from '../i18n/text.js';
import { StoreError } from './errors.js';
import {
  corruptError,
  isBusy,
  LOCK_WAIT_NOTICE,
  lockedError,
  readOnlyError,
  storeErrorFor,
  writable,
  type Operation,
} from './file-errors.js';
import { MIGRATIONS, migrationChecksum } from './migrations.js';

export type Db = Database.Database;

/** 'read' never creates, migrates or writes anything: list, show and export. */
export type StoreAccess = 'read' | 'write';

export interface OpenOptions {
  /** Path of better-sqlite3's native module built for the current runtime (Electron uses its own). */
  nativeBinding?: string;
  /** Default 'write'. */
  access?: StoreAccess;
  /** How long to wait for another program's lock before giving up; default 30 s. */
  lockWaitMs?: number;
  /** Things the user should hear about that are not errors (a lock wait, an empty file made a database). */
  onNotice?: (text: LocalizedText) => void;
}

const DEFAULT_LOCK_WAIT_MS = 30_000;
/** Each attempt lets SQLite's busy handler wait this long before we say so and retry. */
const BUSY_SLICE_MS = 250;
const SQLITE_HEADER = 'SQLite format 3\0';

/** An open database, and what to remove when it closes (a read-only snapshot's folder). */
interface OpenedDatabase {
  db: Db;
  cleanup?: () => void;
}

/**
 * Opens the project database. A file that is not a healthy database of a schema this app knows is
 * refused before anything writes to it, so it stays byte-for-byte intact; a healthy one that cannot
 * be used now (read-only, locked) is said to be so, not called damaged.
 */
export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const access = options.access ?? 'write';
  checkUsablePath(path);
  const state = fileState(path);
  if (state === 'empty') {
    options.onNotice?.(
      access === 'read'
        ? both(
            `${path} is an empty file (0 bytes), not yet a project database: nothing to read.`,
            `${path} é um arquivo vazio (0 bytes), ainda não é um banco de projetos: nada para ler.`,
          )
        : both(
            `${path} was an empty file (0 bytes); it is now a new project database.`,
            `${path} era um arquivo vazio (0 bytes); agora é um novo banco de projetos.`,
          ),
    );
  }
  if (access === 'read' && state !== 'database') return { db: emptyDatabase(options) };
  if (access === 'write' && state === 'missing') {
    createFolder(dirname(path));
    createDatabaseFile(path, options);
    return { db: openReadWrite(path, options) };
  }
  if (access === 'write' && state === 'database' && !folderWritable(path)) throw readOnlyError(path, 'write');
  if (state !== 'database') return { db: openReadWrite(path, options) };
  // A WAL database in a read-only folder cannot be read in place (SQLite must create its -shm file): read a snapshot.
  const snapshot = access === 'read' && !folderWritable(path) ? snapshotOf(path) : undefined;
  const source = snapshot?.path ?? path;
  try {
    const pending = inspectExisting(source, path, options);
    if (access === 'write') return { db: openReadWrite(path, options) };
    if (pending)
      throw new StoreError(
        'read-only',
        both(
          `${path} needs an upgrade to this app's schema before it can be read, and reading alone never changes it; open it once with a command that saves (or the app).`,
          `${path} precisa ser atualizado para o esquema deste app antes de ser lido, e só ler nunca o altera; abra-o uma vez com um comando que salve (ou com o app).`,
        ),
      );
    return { db: openReadOnly(source, path, options), cleanup: snapshot?.remove };
  } catch (error) {
    snapshot?.remove();
    throw error;
  }
}

/** "", ":memory:" and blank paths would open a database that keeps nothing: a save would be acknowledged and lost. */
function checkUsablePath(path: string): void {
  if (path.trim() === '' || path.trim() === ':memory:') {
    throw new StoreError(
      'unusable-path',
      both(
        `${JSON.stringify(path)} is not a database file: give a file path (an empty path or ":memory:" keeps nothing once the command ends).`,
        `${JSON.stringify(path)} não é um arquivo de banco: informe o caminho de um arquivo (um caminho vazio ou ":memory:" não guarda nada depois que o comando termina).`,
      ),
    );
  }
}

type FileState = 'missing' | 'empty' | 'database';

function fileState(path: string): FileState {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') throw underAFile(path);
    throw storeErrorFor(error, path, 'open') ?? error;
  }
  if (stats.isDirectory()) {
    throw new StoreError(
      'unusable-path',
      both(
        `${path} is a folder, not a database file; give a file path such as ${join(path, 'projects.db')}.`,
        `${path} é uma pasta, não um arquivo de banco; informe o caminho de um arquivo, como ${join(path, 'projects.db')}.`,
      ),
    );
  }
  if (!stats.isFile()) {
    throw new StoreError(
      'unusable-path',
      both(
        `${path} is not a regular file (a device, pipe or socket); give the path of a database file.`,
        `${path} não é um arquivo comum (é um dispositivo, pipe ou socket); informe o caminho de um arquivo de banco.`,
      ),
    );
  }
  return stats.size === 0 ? 'empty' : 'database';
}

function underAFile(path: string): StoreError {
  let file = dirname(path);
  while (dirname(file) !== file && !isFile(file)) file = dirname(file);
  return new StoreError(
    'unusable-path',
    both(`${path} cannot be used: ${file} is a file, not a folder.`, `${path} não pode ser usado: ${file} é um arquivo, não uma pasta.`),
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function createFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw underAFile(join(folder, 'projects.db'));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new StoreError(
        'read-only',
        both(
          `the folder ${folder} cannot be created (${code}); choose a database path in a folder you can write to.`,
          `a pasta ${folder} não pode ser criada (${code}); escolha um caminho de banco numa pasta com permissão de escrita.`,
        ),
      );
    }
    throw storeErrorFor(error, folder, 'write') ?? error;
  }
}

function folderWritable(path: string): boolean {
  return writable(dirname(path));
}

/** A copy of a database and its -wal file in a private temporary folder, removed when the store closes. */
function snapshotOf(path: string): { path: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'sizing-read-'));
  const copy = join(folder, basename(path));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return { path: copy, remove };
  } catch (error) {
    remove();
    throw storeErrorFor(error, path, 'read') ?? error;
  }
}

/** An empty, migrated database in memory: what reading a project database that does not exist yet shows. */
function emptyDatabase(options: OpenOptions): Db {
  const db = new Database(':memory:', { nativeBinding: options.nativeBinding });
  migrate(db, ':memory:');
  return db;
}

function openReadWrite(path: string, options: OpenOptions): Db {
  return withLockWait(path, 'open', options, () => {
    let db: Db | undefined;
    try {
      db = new Database(path, { nativeBinding: options.nativeBinding, timeout: BUSY_SLICE_MS });
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      // FULL: a commit the user was told about survives a power cut, not only a crash.
      db.pragma('synchronous = FULL');
      migrate(db, path);
      return db;
    } catch (error) {
      db?.close();
      throw storeErrorFor(error, path, 'write') ?? error;
    }
  });
}

/**
 * Builds a new database beside `path` and links it into place only when complete, so another
 * program opening the same new path at the same moment never sees a half-made (empty) file.
 * Whoever links first wins; the others open the winner's database.
 */
function createDatabaseFile(path: string, options: OpenOptions): void {
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.new`;
  try {
    const db = new Database(draft, { nativeBinding: options.nativeBinding });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrate(db, path);
    } finally {
      db.close(); // the last connection closing checkpoints the WAL and removes it
    }
    placeDraft(draft, path);
  } catch (error) {
    throw storeErrorFor(error, path, 'write') ?? error;
  } finally {
    for (const f of [draft, `${draft}-wal`, `${draft}-shm`]) rmSync(f, { force: true });
  }
}

/** link() refuses to replace an existing file, which is the point; file systems without hard links get a rename. */
function placeDraft(draft: string, path: string): void {
  try {
    linkSync(draft, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    if (!existsSync(path)) renameSync(draft, path);
  }
}

function openReadOnly(source: string, path: string, options: OpenOptions): Db {
  return withLockWait(path, 'open', options, () => {
    try {
      const db = new Database(source, {
        readonly: true,
        fileMustExist: true,
        nativeBinding: options.nativeBinding,
        timeout: BUSY_SLICE_MS,
      });
      db.pragma('foreign_keys = ON');
      return db;
    } catch (error) {
      throw storeErrorFor(error, path, 'read') ?? error;
    }
  });
}

/**
 * Read-only checks of an existing file (`source`, named `path` in messages): header, integrity, and
 * that its migrations are ones this app knows. Returns whether migrations are pending.
 */
function inspectExisting(source: string, path: string, options: OpenOptions): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(source, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new StoreError(
      'not-a-database',
      both(
        `${path} is not a project database (it does not start with the SQLite header); it was left untouched.`,
        `${path} não é um banco de projetos (não começa com o cabeçalho do SQLite); o arquivo não foi alterado.`,
      ),
    );
  }
  const sideFiles = [`${source}-wal`, `${source}-shm`].filter((f) => !existsSync(f));
  let refused = true;
  try {
    const pending = withLockWait(path, 'open', options, () => {
      let db: Db | undefined;
      try {
        db = new Database(source, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding, timeout: BUSY_SLICE_MS });
        const check = String(db.pragma('quick_check', { simple: true }));
        if (check !== 'ok') throw corruptError(path, check);
        const applied = checkRecordedMigrations(db, path);
        return MIGRATIONS.some((m) => !applied.some((a) => a.id === m.id));
      } catch (error) {
        throw storeErrorFor(error, path, 'read') ?? corruptError(path, error instanceof Error ? error.message : String(error));
      } finally {
        db?.close();
      }
    });
    refused = false;
    return pending;
  } finally {
    // A read-only look at a WAL database leaves empty -wal/-shm files; a refused file gets none.
    if (refused) for (const f of sideFiles) if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
  }
}

/**
 * Runs `attempt`, retrying while another program holds the lock: says so once through onNotice,
 * and gives up with a StoreError naming the holder after options.lockWaitMs.
 */
export function withLockWait<T>(path: string, operation: Operation, options: OpenOptions, attempt: () => T): T {
  const waitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const started = Date.now();
  let told = false;
  for (;;) {
    const tried = Date.now();
    try {
      return attempt();
    } catch (error) {
      const busy = isBusy(error) || (error instanceof StoreError && error.code === 'locked');
      if (!busy) throw error;
      if (Date.now() - started >= waitMs) throw lockedError(path, Date.now() - started, operation);
      if (!told) options.onNotice?.(LOCK_WAIT_NOTICE[operation]);
      told = true;
      // SQLite's busy handler usually waited already; opening a file can fail at once.
      sleep(Math.max(0, BUSY_SLICE_MS - (Date.now() - tried)));
    }
  }
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** The store's API is synchronous (one SQLite connection per process); so is waiting for a lock. */
function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(SLEEPER, 0, 0, ms);
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

/** Refuses a schema newer than the app, one whose history differs from the code's, and another program's database. */
function checkRecordedMigrations(db: Db, path: string): AppliedMigration[] {
  const applied = appliedMigrations(db);
  const known = new Map(MIGRATIONS.map((m) => [m.id, m]));
  for (const a of applied) {
    const m = known.get(a.id);
    if (!m) {
      const newest = Math.max(...MIGRATIONS.map((x) => x.id));
      throw new StoreError(
        'newer-schema',
        both(
          `${path} was written by a newer version of this app (schema ${a.id}, this app knows up to ${newest}); update the app to open it. The file was left untouched.`,
          `${path} foi gravado por uma versão mais nova deste app (esquema ${a.id}; este app conhece até o ${newest}); atualize o app para abri-lo. O arquivo não foi alterado.`,
        ),
      );
    }
    if (migrationChecksum(m) !== a.checksum) {
      throw new StoreError(
        'migration-mismatch',
        both(
          `${path} records migration ${a.id} ("${a.name}") differently from this app; refusing to open it. The file was left untouched.`,
          `${path} registra a migração ${a.id} ("${a.name}") de forma diferente deste app; ele não será aberto. O arquivo não foi alterado.`,
        ),
      );
    }
  }
  if (applied.length === 0 && isForeign(db)) {
    throw new StoreError(
      'not-a-database',
      both(
        `${path} is an SQLite database but not a project database; it was left untouched.`,
        `${path} é um banco SQLite, mas não um banco de projetos; o arquivo não foi alterado.`,
      ),
    );
  }
  return applied;
}

/**
 * Another program's database: any table, index, view or trigger of its own, or an application id
 * or user version set. SQLite reserves the exact prefix "sqlite_" (compared as text: in LIKE, "_" is a wildcard).
 */
function isForeign(db: Db): boolean {
  const objects = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE substr(name, 1, 7) <> 'sqlite_'").get() as { n: number };
  const applicationId = db.pragma('application_id', { simple: true });
  const userVersion = db.pragma('user_version', { simple: true });
  return objects.n > 0 || applicationId !== 0 || userVersion !== 0;
}

function migrate(db: Db, path: string): void {
  const applied = checkRecordedMigrations(db, path);
  const done = new Set(applied.map((a) => a.id));
  const pending = MIGRATIONS.filter((m) => !done.has(m.id));
  if (pending.length === 0) return;
  if (applied.length > 0) backupBeforeMigrating(db, path, applied.at(-1)!.id);
  const record = () => db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const run = db.transaction(() => {
    // Inside the transaction, so two programs creating the same new database cannot both migrate it.
    if (checkRecordedMigrations(db, path).length !== applied.length) return;
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of pending) {
      db.exec(m.sql);
      m.data?.(db);
      record().run(m.id, m.name, migrationChecksum(m), new Date().toISOString());
    }
  });
  run.immediate();
}

/** VACUUM INTO a consistent copy next to the file before its schema changes. */
function backupBeforeMigrating(db: Db, path: string, fromSchema: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  db.prepare('VACUUM INTO ?').run(`${path}.schema${fromSchema}-${stamp}.bak`);
}
