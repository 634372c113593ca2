import type { z } from 'zod';
import type { LocalizedText } from '../engine/types.js';
import { both } from '../i18n/text.js';

type Issue = z.core.$ZodIssue;

/**
 * The schemas' own messages in Portuguese, by their English text. Messages that only restate the
 * issue's figures need no entry (Portuguese is derived from the figures); a new custom message is
 * written with `bilingual(en, pt)` where the schema is defined.
 */
const CUSTOM_MESSAGES_PT = new Map<string, string>(
  Object.entries({
    required: 'obrigatório',
    'expected a number': 'esperado um número',
    'expected a whole number': 'esperado um número inteiro',
    'expected a numeric id': 'esperado um id numérico',
    'must not be empty': 'não pode ficar vazio',
    'lower-case letters, digits and . _ + - (at most 64)': 'letras minúsculas, dígitos e . _ + - (no máximo 64)',
    'say where the figures come from': 'diga de onde vêm os números',
    'sliding-window layers cannot exceed layers': 'as camadas de janela deslizante não podem passar do total de camadas',
    'the low price must not exceed the high price': 'o preço mínimo não pode passar do preço máximo',
    'choose at least one scenario': 'escolha ao menos um cenário',
    'choose at least one server': 'escolha ao menos um servidor',
    'at least one region': 'ao menos uma região',
    'cannot exceed moe.experts': 'não pode passar de moe.experts',
    'active parameters cannot exceed the total': 'os parâmetros ativos não podem passar do total',
    'dense layers cannot exceed layers': 'as camadas densas não podem passar do total de camadas',
    'cannot exceed maxContextTokens': 'não pode passar de maxContextTokens',
    'cannot exceed measuredMiBPerGpu (what nvidia-smi reports)': 'não pode passar de measuredMiBPerGpu (o que o nvidia-smi informa)',
  }),
);

/** A schema message in both languages: returns the English (zod's message) and records the Portuguese. */
export function bilingual(en: string, ptBR: string): string {
  CUSTOM_MESSAGES_PT.set(en, ptBR);
  return en;
}

/** One zod issue in both languages: English from the schema, Portuguese from the same figures. */
export function issueText(issue: Issue): LocalizedText {
  return both(issue.message, CUSTOM_MESSAGES_PT.get(issue.message) ?? portugueseOf(issue));
}

type Wording = {
  kinds: Record<string, string>;
  required: string;
  expected: (what: string) => string;
  oneOf: (values: string) => string;
  unknownKeys: (keys: string[]) => string;
  noShape: string;
  format: string;
  fallback: string;
  empty: string;
  characters: (side: 'min' | 'max', figure: string, one: boolean) => string;
  items: (side: 'min' | 'max', figure: string, one: boolean) => string;
  number: (side: 'min' | 'max', inclusive: boolean, figure: string) => string;
  numberFormat: Intl.NumberFormat;
};

const EN: Wording = {
  kinds: { number: 'a number', int: 'a whole number', string: 'text', object: 'an object', array: 'a list', boolean: 'true or false' },
  required: 'required',
  expected: (what) => `expected ${what}`,
  oneOf: (values) => `expected one of ${values}`,
  unknownKeys: (keys) => `unknown ${keys.length === 1 ? 'field' : 'fields'}: ${keys.join(', ')}`,
  noShape: 'none of the accepted forms',
  format: 'not in the accepted format',
  fallback: 'not accepted',
  empty: 'must not be empty',
  characters: (side, figure, one) => `${side === 'min' ? 'at least' : 'at most'} ${figure} ${one ? 'character' : 'characters'}`,
  items: (side, figure, one) => `${side === 'min' ? 'at least' : 'at most'} ${figure} ${one ? 'item' : 'items'}`,
  number: (side, inclusive, figure) =>
    `expected a number ${side === 'min' ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than'} ${figure}`,
  numberFormat: new Intl.NumberFormat('en', { maximumFractionDigits: 20 }),
};

const PT: Wording = {
  kinds: {
    number: 'um número',
    int: 'um número inteiro',
    string: 'um texto',
    object: 'um objeto',
    array: 'uma lista',
    boolean: 'verdadeiro ou falso',
  },
  required: 'obrigatório',
  expected: (what) => `esperado ${what}`,
  oneOf: (values) => `esperado um de ${values}`,
  unknownKeys: (keys) => `${keys.length === 1 ? 'campo desconhecido' : 'campos desconhecidos'}: ${keys.join(', ')}`,
  noShape: 'nenhuma das formas aceitas',
  format: 'formato não aceito',
  fallback: 'valor não aceito',
  empty: 'não pode ficar vazio',
  characters: (side, figure, one) => `${side === 'min' ? 'no mínimo' : 'no máximo'} ${figure} ${one ? 'caractere' : 'caracteres'}`,
  items: (side, figure, one) => `${side === 'min' ? 'ao menos' : 'no máximo'} ${figure} ${one ? 'item' : 'itens'}`,
  number: (side, inclusive, figure) =>
    `esperado um número ${side === 'min' ? (inclusive ? 'no mínimo' : 'maior que') : inclusive ? 'no máximo' : 'menor que'} ${figure}`,
  numberFormat: new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 20 }),
};

/** An issue said from its figures (code, bounds, choices), in one language's words. */
function wordsOf(issue: Issue | z.core.$ZodRawIssue, w: Wording): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? w.required : w.expected(w.kinds[issue.expected] ?? issue.expected);
    case 'too_small':
      return bound(w, issue.origin, 'min', Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return bound(w, issue.origin, 'max', Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_value':
      return issue.values.length === 1 ? w.expected(JSON.stringify(issue.values[0])) : w.oneOf(issue.values.map(String).join(', '));
    case 'unrecognized_keys':
      return w.unknownKeys(issue.keys);
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options ? w.oneOf(options.map(String).join(', ')) : w.noShape;
    }
    case 'invalid_format':
      return w.format;
    default:
      return w.fallback;
  }
}

/**
 * A parsed issue no longer carries its input, so a missing value cannot be told from one of the
 * wrong type by the input: a missing one reads 'required' in English and is found in
 * CUSTOM_MESSAGES_PT before this, so a type issue that reaches here had a value of the wrong type.
 */
function portugueseOf(issue: Issue): string {
  return wordsOf(issue.code === 'invalid_type' ? { ...issue, input: null } : issue, PT);
}

/** zod's own English for issues a schema gave no message for, replaced by the same plain wording as the Portuguese. */
export function englishOf(issue: z.core.$ZodRawIssue): string {
  return wordsOf(issue, EN);
}

function bound(w: Wording, origin: string, side: 'min' | 'max', limit: number, inclusive: boolean): string {
  const figure = w.numberFormat.format(limit);
  if (origin === 'string') return side === 'min' && limit === 1 ? w.empty : w.characters(side, figure, limit === 1);
  if (origin === 'array') return w.items(side, figure, limit === 1);
  return w.number(side, inclusive, figure);
}
