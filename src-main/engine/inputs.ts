import { findModel, findServer, findStorage } from './catalogs/index.js';
import { checkEngineInputs } from './engine-inputs.js';
import { DEFAULT_ENGINE_INIT_S } from './coldstart.js';
import { formatNumber } from './format.js';
import { PRECISION_IDS } from './precision.js';
import { missingLatencyFigures } from './service-targets.js';
import type {
  Catalog,
  HaPolicy,
  KvPrecision,
  Lang,
  LocalizedText,
  MemoryBasis,
  MethodId,
  ModelRecord,
  ServerRecord,
  SizingInputs,
} from './types.js';

export const HA_POLICIES: HaPolicy[] = ['none', 'n+1', 'n+2'];
export const MEMORY_BASES: MemoryBasis[] = ['nominal', 'measured'];
export const METHOD_IDS: MethodId[] = ['pooled', 'engine'];
/** KV precisions as inputs: the storage formats plus `auto` (the model's own dtype), for both methods. */
export const KV_PRECISION_CHOICES: KvPrecision[] = ['auto', ...PRECISION_IDS];

export interface NumberRule {
  integer?: boolean;
  min: number;
  /** When true, the value must be strictly greater than min. */
  minExclusive?: boolean;
  max: number;
  /** When true, the value must be strictly less than max. */
  maxExclusive?: boolean;
  optional?: boolean;
}

/** The one table of numeric limits: the command line, the API schema and the UI forms all read it. */
export const NUMBER_RULES = {
  concurrency: { integer: true, min: 1, max: 100_000_000 },
  effectiveContextTokens: { integer: true, min: 1, max: 10_000_000 },
  kvBudgetRatio: { min: 0, minExclusive: true, max: 1 },
  runtimeOverheadGiB: { min: 0, max: 1_000_000 },
  peakHeadroomRatio: { min: 0, max: 10 },
  pricePerNodeUsd: { min: 0, max: 1e9, optional: true },
  years: { min: 0, minExclusive: true, max: 50 },
  pue: { min: 1, max: 5 },
  kwhPriceUsd: { min: 0, max: 100 },
  colocationUsdPerKwMonth: { min: 0, max: 100_000, optional: true },
  supportUsdPerNodeYear: { min: 0, max: 1e8, optional: true },
  networkUsdPerNode: { min: 0, max: 1e8, optional: true },
  averagePowerRatio: { min: 0, minExclusive: true, max: 1, optional: true },
  coldStartTargetS: { min: 0, minExclusive: true, max: 86_400, optional: true },
  engineInitS: { min: 0, max: 86_400 },
  availabilityTarget: { min: 0, minExclusive: true, max: 1, maxExclusive: true, optional: true },
  podSize: { integer: true, min: 1, max: 1000 },
  hbmAlertRatio: { min: 0, minExclusive: true, max: 1 },
  scaleUpRatio: { min: 0, minExclusive: true, max: 1 },
  scaleDownRatio: { min: 0, max: 1 },
  scaleDownMinutes: { min: 0, max: 10_000 },
  // Engine method (each also needs --method engine, the engine knobs their own engine):
  gpuMemoryUtilization: { min: 0, minExclusive: true, max: 1, optional: true },
  memFractionStatic: { min: 0, minExclusive: true, max: 1, maxExclusive: true, optional: true },
  freeGpuMemoryFraction: { min: 0, minExclusive: true, max: 1, optional: true },
  tp: { integer: true, min: 1, max: 1024, optional: true },
  maxNumBatchedTokens: { integer: true, min: 1, max: 10_000_000, optional: true },
  maxNumSeqs: { integer: true, min: 1, max: 1_000_000, optional: true },
  maxModelLen: { integer: true, min: 1, max: 10_000_000, optional: true },
  blockSize: { integer: true, min: 1, max: 1024, optional: true },
  tpotMs: { min: 0, minExclusive: true, max: 60_000, optional: true },
  ttftS: { min: 0, minExclusive: true, max: 3600, optional: true },
  promptTokens: { integer: true, min: 1, max: 10_000_000, optional: true },
  outputTokens: { integer: true, min: 1, max: 10_000_000, optional: true },
  bandwidthEfficiency: { min: 0, minExclusive: true, max: 1, optional: true },
  computeEfficiency: { min: 0, minExclusive: true, max: 1, optional: true },
  communicationEfficiency: { min: 0, minExclusive: true, max: 1, optional: true },
} satisfies Record<string, NumberRule>;

export type NumberField = keyof typeof NUMBER_RULES;
export const NUMBER_FIELDS = Object.keys(NUMBER_RULES) as NumberField[];

/** Defaults for everything but the workload's identity (model, server, concurrency, context). */
export const DEFAULT_POLICY = {
  method: 'pooled',
  storageId: 'profile_default',
  kvPrecision: 'fp8',
  kvBudgetRatio: 0.7,
  peakHeadroomRatio: 0.2,
  ha: 'none',
  memoryBasis: 'nominal',
  years: 3,
  pue: 1.3,
  kwhPriceUsd: 0.12,
  engineInitS: DEFAULT_ENGINE_INIT_S,
  podSize: 3,
  hbmAlertRatio: 0.85,
  scaleUpRatio: 0.7,
  scaleDownRatio: 0.3,
  scaleDownMinutes: 10,
} as const satisfies Partial<SizingInputs>;

/**
 * Default runtime overhead: the model's weights plus 4 GiB of activations and runtime per GPU,
 * rounded up. Zero would silently hand the weights' memory to the KV cache.
 */
export function defaultRuntimeOverheadGiB(model: ModelRecord, server: ServerRecord): number {
  return Math.ceil(model.weightsGiB + 4 * server.gpus);
}

/** A limit as people read it in messages: 100,000,000 in English, 100.000.000 in Portuguese. */
function limit(value: number, lang: Lang): string {
  return Number.isFinite(value) ? formatNumber(value, lang, 6) : String(value);
}

/** What a rule allows, in words, for error messages. */
export function describeRule(rule: NumberRule, lang: Lang = 'en'): string {
  const min = limit(rule.min, lang);
  const max = limit(rule.max, lang);
  if (lang === 'pt-BR') {
    const kind = rule.integer ? 'um número inteiro' : 'um número';
    const low = rule.minExclusive ? `maior que ${min}` : `no mínimo ${min}`;
    const high = rule.maxExclusive ? `menor que ${max}` : `no máximo ${max}`;
    return `${kind} ${low} e ${high}`;
  }
  const kind = rule.integer ? 'a whole number' : 'a number';
  const low = rule.minExclusive ? `greater than ${min}` : `at least ${min}`;
  const high = rule.maxExclusive ? `less than ${max}` : `at most ${max}`;
  return `${kind} ${low} and ${high}`;
}

function ruleText(rule: NumberRule): LocalizedText {
  return { en: describeRule(rule, 'en'), 'pt-BR': describeRule(rule, 'pt-BR') };
}

export function checkNumber(value: unknown, rule: NumberRule): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (rule.integer && !Number.isInteger(value)) return false;
  if (rule.minExclusive ? value <= rule.min : value < rule.min) return false;
  if (rule.maxExclusive ? value >= rule.max : value > rule.max) return false;
  return true;
}

export interface InputIssue {
  field: keyof SizingInputs;
  value: unknown;
  /** What is allowed, in English (API messages). */
  allowed: string;
  /** The same in both product languages (command line, reports). */
  allowedText: LocalizedText;
}

/** "1.5 is not allowed; expected …": the one wording of an input problem for messages in English. */
export function describeIssue(issue: Pick<InputIssue, 'value' | 'allowed'>): string {
  return `${JSON.stringify(issue.value)} is not allowed; expected ${issue.allowed}`;
}

function issue(field: keyof SizingInputs, value: unknown, allowedText: LocalizedText): InputIssue {
  return { field, value, allowed: allowedText.en, allowedText };
}

/** Every problem with a set of inputs against a catalog; empty when the inputs can be sized. */
export function validateInputs(inputs: SizingInputs, catalog: Catalog): InputIssue[] {
  const issues: InputIssue[] = [];
  const model = findModel(catalog, inputs.modelId);
  const server = findServer(catalog, inputs.serverId);
  if (!model)
    issues.push(
      choiceIssue(
        'modelId',
        inputs.modelId,
        catalog.models.map((m) => m.id),
      ),
    );
  if (!server)
    issues.push(
      choiceIssue(
        'serverId',
        inputs.serverId,
        catalog.servers.map((s) => s.id),
      ),
    );
  if (!findStorage(catalog, inputs.storageId)) {
    issues.push(
      choiceIssue(
        'storageId',
        inputs.storageId,
        catalog.storage.map((s) => s.id),
      ),
    );
  }
  for (const field of NUMBER_FIELDS) {
    const rule: NumberRule = NUMBER_RULES[field];
    const value = inputs[field];
    if (value === undefined && rule.optional) continue;
    if (!checkNumber(value, rule)) issues.push(issue(field, value, ruleText(rule)));
  }
  checkChoice(issues, 'method', inputs.method, METHOD_IDS);
  checkChoice(issues, 'kvPrecision', inputs.kvPrecision, KV_PRECISION_CHOICES);
  checkChoice(issues, 'ha', inputs.ha, HA_POLICIES);
  checkChoice(issues, 'memoryBasis', inputs.memoryBasis, MEMORY_BASES);
  if (model && inputs.effectiveContextTokens > model.maxContextTokens) {
    issues.push(
      issue('effectiveContextTokens', inputs.effectiveContextTokens, {
        en: `at most ${limit(model.maxContextTokens, 'en')} (the maximum context of ${model.id})`,
        'pt-BR': `no máximo ${limit(model.maxContextTokens, 'pt-BR')} (o contexto máximo de ${model.id})`,
      }),
    );
  }
  if (server && inputs.memoryBasis === 'measured' && server.measuredMiBPerGpu === undefined) {
    const known = catalog.servers.filter((s) => s.measuredMiBPerGpu !== undefined).map((s) => s.id);
    issues.push(
      issue('memoryBasis', 'measured', {
        en: `nominal (no measured capacity is known for ${server.id}; measured is known for ${known.join(', ')})`,
        'pt-BR': `nominal (não há capacidade medida para ${server.id}; a medida é conhecida para ${known.join(', ')})`,
      }),
    );
  }
  if (model && server)
    issues.push(...checkEngineInputs(inputs, model, server).filter((i) => issues.every((known) => known.field !== i.field)));
  issues.push(...serviceTargetIssues(inputs, model, server, issues));
  if (inputs.scaleDownRatio >= inputs.scaleUpRatio && issues.every((i) => i.field !== 'scaleDownRatio')) {
    issues.push(
      issue('scaleDownRatio', inputs.scaleDownRatio, {
        en: `below the scale-up ratio ${inputs.scaleUpRatio}`,
        'pt-BR': `abaixo da razão de escala para cima ${inputs.scaleUpRatio}`,
      }),
    );
  }
  return issues;
}

/** Service targets need a prompt length (TTFT), lengths that fit the context, and records with the latency figures. */
function serviceTargetIssues(
  inputs: SizingInputs,
  model: ModelRecord | undefined,
  server: ServerRecord | undefined,
  found: InputIssue[],
): InputIssue[] {
  const issues: InputIssue[] = [];
  if (found.some((i) => i.field === 'ttftS' || i.field === 'promptTokens' || i.field === 'outputTokens')) return issues;
  if (inputs.ttftS !== undefined && inputs.promptTokens === undefined) {
    issues.push(
      issue('ttftS', inputs.ttftS, {
        en: 'a prompt length too (--prompt-tokens): TTFT is the time to prefill it',
        'pt-BR': 'também um tamanho de prompt (--prompt-tokens): o TTFT é o tempo de fazer o prefill dele',
      }),
    );
  }
  const requestTokens = (inputs.promptTokens ?? 0) + (inputs.outputTokens ?? 0);
  if (requestTokens > inputs.effectiveContextTokens) {
    const field = inputs.promptTokens !== undefined ? 'promptTokens' : 'outputTokens';
    issues.push(
      issue(field, inputs[field], {
        en: `prompt plus output tokens at most the effective context (${inputs.effectiveContextTokens}), which is what each session holds`,
        'pt-BR': `tokens de prompt mais de saída no máximo o contexto efetivo (${inputs.effectiveContextTokens}), que é o que cada sessão mantém`,
      }),
    );
  }
  const targeted = inputs.tpotMs !== undefined ? 'tpotMs' : inputs.ttftS !== undefined ? 'ttftS' : null;
  if (targeted && model && server) {
    const missing = missingLatencyFigures(model, server);
    if (missing.length > 0) {
      issues.push(
        issue(targeted, inputs[targeted], {
          en: `records with the latency figures; missing ${missing.join(', ')} (add them to the custom record)`,
          'pt-BR': `registros com os dados de latência; faltam ${missing.join(', ')} (inclua-os no registro personalizado)`,
        }),
      );
    }
  }
  return issues;
}

function checkChoice(issues: InputIssue[], field: keyof SizingInputs, value: unknown, allowed: readonly string[]) {
  if (!allowed.includes(value as string)) issues.push(choiceIssue(field, value, allowed));
}

function choiceIssue(field: keyof SizingInputs, value: unknown, allowed: readonly string[]): InputIssue {
  return issue(field, value, { en: `one of ${allowed.join(', ')}`, 'pt-BR': `um de ${allowed.join(', ')}` });
}

/** Complete inputs from the workload's identity plus any subset of the policy. */
export function withDefaults(
  partial: Partial<SizingInputs> & Pick<SizingInputs, 'modelId' | 'serverId' | 'concurrency' | 'effectiveContextTokens'>,
  catalog: Catalog,
): SizingInputs {
  const model = findModel(catalog, partial.modelId);
  const server = findServer(catalog, partial.serverId);
  const overhead = model && server ? defaultRuntimeOverheadGiB(model, server) : 0;
  const p = partial;
  const d = DEFAULT_POLICY;
  // One object literal with every input in one order (absent ones undefined): every inputs object
  // shares one shape, which keeps the engine's hot loops (sweeps, the optimiser) fast. The type
  // makes an input missing from this list a compile error.
  const inputs = {
    method: p.method ?? d.method,
    modelId: p.modelId,
    serverId: p.serverId,
    storageId: p.storageId ?? d.storageId,
    concurrency: p.concurrency,
    effectiveContextTokens: p.effectiveContextTokens,
    kvPrecision: p.kvPrecision ?? d.kvPrecision,
    weightsPrecision: p.weightsPrecision,
    servingEngine: p.servingEngine,
    engineVersion: p.engineVersion,
    gpuMemoryUtilization: p.gpuMemoryUtilization,
    memFractionStatic: p.memFractionStatic,
    freeGpuMemoryFraction: p.freeGpuMemoryFraction,
    tp: p.tp,
    maxNumBatchedTokens: p.maxNumBatchedTokens,
    maxNumSeqs: p.maxNumSeqs,
    maxModelLen: p.maxModelLen,
    blockSize: p.blockSize,
    calibration: p.calibration,
    kvBudgetRatio: p.kvBudgetRatio ?? d.kvBudgetRatio,
    runtimeOverheadGiB: p.runtimeOverheadGiB ?? overhead,
    peakHeadroomRatio: p.peakHeadroomRatio ?? d.peakHeadroomRatio,
    ha: p.ha ?? d.ha,
    memoryBasis: p.memoryBasis ?? d.memoryBasis,
    pricePerNodeUsd: p.pricePerNodeUsd,
    years: p.years ?? d.years,
    pue: p.pue ?? d.pue,
    kwhPriceUsd: p.kwhPriceUsd ?? d.kwhPriceUsd,
    colocationUsdPerKwMonth: p.colocationUsdPerKwMonth,
    supportUsdPerNodeYear: p.supportUsdPerNodeYear,
    networkUsdPerNode: p.networkUsdPerNode,
    averagePowerRatio: p.averagePowerRatio,
    coldStartTargetS: p.coldStartTargetS,
    engineInitS: p.engineInitS ?? d.engineInitS,
    availabilityTarget: p.availabilityTarget,
    podSize: p.podSize ?? d.podSize,
    hbmAlertRatio: p.hbmAlertRatio ?? d.hbmAlertRatio,
    scaleUpRatio: p.scaleUpRatio ?? d.scaleUpRatio,
    scaleDownRatio: p.scaleDownRatio ?? d.scaleDownRatio,
    scaleDownMinutes: p.scaleDownMinutes ?? d.scaleDownMinutes,
    tpotMs: p.tpotMs,
    ttftS: p.ttftS,
    promptTokens: p.promptTokens,
    outputTokens: p.outputTokens,
    bandwidthEfficiency: p.bandwidthEfficiency,
    computeEfficiency: p.computeEfficiency,
    communicationEfficiency: p.communicationEfficiency,
  } satisfies Record<keyof SizingInputs, unknown>;
  return inputs as SizingInputs;
}
