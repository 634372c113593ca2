import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sizing } from '../helpers/cli.js';

/** The README's "original command line, word for word" section: its command and the output it shows. */
function readmeExample(): { args: string[]; output: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('The original command line, word for word'));
  if (!section) throw new Error('README has no "The original command line, word for word" section');
  const command = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  const output = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!command || !output) throw new Error('the README section needs a sh block and a text block');
  const words = command.replace(/\\\n/g, ' ').trim().split(/\s+/);
  expect(words.slice(0, 2)).toEqual(['npx', 'sizing']);
  return { args: words.slice(2), output };
}

describe('the README example is the real output', () => {
  it('prints, character for character, what the README shows', () => {
    const { args, output } = readmeExample();
    const r = sizing(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(output);
  });
});
