import { defineConfig } from '@playwright/test';

/**
 * Specs that need the real Electron binary: `npm run test:electron` (which builds the app and
 * better-sqlite3 for Electron first). The default `playwright test` and Vitest never load them.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Each test launches its own Electron with its own data folder; one at a time keeps 2-core machines responsive.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: 'list',
  outputDir: '../../../test-results/electron',
});
