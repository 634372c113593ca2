import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { BUILT_IN_CATALOG, readCalibration, type CalibrationProfile } from '../../../src-main/engine/index.js';
import { VLLM_V1_LLAMA_H100 } from '../engine/calibration/logs.js';

/** How many calibration profiles a database file holds, read straight from SQLite (0 when there is no file). */
export function storedProfileCount(path: string): number {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM calibration_profiles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The profile a real vLLM start-up log (Llama 3.1 8B on one H100, vLLM 0.11) gives, read as `sizing calibrate` reads it. */
export function llamaH100Profile(source = 'startup.log'): CalibrationProfile {
  const reading = readCalibration(
    { text: VLLM_V1_LLAMA_H100, source, today: { year: 2025, month: 11, day: 2 }, serverId: 'dgx100' },
    BUILT_IN_CATALOG,
  );
  if (!reading.ok || !reading.reading.profile) throw new Error('the test log gives no profile');
  return reading.reading.profile;
}
