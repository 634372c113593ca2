import { createHash } from 'node:crypto';
import { chmodSync, closeSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sizing, sizingAsync } from '../helpers/cli.js';
import { holdLock, NOBODY, openToEveryone, RUNNING_AS_ROOT, sizingAs } from '../helpers/foreign.js';
import { tempDir } from '../helpers/temp.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const lines = (text: string) => text.trimEnd().split('\n');
/** Unprivileged: permissions mean something (root ignores them). */
const asUser = (args: string[], env: Record<string, string> = {}) => (RUNNING_AS_ROOT ? sizingAs(NOBODY, args, env) : sizing(args, env));

function savedDb(dir: string): string {
  const db = join(dir, 'projects.db');
  expect(sizing(['save', '--project', 'Acme', '--name', 'API', '--template', 'public-api', '--db', db]).status).toBe(0);
  return db;
}

describe('a healthy database that cannot be used right now is said to be so, never "damaged"', () => {
  it("held by another program's exclusive lock: waits, says so, then names the holder in one line and exits 2; opens once it lets go", async () => {
    const db = savedDb(tempDir());
    const holder = await holdLock(db, 'exclusive');
    try {
      const r = await sizingAsync(['project', 'list', '--db', db], { SIZING_LOCK_WAIT_S: '1' });
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual([
        'sizing: another program is using this project database; waiting…',
        expect.stringMatching(
          new RegExp(
            `^sizing: --db: another program \\(pid ${holder.pid}: node .*lock-holder.*\\) is holding a lock on ${db}; gave up after 1 s\\. Close it`,
          ),
        ),
      ]);
      expect(r.stderr).not.toMatch(/damaged|internal/);
      const pt = await sizingAsync(['project', 'list', '--db', db, '--lang', 'pt-BR'], { SIZING_LOCK_WAIT_S: '0' });
      expect(pt.stderr).toMatch(/^sizing: --db: outro programa \(pid \d+.*\) está com .* bloqueado/m);
    } finally {
      await holder.release();
    }
    const after = sizing(['project', 'list', '--db', db]);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/^Acme/);
  });

  it('a writer that meets another writer says so in words and saves once the lock is released', async () => {
    const db = savedDb(tempDir());
    const holder = await holdLock(db, 'write', 4000);
    const r = await sizingAsync(['save', '--project', 'Acme', '--name', 'Waited', '--template', 'saas-startup', '--db', db]);
    await holder.release();
    expect(r.stderr).toBe('sizing: another program is writing this project database; retrying…\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('saved Acme / Waited\n');
  });

  it('a writer gives up with a clear message naming the file, never "internal error", and saves nothing', async () => {
    const db = savedDb(tempDir());
    const holder = await holdLock(db, 'write');
    try {
      const r = await sizingAsync(['save', '--project', 'Acme', '--name', 'Lost', '--template', 'saas-startup', '--db', db], {
        SIZING_LOCK_WAIT_S: '1',
      });
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toHaveLength(2);
      expect(lines(r.stderr)[1]).toMatch(
        /^sizing: another program \(pid \d+.*\) is holding a lock on .*projects\.db; gave up after 1 s\. Nothing was saved\. Close it/,
      );
      expect(r.stderr).not.toMatch(/internal error|damaged/);
    } finally {
      await holder.release();
    }
    expect(sizing(['project', 'show', 'Acme', '--db', db, '--format', 'json']).stdout).not.toContain('"Lost"');
  });

  it('in a read-only folder: list, show and export still read it; save names the folder and says reading works', () => {
    const dir = tempDir();
    const db = savedDb(dir);
    const out = tempDir();
    openToEveryone(out);
    chmodSync(dir, 0o555);
    try {
      const before = sha(db);
      const list = asUser(['project', 'list', '--db', db]);
      expect(list.stderr).toBe('');
      expect(list.stdout).toMatch(/^Acme\s+1 scenario/);
      expect(asUser(['show', '--project', 'Acme', '--scenario', 'API', '--db', db, '--format', 'json']).status).toBe(0);
      const csv = join(out, 'api.csv');
      expect(asUser(['export', '--project', 'Acme', '--scenario', 'API', '--format', 'csv', '--out', csv, '--db', db]).status).toBe(0);
      expect(readFileSync(csv, 'utf8')).toContain('sessionsPerNode');
      const save = asUser(['save', '--project', 'Acme', '--name', 'New', '--template', 'saas-startup', '--db', db]);
      expect(save.status).toBe(2);
      expect(lines(save.stderr)).toEqual([
        `sizing: --db: the folder ${dir} is read-only, and SQLite writes its journal beside ${db}, so it cannot be changed there. Nothing was saved. Listing, showing and exporting can still read it (sizing project list/show/export, sizing show, sizing export). To save, copy it to a writable folder or make the folder writable.`,
      ]);
      expect(sha(db)).toBe(before);
      expect(readdirSync(dir)).toEqual(['projects.db']);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('a read-only file in a writable folder: reading works, saving names the file', () => {
    const dir = tempDir();
    const db = savedDb(dir);
    openToEveryone(dir);
    chmodSync(db, 0o444);
    const before = sha(db);
    expect(asUser(['project', 'list', '--db', db]).status).toBe(0);
    const save = asUser(['save', '--project', 'Acme', '--name', 'New', '--template', 'saas-startup', '--db', db]);
    expect(save.status).toBe(2);
    expect(lines(save.stderr)).toEqual([
      `sizing: ${db} is read-only. Nothing was saved. Listing, showing and exporting can still read it (sizing project list/show/export, sizing show, sizing export). To save, make the file writable (chmod u+w).`,
    ]);
    expect(sha(db)).toBe(before);
  });

  it('damaged only when quick_check says so, in one line even when it finds many problems', () => {
    const dir = tempDir();
    const db = savedDb(dir);
    const raw = new Database(db);
    const insert = raw.prepare(
      "INSERT INTO scenarios (project_id, name, notes, inputs_json, created_at, updated_at) VALUES (1, ?, ?, '{}', 'x', 'x')",
    );
    raw.transaction(() => {
      for (let i = 0; i < 300; i++) insert.run(`s${i}`, 'n'.repeat(500));
    })();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const fd = openSync(db, 'r+');
    for (const page of [20, 40, 60]) writeSync(fd, Buffer.alloc(200, 0x41), 0, 200, page * 4096 + 3000);
    closeSync(fd);
    const before = sha(db);
    const r = sizing(['project', 'list', '--db', db]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(
        /^sizing: --db: .* is damaged or truncated \(Tree \d+ page \d+ cell \d+: .*, and \d+ more problems\); it was left untouched\. Restore it from a backup\.$/,
      ),
    ]);
    expect(sha(db)).toBe(before);
  });
});
