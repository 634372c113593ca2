import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, truncateSync, writeFileSync, writeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { openStore, StoreError, type StoreErrorCode } from '../../../src-main/store/index.js';
import { MIGRATIONS } from '../../../src-main/store/migrations.js';
import { sizing } from '../helpers/cli.js';
import { populatedDb } from '../helpers/crashes.js';
import { ok, tempDir, tempStore } from '../helpers/temp.js';
import { MALFORMED_FILES, validProject } from './malformed-corpus.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function snapshot(store: ReturnType<typeof tempStore>['store']): unknown {
  return ['projects', 'scenarios', 'regions', 'custom_records'].map((t) => store.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
}

describe('the malformed-file corpus', () => {
  it('the valid file it is made from imports', async () => {
    const { ctx } = tempStore();
    expect(await ok(ctx, 'projects.import', { text: JSON.stringify(validProject()) })).toMatchObject({ name: 'Shared plan', scenarios: 2 });
  });

  it(`refuses ${MALFORMED_FILES.length} malformed project files, each in one line naming its JSON path, and writes nothing`, async () => {
    expect(MALFORMED_FILES.length).toBeGreaterThanOrEqual(150);
    const { ctx, store } = tempStore();
    await ok(ctx, 'projects.create', { name: 'Existing' });
    const before = snapshot(store);
    const byGroup = new Map<string, number>();
    for (const file of MALFORMED_FILES) {
      // The bytes as the command line reads them: strict UTF-8 first, then the text through the API.
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      } catch {
        byGroup.set(file.group, (byGroup.get(file.group) ?? 0) + 1);
        expect(file.field.source, `${file.name}: only undecodable files are refused before the API`).toBe('^file$');
        continue;
      }
      const r = await callApi(ctx, 'projects.import', { text });
      expect(r.ok, file.name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, `${file.name}: ${r.error.message}`).toBe('invalid_input');
      expect(r.error.field ?? '', `${file.name}: ${r.error.message}`).toMatch(file.field);
      expect(r.error.message.split('\n'), file.name).toHaveLength(1);
      expect(r.error.message.length, file.name).toBeLessThan(1200);
      byGroup.set(file.group, (byGroup.get(file.group) ?? 0) + 1);
    }
    expect(snapshot(store)).toEqual(before);
    process.stdout.write(
      `malformed project files refused with their path: ${MALFORMED_FILES.length} (${[...byGroup].map(([g, n]) => `${g} ${n}`).join(', ')})\n`,
    );
  });

  it('the command line refuses one of each kind in one line, exit 2, naming the file', () => {
    const { dir, path, store } = tempStore();
    store.close();
    const seen = new Set<string>();
    for (const file of MALFORMED_FILES) {
      if (seen.has(file.group)) continue;
      seen.add(file.group);
      const on = join(dir, `${file.group}.json`);
      writeFileSync(on, file.bytes);
      const r = sizing(['project', 'import', on, '--db', path]);
      expect(r.status, file.name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), `${file.name}: ${r.stderr}`).toHaveLength(1);
      expect(r.stderr, file.name).toMatch(new RegExp(`^sizing: ${on}: `));
    }
    expect(JSON.parse(sizing(['project', 'list', '--db', path, '--format', 'json']).stdout)).toEqual([]);
  });
});

function rawSql(path: string, sql: string): string {
  const raw = new Database(path);
  raw.exec(sql);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return path;
}

function garble(path: string, pages: number[]): string {
  const fd = openSync(path, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(200, 0x41), 0, 200, page * 4096 + 3000);
  closeSync(fd);
  return path;
}

type DatabaseCase = [name: string, make: (dir: string) => string, code: StoreErrorCode, message: RegExp];

const DATABASE_FILES: DatabaseCase[] = [
  [
    'random bytes',
    (d) => (writeFileSync(join(d, 'x.db'), randomBytes(64 * 1024)), join(d, 'x.db')),
    'not-a-database',
    /does not start with the SQLite header/,
  ],
  ['a text file', (d) => (writeFileSync(join(d, 'x.db'), 'name,value\n'), join(d, 'x.db')), 'not-a-database', /not a project database/],
  [
    'the SQLite header and nothing else',
    (d) => (writeFileSync(join(d, 'x.db'), 'SQLite format 3\0'), join(d, 'x.db')),
    'corrupt',
    /damaged or truncated/,
  ],
  [
    'the first 100 bytes of a database',
    (d) => {
      const p = populatedDb(d);
      truncateSync(p, 100);
      return p;
    },
    'corrupt',
    /damaged or truncated/,
  ],
  [
    'a third of a database',
    (d) => {
      const p = populatedDb(d);
      truncateSync(p, Math.floor(statSync(p).size / 3));
      return p;
    },
    'corrupt',
    /damaged or truncated/,
  ],
  [
    'two thirds of a database',
    (d) => {
      const p = populatedDb(d);
      truncateSync(p, Math.floor((statSync(p).size * 2) / 3));
      return p;
    },
    'corrupt',
    /damaged or truncated/,
  ],
  ['garbled pages', (d) => garble(populatedDb(d), [20, 40, 60]), 'corrupt', /damaged or truncated \(.+, and \d+ more problems?\)/],
  [
    'a garbled page header',
    (d) => {
      const p = populatedDb(d);
      const fd = openSync(p, 'r+');
      writeSync(fd, Buffer.alloc(12, 0xff), 0, 12, 30 * 4096);
      closeSync(fd);
      return p;
    },
    'corrupt',
    /damaged or truncated/,
  ],
  [
    "another application's table",
    (d) => rawSql(join(d, 'x.db'), 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)'),
    'not-a-database',
    /not a project database/,
  ],
  [
    'a table named like an internal one',
    (d) => rawSql(join(d, 'x.db'), 'CREATE TABLE sqliteXdata (x)'),
    'not-a-database',
    /not a project database/,
  ],
  ['a view alone', (d) => rawSql(join(d, 'x.db'), 'CREATE VIEW v AS SELECT 1 AS x'), 'not-a-database', /not a project database/],
  [
    'an application id',
    (d) => rawSql(join(d, 'x.db'), 'PRAGMA application_id = 42; CREATE TABLE t (x); DROP TABLE t'),
    'not-a-database',
    /not a project database/,
  ],
  [
    'a user version',
    (d) => rawSql(join(d, 'x.db'), 'PRAGMA user_version = 3; CREATE TABLE t (x); DROP TABLE t'),
    'not-a-database',
    /not a project database/,
  ],
  [
    'project tables without their migration record',
    (d) => rawSql(populatedDb(d), 'DELETE FROM schema_migrations'),
    'not-a-database',
    /not a project database/,
  ],
  [
    'a schema newer than the app',
    (d) => rawSql(populatedDb(d), `INSERT INTO schema_migrations VALUES (${MIGRATIONS.length + 50}, 'future', 'x', 'later')`),
    'newer-schema',
    /newer version of this app/,
  ],
  [
    'a migration recorded differently',
    (d) => rawSql(populatedDb(d), "UPDATE schema_migrations SET checksum = 'tampered' WHERE id = 1"),
    'migration-mismatch',
    /differently from this app/,
  ],
  ['a folder', (d) => (mkdirSync(join(d, 'x.db')), join(d, 'x.db')), 'unusable-path', /is a folder, not a database file/],
  ['a FIFO', (d) => (spawnSync('mkfifo', [join(d, 'x.db')]), join(d, 'x.db')), 'unusable-path', /not a regular file/],
  ['a path under a file', (d) => (writeFileSync(join(d, 'f'), 'x'), join(d, 'f', 'x.db')), 'unusable-path', /is a file, not a folder/],
  ['an empty path', () => '', 'unusable-path', /is not a database file/],
  ['":memory:"', () => ':memory:', 'unusable-path', /is not a database file/],
];

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

describe('malformed and foreign database files', () => {
  it(`refuses ${DATABASE_FILES.length} of them with their own code and one line, leaving each untouched`, () => {
    for (const [name, make, code, pattern] of DATABASE_FILES) {
      const dir = tempDir();
      const path = make(dir);
      const isFile = isRegularFile(path);
      const before = isFile ? sha(path) : '';
      const siblings = readdirSync(dir).sort();
      let error: unknown;
      try {
        openStore(path).close();
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(StoreError);
      expect((error as StoreError).code, `${name}: ${(error as Error).message}`).toBe(code);
      expect((error as StoreError).message, `${name}: ${(error as Error).message}`).toMatch(pattern);
      expect((error as StoreError).message.split('\n'), name).toHaveLength(1);
      if (isFile) expect(sha(path), name).toBe(before);
      expect(readdirSync(dir).sort(), name).toEqual(siblings);
    }
    process.stdout.write(`malformed or foreign database files refused untouched: ${DATABASE_FILES.length}\n`);
  });
});
