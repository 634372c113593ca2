import { spawnSync } from 'node:child_process';

/** Child-process tests run the real bundled `sizing`: build it once from the current sources. */
export default function setup(): void {
  const r = spawnSync(process.execPath, ['build.config.mjs', 'node'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the command line failed');
}
