import { createHash } from 'node:crypto';
import type { Db } from './database.js';
import { pinStoredVllmVersions } from './engine-version-pins.js';

/** Append-only: never edit or reorder a shipped migration; add a new one. The checksum enforces it. */
interface Migration {
  id: number;
  name: string;
  sql: string;
  /** Rewrites stored rows after the SQL, in the same transaction; frozen with its migration, as the SQL is. */
  data?: (db: Db) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'projects, scenarios, regions, variants, custom catalog, settings',
    sql: `
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        -- A variant is a scenario cloned from another with changes; it goes when its parent goes.
        variant_of INTEGER REFERENCES scenarios(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        notes TEXT NOT NULL DEFAULT '',
        inputs_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, name)
      );
      CREATE INDEX scenarios_by_project ON scenarios(project_id);
      CREATE INDEX scenarios_by_parent ON scenarios(variant_of);
      CREATE TABLE regions (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
        overrides_json TEXT NOT NULL DEFAULT '{}',
        UNIQUE (scenario_id, position)
      );
      CREATE TABLE custom_records (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('model', 'server', 'storage', 'price')),
        record_id TEXT NOT NULL,
        record_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, record_id)
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'calibration profiles from engine start-up logs',
    sql: `
      CREATE TABLE calibration_profiles (
        id INTEGER PRIMARY KEY,
        model_id TEXT NOT NULL,
        server_id TEXT NOT NULL,
        engine TEXT NOT NULL CHECK (engine IN ('vllm', 'sglang')),
        tp INTEGER NOT NULL CHECK (tp >= 1),
        log_date TEXT NOT NULL,
        profile_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- One profile per model × server × engine × TP: a newer log of the same key replaces the older.
        UNIQUE (model_id, server_id, engine, tp)
      );
    `,
  },
  {
    id: 3,
    name: 'engine-method vLLM inputs keep the version they were sized with (0.11) before the default moves to 0.17',
    sql: `
      -- No table changes. The data step writes engineVersion "0.11" into every stored engine-method
      -- vLLM input (scenarios, variants, region overrides) that left it to the default.
    `,
    data: pinStoredVllmVersions,
  },
];

export function migrationChecksum(m: Migration): string {
  return createHash('sha256').update(m.sql.replace(/\s+/g, ' ').trim()).digest('hex');
}
