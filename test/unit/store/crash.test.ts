import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/index.js';
import { bundleFixture } from '../helpers/bundle.js';
import { tempDir } from '../helpers/temp.js';

let writer: string;
beforeAll(async () => {
  writer = await bundleFixture('test/unit/fixtures/scenario-writer.ts', 'scenario-writer');
});

/** Runs the writer until it has reported `atLeast` commits plus a varying extra delay, then SIGKILLs it. */
function writeThenKill(path: string, round: number, atLeast: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, path, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: number[] = [];
    let buffer = '';
    let stderr = '';
    let killScheduled = false;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) reported.push(Number(line));
      if (!killScheduled && reported.length >= atLeast) {
        killScheduled = true;
        // Kill at a different moment each round, mid-stream of further writes.
        setTimeout(() => child.kill('SIGKILL'), (round * 7) % 40);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own (${code}): ${stderr}`));
      else resolve(reported);
    });
  });
}

describe('crash safety', () => {
  it('SIGKILL mid-stream, 20 times: integrity ok and every reported write is there', async () => {
    const path = join(tempDir(), 'crash.db');
    const reported: number[] = [];
    for (let round = 0; round < 20; round++) reported.push(...(await writeThenKill(path, round, 5 + round)));
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
