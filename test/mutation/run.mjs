// `npm run mutation [-- engine schemas store api]`: runs Stryker (stryker.config.mjs) on the named
// folders (all four by default; a folder inside one, such as engine/calibration, for a quicker run)
// and prints one JSON object: the mutation score of each folder and of the whole run, with the
// mutants no test noticed, so a reader can write the test that kills one.
// Scores follow Stryker's definition (https://stryker-mutator.io/docs/mutation-testing-elements/mutant-states-and-metrics/):
// detected (killed + timed out) over valid mutants (detected + survived + no coverage).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mutatePatterns } from './folders.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');

const asked = mutatePatterns(ROOT, process.argv.slice(2));
if (!asked.ok) {
  console.error(asked.message);
  process.exit(2);
}
const { folders } = asked;

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`mutation: ${command} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(1);
  }
}

// The store tests that call the command line need its bundle; Stryker copies it into its sandbox.
run(process.execPath, ['build.config.mjs', 'node']);
const mutate = asked.patterns.join(',');
const started = Date.now();
// Stryker's own progress goes to stderr so that stdout carries only the JSON result.
const stryker = spawnSync(
  process.execPath,
  ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.mjs', '--mutate', mutate],
  {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, 'inherit'],
  },
);
if (stryker.status !== 0) {
  console.error(`mutation: Stryker failed (exit ${stryker.status})`);
  process.exit(1);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function tally(entries) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  const undetected = [];
  for (const [file, mutant] of entries) {
    if (mutant.status === 'Killed') counts.killed++;
    else if (mutant.status === 'Timeout') counts.timeout++;
    else if (mutant.status === 'Survived') counts.survived++;
    else if (mutant.status === 'NoCoverage') counts.noCoverage++;
    else if (mutant.status === 'Ignored') counts.ignored++;
    else counts.errors++;
    if (UNDETECTED.has(mutant.status)) {
      undetected.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName} → ${mutant.replacement ?? ''}`.slice(0, 160));
    }
  }
  const detected = entries.filter(([, m]) => DETECTED.has(m.status)).length;
  const valid = detected + entries.filter(([, m]) => UNDETECTED.has(m.status)).length;
  const scorePercent = valid === 0 ? null : Math.round((1000 * detected) / valid) / 10;
  return { scorePercent, ...counts, undetected };
}

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const all = Object.entries(report.files).flatMap(([file, { mutants }]) => mutants.map((m) => [relative(ROOT, join(ROOT, file)), m]));
const byFolder = Object.fromEntries(
  folders.map((folder) => [folder, tally(all.filter(([file]) => file.startsWith(`src-main/${folder}/`)))]),
);
const { undetected: _all, ...total } = tally(all);
console.log(JSON.stringify({ mutation: { folders: byFolder, total, minutes: Math.round((Date.now() - started) / 6000) / 10 } }, null, 2));
