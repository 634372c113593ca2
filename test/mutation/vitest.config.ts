import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/**
 * The tests a mutation run uses: the unit tests of the folders Stryker mutates (engine, schemas,
 * store and the API contract). They are the tests meant to pin those folders down; the
 * export, renderer and browser tests also reach the engine but would make every mutant cost
 * seconds more. Left out as well, because they cannot kill a mutant: tests that run the bundled
 * `sizing` or `sizing serve` in a child process, where Stryker's active mutant does not reach.
 * The few store tests that also call the command line use the bundle that test/mutation/run.mjs
 * builds before Stryker starts. The healthy-refusal tests run that bundle as an unprivileged user,
 * who cannot enter Stryker's sandbox folder (created private to its owner), and assert only on what
 * the child process printed.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/engine/**/*.test.ts',
      'test/unit/schemas/**/*.test.ts',
      'test/unit/store/**/*.test.ts',
      'test/unit/api/**/*.test.ts',
    ],
    exclude: ['test/unit/store/crash.test.ts', 'test/unit/store/healthy-refusals.test.ts', '**/node_modules/**'],
    globalSetup: [],
  },
});
