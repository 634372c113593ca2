// Mutation testing (https://stryker-mutator.io/docs/stryker-js/configuration/ and
// https://stryker-mutator.io/docs/stryker-js/vitest-runner/): Stryker breaks the code one small
// change at a time and reruns the tests that cover it; a change no test notices is a gap.
// Run it with `npm run mutation` (test/mutation/run.mjs prints the score per folder).
import { FOLDERS } from './test/mutation/folders.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // The engine (less its catalog data), schemas, store and API; test/mutation/folders.mjs lists them.
  mutate: Object.values(FOLDERS).flat(),
  ignorePatterns: ['.land-test.log', 'release', 'test-results', 'playwright-report', 'reports'],
  plugins: ['@stryker-mutator/*', './test/mutation/ignorers.mjs'],
  ignorers: ['string-member-names'],
  reporters: ['json', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 10_000,
  // Static mutants (module-level constants) need a fresh module graph per mutant: slow, and the
  // figures they feed are covered by the tests of the functions that use them.
  ignoreStatic: true,
  thresholds: { high: 90, low: 80, break: null },
  // Reruns only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
