import {
  FRACTION_FIELD,
  SERVING_ENGINE_NAMES,
  formatNumber,
  formatPercent,
  resolveKvPrecision,
  type CalibratedTerm,
  type EngineFigures,
  type Lang,
  type SizingResult,
} from '../engine/index.js';
import { bindingLabel, label, type LabelKey } from '../i18n/labels.js';

/** One line of the per-GPU figures: what it is, its value, and a note. */
type EngineRow = [name: string, value: string, note?: string];

/** The method a result was sized with, as every report names it: "pooled method" or "engine method (vLLM 0.17)". */
export function methodLabel(result: SizingResult, lang: Lang): string {
  const e = result.engine;
  return e ? label(lang, 'methodEngine', { engine: SERVING_ENGINE_NAMES[e.name], version: e.version }) : label(lang, 'methodPooled');
}

/** The per-GPU section's heading: "Memory per GPU (vLLM 0.17)"; null for the pooled method. */
export function perGpuHeading(result: SizingResult, lang: Lang): string | null {
  const e = result.engine;
  return e ? label(lang, 'perGpuSection', { engine: SERVING_ENGINE_NAMES[e.name], version: e.version }) : null;
}

const BASIS_KEYS = { 'engine-log': 'visibleBasisEngineLog', measured: 'visibleBasisMeasured', nominal: 'visibleBasisNominal' } as const;

/** The memory basis a result stands on: the nominal or measured HBM, or for the engine method where its visible memory comes from. */
export function basisLabel(result: SizingResult, lang: Lang): string {
  const e = result.engine;
  if (e) return label(lang, 'perGpuBasis', { basis: label(lang, BASIS_KEYS[e.visibleBasis]) });
  return label(lang, result.inputs.memoryBasis === 'measured' ? 'basisMeasured' : 'basisNominal');
}

/**
 * How full one node's memory is at the planned load. The pooled method: the share of HBM used
 * (reserve, runtime and KV in use). The engine method reserves its KV pool at start-up, so HBM use says
 * nothing there; its row is the share of the KV cache in use, the figure engines report and alerts
 * watch. Null when the plan is not feasible.
 */
export function memoryUseRow(result: SizingResult, lang: Lang): EngineRow | null {
  const m = result.memoryPerNode;
  if (!m) return null;
  if (!result.engine) return [label(lang, 'hbmUsedAtLoad'), formatPercent(m.usedRatio, lang)];
  const kvPoolGiB = m.kvInUseGiB + Math.max(0, m.kvFreeGiB);
  return [label(lang, 'kvCacheUsedAtLoad'), formatPercent(kvPoolGiB > 0 ? m.kvInUseGiB / kvPoolGiB : 0, lang)];
}

/** The assumptions' memory line: for the engine method, the memory each GPU shows the engine, and that the basis input is not used. */
export function basisAssumption(result: SizingResult, lang: Lang): string {
  const e = result.engine;
  if (!e) return label(lang, result.inputs.memoryBasis === 'measured' ? 'assumptionBasisMeasured' : 'assumptionBasisNominal');
  const gib = formatNumber(e.perGpu.visibleGiB, lang, 2, 2);
  return label(lang, 'assumptionBasisEngine', { gib, basis: label(lang, BASIS_KEYS[e.visibleBasis]) });
}

/**
 * The KV precision as stored: `auto` resolved to the model's dtype (bf16 where its record states
 * none), and the note that says so. Both methods accept `auto`.
 */
export function kvPrecisionRow(result: SizingResult, lang: Lang): EngineRow {
  const given = result.inputs.kvPrecision;
  const stored = resolveKvPrecision(given, result.model);
  const note = given !== 'auto' ? undefined : label(lang, result.model.dtype ? 'kvAutoNote' : 'kvAutoNoteNoDtype');
  return [label(lang, 'kvPrecision'), stored, note];
}

/**
 * What the engine method ran with: the engine and version, its memory-fraction knob, TP, the
 * longest request, batch limits and page size, each said to be as set in the scenario or the
 * default (and whose) the method applied. Empty for the pooled method, which has none of them.
 */
export function engineInputRows(result: SizingResult, lang: Lang): EngineRow[] {
  const e = result.engine;
  if (!e) return [];
  const i = result.inputs;
  const L = (key: LabelKey, params?: Record<string, string | number>) => label(lang, key, params);
  const n = (v: number) => formatNumber(v, lang);
  const engine = SERVING_ENGINE_NAMES[e.name];
  const fractionField = FRACTION_FIELD[e.name];
  const asSetOr = (value: unknown, fallback: string) => (value === undefined ? fallback : L('asSet'));
  const of = L(FRACTION_KEYS[e.fractionOf]);
  // vLLM's batch limits depend on the GPU (its memory and generation); the other engines' do not.
  const batchLimitDefault = L(e.name === 'vllm' ? 'engineGpuDefaultNote' : 'engineDefaultNote', { engine });
  return [
    [
      L('servingEngine'),
      `${engine} ${e.version}`,
      asSetOr(i.engineVersion, L(e.name === 'vllm' ? 'engineVersionDefaultVllm' : 'engineVersionDefault')),
    ],
    [
      L(fractionField),
      formatNumber(e.memoryFraction, lang, 2),
      i[fractionField] === undefined ? L('fractionDefaultNote', { engine, version: e.version, of }) : L('fractionSetNote', { of }),
    ],
    [L('tpShort'), n(e.tp), asSetOr(i.tp, L('tpChosenNote'))],
    [L('maxModelLen'), n(e.maxModelLen), asSetOr(i.maxModelLen, L('maxModelLenDefaultNote'))],
    [L('maxNumSeqs'), n(e.maxNumSeqs), asSetOr(i.maxNumSeqs, batchLimitDefault)],
    [L('maxNumBatchedTokens'), n(e.maxNumBatchedTokens), asSetOr(i.maxNumBatchedTokens, batchLimitDefault)],
    [L('blockSize'), n(e.blockSize), asSetOr(i.blockSize, L('engineDefaultNote', { engine }))],
  ];
}

const FRACTION_KEYS = {
  total: 'fractionOfTotal',
  'weights-and-kv': 'fractionOfWeightsAndKv',
  'free-after-load': 'fractionOfFreeAfterLoad',
} as const;

/**
 * The engine method's per-GPU breakdown, as the text report and the PDF show it: the replica
 * layout, what the engine holds on each GPU, what is left for KV, the concurrency one replica
 * admits and the limit that binds; first, the calibration profile that replaced the formulas (or
 * why none did), and beside each term a start-up log measured, that it did. Empty for the pooled method.
 */
export function perGpuRows(result: SizingResult, lang: Lang): EngineRow[] {
  const e = result.engine;
  if (!e) return [];
  const L = (key: LabelKey, params?: Record<string, string | number>) => label(lang, key, params);
  const n = (v: number, digits = 0, min = 0) => formatNumber(v, lang, digits, min);
  const gib = (v: number) => `${n(v, 2, 2)} GiB`;
  const p = e.perGpu;
  const c = e.calibration;
  const noted = (key: CalibratedTerm, note?: string) =>
    c?.measured.includes(key) ? [note, L('calibrationLogged')].filter(Boolean).join('; ') : note;
  const calibration = c ? c.message[lang] : L(result.inputs.calibration === 'off' ? 'calibrationOff' : 'calibrationNone');
  return [
    [L('calibration'), calibration],
    [L('replicaLayout'), L('replicaLayoutValue', { gpus: result.server.gpus, replicas: e.replicasPerNode, tp: e.tp })],
    [
      L('visibleGiB'),
      gib(p.visibleGiB),
      L('visibleNote', { basis: L(BASIS_KEYS[e.visibleBasis]), fraction: n(e.memoryFraction, 2), of: L(FRACTION_KEYS[e.fractionOf]) }),
    ],
    [L('weightsPerGpu'), gib(p.weightsGiB), noted('weightsGiB', result.model.weightsFormat)],
    [L('activationPeak'), gib(p.activationPeakGiB), noted('activationPeakGiB', `max_num_batched_tokens ${n(e.maxNumBatchedTokens)}`)],
    [L('nonTorch'), gib(p.nonTorchGiB), noted('nonTorchGiB')],
    [
      L('cudaGraphs'),
      p.cudaGraphGiB === null ? '—' : gib(p.cudaGraphGiB),
      p.cudaGraphGiB === null ? L('cudaGraphsOutside') : noted('cudaGraphGiB'),
    ],
    [
      L('kvAvailable'),
      gib(p.kvAvailableGiB),
      c
        ? `${e.kvPrecision}; ${L('calibrationLogged')}; ${L('calibrationFormulaKv', { gib: n(c.formulaKvAvailableGiB, 2, 2) })}`
        : e.kvPrecision,
    ],
    [L('kvPerTokenPerGpu'), `${n(e.kvBytesPerTokenPerGpu)} B`],
    [L('kvTokensPerReplica'), n(e.kvTokensPerReplica), L(e.blockSize === 1 ? 'blockNoteOne' : 'blockNote', { size: e.blockSize })],
    [
      L('maxConcurrencyPerReplica'),
      `${n(e.maxConcurrencyPerReplica, 2, 2)}×`,
      L('maxConcurrencyNote', { context: n(result.inputs.effectiveContextTokens), seqs: n(e.maxNumSeqs) }),
    ],
    memoryLimitRow(result, e, lang),
  ];
}

/**
 * What binds memory on one replica; when a service target binds before it, the plan's limit beside
 * it (a TPOT target can hold a replica to 90 sessions where its KV cache admits 280).
 */
function memoryLimitRow(result: SizingResult, e: EngineFigures, lang: Lang): EngineRow {
  const planLimit = result.latency?.bindingLimit;
  const latencyBinds = planLimit === 'tpot' || planLimit === 'ttft';
  return [
    label(lang, 'memoryBindingLimit'),
    label(lang, `binding.${e.bindingLimit}`),
    latencyBinds ? label(lang, 'planLimitedBy', { limit: bindingLabel(lang, planLimit) }) : undefined,
  ];
}
