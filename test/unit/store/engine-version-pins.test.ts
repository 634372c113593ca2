import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, createApiContext } from '../../../src-main/api/index.js';
import {
  findTemplate,
  planScenario,
  BUILT_IN_CATALOG,
  type RegionSpec,
  type SizingInputs,
  type SizingResult,
} from '../../../src-main/engine/index.js';
import { pinStoredVllmVersions } from '../../../src-main/store/engine-version-pins.js';
import { MIGRATIONS } from '../../../src-main/store/migrations.js';
import { openStore, type Store } from '../../../src-main/store/index.js';
import { llamaH100Profile } from '../helpers/calibration.js';
import { sizing } from '../helpers/cli.js';
import { ok, tempDir, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;
/** Llama 3.1 8B on one H100 per replica: where vLLM 0.11's sorting sampler and 0.17's in-place masking differ most. */
const vllm: SizingInputs = {
  ...saas,
  method: 'engine',
  modelId: 'llama-3.1-8b',
  serverId: 'dgx100',
  effectiveContextTokens: 16000,
  kvPrecision: 'auto',
  tp: 1,
  calibration: 'off',
};
const sglang: SizingInputs = { ...vllm, servingEngine: 'sglang' };

interface Entry {
  name: string;
  inputs: SizingInputs;
  regions?: RegionSpec[];
  variantOf?: string;
}

/** What a user may have kept before the default moved: every way an engine-method input reaches a vLLM version. */
const SCENARIOS: Entry[] = [
  { name: 'vLLM by default', inputs: vllm },
  {
    name: 'vLLM named, TP chosen by the method',
    inputs: { ...vllm, servingEngine: 'vllm', modelId: 'qwen3-32b', serverId: 'dgx200', tp: undefined },
  },
  { name: 'vLLM 0.21 chosen', inputs: { ...vllm, engineVersion: '0.21' } },
  { name: 'SGLang', inputs: sglang },
  { name: 'Pooled', inputs: saas },
  { name: 'vLLM by default, fp8 KV', inputs: { ...vllm, kvPrecision: 'fp8' }, variantOf: 'vLLM by default' },
  {
    name: 'Regions under vLLM',
    inputs: vllm,
    regions: [
      { name: 'EU', concurrency: 800, overrides: {} },
      { name: 'US', concurrency: 600, overrides: { servingEngine: 'sglang' } },
      { name: 'LatAm', concurrency: 400, overrides: { method: 'pooled' } },
    ],
  },
  {
    name: 'Regions under pooled',
    inputs: saas,
    regions: [
      { name: 'EU', concurrency: 800, overrides: { method: 'engine', modelId: 'llama-3.1-8b', serverId: 'dgx100', tp: 1 } },
      { name: 'US', concurrency: 600, overrides: {} },
    ],
  },
  { name: 'Regions under SGLang', inputs: sglang, regions: [{ name: 'EU', concurrency: 800, overrides: { servingEngine: 'vllm' } }] },
  { name: 'Calibrated from a log', inputs: { ...vllm, calibration: undefined } },
];

/** The engine versions each scenario and region must carry once pinned (undefined: left to the default). */
const PINNED: Record<string, { inputs: string | undefined; regions?: (string | undefined)[] }> = {
  'vLLM by default': { inputs: '0.11' },
  'vLLM named, TP chosen by the method': { inputs: '0.11' },
  'vLLM 0.21 chosen': { inputs: '0.21' },
  SGLang: { inputs: undefined },
  Pooled: { inputs: undefined },
  'vLLM by default, fp8 KV': { inputs: '0.11' },
  'Regions under vLLM': { inputs: '0.11', regions: [undefined, '0.4', undefined] },
  'Regions under pooled': { inputs: undefined, regions: ['0.11', undefined] },
  'Regions under SGLang': { inputs: undefined, regions: ['0.11'] },
  'Calibrated from a log': { inputs: '0.11' },
};

/** A profile whose log stated neither its vLLM version nor its memory fraction: the method reads both from the default family. */
const unversionedProfile = () => ({ ...llamaH100Profile(), engineVersion: null, memoryFraction: null });

function drop<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Writes the scenarios as the store writes them: inputs and overrides exactly as given, nothing filled in. */
function keep(store: Store, project: string) {
  store.write(() => {
    const p = store.projects.create(project);
    const ids = new Map<string, number>();
    for (const s of SCENARIOS) {
      const variantOf = s.variantOf === undefined ? null : ids.get(s.variantOf)!;
      const row = store.scenarios.create({
        projectId: p.id,
        name: s.name,
        variantOf,
        inputs: drop(s.inputs),
        regions: drop(s.regions ?? []),
      });
      ids.set(s.name, row.id);
    }
    store.calibrations.save(unversionedProfile());
  });
}

/** A real database at schema 2, the last one written while vLLM defaulted to 0.11. */
async function schema2Database(path: string, fill: (store: Store) => unknown): Promise<void> {
  const at = MIGRATIONS.findIndex((m) => m.id === 3);
  const later = MIGRATIONS.splice(at);
  try {
    const store = openStore(path);
    await fill(store);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
  } finally {
    MIGRATIONS.push(...later);
  }
}

const figuresOf = (r: SizingResult) => ({
  method: r.method,
  engine: r.engine ? `${r.engine.name} ${r.engine.version}` : null,
  tp: r.engine?.tp ?? null,
  kvAvailableGiBPerGpu: r.engine?.perGpu.kvAvailableGiB ?? null,
  calibratedFrom: r.engine?.calibration?.profile.logDate ?? null,
  sessionsPerNode: r.sessionsPerNode,
  nodes: r.nodes?.total ?? null,
  capexLowUsd: r.cost?.capexLowUsd ?? null,
});

/** Every stored scenario of a project sized as the app sizes it: the scenario, and each region of its plan. */
async function storedFigures(store: Store, project: string) {
  const ctx = createApiContext(store);
  const projectId = store.projects.findByName(project)!.id;
  const out: Record<string, unknown> = {};
  for (const s of store.scenarios.list(projectId)) {
    const sized = await ok(ctx, 'sizing.stored', { scenarioId: s.id });
    out[s.name] = {
      scenario: figuresOf(sized.result),
      regions: sized.plan?.regions.map((r) => ({ name: r.name, ...figuresOf(r.result) })) ?? [],
    };
  }
  return out;
}

/** Figures the schema-2 code gave, shared by the scenarios and regions sized alike. */
const POOLED_SAAS = {
  method: 'pooled',
  engine: null,
  tp: null,
  kvAvailableGiBPerGpu: null,
  calibratedFrom: null,
  sessionsPerNode: 1740,
  nodes: 1,
  capexLowUsd: 325000,
};
const LLAMA_VLLM_011 = {
  method: 'engine',
  engine: 'vllm 0.11',
  tp: 1,
  kvAvailableGiBPerGpu: 51.42155078125002,
  calibratedFrom: null,
  sessionsPerNode: 208,
};
const LLAMA_CALIBRATED = { ...LLAMA_VLLM_011, kvAvailableGiBPerGpu: 51.38, calibratedFrom: '2025-10-08' };
// SGLang's figure is the corrected budget's (its share of the memory free after the CUDA context:
// 0.88 × 0.5 GiB less, no cuBLAS workspace: −0.31 GiB against the schema-2 code), not the version pin's concern.
const LLAMA_SGLANG_04 = {
  method: 'engine',
  engine: 'sglang 0.4',
  tp: 1,
  kvAvailableGiBPerGpu: 54.23840000000001,
  calibratedFrom: null,
  sessionsPerNode: 216,
};
const SIX_NODES = { nodes: 6, capexLowUsd: 1650000 };
const FIVE_NODES = { nodes: 5, capexLowUsd: 1375000 };

/**
 * What the app said of these scenarios before the default moved: sized by the schema-2 code, vLLM
 * defaulting to 0.11, and pasted here. Every stored plan must keep saying exactly this.
 */
const SIZED_BEFORE = {
  'Calibrated from a log': { scenario: { ...LLAMA_CALIBRATED, ...SIX_NODES }, regions: [] },
  Pooled: { scenario: POOLED_SAAS, regions: [] },
  'Regions under pooled': {
    scenario: POOLED_SAAS,
    regions: [
      { name: 'EU', ...LLAMA_CALIBRATED, sessionsPerNode: 200, ...FIVE_NODES },
      { name: 'US', ...POOLED_SAAS },
    ],
  },
  'Regions under SGLang': { scenario: { ...LLAMA_SGLANG_04, ...SIX_NODES }, regions: [{ name: 'EU', ...LLAMA_VLLM_011, ...FIVE_NODES }] },
  'Regions under vLLM': {
    scenario: { ...LLAMA_VLLM_011, ...SIX_NODES },
    regions: [
      { name: 'EU', ...LLAMA_VLLM_011, ...FIVE_NODES },
      { name: 'US', ...LLAMA_SGLANG_04, nodes: 4, capexLowUsd: 1100000 },
      { name: 'LatAm', ...POOLED_SAAS, sessionsPerNode: 172, nodes: 3, capexLowUsd: 825000 },
    ],
  },
  SGLang: { scenario: { ...LLAMA_SGLANG_04, ...SIX_NODES }, regions: [] },
  'vLLM 0.21 chosen': {
    scenario: { ...LLAMA_VLLM_011, engine: 'vllm 0.21', kvAvailableGiBPerGpu: 55.54069765625, sessionsPerNode: 224, ...SIX_NODES },
    regions: [],
  },
  'vLLM by default': { scenario: { ...LLAMA_VLLM_011, ...SIX_NODES }, regions: [] },
  'vLLM named, TP chosen by the method': {
    scenario: { ...LLAMA_VLLM_011, kvAvailableGiBPerGpu: 59.11477148437501, sessionsPerNode: 120, nodes: 10, capexLowUsd: 3250000 },
    regions: [],
  },
  'vLLM by default, fp8 KV': { scenario: { ...LLAMA_VLLM_011, sessionsPerNode: 416, nodes: 3, capexLowUsd: 825000 }, regions: [] },
};

const PROJECT = 'Sized before 0.17';

/** The engine version stored on each scenario and region of a project, by scenario name. */
function storedVersions(store: Store, project: string) {
  const projectId = store.projects.findByName(project)!.id;
  return Object.fromEntries(
    store.scenarios
      .list(projectId)
      .map((s) => [
        s.name,
        s.regions.length > 0
          ? { inputs: s.inputs.engineVersion, regions: s.regions.map((r) => r.overrides.engineVersion) }
          : { inputs: s.inputs.engineVersion },
      ]),
  );
}

interface RawRows {
  scenarios: { id: number; name: string; inputsJson: string; updatedAt: string }[];
  regions: { id: number; overridesJson: string }[];
  migrations: number[];
}

/** The rows as SQLite holds them, read without the app. */
function rawRows(path: string): RawRows {
  const db = new Database(path, { readonly: true });
  try {
    return {
      scenarios: db
        .prepare('SELECT id, name, inputs_json AS inputsJson, updated_at AS updatedAt FROM scenarios ORDER BY id')
        .all() as RawRows['scenarios'],
      regions: db.prepare('SELECT id, overrides_json AS overridesJson FROM regions ORDER BY id').all() as RawRows['regions'],
      migrations: (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[]).map((m) => m.id),
    };
  } finally {
    db.close();
  }
}

/** A row's JSON without its engine version: what must not have changed. */
function withoutVersion(json: string): unknown {
  const { engineVersion: _, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

async function oldDatabase(): Promise<{ dir: string; path: string }> {
  const dir = tempDir();
  const path = join(dir, 'projects.db');
  await schema2Database(path, (store) => keep(store, PROJECT));
  return { dir, path };
}

describe('a database written while vLLM defaulted to 0.11', () => {
  it('opens with every engine-method vLLM input pinned to 0.11, each plan sized exactly as before, and nothing else changed', async () => {
    const { dir, path } = await oldDatabase();
    const before = rawRows(path);
    expect(before.migrations).toEqual([1, 2]);
    const store = openStore(path);
    try {
      expect(await storedFigures(store, PROJECT)).toEqual(SIZED_BEFORE);
      expect(storedVersions(store, PROJECT)).toEqual(PINNED);
    } finally {
      store.close();
    }
    const after = rawRows(path);
    expect(after.migrations).toEqual([1, 2, 3]);
    // Pooled and SGLang rows are the same bytes; a pinned row differs by its version alone, and keeps its update time.
    after.scenarios.forEach((row, i) => {
      const old = before.scenarios[i]!;
      expect(row.updatedAt).toBe(old.updatedAt);
      if (PINNED[row.name]!.inputs === JSON.parse(old.inputsJson).engineVersion) expect(row.inputsJson).toBe(old.inputsJson);
      else expect(withoutVersion(row.inputsJson)).toEqual(JSON.parse(old.inputsJson));
    });
    after.regions.forEach((row, i) => {
      const old = before.regions[i]!;
      if (row.overridesJson !== old.overridesJson) expect(withoutVersion(row.overridesJson)).toEqual(JSON.parse(old.overridesJson));
    });
    expect(after.regions.filter((r, i) => r.overridesJson !== before.regions[i]!.overridesJson)).toHaveLength(3);
    // The schema-2 file was copied aside before it changed.
    expect(readdirSync(dir).filter((f) => f.startsWith('projects.db.schema2-') && f.endsWith('.bak'))).toHaveLength(1);
  });

  it('is pinned once: the migration is recorded once and a second pass over its rows changes nothing', async () => {
    const { path } = await oldDatabase();
    openStore(path).close();
    const migrated = rawRows(path);
    const store = openStore(path);
    store.write(() => pinStoredVllmVersions(store.db));
    store.close();
    expect(rawRows(path)).toEqual(migrated);
  });

  it('pins in the transaction that records schema 3: a failure part-way leaves the schema-2 rows as they were', async () => {
    const { path } = await oldDatabase();
    const before = rawRows(path);
    const migration = MIGRATIONS.find((m) => m.id === 3)!;
    const pin = migration.data!;
    migration.data = (db) => {
      pin(db);
      throw new Error('the disk went away');
    };
    try {
      expect(() => openStore(path)).toThrow('the disk went away');
    } finally {
      migration.data = pin;
    }
    expect(rawRows(path)).toEqual(before);
    const store = openStore(path);
    expect(storedVersions(store, PROJECT)).toEqual(PINNED);
    store.close();
  });

  it('leaves damaged rows byte for byte, and a stored unknown version is still refused naming the field, the value and the versions', async () => {
    const dir = tempDir();
    const path = join(dir, 'projects.db');
    let damagedId = 0;
    await schema2Database(path, (store) =>
      store.write(() => {
        const unknown = store.projects.create('Unknown version');
        store.scenarios.create({ projectId: unknown.id, name: 'vLLM 0.99', inputs: { ...vllm, engineVersion: '0.99' } });
        const damaged = store.projects.create('Damaged');
        damagedId = store.scenarios.create({
          projectId: damaged.id,
          name: 'cut short',
          inputs: vllm,
          regions: [{ name: 'EU', concurrency: 5, overrides: {} }],
        }).id;
        store.db.prepare('UPDATE scenarios SET inputs_json = ? WHERE id = ?').run('{"method":"engine","modelId":', damagedId);
        store.db.prepare('UPDATE regions SET overrides_json = ? WHERE scenario_id = ?').run('[1, 2]', damagedId);
      }),
    );
    const before = rawRows(path);
    const store = openStore(path);
    try {
      expect(rawRows(path).scenarios).toEqual(before.scenarios);
      expect(rawRows(path).regions).toEqual(before.regions);
      const ctx = createApiContext(store);
      const id = store.scenarios.findByName(store.projects.findByName('Unknown version')!.id, 'vLLM 0.99')!.id;
      const sized = await callApi(ctx, 'sizing.stored', { scenarioId: id });
      expect(sized).toMatchObject({ ok: false, error: { message: expect.stringContaining('engineVersion') } });
      if (!sized.ok) expect(sized.error.message).toMatch(/"0\.99".*one of 0\.10, 0\.11, 0\.17, 0\.21 for vLLM/);
      expect(await callApi(ctx, 'scenarios.get', { id: damagedId })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('not valid JSON') },
      });
    } finally {
      store.close();
    }
    const cli = sizing(['show', '--project', 'Unknown version', '--scenario', 'vLLM 0.99', '--db', path]);
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/engineVersion.*"0\.99".*one of 0\.10, 0\.11, 0\.17, 0\.21 for vLLM/);
  });

  it('needs its pins: the same inputs left to the default size with vLLM 0.17 and give other figures', () => {
    const catalog = { ...BUILT_IN_CATALOG, calibrations: [unversionedProfile()] };
    for (const s of SCENARIOS.filter((s) => PINNED[s.name]!.inputs === '0.11' && s.name !== 'Calibrated from a log')) {
      const unpinned = planScenario(s.inputs, catalog);
      expect(unpinned.engine!.version, s.name).toBe('0.17');
      expect(unpinned.engine!.perGpu.kvAvailableGiB, s.name).not.toBe(
        SIZED_BEFORE[s.name as keyof typeof SIZED_BEFORE].scenario.kvAvailableGiBPerGpu,
      );
    }
  });

  it('a scenario saved after the upgrade keeps no version: it sizes with the default, 0.17', async () => {
    const { path } = await oldDatabase();
    const store = openStore(path);
    try {
      const ctx = createApiContext(store);
      const { scenario } = await ok(ctx, 'scenarios.save', { projectName: PROJECT, name: 'New', inputs: vllm });
      expect(store.scenarios.get(scenario.id).inputs).not.toHaveProperty('engineVersion');
      const sized = await ok(ctx, 'sizing.stored', { scenarioId: scenario.id });
      expect(sized.result.engine!.version).toBe('0.17');
    } finally {
      store.close();
    }
  });
});

/** A project file as the app wrote it before the default moved (version 1), holding the same scenarios. */
function version1File(): string {
  const keyOf = (name: string) => `s${SCENARIOS.findIndex((s) => s.name === name)}`;
  return JSON.stringify({
    format: 'llm-sizing-planner/project',
    schemaVersion: 1,
    exportedAt: '2026-11-30T10:00:00.000Z',
    project: { name: PROJECT },
    scenarios: SCENARIOS.map((s) => ({
      key: keyOf(s.name),
      name: s.name,
      notes: '',
      variantOf: s.variantOf === undefined ? null : keyOf(s.variantOf),
      inputs: drop(s.inputs),
      regions: drop(s.regions ?? []),
    })),
    customRecords: { models: [], servers: [], storage: [], prices: [] },
  });
}

describe('a project file written while vLLM defaulted to 0.11 (version 1)', () => {
  it('is imported with each engine-method vLLM input pinned to 0.11, every plan sized exactly as before', async () => {
    const { store, ctx } = tempStore();
    store.calibrations.save(unversionedProfile());
    await ok(ctx, 'projects.import', { text: version1File() });
    expect(await storedFigures(store, PROJECT)).toEqual(SIZED_BEFORE);
    expect(storedVersions(store, PROJECT)).toEqual(PINNED);
  });

  it('is read the same way by sizing project import', () => {
    const dir = tempDir();
    const file = join(dir, 'old.json');
    writeFileSync(file, version1File());
    const db = join(dir, 'projects.db');
    expect(sizing(['project', 'import', file, '--db', db]).status).toBe(0);
    const shown = sizing(['show', '--project', PROJECT, '--scenario', 'vLLM by default', '--format', 'json', '--db', db]);
    expect(shown.status).toBe(0);
    const result = JSON.parse(shown.stdout) as SizingResult;
    expect(result.engine!.version).toBe('0.11');
    expect(result.sessionsPerNode).toBe(SIZED_BEFORE['vLLM by default'].scenario.sessionsPerNode);
  });

  it('is written back as version 2, whose unset versions stay unset, and an unknown version of file is refused', async () => {
    const { store, ctx } = tempStore();
    store.calibrations.save(unversionedProfile());
    const { projectId } = await ok(ctx, 'projects.import', { text: version1File() });
    await ok(ctx, 'scenarios.save', { projectName: PROJECT, name: 'New', inputs: vllm });
    const file = (await ok(ctx, 'projects.export', { id: projectId })) as Record<string, unknown>;
    expect(file.schemaVersion).toBe(2);
    const copy = tempStore();
    copy.store.calibrations.save(unversionedProfile());
    await ok(copy.ctx, 'projects.import', { file });
    expect(storedVersions(copy.store, PROJECT)).toEqual({ ...PINNED, New: { inputs: undefined } });
    expect(await storedFigures(copy.store, PROJECT)).toMatchObject(SIZED_BEFORE);
    const refused = await callApi(ctx, 'projects.import', { file: { ...file, schemaVersion: 3 } });
    expect(refused).toMatchObject({
      ok: false,
      error: { field: 'file.schemaVersion', message: expect.stringContaining('this app reads project files of schema version 1 or 2') },
    });
  });
});

describe('an engine version no family has', () => {
  const ALLOWED = /"0\.99" .*one of 0\.10, 0\.11, 0\.17, 0\.21 for vLLM/;

  it('is refused by the API and by project files of either version, naming the field, the value and the versions', async () => {
    const { ctx, store } = tempStore();
    const inputs = { ...vllm, engineVersion: '0.99' };
    const saved = await callApi(ctx, 'scenarios.save', { projectName: 'P', name: 'S', inputs });
    expect(saved).toMatchObject({ ok: false, error: { field: 'inputs.engineVersion', message: expect.stringMatching(ALLOWED) } });
    const sized = await callApi(ctx, 'sizing.scenario', { inputs });
    expect(sized).toMatchObject({ ok: false, error: { message: expect.stringMatching(ALLOWED) } });
    for (const schemaVersion of [1, 2]) {
      const file = JSON.parse(version1File()) as { schemaVersion: number; scenarios: { inputs: SizingInputs; regions: RegionSpec[] }[] };
      file.schemaVersion = schemaVersion;
      file.scenarios[0]!.inputs.engineVersion = '0.99';
      file.scenarios[6]!.regions[0]!.overrides.engineVersion = '0.99';
      const imported = await callApi(ctx, 'projects.import', { file });
      expect(imported).toMatchObject({
        ok: false,
        error: { field: 'file.scenarios[0].inputs.engineVersion', message: expect.stringMatching(ALLOWED) },
      });
      expect(imported.ok ? '' : imported.error.message).toMatch(/and 1 more problem/);
    }
    expect(store.projects.list()).toEqual([]);
  });
});
