import { NUMBER_RULES, validateInputs, type Catalog, type Lang, type SizingInputs } from '../../src-main/engine/index';
import { numberText, retypeNumber } from './number-entry';
import { checkNumberText, classify, FIELD_SPECS, isNumberField, type EditorField, type FieldIssues } from './scenario-form';

/**
 * Inputs that differ from a base scenario, as typed: a region's overrides and a variant's changes.
 * Number fields hold the typed text, list fields the chosen value.
 */
export interface OverrideDraft {
  field: EditorField;
  text: string;
}

interface OverrideCheck {
  /** The overrides that read as values (the others have an issue). */
  values: Partial<SizingInputs>;
  issues: FieldIssues;
}

export function valueText(field: EditorField, value: unknown, lang: Lang): string {
  return isNumberField(field) ? numberText(value as number | undefined, lang) : String(value ?? '');
}

export function overrideDrafts(overrides: Partial<SizingInputs>, lang: Lang): OverrideDraft[] {
  return (Object.entries(overrides) as [EditorField, unknown][])
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ field, text: valueText(field, value, lang) }));
}

/** Typed overrides re-written for another language; list choices stay as they are. */
export function retypeOverrides(drafts: OverrideDraft[], from: Lang, to: Lang): OverrideDraft[] {
  return drafts.map((d) => (isNumberField(d.field) ? { ...d, text: retypeNumber(d.text, from, to) } : d));
}

/**
 * Reads typed overrides, then checks the inputs they make (base, overrides, then `fixed` on top) with
 * the engine's own rules; only the overridden and fixed fields can have issues, the base's are the editor's.
 */
export function checkOverrides(
  drafts: OverrideDraft[],
  base: SizingInputs,
  catalog: Catalog,
  lang: Lang,
  fixed: Partial<SizingInputs> = {},
): OverrideCheck {
  const values: Record<string, unknown> = {};
  const issues: FieldIssues = {};
  for (const { field, text } of drafts) {
    if (!isNumberField(field)) values[field] = text;
    else {
      // An override is a value: an empty optional input cannot "unset" the base's figure.
      const read = checkNumberText(text, { ...NUMBER_RULES[field], optional: false }, lang);
      if (read.issue) issues[field] = read.issue;
      else values[field] = read.value;
    }
  }
  const merged = { ...base, ...values, ...fixed } as SizingInputs;
  for (const issue of validateInputs(merged, catalog)) {
    const field = issue.field as EditorField;
    if (field in values || field in fixed) issues[field] ??= classify(issue, merged, catalog);
  }
  return { values: values as Partial<SizingInputs>, issues };
}

/** The inputs of `other` that differ from `base`, in the editor's order. */
export function changedFields(base: SizingInputs, other: SizingInputs): EditorField[] {
  return (Object.keys(FIELD_SPECS) as EditorField[]).filter((field) => base[field] !== other[field]);
}
