import { both } from '../i18n/text.js';
import { describeZodIssueText, inputsSchema, normalizeName, regionsSchema } from '../schemas/index.js';
import type { LocalizedText, RegionSpec, SizingInputs } from '../engine/types.js';
import type { Statement } from 'better-sqlite3';
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
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** Each statement compiled once: a large import inserts tens of thousands of rows with the same few. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Scenarios of a project, variants after their parents' siblings, by name. */
  list(projectId: number): ScenarioRow[] {
    const raws = this.sql(`${SELECT} WHERE project_id = ? ORDER BY variant_of IS NOT NULL, name`).all(projectId) as RawScenario[];
    const regions = this.regionsOfProject(projectId);
    return raws.map((raw) => this.hydrate(raw, regions.get(raw.id) ?? []));
  }

  get(id: number): ScenarioRow {
    const raw = this.sql(`${SELECT} WHERE id = ?`).get(id) as RawScenario | undefined;
    if (!raw) throw new StoreError('not-found', both(`no scenario with id ${id}`, `não há cenário com o id ${id}`), 'id');
    return this.hydrate(raw, this.regionsOf(id));
  }

  findByName(projectId: number, name: string): ScenarioRow | undefined {
    const raw = this.sql(`${SELECT} WHERE project_id = ? AND name = ?`).get(projectId, normalizeName(name)) as RawScenario | undefined;
    return raw ? this.hydrate(raw, this.regionsOf(raw.id)) : undefined;
  }

  variantsOf(id: number): ScenarioRow[] {
    const raws = this.sql(`${SELECT} WHERE variant_of = ? ORDER BY name`).all(id) as RawScenario[];
    return raws.map((raw) => this.hydrate(raw, this.regionsOf(raw.id)));
  }

  create(s: NewScenario): ScenarioRow {
    return this.get(this.insert(s, new Date().toISOString()));
  }

  /**
   * Many scenarios of one project at once (an import): parents before their variants, each
   * variant pointing at its parent's fresh id. Rows are not read back, so a large import holds
   * the write lock only for the inserts.
   */
  insertTree(
    projectId: number,
    entries: { key: string; parentKey: string | null; scenario: Omit<NewScenario, 'projectId' | 'variantOf'> }[],
  ): void {
    const now = new Date().toISOString();
    const idOfKey = new Map<string, number>();
    const ordered = [...entries].sort((a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null));
    for (const entry of ordered) {
      const variantOf = entry.parentKey === null ? null : idOfKey.get(entry.parentKey)!;
      idOfKey.set(entry.key, this.insert({ ...entry.scenario, projectId, variantOf }, now));
    }
  }

  private insert(s: NewScenario, now: string): number {
    const name = normalizeName(s.name);
    this.assertFree(s.projectId, name);
    const info = this.sql(
      'INSERT INTO scenarios (project_id, variant_of, name, notes, inputs_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(s.projectId, s.variantOf ?? null, name, s.notes ?? '', JSON.stringify(s.inputs), now, now);
    const id = Number(info.lastInsertRowid);
    this.insertRegions(id, s.regions ?? []);
    return id;
  }

  update(id: number, changes: ScenarioChanges): ScenarioRow {
    const current = this.get(id);
    const name = changes.name === undefined ? current.name : normalizeName(changes.name);
    if (name !== current.name) this.assertFree(current.projectId, name, id);
    this.sql('UPDATE scenarios SET name = ?, notes = ?, inputs_json = ?, updated_at = ? WHERE id = ?').run(
      name,
      changes.notes ?? current.notes,
      JSON.stringify(changes.inputs ?? current.inputs),
      new Date().toISOString(),
      id,
    );
    if (changes.regions) this.writeRegions(id, changes.regions);
    return this.get(id);
  }

  delete(id: number): ScenarioRow {
    const current = this.get(id);
    this.sql('DELETE FROM scenarios WHERE id = ?').run(id);
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
    const existing = this.sql('SELECT id FROM scenarios WHERE project_id = ? AND name = ?').get(projectId, name) as
      { id: number } | undefined;
    if (existing && existing.id !== exceptId)
      throw new StoreError(
        'conflict',
        both(`a scenario named "${name}" already exists in this project`, `já existe um cenário chamado "${name}" neste projeto`),
        'name',
      );
  }

  private writeRegions(scenarioId: number, regions: RegionSpec[]): void {
    this.sql('DELETE FROM regions WHERE scenario_id = ?').run(scenarioId);
    this.insertRegions(scenarioId, regions);
  }

  private insertRegions(scenarioId: number, regions: RegionSpec[]): void {
    const insert = this.sql('INSERT INTO regions (scenario_id, position, name, concurrency, overrides_json) VALUES (?, ?, ?, ?, ?)');
    regions.forEach((r, i) => insert.run(scenarioId, i, r.name, r.concurrency, JSON.stringify(r.overrides ?? {})));
  }

  private regionsOf(scenarioId: number): RegionSpec[] {
    const rows = this.sql(
      'SELECT scenario_id AS scenarioId, name, concurrency, overrides_json AS overridesJson FROM regions WHERE scenario_id = ? ORDER BY position',
    ).all(scenarioId) as RegionRaw[];
    return rows.map((r) => parseRegion(r));
  }

  private regionsOfProject(projectId: number): Map<number, RegionSpec[]> {
    const rows = this.sql(
      'SELECT r.scenario_id AS scenarioId, r.name, r.concurrency, r.overrides_json AS overridesJson FROM regions r JOIN scenarios s ON s.id = r.scenario_id WHERE s.project_id = ? ORDER BY r.scenario_id, r.position',
    ).all(projectId) as RegionRaw[];
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
    const what = both(`scenario "${raw.name}" (id ${raw.id}) inputs`, `as entradas do cenário "${raw.name}" (id ${raw.id})`);
    const inputs = parseStored(raw.inputsJson, (v) => inputsSchema.safeParse(v), what) as SizingInputs;
    const checked = regionsSchema.safeParse(regions);
    if (!checked.success) {
      const { field, text } = describeZodIssueText(checked.error, ['regions']);
      throw new StoreError(
        'invalid-data',
        both(
          `scenario "${raw.name}" (id ${raw.id}) has a stored region that is not valid: ${field}: ${text.en}`,
          `o cenário "${raw.name}" (id ${raw.id}) tem uma região salva que não é válida: ${field}: ${text['pt-BR']}`,
        ),
        field,
      );
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

function parseStored<T>(
  json: string,
  parse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError },
  what: LocalizedText,
): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoreError(
      'invalid-data',
      both(`${what.en} are not valid JSON in the database`, `${what['pt-BR']} não são JSON válido no banco`),
    );
  }
  const result = parse(value);
  if (!result.success) {
    const { field, text } = describeZodIssueText(result.error);
    throw new StoreError(
      'invalid-data',
      both(
        `${what.en} in the database are not valid: ${field}: ${text.en}`,
        `${what['pt-BR']} no banco não são válidas: ${field}: ${text['pt-BR']}`,
      ),
      field,
    );
  }
  return result.data;
}
