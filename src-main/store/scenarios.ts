import { inputsSchema, regionsSchema, describeZodIssue } from '../schemas/index.js';
import type { RegionSpec, SizingInputs } from '../engine/types.js';
import type { Db } from './database.js';
import { StoreError } from './errors.js';
import type { NewScenario, ScenarioChanges, ScenarioRow } from './types.js';

interface RawScenario {
  id: number;
  projectId: number;
  variantOf: number | null;
  name: string;
  notes: string;
  inputsJson: string;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `
  SELECT id, project_id AS projectId, variant_of AS variantOf, name, notes, inputs_json AS inputsJson,
         created_at AS createdAt, updated_at AS updatedAt
  FROM scenarios`;

export class ScenariosRepo {
  constructor(private readonly db: Db) {}

  /** Scenarios of a project, variants after their parents' siblings, by name. */
  list(projectId: number): ScenarioRow[] {
    const raws = this.db.prepare(`${SELECT} WHERE project_id = ? ORDER BY variant_of IS NOT NULL, name`).all(projectId) as RawScenario[];
    const regions = this.regionsOfProject(projectId);
    return raws.map((raw) => this.hydrate(raw, regions.get(raw.id) ?? []));
  }

  get(id: number): ScenarioRow {
    const raw = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as RawScenario | undefined;
    if (!raw) throw new StoreError('not-found', `no scenario with id ${id}`, 'id');
    return this.hydrate(raw, this.regionsOf(id));
  }

  findByName(projectId: number, name: string): ScenarioRow | undefined {
    const raw = this.db.prepare(`${SELECT} WHERE project_id = ? AND name = ?`).get(projectId, name) as RawScenario | undefined;
    return raw ? this.hydrate(raw, this.regionsOf(raw.id)) : undefined;
  }

  variantsOf(id: number): ScenarioRow[] {
    const raws = this.db.prepare(`${SELECT} WHERE variant_of = ? ORDER BY name`).all(id) as RawScenario[];
    return raws.map((raw) => this.hydrate(raw, this.regionsOf(raw.id)));
  }

  create(s: NewScenario): ScenarioRow {
    this.assertFree(s.projectId, s.name);
    const now = new Date().toISOString();
    const info = this.db
      .prepare('INSERT INTO scenarios (project_id, variant_of, name, notes, inputs_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(s.projectId, s.variantOf ?? null, s.name, s.notes ?? '', JSON.stringify(s.inputs), now, now);
    const id = Number(info.lastInsertRowid);
    this.writeRegions(id, s.regions ?? []);
    return this.get(id);
  }

  update(id: number, changes: ScenarioChanges): ScenarioRow {
    const current = this.get(id);
    if (changes.name !== undefined && changes.name !== current.name) this.assertFree(current.projectId, changes.name, id);
    this.db
      .prepare('UPDATE scenarios SET name = ?, notes = ?, inputs_json = ?, updated_at = ? WHERE id = ?')
      .run(changes.name ?? current.name, changes.notes ?? current.notes, JSON.stringify(changes.inputs ?? current.inputs), new Date().toISOString(), id);
    if (changes.regions) this.writeRegions(id, changes.regions);
    return this.get(id);
  }

  delete(id: number): ScenarioRow {
    const current = this.get(id);
    this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    return current;
  }

  freeName(projectId: number, name: string): string {
    if (!this.findByName(projectId, name)) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name} (${n})`;
      if (!this.findByName(projectId, candidate)) return candidate;
    }
  }

  private assertFree(projectId: number, name: string, exceptId?: number): void {
    const existing = this.db.prepare('SELECT id FROM scenarios WHERE project_id = ? AND name = ?').get(projectId, name) as { id: number } | undefined;
    if (existing && existing.id !== exceptId) throw new StoreError('conflict', `a scenario named "${name}" already exists in this project`, 'name');
  }

  private writeRegions(scenarioId: number, regions: RegionSpec[]): void {
    this.db.prepare('DELETE FROM regions WHERE scenario_id = ?').run(scenarioId);
    const insert = this.db.prepare('INSERT INTO regions (scenario_id, position, name, concurrency, overrides_json) VALUES (?, ?, ?, ?, ?)');
    regions.forEach((r, i) => insert.run(scenarioId, i, r.name, r.concurrency, JSON.stringify(r.overrides ?? {})));
  }

  private regionsOf(scenarioId: number): RegionSpec[] {
    const rows = this.db.prepare('SELECT scenario_id AS scenarioId, name, concurrency, overrides_json AS overridesJson FROM regions WHERE scenario_id = ? ORDER BY position').all(scenarioId) as RegionRaw[];
    return rows.map((r) => parseRegion(r));
  }

  private regionsOfProject(projectId: number): Map<number, RegionSpec[]> {
    const rows = this.db
      .prepare('SELECT r.scenario_id AS scenarioId, r.name, r.concurrency, r.overrides_json AS overridesJson FROM regions r JOIN scenarios s ON s.id = r.scenario_id WHERE s.project_id = ? ORDER BY r.scenario_id, r.position')
      .all(projectId) as RegionRaw[];
    const byScenario = new Map<number, RegionSpec[]>();
    for (const r of rows) {
      const list = byScenario.get(r.scenarioId) ?? [];
      list.push(parseRegion(r));
      byScenario.set(r.scenarioId, list);
    }
    return byScenario;
  }

  /** Stored JSON is an entry point too: a hand-edited or damaged row is reported, not trusted. */
  private hydrate(raw: RawScenario, regions: RegionSpec[]): ScenarioRow {
    const inputs = parseStored(raw.inputsJson, (v) => inputsSchema.safeParse(v), `scenario "${raw.name}" (id ${raw.id}) inputs`) as SizingInputs;
    const checked = regionsSchema.safeParse(regions);
    if (!checked.success) {
      const { field, message } = describeZodIssue(checked.error, ['regions']);
      throw new StoreError('invalid-data', `scenario "${raw.name}" (id ${raw.id}) has a stored region that is not valid: ${field}: ${message}`, field);
    }
    const { inputsJson: _, ...rest } = raw;
    return { ...rest, inputs, regions: checked.data as RegionSpec[] };
  }
}

interface RegionRaw {
  scenarioId: number;
  name: string;
  concurrency: number;
  overridesJson: string;
}

function parseRegion(r: RegionRaw): RegionSpec {
  let overrides: unknown;
  try {
    overrides = JSON.parse(r.overridesJson);
  } catch {
    overrides = null;
  }
  return { name: r.name, concurrency: r.concurrency, overrides: overrides as RegionSpec['overrides'] };
}

function parseStored<T>(json: string, parse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError }, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoreError('invalid-data', `${what} are not valid JSON in the database`);
  }
  const result = parse(value);
  if (!result.success) {
    const { field, message } = describeZodIssue(result.error);
    throw new StoreError('invalid-data', `${what} in the database are not valid: ${field}: ${message}`, field);
  }
  return result.data;
}
