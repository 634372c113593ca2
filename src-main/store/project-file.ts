import { z } from 'zod';
import { mergeCatalog } from '../engine/catalogs/index.js';
import { describeIssue, validateInputs, validateRegions } from '../engine/index.js';
import type { RegionSpec, SizingInputs } from '../engine/types.js';
import {
  formatPath,
  inputsSchema,
  modelRecordSchema,
  nameSchema,
  notesSchema,
  priceOverrideSchema,
  regionsSchema,
  serverRecordSchema,
  storageRecordSchema,
} from '../schemas/index.js';
import type { CustomRecords } from './catalog.js';
import { StoreError } from './errors.js';
import type { Store } from './index.js';
import type { CustomKind } from '../schemas/index.js';

export const PROJECT_FILE_FORMAT = 'llm-sizing-planner/project';
export const PROJECT_FILE_VERSION = 1;
/** Larger files are refused before parsing: a project of 10,000 scenarios is far below this. */
export const MAX_PROJECT_FILE_BYTES = 50 * 1024 * 1024;

const scenarioEntry = z.strictObject({
  key: z.string().min(1).max(100),
  name: nameSchema,
  notes: notesSchema.default(''),
  variantOf: z.string().max(100).nullable().default(null),
  inputs: inputsSchema,
  regions: regionsSchema.default([]),
});

export const projectFileSchema = z.strictObject({
  format: z.literal(PROJECT_FILE_FORMAT, { error: `expected "${PROJECT_FILE_FORMAT}"` }),
  schemaVersion: z.literal(PROJECT_FILE_VERSION, { error: `this app reads project files of schema version ${PROJECT_FILE_VERSION}` }),
  exportedAt: z.string().max(100).optional(),
  project: z.strictObject({ name: nameSchema }),
  scenarios: z.array(scenarioEntry).max(100_000),
  customRecords: z
    .strictObject({
      models: z.array(modelRecordSchema).max(10_000).default([]),
      servers: z.array(serverRecordSchema).max(10_000).default([]),
      storage: z.array(storageRecordSchema).max(10_000).default([]),
      prices: z.array(priceOverrideSchema).max(10_000).default([]),
    })
    .default({ models: [], servers: [], storage: [], prices: [] }),
});

export type ProjectFile = z.infer<typeof projectFileSchema>;

export interface ImportProblem {
  path: string;
  message: string;
}

/** A project file that cannot be imported; nothing was written. */
export class ImportError extends StoreError {
  constructor(public readonly problems: ImportProblem[]) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super('invalid-data', `project file: ${first.path || '(file)'}: ${first.message}${more}`, first.path);
  }
}

/** The project, its scenarios (with regions and variants) and the custom records they use. */
export function exportProject(store: Store, projectId: number): ProjectFile {
  const project = store.projects.get(projectId);
  const scenarios = store.scenarios.list(projectId);
  const used = { model: new Set<string>(), server: new Set<string>(), storage: new Set<string>() };
  const note = (i: Partial<SizingInputs>) => {
    if (i.modelId) used.model.add(i.modelId);
    if (i.serverId) used.server.add(i.serverId);
    if (i.storageId) used.storage.add(i.storageId);
  };
  for (const s of scenarios) {
    note(s.inputs);
    for (const r of s.regions) note(r.overrides);
  }
  const custom = store.catalog.custom();
  return {
    format: PROJECT_FILE_FORMAT,
    schemaVersion: PROJECT_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    project: { name: project.name },
    scenarios: scenarios.map((s) => ({
      key: `s${s.id}`,
      name: s.name,
      notes: s.notes,
      variantOf: s.variantOf === null ? null : `s${s.variantOf}`,
      inputs: s.inputs,
      regions: s.regions.map((r) => ({ name: r.name, concurrency: r.concurrency, overrides: r.overrides })),
    })),
    customRecords: {
      models: custom.models.filter((m) => used.model.has(m.id)),
      servers: custom.servers.filter((s) => used.server.has(s.id)),
      storage: custom.storage.filter((s) => used.storage.has(s.id)),
      prices: custom.prices.filter((p) => used.server.has(p.id)),
    },
  };
}

/** Parses text as a project file, reporting every problem with its JSON path. */
export function parseProjectFile(text: string): ProjectFile {
  if (text.length > MAX_PROJECT_FILE_BYTES) throw new ImportError([{ path: '', message: `larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB` }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError([{ path: '', message: `not JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  return validateProjectFile(value);
}

export function validateProjectFile(value: unknown): ProjectFile {
  const parsed = projectFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new ImportError(
      parsed.error.issues.slice(0, 50).map((issue) => ({
        path: formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/**
 * Imports a validated file as a new project (fresh ids; a taken name gets a suffix), all or nothing.
 * Its scenarios must size against the built-in catalog plus the custom records of the file and the store.
 */
export function importProject(store: Store, file: ProjectFile): { projectId: number; name: string; scenarios: number } {
  return store.write(() => {
    const problems: ImportProblem[] = [];
    const stored = store.catalog.custom();
    const toAdd = reconcileCustomRecords(file.customRecords, stored, problems);
    const catalog = mergeCatalog({
      models: [...stored.models, ...toAdd.models],
      servers: [...stored.servers, ...toAdd.servers],
      storage: [...stored.storage, ...toAdd.storage],
    });
    checkScenarios(file, catalog, problems);
    if (problems.length > 0) throw new ImportError(problems);
    for (const [kind, records] of [['model', toAdd.models], ['server', toAdd.servers], ['storage', toAdd.storage], ['price', toAdd.prices]] as const) {
      for (const record of records) store.catalog.add(kind, record);
    }
    const project = store.projects.create(store.projects.freeName(file.project.name));
    const idOfKey = new Map<string, number>();
    // Parents first, so a variant can point at its parent's fresh id.
    const ordered = [...file.scenarios].sort((a, b) => Number(a.variantOf !== null) - Number(b.variantOf !== null));
    for (const s of ordered) {
      const row = store.scenarios.create({
        projectId: project.id,
        name: s.name,
        notes: s.notes,
        inputs: s.inputs as SizingInputs,
        regions: s.regions as never,
        variantOf: s.variantOf === null ? null : idOfKey.get(s.variantOf)!,
      });
      idOfKey.set(s.key, row.id);
    }
    return { projectId: project.id, name: project.name, scenarios: file.scenarios.length };
  });
}

const KINDS = [['models', 'model'], ['servers', 'server'], ['storage', 'storage'], ['prices', 'price']] as const;

/** Records identical to stored ones are reused; a different record under a stored id is a problem. */
function reconcileCustomRecords(fromFile: CustomRecords, stored: CustomRecords, problems: ImportProblem[]): CustomRecords {
  const toAdd: CustomRecords = { models: [], servers: [], storage: [], prices: [] };
  const builtIn = mergeCatalog({});
  const builtInIds: Record<Exclude<CustomKind, 'price'>, Set<string>> = {
    model: new Set(builtIn.models.map((m) => m.id)),
    server: new Set(builtIn.servers.map((s) => s.id)),
    storage: new Set(builtIn.storage.map((s) => s.id)),
  };
  for (const [group, kind] of KINDS) {
    const existing = new Map<string, unknown>((stored[group] as { id: string }[]).map((r) => [r.id, r]));
    (fromFile[group] as { id: string }[]).forEach((record, index) => {
      const path = `customRecords.${group}[${index}].id`;
      if (kind !== 'price' && builtInIds[kind].has(record.id)) {
        problems.push({ path, message: `"${record.id}" is a built-in ${kind} id; rename the custom record` });
        return;
      }
      const mine = existing.get(record.id);
      if (mine === undefined) (toAdd[group] as unknown[]).push(record);
      else if (JSON.stringify(mine) !== JSON.stringify(record)) {
        problems.push({ path, message: `a different custom ${kind} "${record.id}" already exists here; rename one of them` });
      }
    });
  }
  return toAdd;
}

function checkScenarios(file: ProjectFile, catalog: ReturnType<typeof mergeCatalog>, problems: ImportProblem[]): void {
  const keys = new Set<string>();
  const names = new Set<string>();
  file.scenarios.forEach((s, i) => {
    if (keys.has(s.key)) problems.push({ path: `scenarios[${i}].key`, message: `"${s.key}" is used twice` });
    keys.add(s.key);
    const lower = s.name.toLowerCase();
    if (names.has(lower)) problems.push({ path: `scenarios[${i}].name`, message: `"${s.name}" is used twice` });
    names.add(lower);
  });
  file.scenarios.forEach((s, i) => {
    if (s.variantOf !== null) {
      const parent = file.scenarios.find((p) => p.key === s.variantOf);
      if (!parent) problems.push({ path: `scenarios[${i}].variantOf`, message: `no scenario has key "${s.variantOf}"` });
      else if (parent.variantOf !== null) problems.push({ path: `scenarios[${i}].variantOf`, message: 'a variant must point at a scenario, not at another variant' });
    }
    for (const issue of validateInputs(s.inputs as SizingInputs, catalog)) {
      problems.push({ path: `scenarios[${i}].inputs.${issue.field}`, message: describeIssue(issue) });
    }
    for (const { path, issue } of validateRegions(s.inputs as SizingInputs, s.regions as RegionSpec[], catalog)) {
      problems.push({ path: `scenarios[${i}].${path}`, message: describeIssue(issue) });
    }
  });
}
