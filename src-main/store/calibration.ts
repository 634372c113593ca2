import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { CalibrationProfile, StoredCalibrationProfile } from '../engine/index.js';
import { calibrationProfileSchema } from '../schemas/calibration.js';
import { both, withField } from '../i18n/text.js';
import { describeZodIssueText } from '../schemas/index.js';
import type { Db } from './database.js';
import { StoreError } from './errors.js';

interface ProfileRow {
  id: number;
  json: string;
  createdAt: string;
}

/** Calibration profiles: one per model × server × engine × TP; a newer log of the same key replaces the older. */
export class CalibrationRepo {
  constructor(private readonly db: Db) {}

  list(): StoredCalibrationProfile[] {
    return listProfiles(this.db);
  }

  /** Stores the profile; returns it with the one it replaced, if any. */
  save(profile: CalibrationProfile): { saved: StoredCalibrationProfile; replaced: StoredCalibrationProfile | null } {
    const checked = checkProfile(profile);
    const existing = this.db
      .prepare(
        'SELECT id, profile_json AS json, created_at AS createdAt FROM calibration_profiles WHERE model_id = ? AND server_id = ? AND engine = ? AND tp = ?',
      )
      .get(checked.modelId, checked.serverId, checked.engine, checked.tp) as ProfileRow | undefined;
    const replaced = existing ? parseRow(existing) : null;
    const now = new Date().toISOString();
    const json = JSON.stringify(checked);
    if (existing) {
      this.db
        .prepare('UPDATE calibration_profiles SET log_date = ?, profile_json = ?, created_at = ? WHERE id = ?')
        .run(checked.logDate, json, now, existing.id);
      return { saved: { ...checked, id: existing.id, createdAt: now }, replaced };
    }
    const info = this.db
      .prepare(
        'INSERT INTO calibration_profiles (model_id, server_id, engine, tp, log_date, profile_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(checked.modelId, checked.serverId, checked.engine, checked.tp, checked.logDate, json, now);
    return { saved: { ...checked, id: Number(info.lastInsertRowid), createdAt: now }, replaced };
  }

  delete(id: number): void {
    const info = this.db.prepare('DELETE FROM calibration_profiles WHERE id = ?').run(id);
    if (info.changes === 0)
      throw new StoreError('not-found', both(`no calibration profile with id ${id}`, `não há perfil de calibração com o id ${id}`), 'id');
  }
}

const LIST_SQL =
  'SELECT id, profile_json AS json, created_at AS createdAt FROM calibration_profiles ORDER BY model_id, server_id, engine, tp';

function listProfiles(db: Db): StoredCalibrationProfile[] {
  return (db.prepare(LIST_SQL).all() as ProfileRow[]).map(parseRow);
}

/**
 * The profiles in a project database, read without opening it as a store: the plain sizing command
 * must neither create nor migrate a database to size a scenario. No file, or a database from before
 * calibration profiles existed: none.
 */
export function readCalibrationProfiles(path: string): StoredCalibrationProfile[] {
  if (!existsSync(path)) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calibration_profiles'").get();
    return table ? listProfiles(db) : [];
  } finally {
    db.close();
  }
}

function checkProfile(profile: unknown): CalibrationProfile {
  const parsed = calibrationProfileSchema.safeParse(profile);
  if (!parsed.success) {
    const { field, text } = describeZodIssueText(parsed.error, ['profile']);
    throw new StoreError('invalid-data', withField(field, text), field);
  }
  return parsed.data;
}

function parseRow(row: ProfileRow): StoredCalibrationProfile {
  let value: unknown;
  try {
    value = JSON.parse(row.json);
  } catch {
    throw new StoreError(
      'invalid-data',
      both(
        `calibration profile ${row.id} is not valid JSON in the database`,
        `o perfil de calibração ${row.id} não é JSON válido no banco`,
      ),
    );
  }
  const parsed = calibrationProfileSchema.safeParse(value);
  if (!parsed.success) {
    const { field, text } = describeZodIssueText(parsed.error);
    throw new StoreError(
      'invalid-data',
      both(
        `calibration profile ${row.id} in the database is not valid: ${field}: ${text.en}`,
        `o perfil de calibração ${row.id} no banco não é válido: ${field}: ${text['pt-BR']}`,
      ),
      field,
    );
  }
  return { ...parsed.data, id: row.id, createdAt: row.createdAt };
}
