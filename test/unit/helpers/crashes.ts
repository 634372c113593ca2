import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEMPLATES } from '../../../src-main/engine/index.js';
import { openStore } from '../../../src-main/store/index.js';

/**
 * Runs a child that prints one acknowledged write per line (only after its commit returned), and
 * SIGKILLs it `delayMs` after it has acknowledged `atLeast`. Resolves with every line it printed.
 */
export function killMidStream(script: string, args: string[], atLeast: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    let scheduled = false;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      acknowledged.push(...lines);
      if (!scheduled && acknowledged.length >= atLeast) {
        scheduled = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`ended on its own (${code}): ${stderr}`)),
    );
  });
}

/** A real project database with rows across many pages, checkpointed so the main file holds them all. */
export function populatedDb(dir: string, name = 'full.db'): string {
  const path = join(dir, name);
  const store = openStore(path);
  store.write(() => {
    const p = store.projects.create('big');
    for (let i = 0; i < 300; i++)
      store.scenarios.create({ projectId: p.id, name: `s${i}`, notes: 'n'.repeat(500), inputs: TEMPLATES[0]!.inputs });
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return path;
}
