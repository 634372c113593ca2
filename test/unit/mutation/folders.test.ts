import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLDERS, mutatePatterns } from '../../mutation/folders.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('which files npm run mutation mutates', () => {
  it('all four folders when none is named, the catalog data left out', () => {
    const all = mutatePatterns(ROOT, []);
    expect(all).toEqual({ ok: true, folders: ['engine', 'schemas', 'store', 'api'], patterns: Object.values(FOLDERS).flat() });
    expect(all.ok && all.patterns).toContain('!src-main/engine/catalogs/models.ts');
  });

  it('a folder inside one of them, keeping the exclusions that fall inside it', () => {
    expect(mutatePatterns(ROOT, ['engine/calibration'])).toEqual({
      ok: true,
      folders: ['engine/calibration'],
      patterns: ['src-main/engine/calibration/**/*.ts'],
    });
    expect(mutatePatterns(ROOT, ['engine/catalogs', 'api'])).toEqual({
      ok: true,
      folders: ['engine/catalogs', 'api'],
      patterns: [
        'src-main/engine/catalogs/**/*.ts',
        '!src-main/engine/catalogs/models.ts',
        '!src-main/engine/catalogs/servers.ts',
        '!src-main/engine/catalogs/storage.ts',
        'src-main/api/**/*.ts',
      ],
    });
  });

  it.each(['renderer', 'engine/nowhere', 'engine/../store', 'export/pdf', 'engine/units.ts'])(
    'refuses %s, naming it and what is allowed',
    (folder) => {
      expect(mutatePatterns(ROOT, ['engine', folder])).toEqual({
        ok: false,
        message: `mutation: unknown folder ${folder}; allowed: engine, schemas, store, api, or a folder inside one of them such as engine/calibration`,
      });
    },
  );
});
