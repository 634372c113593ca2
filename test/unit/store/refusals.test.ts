import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../../src-main/store/index.js';
import { MIGRATIONS } from '../../../src-main/store/migrations.js';
import { sizing } from '../helpers/cli.js';
import { populatedDb } from '../helpers/crashes.js';
import { tempDir } from '../helpers/temp.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectRefusal(path: string, code: StoreError['code'], pattern: RegExp) {
  const before = sha(path);
  const siblings = readdirSync(join(path, '..')).sort();
  let error: unknown;
  try {
    openStore(path).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  expect((error as StoreError).message).toMatch(pattern);
  expect(sha(path)).toBe(before);
  expect(readdirSync(join(path, '..')).sort()).toEqual(siblings);
  // The command line refuses it the same way: exit 2, one line.
  const cli = sizing(['project', 'list', '--db', path]);
  expect(cli.status).toBe(2);
  expect(cli.stderr.trim().split('\n')).toHaveLength(1);
  expect(sha(path)).toBe(before);
}

describe('refusing databases the app must not touch', () => {
  it('a file of random bytes', () => {
    const path = join(tempDir(), 'random.db');
    writeFileSync(path, randomBytes(64 * 1024));
    expectRefusal(path, 'not-a-database', /not a project database/);
  });

  it('a truncated database', () => {
    const dir = tempDir();
    const path = populatedDb(dir);
    truncateSync(path, Math.floor(statSync(path).size / 3));
    expectRefusal(path, 'corrupt', /damaged or truncated/);
  });

  it('a database from a newer schema', () => {
    const path = populatedDb(tempDir());
    const raw = new Database(path);
    raw
      .prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
      .run(MIGRATIONS.length + 1, 'future', 'x', 'later');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expectRefusal(path, 'newer-schema', /newer version of this app/);
  });

  it('a database whose recorded migration differs from the code', () => {
    const path = populatedDb(tempDir());
    const raw = new Database(path);
    raw.prepare("UPDATE schema_migrations SET checksum = 'tampered' WHERE id = 1").run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expectRefusal(path, 'migration-mismatch', /differently/);
  });

  it('an SQLite database of another application', () => {
    const path = join(tempDir(), 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    raw.close();
    expectRefusal(path, 'not-a-database', /not a project database/);
  });

  it('an empty file is initialised as a new database', () => {
    const path = join(tempDir(), 'empty.db');
    writeFileSync(path, '');
    const store = openStore(path);
    expect(store.projects.list()).toEqual([]);
    store.close();
  });

  it('a database with project tables but no migration record is refused, not guessed at', () => {
    const dir = tempDir();
    const path = populatedDb(dir);
    const raw = new Database(path);
    raw.prepare('DELETE FROM schema_migrations').run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expectRefusal(path, 'not-a-database', /not a project database/);
  });

  it('migrating a database first writes a VACUUM INTO backup next to it, then applies the new migration', () => {
    const dir = tempDir();
    const path = populatedDb(dir);
    MIGRATIONS.push({ id: MIGRATIONS.length + 1, name: 'test: add a column', sql: 'ALTER TABLE projects ADD COLUMN colour TEXT' });
    try {
      const store = openStore(path);
      expect(store.projects.list()).toHaveLength(1);
      const columns = store.db.prepare('PRAGMA table_info(projects)').all() as { name: string }[];
      expect(columns.map((c) => c.name)).toContain('colour');
      store.close();
      const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
      expect(backups).toHaveLength(1);
      const backup = new Database(join(dir, backups[0]!), { readonly: true });
      expect(backup.prepare('SELECT count(*) AS n FROM scenarios').get()).toEqual({ n: 300 });
      backup.close();
    } finally {
      MIGRATIONS.pop();
    }
  });
});
