import type { Lang } from '../../../src-main/engine/index';
import { numberText, readNumber, type NumberProblem } from '../../lib/number-entry';
import type { RecordKind } from '../../stores/catalogs';

/** One form field of a custom record, addressed by its path in the record ("attention.kvHeads"). */
interface FormField {
  path: string;
  label: string;
  kind: 'text' | 'longtext' | 'int' | 'number' | 'select';
  required: boolean;
  /** Numbers: greater than zero (else zero or more). */
  positive?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
  visible?: (values: FormValues) => boolean;
}

type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

const F = 'catalogs.fields.';
const text = (path: string, required = true, help?: string): FormField => ({ path, label: F + path, kind: 'text', required, help });
const int = (path: string, label = F + path, positive = true, required = true): FormField => ({
  path,
  label,
  kind: 'int',
  required,
  positive,
});
const real = (path: string, positive = true, required = true): FormField => ({ path, label: F + path, kind: 'number', required, positive });
const isGqa = (v: FormValues) => v['attention.kind'] !== 'mla';
const SOURCE: FormField = { path: 'source', label: F + 'source', kind: 'longtext', required: true, help: F + 'sourceHelp' };
const ID: FormField = { ...text('id', true, F + 'idHelp') };

/** The fields of each kind, matching the store's record schemas (the server checks them again). */
const RECORD_FORMS: Record<RecordKind, FormField[]> = {
  model: [
    ID,
    text('name'),
    int('layers'),
    int('queryHeads'),
    { path: 'slidingWindow.layers', label: F + 'slidingLayers', kind: 'int', required: false, positive: false, help: F + 'slidingHelp' },
    { path: 'slidingWindow.windowTokens', label: F + 'slidingWindow', kind: 'int', required: false, positive: true },
    {
      path: 'attention.kind',
      label: F + 'attentionKind',
      kind: 'select',
      required: true,
      options: [
        { value: 'gqa', label: F + 'attentionGqa' },
        { value: 'mla', label: F + 'attentionMla' },
      ],
    },
    { ...int('attention.kvHeads', F + 'kvHeads'), visible: isGqa },
    { ...int('attention.headDim', F + 'headDim'), visible: isGqa },
    { ...int('attention.kvLoraRank', F + 'kvLoraRank'), visible: (v) => !isGqa(v) },
    { ...int('attention.qkRopeHeadDim', F + 'qkRopeHeadDim', false), visible: (v) => !isGqa(v) },
    real('paramsTotalB'),
    real('paramsActiveB'),
    real('weightsGiB'),
    text('weightsFormat', false),
    int('maxContextTokens'),
    SOURCE,
  ],
  server: [
    ID,
    text('name'),
    int('gpus'),
    real('hbmGBPerGpu'),
    real('measuredMiBPerGpu', true, false),
    real('hbmBandwidthTBpsPerGpu'),
    real('nodePowerKW'),
    real('priceLowUsd', false),
    real('priceHighUsd', false),
    SOURCE,
  ],
  storage: [ID, text('name'), real('readThroughputGBps'), real('firstByteLatencyS', false), SOURCE],
};

export function visibleFields(kind: RecordKind, values: FormValues): FormField[] {
  return RECORD_FORMS[kind].filter((f) => !f.visible || f.visible(values));
}

/** A record as form text, one entry per field path, numbers written the way `lang` writes them. */
export function valuesFromRecord(kind: RecordKind, record: object | null, lang: Lang): FormValues {
  const values: FormValues = {};
  for (const field of RECORD_FORMS[kind]) {
    const value = field.path
      .split('.')
      .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), record);
    values[field.path] = value === undefined || value === null ? '' : typeof value === 'number' ? numberText(value, lang) : String(value);
  }
  if (kind === 'model' && !values['attention.kind']) values['attention.kind'] = 'gqa';
  return values;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._+-]{0,63}$/;

/** Field problems as message keys, before anything goes to the main process. */
export function checkValues(kind: RecordKind, values: FormValues, lang: Lang): FormErrors {
  const errors: FormErrors = {};
  for (const field of visibleFields(kind, values)) {
    const raw = (values[field.path] ?? '').trim();
    if (raw === '') {
      if (field.required) errors[field.path] = 'catalogs.formErrors.required';
      continue;
    }
    if (field.path === 'id' && !ID_PATTERN.test(raw)) errors[field.path] = 'catalogs.formErrors.id';
    if (field.kind === 'int' || field.kind === 'number') {
      const problem = numberProblem(raw, field, lang);
      if (problem) errors[field.path] = problem;
    }
  }
  if (
    kind === 'model' &&
    ((values['slidingWindow.layers'] ?? '').trim() === '') !== ((values['slidingWindow.windowTokens'] ?? '').trim() === '')
  ) {
    errors['slidingWindow.layers'] ??= 'catalogs.formErrors.bothOrNeither';
  }
  return errors;
}

const READING_ERRORS: Record<NumberProblem, string> = {
  characters: 'catalogs.formErrors.number',
  separators: 'catalogs.formErrors.separators',
};

function numberProblem(raw: string, field: FormField, lang: Lang): string | null {
  const reading = readNumber(raw, lang);
  if (reading.kind !== 'number') return reading.kind === 'invalid' ? READING_ERRORS[reading.reason] : 'catalogs.formErrors.number';
  const value = reading.value;
  if (field.kind === 'int' && !Number.isInteger(value)) return 'catalogs.formErrors.integer';
  if (field.positive && value <= 0) return 'catalogs.formErrors.positive';
  if (!field.positive && value < 0) return 'catalogs.formErrors.nonNegative';
  return null;
}

/** The record to send: numbers as numbers, empty optional fields left out, nested paths rebuilt. */
export function recordFromValues(kind: RecordKind, values: FormValues, lang: Lang): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of visibleFields(kind, values)) {
    const raw = (values[field.path] ?? '').trim();
    if (raw === '' && field.path !== 'weightsFormat') continue;
    const reading = readNumber(raw, lang);
    const value = field.kind === 'int' || field.kind === 'number' ? (reading.kind === 'number' ? reading.value : raw) : raw;
    setPath(record, field.path, value);
  }
  return record;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** "record.attention.kvHeads" from the server → the form's "attention.kvHeads". */
export function fieldFromServerPath(field: string | undefined): string | null {
  if (!field?.startsWith('record.')) return null;
  return field.slice('record.'.length);
}
