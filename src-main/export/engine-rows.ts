import {
  SERVING_ENGINE_NAMES,
  formatNumber,
  type CalibratedTerm,
  type EngineFigures,
  type Lang,
  type SizingResult,
} from '../engine/index.js';
import { bindingLabel, label, type LabelKey } from '../i18n/labels.js';

/** One line of the per-GPU figures: what it is, its value, and a note. */
type EngineRow = [name: string, value: string, note?: string];

/** The method a result was sized with, as every report names it: "pooled method" or "engine method (vLLM 0.11)". */
export function methodLabel(result: SizingResult, lang: Lang): string {
  const e = result.engine;
  return e ? label(lang, 'methodEngine', { engine: SERVING_ENGINE_NAMES[e.name], version: e.version }) : label(lang, 'methodPooled');
}

/** The per-GPU section's heading: "Memory per GPU (vLLM 0.11)"; null for the pooled method. */
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
    [L('kvTokensPerReplica'), n(e.kvTokensPerReplica), L('blockNote', { size: e.blockSize })],
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
