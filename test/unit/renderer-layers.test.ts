import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIB = fileURLToPath(new URL('../../src-renderer/lib/', import.meta.url));

describe('renderer layers', () => {
  it('lib/ is used by components and views and never imports them', () => {
    const offenders = readdirSync(LIB)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(join(LIB, file), 'utf8').matchAll(/from '(\.\.\/(?:components|views)\/[^']+)'/g)].map((m) => `${file}: ${m[1]}`),
      );
    expect(offenders).toEqual([]);
  });
});
