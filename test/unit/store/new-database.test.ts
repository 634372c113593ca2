import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/index.js';
import { tempDir } from '../helpers/temp.js';

/** Another program watching the path: reports whether it ever saw the file exist with 0 bytes. */
const WATCHER = `
const { statSync } = require('node:fs');
const path = process.argv[1];
let sawEmpty = false;
process.stdout.write('ready\\n');
const until = Date.now() + 5000;
for (;;) {
  let size = -1;
  try { size = statSync(path).size; } catch {}
  if (size === 0) sawEmpty = true;
  if (size > 0 || Date.now() > until) break;
}
process.stdout.write(sawEmpty ? 'empty' : 'never-empty');
`;

function watch(path: string): { ready: Promise<void>; verdict: Promise<string> } {
  const child = spawn(process.execPath, ['-e', WATCHER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const verdict = new Promise<string>((resolve) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) onReady();
    });
    child.on('exit', () => resolve(out.replace('ready\n', '')));
  });
  return { ready, verdict };
}

describe('a new project database appears complete or not at all', () => {
  it("another program never sees the new file empty (it would be taken for a user's empty file), and no draft is left", async () => {
    const dir = tempDir();
    const verdicts: string[] = [];
    for (let round = 0; round < 8; round++) {
      const path = join(dir, `new-${round}.db`);
      const watcher = watch(path);
      await watcher.ready;
      openStore(path).close();
      verdicts.push(await watcher.verdict);
    }
    expect(verdicts).toEqual(Array(8).fill('never-empty'));
    expect(readdirSync(dir).filter((f) => !/^new-\d\.db$/.test(f))).toEqual([]);
  });
});
