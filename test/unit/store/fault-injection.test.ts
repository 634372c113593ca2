import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, createApiContext } from '../../../src-main/api/index.js';
import { TEMPLATES } from '../../../src-main/engine/index.js';
import { openStore } from '../../../src-main/store/index.js';
import { bundleFixture } from '../helpers/bundle.js';
import { killMidStream } from '../helpers/crashes.js';
import { SIZING_BIN, sizing, sizingAsync } from '../helpers/cli.js';
import { holdLock } from '../helpers/foreign.js';
import { apiCall, serve } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The store under attack, with its figures printed: processes killed with SIGKILL in the middle of
 * saves, imports and web writes; writers from the command line, the web host and the store at
 * once; a foreign process's locks; a full disk. Every write that was acknowledged must be there
 * afterwards, and the database must pass integrity_check.
 */

const figures: string[] = [];
function report(line: string): void {
  figures.push(line);
  process.stdout.write(`fault injection: ${line}\n`);
}
afterAll(() => {
  if (figures.length > 0) process.stdout.write(`\nfault-injection figures\n  ${figures.join('\n  ')}\n\n`);
});

function integrity(path: string): string {
  const raw = new Database(path, { readonly: true });
  try {
    return String(raw.pragma('integrity_check', { simple: true }));
  } finally {
    raw.close();
  }
}

/** Scenario names stored in a database, read directly (no app code in the way). */
function storedNames(path: string): Set<string> {
  const raw = new Database(path, { readonly: true });
  try {
    return new Set((raw.prepare('SELECT name FROM scenarios').all() as { name: string }[]).map((r) => r.name));
  } finally {
    raw.close();
  }
}

let saveWriter: string;
beforeAll(async () => {
  saveWriter = await bundleFixture('test/unit/fixtures/save-writer.ts', 'save-writer');
});

describe('kill -9 in the middle of writes loses nothing that was acknowledged', () => {
  it('during saves: 12 kills at different moments', async () => {
    const db = join(tempDir(), 'saves.db');
    const acknowledged: string[] = [];
    for (let round = 0; round < 12; round++)
      acknowledged.push(...(await killMidStream(saveWriter, [db, `r${round}`], 3 + round, (round * 11) % 50)));
    const present = storedNames(db);
    const lost = acknowledged.filter((name) => !present.has(name));
    report(
      `kill -9 during save: 12 kills, ${acknowledged.length} saves acknowledged, ${acknowledged.length - lost.length} present, ${lost.length} lost; integrity ${integrity(db)}`,
    );
    expect(lost).toEqual([]);
    expect(integrity(db)).toBe('ok');
    expect(acknowledged.length).toBeGreaterThan(12 * 3);
  });

  it('during imports: a killed import leaves the whole project or nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'imports.db');
    const file = join(dir, 'big.json');
    const scenarios = Array.from({ length: 10_000 }, (_, i) => ({
      key: `k${i}`,
      name: `s${i}`,
      inputs: { ...TEMPLATES[i % 5]!.inputs, concurrency: 1 + i },
      variantOf: i % 2 === 1 ? `k${i - 1}` : null,
    }));
    writeFileSync(file, JSON.stringify({ format: 'llm-sizing-planner/project', schemaVersion: 1, project: { name: 'Big' }, scenarios }));
    let acknowledged = 0;
    let killed = 0;
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, [SIZING_BIN, 'project', 'import', file, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const killer = setTimeout(() => child.kill('SIGKILL'), 600 + round * 300);
      const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      clearTimeout(killer);
      if (out.startsWith('imported ')) acknowledged++;
      if (signal === 'SIGKILL') killed++;
    }
    const raw = new Database(db, { readonly: true });
    const counts = raw
      .prepare('SELECT p.name, count(s.id) AS n FROM projects p LEFT JOIN scenarios s ON s.project_id = p.id GROUP BY p.id')
      .all() as { name: string; n: number }[];
    raw.close();
    const partial = counts.filter((c) => c.n !== 10_000);
    report(
      `kill -9 during import (10,000 scenarios each): 8 runs, ${killed} killed before they finished, ${acknowledged} acknowledged, ${counts.length} projects present, ${partial.length} partial; integrity ${integrity(db)}`,
    );
    expect(partial).toEqual([]);
    expect(counts.length).toBeGreaterThanOrEqual(acknowledged);
    expect(integrity(db)).toBe('ok');
  }, 240_000);

  it('during web writes: the web host killed while clients write', async () => {
    const db = join(tempDir(), 'web.db');
    const acknowledged: string[] = [];
    for (let round = 0; round < 5; round++) {
      const host = await serve(db);
      const project = JSON.parse(
        (await apiCall(host, 'scenarios.save', { projectName: 'Web', name: `r${round}-first`, inputs: TEMPLATES[0]!.inputs })).body,
      ).result.project;
      acknowledged.push(`r${round}-first`);
      let killed = false;
      setTimeout(
        () => {
          killed = true;
          host.child.kill('SIGKILL');
        },
        200 + round * 150,
      );
      // Four clients writing at once until the host dies under them.
      await Promise.all(
        [0, 1, 2, 3].map(async (client) => {
          for (let i = 0; !killed; i++) {
            const name = `r${round}-c${client}-${i}`;
            const r = await apiCall(host, 'scenarios.create', {
              projectId: project.id,
              name,
              inputs: { ...TEMPLATES[client]!.inputs, concurrency: 1 + i },
            }).catch(() => null);
            if (r?.status === 200) acknowledged.push(name);
            else if (r) expect.fail(`HTTP ${r.status}: ${r.body}`);
          }
        }),
      );
      await new Promise((resolve) =>
        host.child.exitCode !== null || host.child.signalCode !== null ? resolve(null) : host.child.once('exit', resolve),
      );
    }
    const present = storedNames(db);
    const lost = acknowledged.filter((name) => !present.has(name));
    report(
      `kill -9 during web writes: 5 kills, ${acknowledged.length} writes acknowledged (HTTP 200), ${acknowledged.length - lost.length} present, ${lost.length} lost; integrity ${integrity(db)}`,
    );
    expect(lost).toEqual([]);
    expect(integrity(db)).toBe('ok');
  }, 240_000);
});

describe('writers from the command line, the web host and the store at once', () => {
  it('all of them succeed and every acknowledged write is there', async () => {
    const db = join(tempDir(), 'shared.db');
    expect(sizing(['save', '--project', 'Shared', '--name', 'seed', '--template', 'saas-startup', '--db', db]).status).toBe(0);
    const host = await serve(db);
    const failures: string[] = [];
    const acknowledged: string[] = [];
    try {
      const fromCli = (async () => {
        for (let round = 0; round < 4; round++) {
          const runs = await Promise.all(
            [0, 1].map((i) =>
              sizingAsync(['save', '--project', 'Shared', '--name', `cli-${round}-${i}`, '--template', 'saas-startup', '--db', db]),
            ),
          );
          runs.forEach((r, i) => (r.status === 0 ? acknowledged.push(`cli-${round}-${i}`) : failures.push(r.stderr)));
        }
      })();
      const fromWeb = (async () => {
        for (let i = 0; i < 60; i++) {
          const r = await apiCall(host, 'scenarios.save', { projectName: 'Shared', name: `web-${i}`, inputs: TEMPLATES[1]!.inputs });
          if (r.status === 200) acknowledged.push(`web-${i}`);
          else failures.push(r.body);
        }
      })();
      const fromStore = (async () => {
        const store = openStore(db);
        const ctx = createApiContext(store);
        try {
          for (let i = 0; i < 60; i++) {
            const r = await callApi(ctx, 'scenarios.save', { projectName: 'Shared', name: `store-${i}`, inputs: TEMPLATES[2]!.inputs });
            if (r.ok) acknowledged.push(`store-${i}`);
            else failures.push(r.error.message);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        } finally {
          store.close();
        }
      })();
      await Promise.all([fromCli, fromWeb, fromStore]);
    } finally {
      await host.stop();
    }
    const present = storedNames(db);
    const lost = acknowledged.filter((name) => !present.has(name));
    report(
      `concurrent writers (8 CLI saves, 60 HTTP saves, 60 in-process saves): ${acknowledged.length} acknowledged, ${failures.length} failed, ${lost.length} lost; integrity ${integrity(db)}`,
    );
    expect(failures).toEqual([]);
    expect(lost).toEqual([]);
    expect(acknowledged).toHaveLength(8 + 60 + 60);
    expect(integrity(db)).toBe('ok');
  }, 240_000);
});

describe('locks held by a foreign process', () => {
  it('a reader gives up naming the holder; a writer waits, says so, and saves when the lock goes', async () => {
    const db = join(tempDir(), 'locked.db');
    expect(sizing(['save', '--project', 'P', '--name', 'S', '--template', 'saas-startup', '--db', db]).status).toBe(0);
    const exclusive = await holdLock(db, 'exclusive');
    let started = Date.now();
    const read = await sizingAsync(['project', 'list', '--db', db], { SIZING_LOCK_WAIT_S: '1' });
    const readGaveUpS = (Date.now() - started) / 1000;
    await exclusive.release();
    expect(read.status).toBe(2);
    expect(read.stderr).toContain(`pid ${exclusive.pid}`);
    // The lock goes only once the writer has said it waits: a slow machine cannot start the save after it.
    const writer = await holdLock(db, 'write');
    started = Date.now();
    let released: Promise<void> | undefined;
    const save = await sizingAsync(
      ['save', '--project', 'P', '--name', 'After', '--template', 'saas-startup', '--db', db],
      {},
      (stderr) => {
        if (stderr.includes('retrying…')) released ??= writer.release();
      },
    );
    const waitedS = (Date.now() - started) / 1000;
    await (released ?? writer.release());
    expect(save.status).toBe(0);
    expect(save.stderr).toContain('retrying…');
    report(
      `foreign locks: a reader under an exclusive lock gave up after ${readGaveUpS.toFixed(1)} s (SIZING_LOCK_WAIT_S=1) naming pid ${exclusive.pid}; a writer behind a write lock said it waits, and saved once the lock went, after ${waitedS.toFixed(1)} s`,
    );
  }, 120_000);
});

/**
 * A full disk: a 1 MiB tmpfs where the machine allows mounting one (CI runs as root), else SQLite's
 * own limit on the database's size (PRAGMA max_page_count), which fails writes with SQLITE_FULL.
 */
describe('a full disk', () => {
  it('refuses the write that does not fit with a clear message, keeps every acknowledged one, and works again once there is room', async () => {
    const mount = join(tempDir(), 'small');
    mkdirSync(mount);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status === 0;
    try {
      if (mounted) fullTmpfs(mount);
      else await fullByPageLimit(tempDir());
    } finally {
      if (mounted) spawnSync('umount', [mount]);
    }
  }, 240_000);
});

function fullTmpfs(mount: string): void {
  const db = join(mount, 'projects.db');
  expect(sizing(['save', '--project', 'P', '--name', 'first', '--template', 'saas-startup', '--db', db]).status).toBe(0);
  const filler = join(mount, 'filler');
  // Fill the file system to the last block, then give back a little room for a few saves.
  spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
  spawnSync('truncate', ['-s', `-${160 * 1024}`, filler]);
  const acknowledged = ['first'];
  let refusal = '';
  for (let i = 0; i < 40 && !refusal; i++) {
    const r = sizing(['save', '--project', 'P', '--name', `s${i}`, '--template', 'public-api', '--notes', 'n'.repeat(4000), '--db', db]);
    if (r.status === 0) acknowledged.push(`s${i}`);
    else refusal = r.stderr;
  }
  expect(refusal).toMatch(/^sizing: the disk holding .*projects\.db is full\. Nothing was saved\. Free some space and try again\.\n$/);
  const exportRefusal = sizing([
    'export',
    '--project',
    'P',
    '--scenario',
    'first',
    '--format',
    'pdf',
    '--out',
    join(mount, 'report.pdf'),
    '--db',
    db,
  ]);
  expect(exportRefusal.stderr).toMatch(/: the disk holding .* is full; nothing was written\n$/);
  expect(readdirSync(mount).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  unlinkSync(filler);
  expect(sizing(['save', '--project', 'P', '--name', 'after', '--template', 'saas-startup', '--db', db]).status).toBe(0);
  const present = storedNames(db);
  const lost = acknowledged.filter((name) => !present.has(name));
  report(
    `full disk (1 MiB tmpfs): ${acknowledged.length} saves acknowledged before it filled, then "${refusal.trim()}"; export refused with no temporary file left; ${lost.length} lost; after freeing space a save succeeded; integrity ${integrity(db)}`,
  );
  expect(lost).toEqual([]);
  expect(present.has('after')).toBe(true);
  expect(integrity(db)).toBe('ok');
}

async function fullByPageLimit(dir: string): Promise<void> {
  const path = join(dir, 'limited.db');
  const store = openStore(path);
  const ctx = createApiContext(store);
  const pages = Number(store.db.pragma('page_count', { simple: true }));
  store.db.pragma(`max_page_count = ${pages + 8}`);
  const acknowledged: string[] = [];
  let refusal = '';
  for (let i = 0; i < 200 && !refusal; i++) {
    const r = await callApi(ctx, 'scenarios.save', {
      projectName: 'P',
      name: `s${i}`,
      inputs: TEMPLATES[0]!.inputs,
      notes: 'n'.repeat(4000),
    });
    if (r.ok) acknowledged.push(`s${i}`);
    else refusal = r.error.message;
  }
  store.close();
  expect(refusal).toMatch(/is full\. Nothing was saved\./);
  const present = storedNames(path);
  const lost = acknowledged.filter((n) => !present.has(n));
  report(
    `full disk (SQLite's own limit, PRAGMA max_page_count: no tmpfs could be mounted here): ${acknowledged.length} acknowledged, then "${refusal}"; ${lost.length} lost; integrity ${integrity(path)}`,
  );
  expect(lost).toEqual([]);
}
