/**
 * The API contract's types: every method's input and result. Pure types (no Node, no zod), so the
 * renderer can import them; contract.ts binds each to a zod schema and a handler, and the compiler
 * checks that they agree.
 */
import type { Catalog, PlanResult, PrecisionRecord, RegionSpec, SizingInputs, SizingResult, Template } from '../engine/index.js';
import type { CustomKind, PriceOverride, Settings } from '../schemas/index.js';
import type { ProjectRow, ScenarioRow } from '../store/types.js';

export type { ProjectRow, ScenarioRow, Settings, CustomKind, PriceOverride };

export interface ApiErrorBody {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'unknown_method' | 'bad_request' | 'unauthorized' | 'forbidden' | 'too_large' | 'store_error' | 'internal';
  message: string;
  /** The input field at fault, as a path ("inputs.kvBudgetRatio", "file.scenarios[2].name"). */
  field?: string;
}

export type ApiResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

export interface CatalogView extends Catalog {
  precisions: PrecisionRecord[];
  prices: PriceOverride[];
  /** Ids of the user's own records, per kind. */
  customIds: { model: string[]; server: string[]; storage: string[] };
}

export interface StoredSizing {
  scenario: ScenarioRow;
  result: SizingResult;
  /** Present when the scenario has regions. */
  plan: PlanResult | null;
}

export interface AppInfo {
  version: string;
  dbPath: string;
  runtime: Record<string, string>;
}

type Id = { id: number };
type CustomRecordInput = { kind: CustomKind; record: Record<string, unknown> };

export interface ApiMethods {
  'app.info': { input: Record<string, never>; result: AppInfo };
  'projects.list': { input: { search?: string }; result: ProjectRow[] };
  'projects.create': { input: { name: string }; result: ProjectRow };
  'projects.rename': { input: { id: number; name: string }; result: ProjectRow };
  'projects.delete': { input: Id; result: { deleted: number } };
  'projects.export': { input: Id; result: unknown };
  'projects.import': { input: { file: unknown }; result: { projectId: number; name: string; scenarios: number } };
  'scenarios.list': { input: { projectId: number }; result: ScenarioRow[] };
  'scenarios.get': { input: Id; result: ScenarioRow };
  'scenarios.create': { input: { projectId: number; name: string; notes?: string; inputs: SizingInputs; regions?: RegionSpec[] }; result: ScenarioRow };
  'scenarios.update': { input: { id: number; name?: string; notes?: string; inputs?: SizingInputs; regions?: RegionSpec[] }; result: ScenarioRow };
  'scenarios.duplicate': { input: { id: number; name?: string }; result: ScenarioRow };
  'scenarios.delete': { input: Id; result: { deleted: number } };
  'regions.set': { input: { scenarioId: number; regions: RegionSpec[] }; result: ScenarioRow };
  'variants.create': { input: { scenarioId: number; name: string; changes: Partial<SizingInputs> }; result: ScenarioRow };
  'variants.list': { input: { scenarioId: number }; result: ScenarioRow[] };
  'variants.delete': { input: Id; result: { deleted: number } };
  'sizing.scenario': { input: { inputs: SizingInputs }; result: SizingResult };
  'sizing.plan': { input: { inputs: SizingInputs; regions: RegionSpec[] }; result: PlanResult };
  'sizing.stored': { input: { scenarioId: number }; result: StoredSizing };
  'catalog.list': { input: Record<string, never>; result: CatalogView };
  'catalog.add': { input: CustomRecordInput; result: CatalogView };
  'catalog.update': { input: CustomRecordInput; result: CatalogView };
  'catalog.delete': { input: { kind: CustomKind; id: string }; result: CatalogView };
  'templates.list': { input: Record<string, never>; result: Template[] };
  'templates.createScenario': { input: { projectId: number; templateId: string; name?: string }; result: ScenarioRow };
  'settings.get': { input: Record<string, never>; result: Settings };
  'settings.set': { input: Partial<Settings>; result: Settings };
}

export type ApiMethodName = keyof ApiMethods;
export type ApiInput<M extends ApiMethodName> = ApiMethods[M]['input'];
export type ApiResult<M extends ApiMethodName> = ApiMethods[M]['result'];
