import {
  checkNumber,
  NUMBER_FIELDS,
  NUMBER_RULES,
  validateInputs,
  type Catalog,
  type HaPolicy,
  type InputIssue,
  type Lang,
  type NumberField,
  type NumberRule,
  type SizingInputs,
} from '../../src-main/engine/index';
import type { Messages } from '../i18n/en';
import { numberText, readNumber, type NumberProblem } from './number-entry';

/** Inputs chosen from a list rather than typed. */
export type ChoiceField =
  | 'method'
  | 'modelId'
  | 'kvPrecision'
  | 'serverId'
  | 'storageId'
  | 'memoryBasis'
  | 'ha'
  | 'weightsPrecision'
  | 'servingEngine'
  | 'engineVersion'
  | 'calibration';
/** Choices that may stay unset (the empty option): the engine's or the checkpoint's default. */
const OPTIONAL_CHOICES: ChoiceField[] = ['weightsPrecision', 'servingEngine', 'engineVersion', 'calibration'];
export type EditorField = NumberField | ChoiceField;
export type UnitKey = keyof Messages['units'];
type GroupId = keyof Messages['groups'];

export type FieldSpec = { kind: 'number'; field: NumberField; unit: UnitKey } | { kind: 'choice'; field: ChoiceField };

const num = (field: NumberField, unit: UnitKey): FieldSpec => ({ kind: 'number', field, unit });
const choice = (field: ChoiceField): FieldSpec => ({ kind: 'choice', field });

/** Every input of SizingInputs, in the groups the editor shows (a test checks none is missing). */
export const EDITOR_GROUPS: { id: GroupId; fields: FieldSpec[]; collapsed?: boolean }[] = [
  { id: 'workload', fields: [num('concurrency', 'sessions'), num('effectiveContextTokens', 'tokens')] },
  { id: 'model', fields: [choice('modelId'), choice('kvPrecision'), choice('weightsPrecision'), choice('method')] },
  { id: 'hardware', fields: [choice('serverId'), choice('storageId'), choice('memoryBasis')] },
  {
    id: 'policy',
    fields: [
      num('kvBudgetRatio', 'ratio'),
      num('runtimeOverheadGiB', 'gib'),
      num('peakHeadroomRatio', 'ratio'),
      choice('ha'),
      num('availabilityTarget', 'ratio'),
      num('coldStartTargetS', 'seconds'),
      num('engineInitS', 'seconds'),
    ],
  },
  {
    id: 'cost',
    fields: [
      num('pricePerNodeUsd', 'usd'),
      num('years', 'years'),
      num('pue', 'factor'),
      num('kwhPriceUsd', 'usdPerKwh'),
      num('averagePowerRatio', 'ratio'),
      num('colocationUsdPerKwMonth', 'usdPerKwMonth'),
      num('supportUsdPerNodeYear', 'usdPerNodeYear'),
      num('networkUsdPerNode', 'usdPerNode'),
    ],
  },
  {
    id: 'latency',
    fields: [
      num('tpotMs', 'ms'),
      num('ttftS', 'seconds'),
      num('promptTokens', 'tokens'),
      num('outputTokens', 'tokens'),
      num('bandwidthEfficiency', 'ratio'),
      num('computeEfficiency', 'ratio'),
      num('communicationEfficiency', 'ratio'),
    ],
  },
  {
    id: 'operations',
    collapsed: true,
    fields: [
      num('podSize', 'nodes'),
      num('hbmAlertRatio', 'ratio'),
      num('scaleUpRatio', 'ratio'),
      num('scaleDownRatio', 'ratio'),
      num('scaleDownMinutes', 'minutes'),
    ],
  },
  {
    id: 'engine',
    collapsed: true,
    fields: [
      choice('servingEngine'),
      choice('engineVersion'),
      num('tp', 'gpus'),
      num('gpuMemoryUtilization', 'ratio'),
      num('memFractionStatic', 'ratio'),
      num('freeGpuMemoryFraction', 'ratio'),
      num('maxNumBatchedTokens', 'tokens'),
      num('maxNumSeqs', 'sessions'),
      num('maxModelLen', 'tokens'),
      num('blockSize', 'tokens'),
      choice('calibration'),
    ],
  },
];

/** Every editable input's spec (number with its unit, or choice), by field. */
export const FIELD_SPECS = Object.fromEntries(EDITOR_GROUPS.flatMap((g) => g.fields.map((f) => [f.field, f]))) as Record<
  EditorField,
  FieldSpec
>;

export function isNumberField(field: EditorField): field is NumberField {
  return FIELD_SPECS[field].kind === 'number';
}

/** Message keys of the HA choices ("n+1" is not a safe message path). */
export const HA_LABEL_KEYS: Record<HaPolicy, string> = { none: 'choices.ha.none', 'n+1': 'choices.ha.n1', 'n+2': 'choices.ha.n2' };

type NumberDraft = Record<NumberField, string>;
type Choices = Pick<SizingInputs, ChoiceField>;
export interface ScenarioDraft {
  numbers: NumberDraft;
  choices: Choices;
}

/** What is wrong with one field, in data; issueMessage() puts it in words. */
export type FieldIssue =
  | { kind: 'not-a-number'; value: string; reason: NumberProblem }
  | { kind: 'required' }
  | { kind: 'range'; rule: NumberRule }
  | { kind: 'model-max'; max: number; modelId: string }
  | { kind: 'no-measured'; serverId: string; known: string[] }
  | { kind: 'scale-order'; scaleUp: number }
  | { kind: 'unknown-id'; id: string }
  | { kind: 'choice' }
  | { kind: 'duplicate-name'; name: string }
  /** The main process refused the value; its message names the field. */
  | { kind: 'server'; message: string };

export type FieldIssues = Partial<Record<EditorField, FieldIssue>>;

export interface DraftCheck {
  /** The inputs to size, or null while any field has an issue. */
  inputs: SizingInputs | null;
  issues: FieldIssues;
}

/** Typed text read the way `lang` writes numbers: its value (null when empty), or what is wrong with it. */
function readNumberText(text: string, optional: boolean, lang: Lang): { value: number | null; issue: FieldIssue | null } {
  const reading = readNumber(text, lang);
  if (reading.kind === 'invalid') return { value: null, issue: { kind: 'not-a-number', value: text, reason: reading.reason } };
  if (reading.kind === 'empty') return { value: null, issue: optional ? null : { kind: 'required' } };
  return { value: reading.value, issue: null };
}

/** One typed number against one rule of NUMBER_RULES: its value, or what is wrong with it. */
export function checkNumberText(text: string, rule: NumberRule, lang: Lang): { value: number | null; issue: FieldIssue | null } {
  const read = readNumberText(text, rule.optional === true, lang);
  if (read.issue || read.value === null) return read;
  return { value: read.value, issue: checkNumber(read.value, rule) ? null : { kind: 'range', rule } };
}

export function draftFromInputs(inputs: SizingInputs, lang: Lang): ScenarioDraft {
  const numbers = {} as NumberDraft;
  for (const field of NUMBER_FIELDS) numbers[field] = numberText(inputs[field], lang);
  const {
    method,
    modelId,
    kvPrecision,
    serverId,
    storageId,
    memoryBasis,
    ha,
    weightsPrecision,
    servingEngine,
    engineVersion,
    calibration,
  } = inputs;
  return {
    numbers,
    choices: {
      method,
      modelId,
      kvPrecision,
      serverId,
      storageId,
      memoryBasis,
      ha,
      weightsPrecision,
      servingEngine,
      engineVersion,
      calibration,
    },
  };
}

/**
 * Checks a draft with the engine's own rules (validateInputs reads NUMBER_RULES and the model's
 * maximum context), after reading the typed text as `lang` writes numbers; the first problem of each
 * field is kept.
 */
export function checkDraft(draft: ScenarioDraft, catalog: Catalog, lang: Lang): DraftCheck {
  const issues: FieldIssues = {};
  const candidate: Record<string, unknown> = { ...draft.choices };
  // An unset optional choice (the empty option) is absent from the inputs.
  for (const field of OPTIONAL_CHOICES) if (!candidate[field]) delete candidate[field];
  for (const field of NUMBER_FIELDS) {
    const { value, issue } = readNumberText(draft.numbers[field], (NUMBER_RULES[field] as NumberRule).optional === true, lang);
    if (issue) issues[field] = issue;
    else if (value !== null) candidate[field] = value;
  }
  const inputs = candidate as unknown as SizingInputs;
  for (const issue of validateInputs(inputs, catalog)) {
    issues[issue.field as EditorField] ??= classify(issue, inputs, catalog);
  }
  return { inputs: Object.keys(issues).length === 0 ? inputs : null, issues };
}

/** An engine issue of one field as data, for issueMessage(). */
export function classify(issue: InputIssue, inputs: SizingInputs, catalog: Catalog): FieldIssue {
  const field = issue.field;
  if (field in NUMBER_RULES) {
    const rule: NumberRule = NUMBER_RULES[field as NumberField];
    if (!checkNumber(issue.value, rule)) return { kind: 'range', rule };
    if (field === 'effectiveContextTokens') {
      const model = catalog.models.find((m) => m.id === inputs.modelId);
      return { kind: 'model-max', max: model?.maxContextTokens ?? 0, modelId: inputs.modelId };
    }
    if (field === 'scaleDownRatio') return { kind: 'scale-order', scaleUp: inputs.scaleUpRatio };
  }
  if (field === 'modelId' || field === 'serverId' || field === 'storageId') return { kind: 'unknown-id', id: String(issue.value) };
  if (field === 'memoryBasis') {
    const known = catalog.servers.filter((s) => s.measuredMiBPerGpu !== undefined).map((s) => s.id);
    return { kind: 'no-measured', serverId: inputs.serverId, known };
  }
  return { kind: 'choice' };
}
