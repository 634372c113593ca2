import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SIZING_BIN, sizing } from '../helpers/cli.js';
import { NOBODY, openToEveryone, RUNNING_AS_ROOT, sizingAs } from '../helpers/foreign.js';
import { tempDir } from '../helpers/temp.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const oneLine = (text: string) => {
  const lines = text.trimEnd().split('\n');
  expect(lines, text).toHaveLength(1);
  return lines[0]!;
};

/** A project database holding one saved scenario, and the export command for it. */
function saved(): { dir: string; db: string; exportTo: (out: string, ...extra: string[]) => ReturnType<typeof sizing> } {
  const dir = tempDir();
  const db = join(dir, 'plans.db');
  expect(sizing(['save', '--project', 'P', '--name', 'S', '--template', 'saas-startup', '--db', db]).status).toBe(0);
  return {
    dir,
    db,
    exportTo: (out, ...extra) =>
      sizing(['export', '--project', 'P', '--scenario', 'S', '--format', 'csv', '--out', out, '--db', db, ...extra]),
  };
}

function stillThere(db: string): void {
  const r = sizing(['project', 'list', '--db', db, '--format', 'json']);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).map((p: { name: string }) => p.name)).toEqual(['P']);
}

describe('--out never destroys the project database or an existing file', () => {
  it('refuses the open database under every name that reaches it, and its -wal/-shm files, with --force too', () => {
    const { dir, db, exportTo } = saved();
    const link = join(dir, 'link.db');
    symlinkSync(db, link);
    const hard = join(dir, 'hard.db');
    linkSync(db, hard);
    for (const out of [db, `${dir}/./plans.db`, link, hard, `${db}-wal`, `${db}-shm`]) {
      for (const force of [[], ['--force']]) {
        const before = sha(db);
        const r = exportTo(out, ...force);
        expect(r.status, out).toBe(2);
        expect(oneLine(r.stderr)).toMatch(
          /^sizing: --out: ".*": is the project database \(.*plans\.db(-wal|-shm)?\); an export never replaces it\./,
        );
        expect(sha(db)).toBe(before);
      }
    }
    stillThere(db);
    const exported = sizing(['project', 'export', 'P', '--out', db, '--db', db]);
    expect(exported.status).toBe(2);
    expect(exported.stderr).toMatch(/is the project database/);
    stillThere(db);
  });

  it('protects the database SIZING_DB names too, and any other SQLite file', () => {
    const { dir, db } = saved();
    const viaEnv = sizing(['export', '--project', 'P', '--scenario', 'S', '--format', 'csv', '--out', db, '--force'], { SIZING_DB: db });
    expect(viaEnv.status).toBe(2);
    const other = join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)');
    const before = sha(other);
    const r = sizing([
      'sweep',
      '--template',
      'saas-startup',
      '--sweep',
      'concurrency',
      '--from',
      '100',
      '--to',
      '200',
      '--format',
      'csv',
      '--out',
      other,
      '--force',
    ]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/is an SQLite database; an export never replaces one/);
    expect(sha(other)).toBe(before);
    stillThere(db);
  });

  it('an existing file is replaced only with --force, atomically, with no temporary file left', () => {
    const { dir, exportTo } = saved();
    const out = join(dir, 'report.csv');
    writeFileSync(out, 'keep me');
    const refused = exportTo(out);
    expect(refused.status).toBe(2);
    expect(oneLine(refused.stderr)).toBe(`sizing: --out: ${JSON.stringify(out)}: already exists; add --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = exportTo(out, '--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(`wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('sessionsPerNode');
    const fresh = exportTo(join(dir, 'new.csv'));
    expect(fresh.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a read-only file is left as it is even with --force', () => {
    const { dir, exportTo } = saved();
    openToEveryone(dir);
    const out = join(dir, 'locked.csv');
    writeFileSync(out, 'mine');
    chmodSync(out, 0o444);
    const args = ['export', '--project', 'P', '--scenario', 'S', '--format', 'csv', '--out', out, '--force', '--db', join(dir, 'plans.db')];
    // Root may write any file, so the refusal is checked as an ordinary user; root still refuses by the mode bits through access().
    const r = RUNNING_AS_ROOT ? sizingAs(NOBODY, args) : sizing(args);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/: is read-only; it was left as it is/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(exportTo(join(dir, 'ok.csv')).status).toBe(0);
  });

  it('refuses folders, devices and FIFOs, and says what to do when the folder is missing or not a folder', () => {
    const { dir, exportTo } = saved();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const cases: Array<[string, RegExp]> = [
      [dir, /: is a folder; give a file name inside it$/],
      ['/dev/null', /: is a device, pipe or socket, not a regular file/],
      [fifo, /: is a device, pipe or socket, not a regular file/],
      [join(dir, 'missing', 'x.csv'), new RegExp(`: the folder ${dir}/missing does not exist; create it first$`)],
      [join(dir, 'plans.db', 'x.csv'), /: .*plans\.db is a file, not a folder$/],
      ['', /: an empty path; give a file name$/],
    ];
    for (const [out, pattern] of cases) {
      for (const force of [[], ['--force']]) {
        const r = exportTo(out, ...force);
        expect(r.status, out).toBe(2);
        expect(oneLine(r.stderr), out).toMatch(pattern);
      }
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(
      ['pipe', 'plans.db', 'plans.db-shm', 'plans.db-wal'].filter((f) => existsSync(join(dir, f))).sort(),
    );
  });

  it('an unwritable folder is named, in Portuguese too', () => {
    const { dir, db } = saved();
    const shut = join(dir, 'shut');
    mkdirSync(shut, { mode: 0o555 });
    openToEveryone(dir);
    chmodSync(db, 0o666);
    const run = (args: string[]) => (RUNNING_AS_ROOT ? sizingAs(NOBODY, args) : sizing(args));
    const en = run(['export', '--project', 'P', '--scenario', 'S', '--format', 'csv', '--out', join(shut, 'x.csv'), '--db', db]);
    expect(en.status).toBe(2);
    expect(oneLine(en.stderr)).toMatch(new RegExp(`: cannot write in ${shut} \\(permission denied\\); choose another folder$`));
    const pt = run([
      'export',
      '--project',
      'P',
      '--scenario',
      'S',
      '--format',
      'csv',
      '--out',
      join(shut, 'x.csv'),
      '--db',
      db,
      '--lang',
      'pt-BR',
    ]);
    expect(oneLine(pt.stderr)).toMatch(new RegExp(`: não é possível gravar em ${shut} \\(permissão negada\\); escolha outra pasta$`));
    expect(readdirSync(shut)).toEqual([]);
  });
});

describe('--db paths that cannot hold a database are refused before anything is written', () => {
  it('"" and ":memory:" would acknowledge a save and keep nothing: refused, from --db and from SIZING_DB', () => {
    const cwd = tempDir();
    for (const [args, env] of [
      [['--db', ''], {}],
      [['--db', ':memory:'], {}],
      [['--db', '  '], {}],
      [[], { SIZING_DB: ':memory:' }],
    ] as const) {
      const r = spawnSync(process.execPath, [SIZING_BIN, 'save', '--project', 'P', '--name', 'S', '--template', 'saas-startup', ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toMatch(/^sizing: (--db|SIZING_DB): ".*" is not a database file: give a file path/);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a folder, a path under a file, and a device are named with what to do', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const cases: Array<[string, RegExp]> = [
      [dir, new RegExp(`^sizing: --db: ${dir} is a folder, not a database file; give a file path such as ${dir}/projects\\.db\\.$`)],
      [join(dir, 'file', 'p.db'), new RegExp(`^sizing: --db: ${dir}/file/p\\.db cannot be used: ${dir}/file is a file, not a folder\\.$`)],
      [join(dir, 'file', 'deeper', 'p.db'), /cannot be used: .*\/file is a file, not a folder\.$/],
      ['/dev/null', /^sizing: --db: \/dev\/null is not a regular file/],
    ];
    for (const [db, pattern] of cases) {
      for (const command of [
        ['save', '--project', 'P', '--name', 'S', '--template', 'saas-startup'],
        ['project', 'list'],
      ]) {
        const r = sizing([...command, '--db', db]);
        expect(r.status, `${command[0]} ${db}`).toBe(2);
        expect(oneLine(r.stderr)).toMatch(pattern);
      }
    }
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('reading a database that does not exist creates nothing, not even its folder', () => {
    const dir = tempDir();
    const db = join(dir, 'a', 'b', 'projects.db');
    const list = sizing(['project', 'list', '--db', db]);
    expect(list.status).toBe(0);
    expect(list.stdout).toBe('');
    expect(sizing(['project', 'show', 'X', '--db', db]).status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(sizing(['save', '--project', 'P', '--name', 'S', '--template', 'saas-startup', '--db', db]).status).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('a zero-byte file is made a project database only by a write, and the user is told', () => {
    const dir = tempDir();
    const db = join(dir, 'empty.db');
    writeFileSync(db, '');
    const list = sizing(['project', 'list', '--db', db]);
    expect(list.status).toBe(0);
    expect(list.stderr).toBe(`sizing: ${db} is an empty file (0 bytes), not yet a project database: nothing to read.\n`);
    expect(statSync(db).size).toBe(0);
    const save = sizing(['save', '--project', 'P', '--name', 'S', '--template', 'saas-startup', '--db', db]);
    expect(save.status).toBe(0);
    expect(save.stderr).toBe(`sizing: ${db} was an empty file (0 bytes); it is now a new project database.\n`);
    stillThere(db);
  });

  it("never adopts another program's SQLite file: a table whose name only looks internal, a view alone, an application id", () => {
    const dir = tempDir();
    const make = (name: string, sql: string) => {
      const path = join(dir, name);
      const raw = new Database(path);
      raw.exec(sql);
      raw.close();
      return path;
    };
    // LIKE 'sqlite_%' matches "sqliteXdata" ("_" is a wildcard): the old check skipped it and adopted the file.
    const files = [
      make('lookalike.db', 'CREATE TABLE sqliteXdata (x)'),
      make('view.db', 'CREATE VIEW v AS SELECT 1 AS x'),
      make('app-id.db', 'PRAGMA application_id = 1234; CREATE TABLE t (x); DROP TABLE t'),
      make('user-version.db', 'PRAGMA user_version = 7; CREATE TABLE t (x); DROP TABLE t'),
    ];
    for (const path of files) {
      expect(statSync(path).size).toBeGreaterThan(0);
      const before = sha(path);
      const r = sizing(['save', '--project', 'P', '--name', 'S', '--template', 'saas-startup', '--db', path]);
      expect(r.status, path).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/is an SQLite database but not a project database; it was left untouched\.$/);
      expect(sha(path)).toBe(before);
    }
  });
});

describe('a closed pipe is not a crash', () => {
  /** Runs sizing, reads its first line, then closes the pipe, like `| head -1`. */
  function firstLineThenClose(args: string[]): Promise<{ status: number | null; first: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [SIZING_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let first = '';
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d: Buffer) => {
        if (first) return;
        first = d.toString().split('\n')[0]!;
        child.stdout.destroy();
      });
      child.on('exit', (status) => resolve({ status, first, stderr }));
    });
  }

  it('catalog models | head -1 and a 100,000-point sweep | head -1 end quietly with their own exit status', async () => {
    const catalog = await firstLineThenClose(['catalog', 'models']);
    expect(catalog).toEqual({ status: 0, first: expect.stringMatching(/^opt-oss-20b/), stderr: '' });
    const sweep = await firstLineThenClose([
      'sweep',
      '--template',
      'saas-startup',
      '--sweep',
      'concurrency',
      '--from',
      '1',
      '--to',
      '100000',
      '--points',
      '100000',
    ]);
    expect(sweep).toEqual({ status: 0, first: expect.stringMatching(/^Concurrency: 1 → 100,000/), stderr: '' });
  });
});

describe('flags that do not apply are refused like unknown ones', () => {
  const cases: Array<[string[], RegExp]> = [
    [
      ['project', 'list', '--concurrency', 'abc'],
      /^sizing: --concurrency: does not apply to sizing project list; its flags are --db, --format, --lang$/,
    ],
    [['templates', '--db', 'x.db'], /^sizing: --db: does not apply to sizing templates; its flags are --format, --lang$/],
    [['project', 'delete', 'P', '--force'], /^sizing: --force: does not apply to sizing project delete/],
    [['show', '--project', 'P', '--scenario', 'S', '--model', 'x'], /^sizing: --model: does not apply to sizing show/],
    [['--model', 'opt-oss-20b', '--out', 'x'], /^sizing: --out: does not apply to sizing; its flags are /],
    [['catalog', 'models', '--bom=1'], /^sizing: --bom=1: --bom is a switch and takes no value; write --bom alone$/],
    [['--help=1'], /^sizing: --help=1: --help is a switch and takes no value; write --help alone$/],
  ];
  for (const [args, pattern] of cases) {
    it(args.join(' '), () => {
      const r = sizing(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toMatch(pattern);
    });
  }

  it('in Portuguese with --lang pt-BR', () => {
    const r = sizing(['project', 'list', '--concurrency', 'abc', '--lang', 'pt-BR']);
    expect(oneLine(r.stderr)).toBe('sizing: --concurrency: não se aplica a sizing project list; as flags dele são --db, --format, --lang');
  });
});
