import { z } from 'zod';
import { mergeCatalog } from '../engine/catalogs/index.js';
import { validateInputs, validateRegions } from '../engine/index.js';
import type { LocalizedText, RegionSpec, SizingInputs } from '../engine/types.js';
import { both, notAllowed } from '../i18n/text.js';
import { issueText } from '../schemas/issue-text.js';
import { assertWellFormedText, decodeUtf8, TextError } from '../schemas/text.js';
import {
  formatPath,
  nameKey,
  inputsSchema,
  modelRecordSchema,
  nameSchema,
  notesSchema,
  priceOverrideSchema,
  regionsSchema,
  serverRecordSchema,
  storageRecordSchema,
  bilingual,
} from '../schemas/index.js';
import type { CustomRecords } from './catalog.js';
import { DEFAULTS_BEFORE_VLLM_0_17, pinEngineVersions } from './engine-version-pins.js';
import { StoreError } from './errors.js';
import type { Store } from './index.js';
import type { CustomKind } from '../schemas/index.js';

const PROJECT_FILE_FORMAT = 'llm-sizing-planner/project';
/**
 * Version 2: an engine-method vLLM input without engineVersion means the default of its day, 0.17.
 * Version 1 files were written while that default was 0.11; they are read with 0.11 written out.
 */
const PROJECT_FILE_VERSION = 2;
const READABLE_VERSIONS = [1, PROJECT_FILE_VERSION] as const;
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

const projectFileSchema = z.strictObject({
  format: z.literal(PROJECT_FILE_FORMAT, { error: `expected "${PROJECT_FILE_FORMAT}"` }),
  schemaVersion: z.literal(READABLE_VERSIONS, {
    error: bilingual(
      `this app reads project files of schema version ${READABLE_VERSIONS.join(' or ')}`,
      `este app lê arquivos de projeto das versões ${READABLE_VERSIONS.join(' e ')} do esquema`,
    ),
  }),
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

type ProjectFile = z.infer<typeof projectFileSchema>;

interface ImportProblem {
  /** JSON path inside the file ('' for the file as a whole). */
  path: string;
  text: LocalizedText;
}

/** A project file that cannot be imported; nothing was written. */
class ImportError extends StoreError {
  constructor(public readonly problems: ImportProblem[]) {
    const first = problems[0]!;
    const others = problems.length - 1;
    super(
      'invalid-data',
      both(
        `project file: ${first.path || '(file)'}: ${first.text.en}${others > 0 ? ` (and ${others} more problem${others > 1 ? 's' : ''})` : ''}`,
        `arquivo de projeto: ${first.path || '(arquivo)'}: ${first.text['pt-BR']}${others > 0 ? ` (e mais ${others} problema${others > 1 ? 's' : ''})` : ''}`,
      ),
      first.path,
    );
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

/** A project file's bytes, as read from disk, as text: strict UTF-8; parseProjectFile reads the rest. */
export function decodeProjectFile(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_PROJECT_FILE_BYTES) throw tooLarge();
  try {
    return decodeUtf8(bytes);
  } catch (error) {
    if (error instanceof TextError) throw new ImportError([{ path: error.path, text: error.text }]);
    throw error;
  }
}

/** Parses text as a project file, reporting every problem with its JSON path. */
export function parseProjectFile(text: string): ProjectFile {
  if (text.length > MAX_PROJECT_FILE_BYTES) throw tooLarge();
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError([{ path: '', text: both(`not JSON (${reason})`, `não é JSON (${reason})`) }]);
  }
  return validateProjectFile(value);
}

function tooLarge(): ImportError {
  const mb = MAX_PROJECT_FILE_BYTES / 1024 / 1024;
  return new ImportError([
    { path: '', text: both(`larger than ${mb} MB; not a project file`, `maior que ${mb} MB; não é um arquivo de projeto`) },
  ]);
}

/** The file's shape and values, then everything that needs the whole file (keys, names, variants). */
export function validateProjectFile(value: unknown): ProjectFile {
  try {
    assertWellFormedText(value);
  } catch (error) {
    if (error instanceof TextError) throw new ImportError([{ path: error.path, text: error.text }]);
    throw error;
  }
  const parsed = projectFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new ImportError(
      parsed.error.issues.slice(0, 50).map((issue) => ({
        path: formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
        text: issueText(issue),
      })),
    );
  }
  const problems: ImportProblem[] = [];
  checkKeysAndVariants(parsed.data, problems);
  if (problems.length > 0) throw new ImportError(problems);
  return parsed.data.schemaVersion === PROJECT_FILE_VERSION ? parsed.data : withVersionsPinned(parsed.data);
}

/** A version 1 file as it was sized: each vLLM engine-method input keeps the 0.11 default of its day. */
function withVersionsPinned(file: ProjectFile): ProjectFile {
  const scenarios = file.scenarios.map((s) => {
    const stored = { inputs: s.inputs as SizingInputs, regions: s.regions as RegionSpec[] };
    const { inputs, regions } = pinEngineVersions(stored, 'vllm', DEFAULTS_BEFORE_VLLM_0_17);
    return { ...s, inputs, regions };
  });
  return { ...file, schemaVersion: PROJECT_FILE_VERSION, scenarios };
}

/** A validated file checked against a store's catalog: the custom records it would add. */
export interface ImportPlan {
  file: ProjectFile;
  toAdd: CustomRecords;
  /** The stored custom records the plan was made against. */
  storedJson: string;
}

interface ImportResult {
  projectId: number;
  name: string;
  scenarios: number;
}

/**
 * Writes a planned import (fresh ids; a taken name gets a suffix); call it inside a write
 * transaction. Planning checks every scenario before the transaction, so the database stays
 * locked only while rows are inserted; the plan is remade here only if another writer changed the
 * custom records since.
 */
export function applyImport(store: Store, planned: ImportPlan): ImportResult {
  const plan = JSON.stringify(store.catalog.custom()) === planned.storedJson ? planned : planImport(store, planned.file);
  const { file } = plan;
  for (const [kind, records] of [
    ['model', plan.toAdd.models],
    ['server', plan.toAdd.servers],
    ['storage', plan.toAdd.storage],
    ['price', plan.toAdd.prices],
  ] as const) {
    for (const record of records) store.catalog.add(kind, record);
  }
  const project = store.projects.create(store.projects.freeName(file.project.name));
  store.scenarios.insertTree(
    project.id,
    file.scenarios.map((s) => ({
      key: s.key,
      parentKey: s.variantOf,
      scenario: { name: s.name, notes: s.notes, inputs: s.inputs as SizingInputs, regions: s.regions as RegionSpec[] },
    })),
  );
  return { projectId: project.id, name: project.name, scenarios: file.scenarios.length };
}

/**
 * A file checked against the store: its scenarios must size against the built-in catalog plus the
 * custom records of the file and the store. Reads only; no lock is held.
 */
export function planImport(store: Store, file: ProjectFile): ImportPlan {
  const problems: ImportProblem[] = [];
  const stored = store.catalog.custom();
  const toAdd = reconcileCustomRecords(file.customRecords, stored, problems);
  const catalog = mergeCatalog({
    models: [...stored.models, ...toAdd.models],
    servers: [...stored.servers, ...toAdd.servers],
    storage: [...stored.storage, ...toAdd.storage],
  });
  checkSizable(file, catalog, problems);
  if (problems.length > 0) throw new ImportError(problems);
  return { file, toAdd, storedJson: JSON.stringify(stored) };
}

const KINDS = [
  ['models', 'model'],
  ['servers', 'server'],
  ['storage', 'storage'],
  ['prices', 'price'],
] as const;
const KIND_PT = { model: 'modelo', server: 'servidor', storage: 'storage', price: 'preço' } as const;

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
        problems.push({
          path,
          text: both(
            `"${record.id}" is a built-in ${kind} id; rename the custom record`,
            `"${record.id}" já existe no catálogo (${KIND_PT[kind]}); renomeie o registro próprio`,
          ),
        });
        return;
      }
      const mine = existing.get(record.id);
      if (mine === undefined) (toAdd[group] as unknown[]).push(record);
      else if (JSON.stringify(mine) !== JSON.stringify(record)) {
        problems.push({
          path,
          text: both(
            `a different custom ${kind} "${record.id}" already exists here; rename one of them`,
            `já existe aqui outro registro próprio (${KIND_PT[kind]}) "${record.id}"; renomeie um deles`,
          ),
        });
      }
    });
  }
  return toAdd;
}

/** Keys and names unique, variants pointing at a scenario that is not itself a variant: one pass with maps. */
function checkKeysAndVariants(file: ProjectFile, problems: ImportProblem[]): void {
  const byKey = new Map<string, ProjectFile['scenarios'][number]>();
  const names = new Set<string>();
  file.scenarios.forEach((s, i) => {
    if (byKey.has(s.key))
      problems.push({ path: `scenarios[${i}].key`, text: both(`"${s.key}" is used twice`, `"${s.key}" aparece duas vezes`) });
    else byKey.set(s.key, s);
    const folded = nameKey(s.name);
    if (names.has(folded))
      problems.push({ path: `scenarios[${i}].name`, text: both(`"${s.name}" is used twice`, `"${s.name}" aparece duas vezes`) });
    names.add(folded);
  });
  file.scenarios.forEach((s, i) => {
    if (s.variantOf === null) return;
    const parent = byKey.get(s.variantOf);
    if (!parent)
      problems.push({
        path: `scenarios[${i}].variantOf`,
        text: both(`no scenario has key "${s.variantOf}"`, `nenhum cenário tem a chave "${s.variantOf}"`),
      });
    else if (parent.variantOf !== null)
      problems.push({
        path: `scenarios[${i}].variantOf`,
        text: both(
          'a variant must point at a scenario, not at another variant',
          'uma variante deve apontar para um cenário, não para outra variante',
        ),
      });
  });
}

/** Every scenario and region sizes against the catalog the import would leave behind. */
function checkSizable(file: ProjectFile, catalog: ReturnType<typeof mergeCatalog>, problems: ImportProblem[]): void {
  file.scenarios.forEach((s, i) => {
    for (const issue of validateInputs(s.inputs as SizingInputs, catalog)) {
      problems.push({ path: `scenarios[${i}].inputs.${issue.field}`, text: notAllowed(issue.value, issue.allowedText) });
    }
    for (const { path, issue } of validateRegions(s.inputs as SizingInputs, s.regions as RegionSpec[], catalog)) {
      problems.push({ path: `scenarios[${i}].${path}`, text: notAllowed(issue.value, issue.allowedText) });
    }
  });
}
