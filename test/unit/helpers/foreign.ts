import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { bundleFixture } from './bundle.js';
import { SIZING_BIN, type CliRun } from './cli.js';

/** The unprivileged account tests use where root would ignore permissions (read-only files and folders). */
export const NOBODY = { uid: 65534, gid: 65534 };
export const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** Runs the real `sizing` as another user (root may start a child as any user). */
export function sizingAs(user: { uid: number; gid: number }, args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [SIZING_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
    uid: user.uid,
    gid: user.gid,
    cwd: '/',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Opens a folder (and the temporary folder above it) to every user, so an unprivileged child can reach it. */
export function openToEveryone(...paths: string[]): void {
  for (const path of paths) chmodSync(path, 0o777);
}

interface LockHolder {
  pid: number;
  release: () => Promise<void>;
}

let holderScript: Promise<string> | undefined;

/**
 * Another program holding the database's lock (see fixtures/lock-holder.ts): `exclusive` blocks
 * readers and writers, `write` blocks writers. Resolves once the lock is held.
 */
export async function holdLock(db: string, mode: 'exclusive' | 'write', holdMs?: number): Promise<LockHolder> {
  holderScript ??= bundleFixture('test/unit/fixtures/lock-holder.ts', 'lock-holder');
  const script = await holderScript;
  const child: ChildProcess = spawn(process.execPath, [script, db, mode, ...(holdMs === undefined ? [] : [String(holdMs)])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    // Rejects only while the lock is not yet held; a settled promise ignores it afterwards.
    child.once('exit', (code) => reject(new Error(`lock holder ended before holding the lock (${code}): ${err}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const held = /held (\d+)/.exec(out);
      if (!held) return;
      resolve({
        pid: Number(held[1]),
        release: async () => {
          child.stdin!.end();
          await exited;
        },
      });
    });
  });
}
