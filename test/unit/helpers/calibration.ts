import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

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
