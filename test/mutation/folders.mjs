// Which source files `npm run mutation -- <folder>` mutates: one of the four folders Stryker covers,
// or a folder inside one of them (`engine/calibration`) for a quick run while killing its survivors.
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The catalogs are data (figures with their sources), checked by the reference cases. */
const ENGINE_DATA = ['!src-main/engine/catalogs/models.ts', '!src-main/engine/catalogs/servers.ts', '!src-main/engine/catalogs/storage.ts'];

export const FOLDERS = {
  engine: ['src-main/engine/**/*.ts', ...ENGINE_DATA],
  schemas: ['src-main/schemas/**/*.ts'],
  store: ['src-main/store/**/*.ts'],
  api: ['src-main/api/**/*.ts'],
};

function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The Stryker `mutate` patterns for the folders asked (all four when none), or a one-line message
 * naming the argument at fault and what is allowed.
 */
export function mutatePatterns(root, asked) {
  const folders = asked.length > 0 ? asked : Object.keys(FOLDERS);
  const patterns = [];
  for (const folder of folders) {
    const top = folder.split('/')[0];
    const inside = folder.includes('/') && !folder.includes('..') && top in FOLDERS;
    if (folder in FOLDERS) patterns.push(...FOLDERS[folder]);
    else if (inside && isFolder(join(root, 'src-main', folder))) {
      const excluded = FOLDERS[top].filter((p) => p.startsWith(`!src-main/${folder}/`));
      patterns.push(`src-main/${folder}/**/*.ts`, ...excluded);
    } else {
      const allowed = `${Object.keys(FOLDERS).join(', ')}, or a folder inside one of them such as engine/calibration`;
      return { ok: false, message: `mutation: unknown folder ${folder}; allowed: ${allowed}` };
    }
  }
  return { ok: true, folders, patterns };
}
