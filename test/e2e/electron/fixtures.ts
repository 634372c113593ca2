import { _electron as electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SizingBridge } from '../../../src-main/api/bridge.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The page's globals as these specs use them (this tsconfig has no DOM library). */
export interface PageGlobals {
  sizingApi: SizingBridge;
  document: { body: { dataset: Record<string, string | undefined> } | null };
  location: { href: string };
  open(url: string): unknown;
}

interface AppFixtures {
  dataDir: string;
  app: ElectronApplication;
  /** The main window, after the renderer set its ready marker. */
  page: Page;
}

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

export const test = base.extend<AppFixtures>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sizing-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    const app = await electron.launch({
      // Chromium will not start as root (CI containers) with its OS sandbox; the renderer's own
      // sandbox preference, which these specs check, is unaffected.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'out/main/main.cjs'],
      cwd: repoRoot,
      env: {
        ...inheritedEnv(),
        SIZING_DB: join(dataDir, 'projects.db'),
        // userData (window state, Chromium profile, single-instance lock) follows these: see store/paths.ts.
        XDG_DATA_HOME: dataDir,
        APPDATA: dataDir,
        ...(process.platform === 'darwin' ? { HOME: dataDir } : {}),
      },
    });
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body?.dataset.ready === 'true');
    await use(page);
  },
});

export { expect } from '@playwright/test';
