import {
  HA_POLICIES,
  KV_PRECISION_CHOICES,
  MEMORY_BASES,
  METHOD_IDS,
  SERVING_ENGINES,
  WEIGHTS_PRECISIONS,
  findTemplate,
  TEMPLATES,
  validateInputs,
  withDefaults,
  type Catalog,
  type Lang,
  type SizingInputs,
  type Template,
} from '../engine/index.js';
import { parseChoice, parseNumber, type ParsedArgs } from './args.js';
import { both, CliError, oneOf } from './errors.js';

type FlagKind = 'id' | 'number' | 'precision' | 'ha' | 'basis' | 'method' | 'engine' | 'weights' | 'text';

/** The original script's flags (word for word) plus this product's additions, and the input each sets. */
export const SIZING_FLAGS: Record<string, { field: keyof SizingInputs; kind: FlagKind }> = {
  model: { field: 'modelId', kind: 'id' },
  server: { field: 'serverId', kind: 'id' },
  storage: { field: 'storageId', kind: 'id' },
  concurrency: { field: 'concurrency', kind: 'number' },
  'effective-context': { field: 'effectiveContextTokens', kind: 'number' },
  'kv-precision': { field: 'kvPrecision', kind: 'precision' },
  'kv-budget-ratio': { field: 'kvBudgetRatio', kind: 'number' },
  'runtime-overhead-gib': { field: 'runtimeOverheadGiB', kind: 'number' },
  'peak-headroom-ratio': { field: 'peakHeadroomRatio', kind: 'number' },
  ha: { field: 'ha', kind: 'ha' },
  'memory-basis': { field: 'memoryBasis', kind: 'basis' },
  'price-per-node-usd': { field: 'pricePerNodeUsd', kind: 'number' },
  years: { field: 'years', kind: 'number' },
  pue: { field: 'pue', kind: 'number' },
  'kwh-price-usd': { field: 'kwhPriceUsd', kind: 'number' },
  'colocation-usd-per-kw-month': { field: 'colocationUsdPerKwMonth', kind: 'number' },
  'support-usd-per-node-year': { field: 'supportUsdPerNodeYear', kind: 'number' },
  'network-usd-per-node': { field: 'networkUsdPerNode', kind: 'number' },
  'average-power-ratio': { field: 'averagePowerRatio', kind: 'number' },
  'cold-start-target-s': { field: 'coldStartTargetS', kind: 'number' },
  'engine-init-s': { field: 'engineInitS', kind: 'number' },
  'availability-target': { field: 'availabilityTarget', kind: 'number' },
  'pod-size': { field: 'podSize', kind: 'number' },
  // The engine method (issue 8): each knob under the engine's own name, accepted only with its engine.
  method: { field: 'method', kind: 'method' },
  engine: { field: 'servingEngine', kind: 'engine' },
  'engine-version': { field: 'engineVersion', kind: 'text' },
  'gpu-memory-utilization': { field: 'gpuMemoryUtilization', kind: 'number' },
  'mem-fraction-static': { field: 'memFractionStatic', kind: 'number' },
  'free-gpu-memory-fraction': { field: 'freeGpuMemoryFraction', kind: 'number' },
  tp: { field: 'tp', kind: 'number' },
  'max-num-batched-tokens': { field: 'maxNumBatchedTokens', kind: 'number' },
  'max-num-seqs': { field: 'maxNumSeqs', kind: 'number' },
  'max-model-len': { field: 'maxModelLen', kind: 'number' },
  'block-size': { field: 'blockSize', kind: 'number' },
  'weights-precision': { field: 'weightsPrecision', kind: 'weights' },
  'tpot-ms': { field: 'tpotMs', kind: 'number' },
  'ttft-s': { field: 'ttftS', kind: 'number' },
  'prompt-tokens': { field: 'promptTokens', kind: 'number' },
  'output-tokens': { field: 'outputTokens', kind: 'number' },
  'bandwidth-efficiency': { field: 'bandwidthEfficiency', kind: 'number' },
  'compute-efficiency': { field: 'computeEfficiency', kind: 'number' },
  'communication-efficiency': { field: 'communicationEfficiency', kind: 'number' },
};

/** The switch that turns calibration off for the engine method (inputs.calibration = 'off'). */
export const NO_CALIBRATION = 'no-calibration';

export const FLAG_OF_FIELD = new Map<keyof SizingInputs, string>([
  ...Object.entries(SIZING_FLAGS).map(([flag, spec]) => [spec.field, `--${flag}`] as const),
  ['calibration', `--${NO_CALIBRATION}`],
]);
const REQUIRED = ['model', 'server', 'concurrency', 'effective-context'];

function parseFlagValue(flag: string, kind: FlagKind, raw: string): string | number {
  switch (kind) {
    case 'number':
      return parseNumber(flag, raw);
    case 'precision':
      return parseChoice(flag, raw, KV_PRECISION_CHOICES);
    case 'method':
      return parseChoice(flag, raw, METHOD_IDS);
    case 'engine':
      return parseChoice(flag, raw, SERVING_ENGINES);
    case 'weights':
      return parseChoice(flag, raw, WEIGHTS_PRECISIONS);
    case 'text':
      return raw;
    case 'ha':
      return parseChoice(flag, raw, HA_POLICIES);
    case 'basis':
      return parseChoice(flag, raw, MEMORY_BASES);
    case 'id':
      return raw;
  }
}

export function parseLang(args: ParsedArgs): Lang {
  return parseChoice('lang', args.flags.get('lang') ?? 'en', ['en', 'pt-BR'] as const);
}

export function parseFormat<T extends string>(args: ParsedArgs, allowed: readonly T[]): T {
  return parseChoice('format', args.flags.get('format') ?? allowed[0]!, allowed);
}

export function parseTemplate(args: ParsedArgs): Template | undefined {
  const id = args.flags.get('template');
  if (id === undefined) return undefined;
  const template = findTemplate(id);
  if (!template) throw CliError.badValue('--template', id, oneOf(TEMPLATES.map((t) => t.id)));
  return template;
}

/** Only the sizing flags given, parsed, as overrides (a region's differences from its base). */
export function overridesFromArgs(args: ParsedArgs): Partial<SizingInputs> {
  const given: Partial<SizingInputs> = {};
  for (const [flag, spec] of Object.entries(SIZING_FLAGS)) {
    const raw = args.flags.get(flag);
    if (raw !== undefined && spec.field !== 'concurrency')
      (given as Record<string, unknown>)[spec.field] = parseFlagValue(flag, spec.kind, raw);
  }
  if (args.switches.has(NO_CALIBRATION)) given.calibration = 'off';
  return given;
}

/** Inputs from the flags, over a template when one is given; validated against the catalog. */
export function inputsFromArgs(args: ParsedArgs, catalog: Catalog, template?: Template): SizingInputs {
  const given: Partial<SizingInputs> = overridesFromArgs(args);
  const concurrency = args.flags.get('concurrency');
  if (concurrency !== undefined) given.concurrency = parseNumber('concurrency', concurrency);
  if (!template) {
    const missing = REQUIRED.filter((flag) => !args.flags.has(flag));
    if (missing.length > 0) {
      throw CliError.required(
        missing.map((f) => `--${f}`).join(', '),
        both('(or give --template ID); see sizing --help', '(ou informe --template ID); veja sizing --help'),
      );
    }
  }
  const inputs = template ? { ...template.inputs, ...given } : withDefaults(given as SizingInputs, catalog);
  const issues = validateInputs(inputs, catalog);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw CliError.badValue(FLAG_OF_FIELD.get(first.field) ?? first.field, first.value, first.allowedText);
  }
  return inputs;
}
