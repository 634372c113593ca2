import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SIZING_BIN = join(ROOT, 'src-main', 'cli', 'sizing.mjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `sizing` command in a child process. */
export function sizing(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [SIZING_BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const CASE_1 = [
  '--model',
  'opt-oss-20b',
  '--server',
  'dgx200',
  '--storage',
  'profile_default',
  '--concurrency',
  '1000',
  '--effective-context',
  '32768',
  '--kv-precision',
  'fp8',
  '--kv-budget-ratio',
  '0.70',
  '--runtime-overhead-gib',
  '80',
  '--peak-headroom-ratio',
  '0.20',
  '--ha',
  'none',
];
export const CASE_3 = [
  '--model',
  'opt-oss-120b',
  '--server',
  'dgx300',
  '--storage',
  'profile_default',
  '--concurrency',
  '5000',
  '--effective-context',
  '131072',
  '--kv-precision',
  'fp8',
  '--kv-budget-ratio',
  '0.70',
  '--runtime-overhead-gib',
  '120',
  '--peak-headroom-ratio',
  '0.30',
  '--ha',
  'n+1',
];

/** The same, without blocking the test's event loop (for runs that must overlap other work); `onStderr` sees standard error as it arrives. */
export function sizingAsync(args: string[], env: Record<string, string> = {}, onStderr?: (soFar: string) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SIZING_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr);
    });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}
