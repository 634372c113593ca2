/**
 * The API contract's types: every method's input and result. Pure types (no Node, no zod), so the
 * renderer can import them; contract.ts binds each to a zod schema and a handler, and the compiler
 * checks that they agree.
 */
import type {
  CalibrationReading,
  StoredCalibrationProfile,
  Catalog,
  CompareRegion,
  CompareRow,
  Lang,
  OptimiseObjective,
  PlanOptimisation,
  PlanResult,
  PrecisionRecord,
  RegionSpec,
  SizingInputs,
  SizingResult,
  SweepField,
  SweepResult,
  Template,
} from '../engine/index.js';
import type { ComparisonTableRow } from '../i18n/cases.js';
import type { CustomKind, PriceOverride, Settings } from '../schemas/index.js';
import type { ProjectRow, ScenarioRow } from '../store/types.js';

export type { ProjectRow, ScenarioRow, Settings };

export interface ApiErrorBody {
  code:
    | 'invalid_input'
    | 'not_found'
    | 'conflict'
    | 'unknown_method'
    | 'bad_request'
    | 'unauthorized'
    | 'forbidden'
    | 'too_large'
    | 'store_error'
    | 'store_busy'
    | 'internal';
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

interface StoredSizing {
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

export interface RendererErrorReport {
  source: 'vue' | 'error' | 'unhandledrejection';
  message: string;
  stack?: string;
  info?: string;
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf' | 'svg' | 'png';
/** What an SVG or PNG export shows; CSV and PDF have one subject each (results, report). */
export type PictureSubject = 'diagram' | 'memory-chart' | 'nodes-chart' | 'regions-chart';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** Text formats travel as UTF-8, binary ones (PDF, PNG) as base64. */
  encoding: 'utf8' | 'base64';
  data: string;
}

export interface Comparison {
  names: string[];
  /** Every input and key figure side by side, with `differs` set where the scenarios disagree. */
  rows: CompareRow[];
  /** The original document's comparison of cases. */
  table: ComparisonTableRow[];
  /** Each scenario's regions (null for a single-region one), listed beside the plan's totals. */
  regions: (CompareRegion[] | null)[];
}

export interface SweepRequest {
  inputs: SizingInputs;
  field: SweepField;
  from: number;
  to: number;
  points: number;
}

/** A start-up log to read: pasted or opened text, and the user's choices where the log is not enough. */
export interface CalibrationRequestInput {
  text: string;
  /** The file name the text came from; "pasted text" when absent. */
  source?: string;
  modelId?: string;
  serverId?: string;
  /** YYYY-MM-DD. */
  logDate?: string;
  /** Language of refusal messages. */
  lang?: Lang;
}

export interface CalibrationReadResult extends CalibrationReading {
  /** The stored profile a save would replace (same model, server, engine and TP). */
  replaces: StoredCalibrationProfile | null;
}

/** The optimiser's search for a scenario and its regions (none: the scenario alone). */
export interface OptimiseRequestBody {
  inputs: SizingInputs;
  regions?: RegionSpec[];
  serverIds?: string[];
  maxCapexUsd?: number;
  objective: OptimiseObjective;
  top: number;
}

type Id = { id: number };

interface ScenarioSave {
  projectName: string;
  name: string;
  inputs: SizingInputs;
  /** Replaces the regions when given; a new scenario without them has none. */
  regions?: RegionSpec[];
  /** Replaces the notes when given. */
  notes?: string;
  /** Notes for a scenario this save creates, when `notes` is not given (a template's description). */
  notesIfNew?: string;
}
type CustomRecordInput = { kind: CustomKind; record: Record<string, unknown> };

/** A catalog record that scenarios can use (prices are not chosen by a scenario). */
export type RecordKind = Exclude<CustomKind, 'price'>;

/** A scenario that uses a record, in its inputs or in one of its regions' differences. */
export interface RecordUse {
  scenarioId: number;
  scenarioName: string;
  projectId: number;
  projectName: string;
}

interface ApiMethods {
  'app.info': { input: Record<string, never>; result: AppInfo };
  /** A failure caught in the renderer, written to the app's log (the page has no file system). */
  'app.reportError': { input: RendererErrorReport; result: { logged: boolean } };
  'projects.list': { input: { search?: string }; result: ProjectRow[] };
  'projects.create': { input: { name: string }; result: ProjectRow };
  'projects.rename': { input: { id: number; name: string }; result: ProjectRow };
  'projects.delete': { input: Id; result: { deleted: number } };
  'projects.export': { input: Id; result: unknown };
  /** A project file as parsed JSON (`file`) or as its text (`text`, e.g. read from disk). */
  'projects.import': { input: { file: unknown } | { text: string }; result: { projectId: number; name: string; scenarios: number } };
  /** A project by name (trimmed, NFC, letters A–Z in any case), or null. */
  'projects.find': { input: { name: string }; result: ProjectRow | null };
  'scenarios.list': { input: { projectId: number }; result: ScenarioRow[] };
  'scenarios.get': { input: Id; result: ScenarioRow };
  /** A scenario of a project by name, or null. */
  'scenarios.find': { input: { projectId: number; name: string }; result: ScenarioRow | null };
  /**
   * Create-or-update in one transaction: the project is created when missing, the scenario when
   * missing, else its inputs (and the regions and notes given) are replaced. Concurrent saves of
   * the same names never fail because another writer got there first.
   */
  'scenarios.save': { input: ScenarioSave; result: { project: ProjectRow; scenario: ScenarioRow; created: boolean } };
  'scenarios.create': {
    input: { projectId: number; name: string; notes?: string; inputs: SizingInputs; regions?: RegionSpec[] };
    result: ScenarioRow;
  };
  'scenarios.update': {
    input: { id: number; name?: string; notes?: string; inputs?: SizingInputs; regions?: RegionSpec[] };
    result: ScenarioRow;
  };
  'scenarios.duplicate': { input: { id: number; name?: string }; result: ScenarioRow };
  'scenarios.delete': { input: Id; result: { deleted: number } };
  'regions.set': { input: { scenarioId: number; regions: RegionSpec[] }; result: ScenarioRow };
  'variants.create': { input: { scenarioId: number; name: string; changes: Partial<SizingInputs> }; result: ScenarioRow };
  'variants.list': { input: { scenarioId: number }; result: ScenarioRow[] };
  'variants.delete': { input: Id; result: { deleted: number } };
  'sizing.scenario': { input: { inputs: SizingInputs }; result: SizingResult };
  'sizing.plan': { input: { inputs: SizingInputs; regions: RegionSpec[] }; result: PlanResult };
  'sizing.stored': { input: { scenarioId: number }; result: StoredSizing };
  'sizing.sweep': { input: SweepRequest; result: SweepResult };
  'sizing.compare': { input: { scenarioIds: number[]; lang: Lang }; result: Comparison };
  'export.scenario': {
    input: { scenarioId: number; format: ExportFormat; subject?: PictureSubject; lang: Lang; bom?: boolean };
    result: ExportedFile;
  };
  'export.comparison': {
    input: { scenarioIds: number[]; lang: Lang; bom?: boolean; format?: 'csv' | 'xlsx'; onlyDifferences?: boolean };
    result: ExportedFile;
  };
  'export.sweep': { input: SweepRequest & { format: 'csv' | 'xlsx' | 'svg' | 'png'; lang: Lang; name?: string }; result: ExportedFile };
  'catalog.list': { input: Record<string, never>; result: CatalogView };
  'catalog.add': { input: CustomRecordInput; result: CatalogView };
  'catalog.update': { input: CustomRecordInput; result: CatalogView };
  'catalog.delete': { input: { kind: CustomKind; id: string }; result: CatalogView };
  /** The scenarios that use a record, so that deleting it can name them first. */
  'catalog.usage': { input: { kind: RecordKind; id: string }; result: RecordUse[] };
  /** A catalog file `{ models, servers, storage }` stored as custom records; `replace` updates records of the same id. */
  'catalog.import': { input: { file: unknown; replace?: boolean }; result: { added: number; replaced: number; catalog: CatalogView } };
  'templates.list': { input: Record<string, never>; result: Template[] };
  /** Name and notes come in `lang` (default English). */
  'templates.createScenario': { input: { projectId: number; templateId: string; name?: string; lang?: Lang }; result: ScenarioRow };
  'calibration.read': { input: CalibrationRequestInput; result: CalibrationReadResult };
  'calibration.save': {
    input: CalibrationRequestInput;
    result: { saved: StoredCalibrationProfile; replaced: StoredCalibrationProfile | null };
  };
  'calibration.list': { input: Record<string, never>; result: StoredCalibrationProfile[] };
  'calibration.delete': { input: Id; result: { deleted: number } };
  'settings.get': { input: Record<string, never>; result: Settings };
  'settings.set': { input: Partial<Settings>; result: Settings };
  'sizing.optimise': { input: OptimiseRequestBody; result: PlanOptimisation };
  'export.optimise': { input: OptimiseRequestBody & { name?: string; lang: Lang; bom?: boolean }; result: ExportedFile };
}

export type ApiMethodName = keyof ApiMethods;
export type ApiInput<M extends ApiMethodName> = ApiMethods[M]['input'];
export type ApiResult<M extends ApiMethodName> = ApiMethods[M]['result'];
