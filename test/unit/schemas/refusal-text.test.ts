import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findTemplate } from '../../../src-main/engine/index.js';
import {
  catalogFileSchema,
  DEFAULT_SETTINGS,
  describeZodIssueText,
  inputsSchema,
  modelRecordSchema,
  nameSchema,
  normalizeName,
  notesSchema,
  priceOverrideSchema,
  regionsSchema,
  serverRecordSchema,
  settingsSchema,
} from '../../../src-main/schemas/index.js';
import { LAB_MODEL as MODEL, LAB_SERVER as LAB } from '../helpers/records.js';

// The one-line refusals every entry point shows (field, then what is allowed), word for word in
// both languages, from the schemas' first issue. Schemas of the product where one refuses the kind
// of value; a bare zod schema where none does, for the wording every future schema inherits.

/** The first refusal of a parse that must fail: [field, English, Portuguese]. */
function refusal(schema: z.ZodType, value: unknown): [string, string, string] {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  const { field, text } = describeZodIssueText(parsed.error);
  return [field, text.en, text['pt-BR']];
}

const saas = findTemplate('saas-startup')!.inputs;

describe('a missing value and a value of the wrong type', () => {
  it('reads "required" when missing and names the expected kind otherwise, in both languages', () => {
    expect(refusal(nameSchema, undefined)).toEqual(['', 'required', 'obrigatório']);
    expect(refusal(nameSchema, 5)).toEqual(['', 'expected text', 'esperado um texto']);
    expect(refusal(settingsSchema, null)).toEqual(['', 'expected an object', 'esperado um objeto']);
    expect(refusal(regionsSchema, {})).toEqual(['', 'expected a list', 'esperado uma lista']);
    expect(refusal(modelRecordSchema, { ...MODEL, tiedEmbeddings: 'yes' })).toEqual([
      'tiedEmbeddings',
      'expected true or false',
      'esperado verdadeiro ou falso',
    ]);
    expect(refusal(z.null(), 1)).toEqual(['', 'expected null', 'esperado null']);
  });

  it('says the same for a limited number: required, or expected a number', () => {
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, years: undefined })).toEqual(['years', 'required', 'obrigatório']);
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, years: 'three' })).toEqual(['years', 'expected a number', 'esperado um número']);
  });

  it('gives a catalog record’s number its unit when it is not a number at all', () => {
    expect(refusal(serverRecordSchema, { ...LAB, gpus: undefined })).toEqual(['gpus', 'required', 'obrigatório']);
    expect(refusal(serverRecordSchema, { ...LAB, gpus: 'four' })).toEqual([
      'gpus',
      'expected a number (GPUs)',
      'esperado um número (GPUs)',
    ]);
  });
});

describe('numbers out of range and not whole', () => {
  it('names the inclusive and exclusive bounds of the engine’s limits', () => {
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, years: 0 })).toEqual([
      'years',
      'expected a number greater than 0',
      'esperado um número maior que 0',
    ]);
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, years: 51 })).toEqual([
      'years',
      'expected a number at most 50',
      'esperado um número no máximo 50',
    ]);
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, pue: 0.9 })).toEqual([
      'pue',
      'expected a number at least 1',
      'esperado um número no mínimo 1',
    ]);
    expect(refusal(inputsSchema, { ...saas, kvBudgetRatio: 2 })).toEqual([
      'kvBudgetRatio',
      'expected a number at most 1',
      'esperado um número no máximo 1',
    ]);
    expect(refusal(inputsSchema, { ...saas, concurrency: 1.5 })).toEqual([
      'concurrency',
      'expected a whole number',
      'esperado um número inteiro',
    ]);
  });

  it('words a bound a schema gave no message for from its figures, in each language’s number format', () => {
    expect(refusal(z.number().gt(0.5), 0.5)).toEqual(['', 'expected a number greater than 0.5', 'esperado um número maior que 0,5']);
    expect(refusal(z.number().gte(1234.5), 1)).toEqual(['', 'expected a number at least 1,234.5', 'esperado um número no mínimo 1.234,5']);
    expect(refusal(z.number().lt(2), 2)).toEqual(['', 'expected a number less than 2', 'esperado um número menor que 2']);
    expect(refusal(z.number().lte(1e6), 1e7)).toEqual([
      '',
      'expected a number at most 1,000,000',
      'esperado um número no máximo 1.000.000',
    ]);
    expect(refusal(z.int(), 1.5)).toEqual(['', 'expected a whole number', 'esperado um número inteiro']);
  });

  it('states a record field’s whole allowed range with its unit, in both languages', () => {
    const gpus = [
      'gpus',
      'expected a whole number at least 1 and at most 1,024 (GPUs)',
      'esperado um número inteiro no mínimo 1 e no máximo 1.024 (GPUs)',
    ];
    expect(refusal(serverRecordSchema, { ...LAB, gpus: 0 })).toEqual(gpus);
    expect(refusal(serverRecordSchema, { ...LAB, gpus: 2.5 })).toEqual(gpus);
    expect(refusal(serverRecordSchema, { ...LAB, gpus: 1025 })).toEqual(gpus);
  });
});

describe('text too short or too long', () => {
  it('refuses an empty text as empty and a long one with its limit', () => {
    expect(refusal(nameSchema, '   ')).toEqual(['', 'must not be empty', 'não pode ficar vazio']);
    expect(refusal(nameSchema, 'x'.repeat(201))).toEqual(['', 'at most 200 characters', 'no máximo 200 caracteres']);
    expect(refusal(notesSchema, 'x'.repeat(20_001))).toEqual(['', 'at most 20,000 characters', 'no máximo 20.000 caracteres']);
    expect(refusal(inputsSchema, { ...saas, engineVersion: 'x'.repeat(21) })).toEqual([
      'engineVersion',
      'at most 20 characters',
      'no máximo 20 caracteres',
    ]);
    expect(refusal(serverRecordSchema, { ...LAB, source: '' })).toEqual([
      'source',
      'say where the figures come from',
      'diga de onde vêm os números',
    ]);
    expect(refusal(serverRecordSchema, { ...LAB, source: 'x'.repeat(2001) })).toEqual([
      'source',
      'at most 2,000 characters',
      'no máximo 2.000 caracteres',
    ]);
  });

  it('words a minimum above one character and the lists’ bounds from the figures', () => {
    expect(refusal(z.string().min(3), 'ab')).toEqual(['', 'at least 3 characters', 'no mínimo 3 caracteres']);
    expect(refusal(z.string().min(1), '')).toEqual(['', 'must not be empty', 'não pode ficar vazio']);
    expect(refusal(z.string().max(1), 'ab')).toEqual(['', 'at most 1 character', 'no máximo 1 caractere']);
    expect(refusal(z.array(z.number()).min(1), [])).toEqual(['', 'at least 1 item', 'ao menos 1 item']);
    expect(refusal(z.array(z.number()).min(3), [1])).toEqual(['', 'at least 3 items', 'ao menos 3 itens']);
    expect(refusal(z.array(z.number()).max(1), [1, 2])).toEqual(['', 'at most 1 item', 'no máximo 1 item']);
    const tooManyRegions = Array.from({ length: 101 }, (_, i) => ({ name: `R${i}`, concurrency: 1 }));
    expect(refusal(regionsSchema, tooManyRegions)).toEqual(['', 'at most 100 regions', 'no máximo 100 itens']);
  });
});

describe('unknown keys and values outside a list of choices', () => {
  it('names the unknown field, or fields, in both languages', () => {
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, colour: 'red' })).toEqual([
      '',
      'unknown field: colour',
      'campo desconhecido: colour',
    ]);
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, colour: 'red', size: 2 })).toEqual([
      '',
      'unknown fields: colour, size',
      'campos desconhecidos: colour, size',
    ]);
  });

  it('lists what a catalog file may hold when it has another list', () => {
    expect(refusal(catalogFileSchema, { models: [], gpus: [] })).toEqual([
      '',
      'unknown key "gpus"; expected models, servers, storage',
      'campo desconhecido: gpus',
    ]);
    expect(refusal(catalogFileSchema, { gpus: [], racks: [] })).toEqual([
      '',
      'unknown key "gpus", "racks"; expected models, servers, storage',
      'campos desconhecidos: gpus, racks',
    ]);
    expect(refusal(catalogFileSchema, 'servers.json')).toEqual(['', 'expected an object', 'esperado um objeto']);
  });

  it('lists the choices of an enumeration, or the one value a literal allows', () => {
    expect(refusal(settingsSchema, { ...DEFAULT_SETTINGS, lang: 'fr' })).toEqual([
      'lang',
      'expected one of en, pt-BR',
      'esperado um de en, pt-BR',
    ]);
    expect(refusal(inputsSchema, { ...saas, method: 'guess' })).toEqual([
      'method',
      'expected one of pooled, engine',
      'esperado um de pooled, engine',
    ]);
    expect(refusal(z.literal('gqa'), 'mla')).toEqual(['', 'expected "gqa"', 'esperado "gqa"']);
  });

  it('lists a tagged union’s tags, and says so when a value fits none of several forms', () => {
    expect(refusal(modelRecordSchema, { ...MODEL, attention: { kind: 'mha' } })).toEqual([
      'attention.kind',
      'expected one of gqa, mla',
      'esperado um de gqa, mla',
    ]);
    expect(refusal(z.union([z.string(), z.number()]), true)).toEqual(['', 'none of the accepted forms', 'nenhuma das formas aceitas']);
  });

  it('refuses a record id out of its format, and any other refusal plainly', () => {
    expect(refusal(serverRecordSchema, { ...LAB, id: 'Lab Box' })).toEqual([
      'id',
      'lower-case letters, digits and . _ + - (at most 64)',
      'letras minúsculas, dígitos e . _ + - (no máximo 64)',
    ]);
    expect(refusal(z.email(), 'someone')).toEqual(['', 'not in the accepted format', 'formato não aceito']);
    expect(refusal(z.number().multipleOf(5), 3)).toEqual(['', 'not accepted', 'valor não aceito']);
  });
});

describe('nested paths', () => {
  it('names a region’s override and a catalog file’s record by their whole path', () => {
    const regions = [
      { name: 'US', concurrency: 10 },
      { name: 'EU', concurrency: 10, overrides: { kvPrecision: 'fp2' } },
    ];
    expect(refusal(regionsSchema, regions)).toEqual([
      '[1].overrides.kvPrecision',
      'expected one of auto, fp32, fp16, bf16, fp8, int8, nvfp4',
      'esperado um de auto, fp32, fp16, bf16, fp8, int8, nvfp4',
    ]);
    expect(refusal(catalogFileSchema, { servers: [LAB, { ...LAB, id: 'lab-2', hbmGBPerGpu: 'lots' }] })).toEqual([
      'servers[1].hbmGBPerGpu',
      'expected a number (GB)',
      'esperado um número (GB)',
    ]);
  });

  it('prefixes the path with where the value sits in the request', () => {
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, theme: 'blue' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodIssueText(parsed.error, ['file', 'settings']).field).toBe('file.settings.theme');
  });
});

describe('checks across fields, at their bounds', () => {
  const window = (layers: number) => ({ ...MODEL, slidingWindow: { layers, windowTokens: 4096 } });

  it('allows equal figures and refuses one over, in both languages', () => {
    expect(modelRecordSchema.safeParse(window(32)).success).toBe(true);
    expect(refusal(modelRecordSchema, window(33))).toEqual([
      'slidingWindow.layers',
      'sliding-window layers cannot exceed layers',
      'as camadas de janela deslizante não podem passar do total de camadas',
    ]);
    expect(refusal(modelRecordSchema, { ...MODEL, paramsActiveB: 9 })).toEqual([
      'paramsActiveB',
      'active parameters cannot exceed the total',
      'os parâmetros ativos não podem passar do total',
    ]);
    const moe = (denseLayers: number) => ({
      ...MODEL,
      moe: { experts: 8, expertsPerToken: 2, expertIntermediateSize: 1024, denseLayers },
    });
    expect(modelRecordSchema.safeParse(moe(32)).success).toBe(true);
    expect(refusal(modelRecordSchema, moe(33))).toEqual([
      'moe.denseLayers',
      'dense layers cannot exceed layers',
      'as camadas densas não podem passar do total de camadas',
    ]);
    expect(modelRecordSchema.safeParse({ ...MODEL, nativeContextTokens: 131_072 }).success).toBe(true);
    expect(refusal(modelRecordSchema, { ...MODEL, nativeContextTokens: 131_073 })).toEqual([
      'nativeContextTokens',
      'cannot exceed maxContextTokens',
      'não pode passar de maxContextTokens',
    ]);
  });

  it('lets a server’s engine-visible memory reach what nvidia-smi measures, not pass it', () => {
    const memory = (engineVisibleGiBPerGpu: number) => ({ ...LAB, measuredMiBPerGpu: 102_400, engineVisibleGiBPerGpu });
    expect(serverRecordSchema.safeParse(memory(100)).success).toBe(true);
    // Either figure alone is accepted: there is nothing to compare it with.
    expect(serverRecordSchema.safeParse({ ...LAB, measuredMiBPerGpu: 102_400 }).success).toBe(true);
    expect(serverRecordSchema.safeParse({ ...LAB, engineVisibleGiBPerGpu: 100 }).success).toBe(true);
    expect(refusal(serverRecordSchema, memory(100.5))).toEqual([
      'engineVisibleGiBPerGpu',
      'cannot exceed measuredMiBPerGpu (what nvidia-smi reports)',
      'não pode passar de measuredMiBPerGpu (o que o nvidia-smi informa)',
    ]);
  });

  it('lets a price range be a single price and refuses a low price above the high one', () => {
    expect(priceOverrideSchema.safeParse({ id: 'dgx200', priceLowUsd: 2, priceHighUsd: 2, source: 's' }).success).toBe(true);
    expect(refusal(priceOverrideSchema, { id: 'dgx200', priceLowUsd: 3, priceHighUsd: 2, source: 's' })).toEqual([
      'priceHighUsd',
      'the low price must not exceed the high price',
      'o preço mínimo não pode passar do preço máximo',
    ]);
  });
});

describe('names as they are saved and looked up', () => {
  it('trims a name and composes its accents, so the same name typed two ways is one name', () => {
    expect(normalizeName('  Cafe\u0301 ')).toBe('Caf\u00e9');
    expect(nameSchema.parse('  Cafe\u0301 ')).toBe('Caf\u00e9');
  });
});
