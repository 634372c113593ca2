import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../schemas/index.js';
import type { Db } from './database.js';

/** Settings live as one JSON value per key; unknown or invalid stored values fall back to defaults. */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value_json AS json FROM settings').all() as { key: string; json: string }[];
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const row of rows) {
      if (!(row.key in DEFAULT_SETTINGS)) continue;
      try {
        merged[row.key] = JSON.parse(row.json);
      } catch {
        // A damaged value is ignored: the default stands in, and the next save repairs it.
      }
    }
    const parsed = settingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    // Keep each valid stored value; replace only the invalid ones.
    const repaired = { ...merged };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof Settings;
      (repaired as Record<string, unknown>)[key] = DEFAULT_SETTINGS[key];
    }
    return settingsSchema.parse(repaired);
  }

  set(changes: Partial<Settings>): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
    );
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
    return this.get();
  }
}
