import { formatNumber, type Lang, type NumberRule } from '../../src-main/engine/index';
import type { FieldIssue } from './scenario-form';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** One sentence naming the field, the problem and what is allowed, in the current language. */
export function issueMessage(issue: FieldIssue, label: string, t: Translate, lang: Lang): string {
  const n = (value: number) => formatNumber(value, lang, 6);
  switch (issue.kind) {
    case 'not-a-number':
      return t(issue.reason === 'separators' ? 'validation.separators' : 'validation.notANumber', { label, value: issue.value });
    case 'required':
      return t('validation.required', { label });
    case 'range':
      return t('validation.range', { label, ...ruleWords(issue.rule, t, n) });
    case 'model-max':
      return t('validation.modelMax', { label, max: n(issue.max), model: issue.modelId });
    case 'no-measured':
      return t('validation.noMeasured', { server: issue.serverId, known: issue.known.join(', ') });
    case 'scale-order':
      return t('validation.scaleOrder', { label, scaleUp: n(issue.scaleUp) });
    case 'unknown-id':
      return t('validation.unknownId', { id: issue.id });
    case 'choice':
      return t('validation.choice', { label });
    case 'duplicate-name':
      return t('validation.duplicateName', { name: issue.name });
    case 'server':
      return t('errors.invalid', { message: issue.message });
  }
}

function ruleWords(rule: NumberRule, t: Translate, n: (v: number) => string) {
  return {
    kind: t(rule.integer ? 'validation.kindInteger' : 'validation.kindNumber'),
    low: t(rule.minExclusive ? 'validation.greaterThan' : 'validation.atLeast', { min: n(rule.min) }),
    high: t(rule.maxExclusive ? 'validation.lessThan' : 'validation.atMost', { max: n(rule.max) }),
  };
}
