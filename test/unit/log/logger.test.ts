import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, formatEntry, redact } from '../../../src-main/log/logger.js';
import { tempDir } from '../helpers/temp.js';

const AT = new Date('2026-03-01T12:00:00.000Z');

describe('the log file', () => {
  it('writes one line per entry with its time and level, and the stack indented below', () => {
    const folder = join(tempDir(), 'logs');
    const log = createFileLogger({ folder, now: () => AT });
    log({
      level: 'error',
      message: 'projects.create: internal error: disk I/O error',
      stack: 'Error: disk I/O error\n    at write (store.ts:10:5)',
    });
    log({ level: 'warn', message: 'slow API call: export.scenario took 812 ms' });
    expect(readFileSync(log.file, 'utf8')).toBe(
      '2026-03-01T12:00:00.000Z ERROR projects.create: internal error: disk I/O error\n' +
        '    Error: disk I/O error\n' +
        '    at write (store.ts:10:5)\n' +
        '2026-03-01T12:00:00.000Z WARN  slow API call: export.scenario took 812 ms\n',
    );
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const folder = tempDir();
    const log = createFileLogger({ folder, maxFileBytes: 200, keepFiles: 3, now: () => AT });
    for (let i = 0; i < 40; i++) log({ level: 'info', message: `entry ${String(i).padStart(3, '0')} ${'x'.repeat(40)}` });
    expect(readdirSync(folder).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(200);
    // The newest entry is in main.log, the ones just before it in main.1.log.
    expect(readFileSync(join(folder, 'main.log'), 'utf8')).toContain('entry 039');
    expect(readFileSync(join(folder, 'main.1.log'), 'utf8')).not.toContain('entry 039');
    expect(readFileSync(join(folder, 'main.2.log'), 'utf8')).not.toContain('entry 000');
  });

  it('never writes a token: bearer headers, token= parameters and the given secrets', () => {
    const secret = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA';
    const text = `GET http://127.0.0.1:5173/#token=${secret} Authorization: Bearer ${secret} and ${secret} again`;
    expect(redact(text, [secret])).toBe(
      'GET http://127.0.0.1:5173/#token=[redacted] Authorization: Bearer [redacted] and [redacted] again',
    );
    expect(formatEntry({ level: 'error', message: text, stack: `at x (${secret})` }, AT, [secret])).not.toContain(secret);
  });

  it('cuts a very long message instead of writing it all', () => {
    expect(redact('y'.repeat(10_000)).length).toBeLessThan(4100);
  });

  it('a folder that cannot be written never throws', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'a file where the log folder would be');
    const log = createFileLogger({ folder: join(file, 'logs') });
    expect(() => log({ level: 'error', message: 'nowhere to go' })).not.toThrow();
    expect(existsSync(join(file, 'logs'))).toBe(false);
  });
});
