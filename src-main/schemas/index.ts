import { z } from 'zod';
import {
  CALIBRATION_CHOICES,
  describeRule,
  GPU_GENERATIONS,
  HA_POLICIES,
  KV_PRECISION_CHOICES,
  SERVING_ENGINES,
  WEIGHTS_PRECISIONS,
  MEMORY_BASES,
  METHOD_IDS,
  MODEL_DTYPES,
  NUMBER_RULES,
  RECORD_RULES,
  type LocalizedText,
  type NumberRule,
  type RecordFieldRule,
} from '../engine/index.js';
import { bilingual, englishOf, issueText } from './issue-text.js';

export { bilingual };

// Issues a schema gives no message for read as plainly as the ones it does ("required", not "Invalid input: expected string, received undefined").
z.config({ customError: englishOf });

/** A zod number built from the engine's single table of limits, so every entry point agrees. */
function ruleNumber(rule: NumberRule) {
  let n = z.number({ error: (issue) => (issue.input === undefined ? 'required' : 'expected a number') });
  if (rule.integer) n = n.int({ error: 'expected a whole number' });
  n = rule.minExclusive
    ? n.gt(rule.min, { error: `expected a number greater than ${rule.min}` })
    : n.gte(rule.min, { error: `expected a number at least ${rule.min}` });
  n = rule.maxExclusive
    ? n.lt(rule.max, { error: `expected a number less than ${rule.max}` })
    : n.lte(rule.max, { error: `expected a number at most ${rule.max}` });
  return n;
}

const id = z.string().min(1, { error: 'must not be empty' }).max(100, { error: 'at most 100 characters' });
/** One normalisation for every name, when it is saved and when it is looked up: trimmed, Unicode NFC. */
export function normalizeName(name: string): string {
  return name.trim().normalize('NFC');
}

/** How the database compares names (COLLATE NOCASE folds ASCII letters only), for checks made before it. */
export function nameKey(name: string): string {
  return normalizeName(name).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Characters that break a one-line output or hide what a name says: C0/C1 controls, line and paragraph separators, bidirectional overrides. */
const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** Notes may span lines and use tabs; other control characters (NUL among them) are refused. */
const NOTES_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export const nameSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'at most 200 characters' })
  .refine((name) => !NAME_FORBIDDEN.test(name), {
    error: bilingual(
      'must not contain control characters, line breaks or direction overrides',
      'não pode conter caracteres de controle, quebras de linha nem inversores de direção',
    ),
  });
export const notesSchema = z
  .string()
  .normalize('NFC')
  .max(20_000, { error: 'at most 20,000 characters' })
  .refine((notes) => !NOTES_FORBIDDEN.test(notes), {
    error: bilingual(
      'must not contain control characters other than line breaks and tabs',
      'não pode conter caracteres de controle além de quebras de linha e tabulações',
    ),
  });

const R = NUMBER_RULES;
export const inputsSchema = z.strictObject({
  method: z.enum(METHOD_IDS),
  modelId: id,
  serverId: id,
  storageId: id,
  concurrency: ruleNumber(R.concurrency),
  effectiveContextTokens: ruleNumber(R.effectiveContextTokens),
  kvPrecision: z.enum(KV_PRECISION_CHOICES),
  weightsPrecision: z.enum(WEIGHTS_PRECISIONS).optional(),
  servingEngine: z.enum(SERVING_ENGINES).optional(),
  engineVersion: z.string().max(20).optional(),
  gpuMemoryUtilization: ruleNumber(R.gpuMemoryUtilization).optional(),
  memFractionStatic: ruleNumber(R.memFractionStatic).optional(),
  freeGpuMemoryFraction: ruleNumber(R.freeGpuMemoryFraction).optional(),
  tp: ruleNumber(R.tp).optional(),
  maxNumBatchedTokens: ruleNumber(R.maxNumBatchedTokens).optional(),
  maxNumSeqs: ruleNumber(R.maxNumSeqs).optional(),
  maxModelLen: ruleNumber(R.maxModelLen).optional(),
  blockSize: ruleNumber(R.blockSize).optional(),
  calibration: z.enum(CALIBRATION_CHOICES).optional(),
  kvBudgetRatio: ruleNumber(R.kvBudgetRatio),
  runtimeOverheadGiB: ruleNumber(R.runtimeOverheadGiB),
  peakHeadroomRatio: ruleNumber(R.peakHeadroomRatio),
  ha: z.enum(HA_POLICIES),
  memoryBasis: z.enum(MEMORY_BASES),
  pricePerNodeUsd: ruleNumber(R.pricePerNodeUsd).optional(),
  years: ruleNumber(R.years),
  pue: ruleNumber(R.pue),
  kwhPriceUsd: ruleNumber(R.kwhPriceUsd),
  colocationUsdPerKwMonth: ruleNumber(R.colocationUsdPerKwMonth).optional(),
  supportUsdPerNodeYear: ruleNumber(R.supportUsdPerNodeYear).optional(),
  networkUsdPerNode: ruleNumber(R.networkUsdPerNode).optional(),
  averagePowerRatio: ruleNumber(R.averagePowerRatio).optional(),
  coldStartTargetS: ruleNumber(R.coldStartTargetS).optional(),
  engineInitS: ruleNumber(R.engineInitS),
  availabilityTarget: ruleNumber(R.availabilityTarget).optional(),
  podSize: ruleNumber(R.podSize),
  hbmAlertRatio: ruleNumber(R.hbmAlertRatio),
  scaleUpRatio: ruleNumber(R.scaleUpRatio),
  scaleDownRatio: ruleNumber(R.scaleDownRatio),
  scaleDownMinutes: ruleNumber(R.scaleDownMinutes),
  tpotMs: ruleNumber(R.tpotMs).optional(),
  ttftS: ruleNumber(R.ttftS).optional(),
  promptTokens: ruleNumber(R.promptTokens).optional(),
  outputTokens: ruleNumber(R.outputTokens).optional(),
  bandwidthEfficiency: ruleNumber(R.bandwidthEfficiency).optional(),
  computeEfficiency: ruleNumber(R.computeEfficiency).optional(),
  communicationEfficiency: ruleNumber(R.communicationEfficiency).optional(),
});

/** A region may override any input but its concurrency, which is the region's own. */
export const overridesSchema = inputsSchema.omit({ concurrency: true }).partial();

const regionSchema = z.strictObject({
  name: nameSchema,
  concurrency: ruleNumber(R.concurrency),
  overrides: overridesSchema.default({}),
});
export const regionsSchema = z.array(regionSchema).max(100, { error: 'at most 100 regions' });

const recordId = z.string().regex(/^[a-z0-9][a-z0-9._+-]{0,63}$/, { error: 'lower-case letters, digits and . _ + - (at most 64)' });
const source = z.string().min(1, { error: 'say where the figures come from' }).max(2000);

/** A record's number, checked against its physical range in the engine's RECORD_RULES (stated there, beside each field). */
function recordNumber(rule: RecordFieldRule) {
  const allowed = bilingual(`expected ${describeRule(rule)} (${rule.unit})`, `esperado ${describeRule(rule, 'pt-BR')} (${rule.unit})`);
  const notANumber = bilingual(`expected a number (${rule.unit})`, `esperado um número (${rule.unit})`);
  let n = z.number({ error: (issue) => (issue.input === undefined ? 'required' : notANumber) });
  if (rule.integer) n = n.int({ error: allowed });
  return n.gte(rule.min, { error: allowed }).lte(rule.max, { error: allowed });
}
const M = RECORD_RULES.model;
const S = RECORD_RULES.server;

export const modelRecordSchema = z
  .strictObject({
    id: recordId,
    name: nameSchema,
    layers: recordNumber(M.layers),
    slidingWindow: z
      .strictObject({ layers: recordNumber(M['slidingWindow.layers']), windowTokens: recordNumber(M['slidingWindow.windowTokens']) })
      .optional(),
    queryHeads: recordNumber(M.queryHeads),
    attention: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('gqa'),
        kvHeads: recordNumber(M['attention.kvHeads']),
        headDim: recordNumber(M['attention.headDim']),
      }),
      z.strictObject({
        kind: z.literal('mla'),
        kvLoraRank: recordNumber(M['attention.kvLoraRank']),
        qkRopeHeadDim: recordNumber(M['attention.qkRopeHeadDim']),
      }),
    ]),
    paramsTotalB: recordNumber(M.paramsTotalB),
    paramsActiveB: recordNumber(M.paramsActiveB),
    weightsGiB: recordNumber(M.weightsGiB),
    weightsFormat: z.string().max(100),
    maxContextTokens: recordNumber(M.maxContextTokens),
    nativeContextTokens: recordNumber(M.nativeContextTokens).optional(),
    hiddenSize: recordNumber(M.hiddenSize).optional(),
    intermediateSize: recordNumber(M.intermediateSize).optional(),
    vocabSize: recordNumber(M.vocabSize).optional(),
    dtype: z.enum(MODEL_DTYPES).optional(),
    tiedEmbeddings: z.boolean().optional(),
    moe: z
      .strictObject({
        experts: recordNumber(M['moe.experts']),
        expertsPerToken: recordNumber(M['moe.expertsPerToken']),
        expertIntermediateSize: recordNumber(M['moe.expertIntermediateSize']),
        sharedExperts: recordNumber(M['moe.sharedExperts']).optional(),
        denseLayers: recordNumber(M['moe.denseLayers']).optional(),
      })
      .refine((moe) => moe.expertsPerToken <= moe.experts, { error: 'cannot exceed moe.experts', path: ['expertsPerToken'] })
      .optional(),
    source,
  })
  .refine((m) => !m.slidingWindow || m.slidingWindow.layers <= m.layers, {
    error: 'sliding-window layers cannot exceed layers',
    path: ['slidingWindow', 'layers'],
  })
  .refine((m) => m.paramsActiveB <= m.paramsTotalB, { error: 'active parameters cannot exceed the total', path: ['paramsActiveB'] })
  .refine((m) => (m.moe?.denseLayers ?? 0) <= m.layers, { error: 'dense layers cannot exceed layers', path: ['moe', 'denseLayers'] })
  .refine((m) => m.nativeContextTokens === undefined || m.nativeContextTokens <= m.maxContextTokens, {
    error: 'cannot exceed maxContextTokens',
    path: ['nativeContextTokens'],
  });

export const serverRecordSchema = z
  .strictObject({
    id: recordId,
    name: nameSchema,
    gpus: recordNumber(S.gpus),
    hbmGBPerGpu: recordNumber(S.hbmGBPerGpu),
    measuredMiBPerGpu: recordNumber(S.measuredMiBPerGpu).optional(),
    engineVisibleGiBPerGpu: recordNumber(S.engineVisibleGiBPerGpu).optional(),
    hbmBandwidthTBpsPerGpu: recordNumber(S.hbmBandwidthTBpsPerGpu),
    generation: z.enum(GPU_GENERATIONS).optional(),
    tflopsBf16PerGpu: recordNumber(S.tflopsBf16PerGpu).optional(),
    tflopsFp8PerGpu: recordNumber(S.tflopsFp8PerGpu).optional(),
    tflopsFp4PerGpu: recordNumber(S.tflopsFp4PerGpu).optional(),
    interconnectGBpsPerGpu: recordNumber(S.interconnectGBpsPerGpu).optional(),
    nodePowerKW: recordNumber(S.nodePowerKW),
    priceLowUsd: recordNumber(S.priceLowUsd),
    priceHighUsd: recordNumber(S.priceHighUsd),
    source,
  })
  .refine((s) => s.priceLowUsd <= s.priceHighUsd, { error: 'the low price must not exceed the high price', path: ['priceHighUsd'] })
  .refine(
    (s) =>
      s.engineVisibleGiBPerGpu === undefined || s.measuredMiBPerGpu === undefined || s.engineVisibleGiBPerGpu * 1024 <= s.measuredMiBPerGpu,
    {
      error: 'cannot exceed measuredMiBPerGpu (what nvidia-smi reports)',
      path: ['engineVisibleGiBPerGpu'],
    },
  );

export const storageRecordSchema = z.strictObject({
  id: recordId,
  name: nameSchema,
  readThroughputGBps: recordNumber(RECORD_RULES.storage.readThroughputGBps),
  firstByteLatencyS: recordNumber(RECORD_RULES.storage.firstByteLatencyS),
  source,
});

/** A catalog file (issue 8 item 6): exactly the record fields, each list checked by its record's schema. */
export const catalogFileSchema = z.strictObject(
  {
    models: z.array(modelRecordSchema).max(10_000, { error: 'at most 10,000 records' }).default([]),
    servers: z.array(serverRecordSchema).max(10_000, { error: 'at most 10,000 records' }).default([]),
    storage: z.array(storageRecordSchema).max(10_000, { error: 'at most 10,000 records' }).default([]),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}; expected models, servers, storage`
        : undefined,
  },
);
export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** A user's own price for a catalog server, replacing the reference range. */
export const priceOverrideSchema = z
  .strictObject({
    id: recordId.describe('the server id'),
    priceLowUsd: recordNumber(RECORD_RULES.price.priceLowUsd),
    priceHighUsd: recordNumber(RECORD_RULES.price.priceHighUsd),
    source,
  })
  .refine((p) => p.priceLowUsd <= p.priceHighUsd, { error: 'the low price must not exceed the high price', path: ['priceHighUsd'] });

export const CUSTOM_KINDS = ['model', 'server', 'storage', 'price'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];
export const CUSTOM_RECORD_SCHEMAS = {
  model: modelRecordSchema,
  server: serverRecordSchema,
  storage: storageRecordSchema,
  price: priceOverrideSchema,
} as const;
export type PriceOverride = z.infer<typeof priceOverrideSchema>;

export const settingsSchema = z.strictObject({
  lang: z.enum(['en', 'pt-BR']),
  theme: z.enum(['system', 'light', 'dark']),
  memoryBasis: z.enum(MEMORY_BASES),
  years: ruleNumber(R.years),
  pue: ruleNumber(R.pue),
  kwhPriceUsd: ruleNumber(R.kwhPriceUsd),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { lang: 'en', theme: 'system', memoryBasis: 'nominal', years: 3, pue: 1.3, kwhPriceUsd: 0.12 };

/** First problem of a failed parse as {field, message}: "scenarios[2].inputs.modelId". */
export function describeZodIssue(error: z.ZodError, prefix: (string | number)[] = []): { field: string; message: string } {
  const issue = error.issues[0]!;
  return { field: formatPath([...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]), message: issue.message };
}

/** The same in both product languages, for messages that reach a person. */
export function describeZodIssueText(error: z.ZodError, prefix: (string | number)[] = []): { field: string; text: LocalizedText } {
  const { field } = describeZodIssue(error, prefix);
  return { field, text: issueText(error.issues[0]!) };
}

export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}
