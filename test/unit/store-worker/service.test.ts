import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../src-main/engine/index.js';
import type { LogEntry } from '../../../src-main/log/logger.js';
import { StoreError } from '../../../src-main/store/index.js';
import { startApiService, type ApiService } from '../../../src-main/store-worker/service.js';
import { ROOT } from '../helpers/cli.js';
import { holdWriteLock, type LockHolder } from '../helpers/lock-holder.js';
import { tempDir } from '../helpers/temp.js';

/** The bundle test/unit/global-setup.ts builds from the current sources. */
const WORKER_FILE = join(ROOT, 'out', 'cli', 'store-worker.mjs');
let service: ApiService | undefined;
let holder: LockHolder | undefined;

afterEach(async () => {
  await holder?.release();
  await service?.close();
  service = holder = undefined;
});

async function started(options: { slowCallMs?: number } = {}) {
  const dbPath = join(tempDir(), 'projects.db');
  const log: LogEntry[] = [];
  service = await startApiService({ dbPath, workerFile: WORKER_FILE, log: (entry) => log.push(entry), ...options });
  return { api: service, dbPath, log };
}

describe('the API contract on store threads', () => {
  it('answers an infeasible engine-method plan with its message in both languages (lazily built texts cross the thread as text)', async () => {
    const { api } = await started();
    const inputs = { ...findTemplate('saas-startup')!.inputs, method: 'engine', modelId: 'deepseek-v3', serverId: 'dgx100', tp: 8 };
    const sized = await api.call('sizing.scenario', { inputs });
    const infeasibility = sized.ok
      ? (sized.result as { infeasibility: { code: string; message: { en: string; 'pt-BR': string } } }).infeasibility
      : null;
    expect(infeasibility?.code).toBe('weights-do-not-fit');
    expect(infeasibility?.message.en).toMatch(/^At TP 8, each GPU needs/);
    expect(infeasibility?.message['pt-BR']).toMatch(/^Com TP 8, cada GPU precisa/);
  });

  it('runs reads and writes against one database', async () => {
    const { api } = await started();
    const created = await api.call('projects.create', { name: 'Threads' });
    expect(created.ok).toBe(true);
    const listed = await api.call('projects.list', {});
    expect(listed.ok && (listed.result as { name: string }[]).map((p) => p.name)).toEqual(['Threads']);
    const sized = await api.call('sizing.scenario', { inputs: findTemplate('saas-startup')!.inputs });
    expect(sized.ok && (sized.result as { nodes: { total: number } }).nodes.total).toBe(1);
    const unknown = await api.call('projects.explode', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown_method');
  });

  it('a refused database rejects the start with the store refusal itself, and the file is untouched', async () => {
    const dbPath = join(tempDir(), 'notes.db');
    writeFileSync(dbPath, 'not a database at all, just notes');
    const refusal = await startApiService({ dbPath, workerFile: WORKER_FILE }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).message).toContain('not a project database');
    expect(readFileSync(dbPath, 'utf8')).toBe('not a database at all, just notes');
  });

  it("the host thread's event loop keeps turning, and reads answer, while a write waits for another program's lock", async () => {
    const { api, dbPath } = await started();
    holder = await holdWriteLock(dbPath);
    let writeAnswered = false;
    const write = api.call('projects.create', { name: 'after the lock' }).then((r) => ((writeAnswered = true), r));
    // A timer set after the write was sent fires before the write answers: nothing here waited on SQLite.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const read = await api.call('projects.list', {});
    expect([writeAnswered, holder.released(), read.ok]).toEqual([false, false, true]);
    await holder.release();
    expect((await write).ok).toBe(true);
  });

  it('announces a settings change after settings.set succeeds, and only then', async () => {
    const { api } = await started();
    const changes: string[] = [];
    api.onChange((change) => void changes.push(change));
    await api.call('settings.get', {});
    await api.call('settings.set', { theme: 'not-a-theme' });
    expect(changes).toEqual([]);
    expect((await api.call('settings.set', { lang: 'pt-BR' })).ok).toBe(true);
    expect(changes).toEqual(['settings']);
  });

  it('answers a change only after its listeners have finished', async () => {
    const { api } = await started();
    let menuLang = 'en';
    api.onChange(async () => {
      const settings = await api.call('settings.get', {});
      if (settings.ok) menuLang = (settings.result as { lang: string }).lang;
    });
    await api.call('settings.set', { lang: 'pt-BR' });
    expect(menuLang).toBe('pt-BR');
  });

  it("logs a slow call's method and duration, never its input", async () => {
    const { api, log } = await started({ slowCallMs: 0 });
    await api.call('projects.create', { name: 'Confidential client plan' });
    expect(log.map((e) => e.message)).toEqual([expect.stringMatching(/^slow API call: projects\.create took \d+ ms$/)]);
    expect(JSON.stringify(log)).not.toContain('Confidential');
  });

  it("writes the renderer's reported errors to the log, with their stacks", async () => {
    const { api, log } = await started();
    const r = await api.call('app.reportError', {
      source: 'vue',
      message: 'Cannot read properties of undefined',
      stack: 'TypeError: x\n    at render (App.vue:3)',
      info: 'render function',
    });
    expect(r).toEqual({ ok: true, result: { logged: true } });
    expect(log).toEqual([
      {
        level: 'error',
        message: 'renderer vue: Cannot read properties of undefined (render function)',
        stack: 'TypeError: x\n    at render (App.vue:3)',
      },
    ]);
  });
});
