import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdWriteLock, type LockHolder } from '../helpers/lock-holder.js';
import { apiCall, rawRequest, serve, type ServedHost } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp.js';

let host: ServedHost | undefined;
let holder: LockHolder | undefined;

afterEach(async () => {
  await holder?.release();
  await host?.stop();
  host = holder = undefined;
});

describe('the web host while another program holds the write lock', () => {
  it('serves files and reads at once, says in the terminal that a write waits, and the waiting write succeeds once the lock is released', async () => {
    const db = join(tempDir(), 'locked.db');
    host = await serve(db);
    expect((await apiCall(host, 'projects.create', { name: 'before the lock' })).status).toBe(200);

    holder = await holdWriteLock(db);
    let writeAnswered = false;
    const write = apiCall(host, 'projects.create', { name: 'during the lock' }).then((r) => {
      writeAnswered = true;
      return r;
    });
    // The write is in the store's writer thread, waiting for the lock; the page and a read must not wait with it.
    const page = await rawRequest(host.port, { method: 'GET', path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    const list = await apiCall(host, 'projects.list', {});
    const answeredWhileLocked = !holder.released();
    expect(answeredWhileLocked).toBe(true);
    expect(writeAnswered).toBe(false);
    expect([page.status, page.body.includes('<div id="app">')]).toEqual([200, true]);
    expect(JSON.parse(list.body).result.map((p: { name: string }) => p.name)).toEqual(['before the lock']);

    // The terminal says why the save waits, as the command line does (the writer thread's notice).
    await expect
      .poll(() => host!.stderr(), { timeout: 30_000 })
      .toContain(`${db}: another program is writing this project database; retrying…`);
    await holder.release();
    const written = await write;
    expect(written.status, written.body).toBe(200);
    const after = JSON.parse((await apiCall(host, 'projects.list', {})).body).result.map((p: { name: string }) => p.name);
    expect(after.sort()).toEqual(['before the lock', 'during the lock']);
  });
});
