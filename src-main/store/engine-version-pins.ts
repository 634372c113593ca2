import { regionInputs, SERVING_ENGINES } from '../engine/index.js';
import type { RegionSpec, ServingEngine, SizingInputs } from '../engine/types.js';
import type { Db } from './database.js';

/** The version family each engine method input was sized with when it left the version unset. */
type EngineDefaults = Readonly<Record<ServingEngine, string>>;

/**
 * The defaults of every database before schema 3 and every project file before version 2: vLLM
 * defaulted to 0.11 until the planner moved it to 0.17. Frozen: it states what those files meant.
 */
export const DEFAULTS_BEFORE_VLLM_0_17: EngineDefaults = { vllm: '0.11', sglang: '0.4', trtllm: '1.0' };

interface StoredScenario {
  inputs: SizingInputs;
  regions: RegionSpec[];
}

const engineOf = (inputs: SizingInputs): ServingEngine => inputs.servingEngine ?? 'vllm';

/** The version an engine-method input was sized with under `defaults`; undefined for the pooled method or an unknown engine. */
function versionUnder(inputs: SizingInputs, defaults: EngineDefaults): string | undefined {
  if (inputs.method !== 'engine' || !SERVING_ENGINES.includes(engineOf(inputs))) return undefined;
  return inputs.engineVersion ?? defaults[engineOf(inputs)];
}

/**
 * A stored scenario with the version of `engine` it was sized with written out wherever it was left to
 * the default, so that moving that engine's default re-sizes nothing already kept. The scenario's own
 * inputs gain it; a region gains it in its overrides where its inputs would otherwise size with another
 * version than before (a vLLM region under a pooled or SGLang scenario; an SGLang region under a vLLM
 * scenario, which would inherit the vLLM version). Pooled inputs, other engines and versions already
 * set stay as they were, and a second pass changes nothing. `changed` says whether anything was added.
 */
export function pinEngineVersions(
  scenario: StoredScenario,
  engine: ServingEngine,
  defaults: EngineDefaults,
): StoredScenario & { changed: boolean } {
  const base = scenario.inputs;
  const pinBase = base.method === 'engine' && engineOf(base) === engine && base.engineVersion === undefined;
  const inputs = pinBase ? { ...base, engineVersion: defaults[engine] } : base;
  let changed = pinBase;
  const regions = scenario.regions.map((region) => {
    const before = regionInputs(base, region);
    const after = regionInputs(inputs, region);
    const sizedWith = versionUnder(before, defaults);
    // Left unset, only the engine whose default moves would size differently; set (inherited), only another version would.
    const wouldMove = after.engineVersion === undefined ? engineOf(after) === engine : after.engineVersion !== sizedWith;
    if (sizedWith === undefined || !wouldMove) return region;
    changed = true;
    return { ...region, overrides: { ...region.overrides, engineVersion: sizedWith } };
  });
  return { inputs, regions, changed };
}

interface RegionRow {
  id: number;
  scenarioId: number;
  name: string;
  concurrency: number;
  json: string;
}

/** A stored JSON object, or null for damaged text or anything else: such rows are left exactly as they are. */
function storedObject(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Schema 3's data step: every stored scenario (variants too) and region pinned to the vLLM version it
 * was sized with, before the default moved from 0.11. Runs inside the migration's transaction; only
 * rows that gain a version are written, and their update times stay (nobody edited them).
 */
export function pinStoredVllmVersions(db: Db): void {
  const regionRows = db
    .prepare('SELECT id, scenario_id AS scenarioId, name, concurrency, overrides_json AS json FROM regions ORDER BY scenario_id, position')
    .all() as RegionRow[];
  const regionsOf = new Map<number, { id: number; region: RegionSpec }[]>();
  for (const row of regionRows) {
    const overrides = storedObject(row.json);
    if (!overrides) continue;
    const list = regionsOf.get(row.scenarioId) ?? [];
    list.push({ id: row.id, region: { name: row.name, concurrency: row.concurrency, overrides } });
    regionsOf.set(row.scenarioId, list);
  }
  const updateInputs = db.prepare('UPDATE scenarios SET inputs_json = ? WHERE id = ?');
  const updateOverrides = db.prepare('UPDATE regions SET overrides_json = ? WHERE id = ?');
  const scenarios = db.prepare('SELECT id, inputs_json AS json FROM scenarios').all() as { id: number; json: string }[];
  for (const row of scenarios) {
    const inputs = storedObject(row.json) as SizingInputs | null;
    if (!inputs) continue;
    const stored = regionsOf.get(row.id) ?? [];
    const regions = stored.map((r) => r.region);
    const pinned = pinEngineVersions({ inputs, regions }, 'vllm', DEFAULTS_BEFORE_VLLM_0_17);
    if (!pinned.changed) continue;
    if (pinned.inputs !== inputs) updateInputs.run(JSON.stringify(pinned.inputs), row.id);
    pinned.regions.forEach((region, i) => {
      if (region !== regions[i]) updateOverrides.run(JSON.stringify(region.overrides), stored[i]!.id);
    });
  }
}
