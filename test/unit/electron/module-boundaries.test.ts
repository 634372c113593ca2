import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = 'src-main/electron';

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ specifier: m[2]!, typeOnly: Boolean(m[1]) }));
}

describe('Electron shell module boundaries', () => {
  it.each(['trust.ts', 'protocol-paths.ts', 'window-state.ts', 'menu-template.ts', 'dialog-requests.ts'])(
    '%s stays free of electron, so Vitest can run it',
    (file) => {
      expect(importsOf(`${dir}/${file}`).map((i) => i.specifier)).not.toContain('electron');
    },
  );

  it('the sandboxed preload imports only electron and the pure bridge contract', () => {
    expect(
      importsOf(`${dir}/preload.ts`)
        .map((i) => i.specifier)
        .sort(),
    ).toEqual(['../api/bridge.js', 'electron']);
    expect(importsOf('src-main/api/bridge.ts').every((i) => i.typeOnly)).toBe(true);
  });
});
