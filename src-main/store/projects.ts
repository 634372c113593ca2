import type { Db } from './database.js';
import { both } from '../i18n/text.js';
import { normalizeName } from '../schemas/index.js';
import { StoreError } from './errors.js';
import type { ProjectRow } from './types.js';

const SELECT = `
  SELECT p.id, p.name, p.created_at AS createdAt, p.updated_at AS updatedAt,
         (SELECT count(*) FROM scenarios s WHERE s.project_id = p.id) AS scenarioCount
  FROM projects p`;

export class ProjectsRepo {
  constructor(private readonly db: Db) {}

  list(search = ''): ProjectRow[] {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db.prepare(`${SELECT} WHERE p.name LIKE ? ESCAPE '\\' ORDER BY p.updated_at DESC, p.id DESC`).all(pattern) as ProjectRow[];
  }

  get(id: number): ProjectRow {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    if (!row) throw new StoreError('not-found', both(`no project with id ${id}`, `não há projeto com o id ${id}`), 'id');
    return row;
  }

  findByName(name: string): ProjectRow | undefined {
    return this.db.prepare(`${SELECT} WHERE p.name = ?`).get(normalizeName(name)) as ProjectRow | undefined;
  }

  create(rawName: string): ProjectRow {
    const name = normalizeName(rawName);
    this.assertFree(name);
    const now = new Date().toISOString();
    const info = this.db.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now);
    return this.get(Number(info.lastInsertRowid));
  }

  rename(id: number, rawName: string): ProjectRow {
    const name = normalizeName(rawName);
    this.get(id);
    this.assertFree(name, id);
    this.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
    return this.get(id);
  }

  delete(id: number): void {
    const info = this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    if (info.changes === 0) throw new StoreError('not-found', both(`no project with id ${id}`, `não há projeto com o id ${id}`), 'id');
  }

  touch(id: number): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }

  /** A free name: the name itself, else "name (2)", "name (3)"… (used by import). */
  freeName(name: string): string {
    if (!this.findByName(name)) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name} (${n})`;
      if (!this.findByName(candidate)) return candidate;
    }
  }

  private assertFree(name: string, exceptId?: number): void {
    const existing = this.findByName(name);
    if (existing && existing.id !== exceptId)
      throw new StoreError('conflict', both(`a project named "${name}" already exists`, `já existe um projeto chamado "${name}"`), 'name');
  }
}
