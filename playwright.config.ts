import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './test/e2e/fixtures/chromium';

/**
 * Browser tests of the renderer against a real `sizing serve` per test (test/e2e/fixtures).
 * The Electron specs have their own config (test/e2e/electron) and need the Electron binary.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testIgnore: ['electron/**'],
  testMatch: '*.spec.ts',
  globalSetup: './test/e2e/fixtures/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Whole user flows (a catalog record, a project, a scenario, a deletion) on a busy two-core machine
  // took 18 s alone and over 30 s beside other work: a time limit catches a hang, not a slow machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: CHROMIUM,
    trace: 'retain-on-failure',
  },
});
