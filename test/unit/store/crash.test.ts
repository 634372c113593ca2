import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/index.js';
import { bundleFixture } from '../helpers/bundle.js';
import { killMidStream } from '../helpers/crashes.js';
import { tempDir } from '../helpers/temp.js';

let writer: string;
beforeAll(async () => {
  writer = await bundleFixture('test/unit/fixtures/scenario-writer.ts', 'scenario-writer');
});

describe('crash safety', () => {
  it('SIGKILL mid-stream, 20 times: integrity ok and every reported write is there', async () => {
    const path = join(tempDir(), 'crash.db');
    const reported: number[] = [];
    // Killed at a different moment each round, mid-stream of further writes.
    for (let round = 0; round < 20; round++)
      reported.push(...(await killMidStream(writer, [path, String(round)], 5 + round, (round * 7) % 40)).map(Number));
    const raw = new Database(path);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = openStore(path);
    const ids = new Set(store.scenarios.list(store.projects.findByName('crash')!.id).map((s) => s.id));
    for (const id of reported) expect(ids.has(id), `scenario ${id} was reported committed`).toBe(true);
    for (const s of store.scenarios.list(store.projects.findByName('crash')!.id)) expect(s.regions).toHaveLength(1);
    expect(reported.length).toBeGreaterThan(20 * 5);
    store.close();
  }, 120_000);
});
