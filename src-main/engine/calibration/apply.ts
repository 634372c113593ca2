import type { CalibratedTerm, EngineCalibration, LocalizedText } from '../types.js';
import { BYTES_PER_GIB } from '../units.js';
import { ENGINE_NAMES } from './parse-log.js';
import type { CalibrationKey, CalibrationProfile } from './profile.js';

/** One GPU's memory terms (GiB) as the engine method computes them; cudaGraphGiB is null where graphs sit outside the budget. */
export interface PerGpuMemory {
  visibleGiB: number;
  weightsGiB: number;
  activationPeakGiB: number;
  nonTorchGiB: number;
  cudaGraphGiB: number | null;
  kvAvailableGiB: number;
}

/** What an engine's memory fraction is a share of: total memory (vLLM), weights and KV (SGLang), memory free after loading (TensorRT-LLM). */
type FractionSemantics = 'total' | 'weights-and-kv' | 'free-after-load';

/**
 * A stored profile applies to a scenario of the same model, server, engine and TP whose weights load as
 * shipped (a log measures the checkpoint it ran, not another format of it).
 */
export function profileFor<P extends CalibrationKey>(
  profiles: readonly P[] | undefined,
  scenario: Omit<CalibrationKey, 'engine'> & { engine: string; weightsAsShipped: boolean },
): P | undefined {
  if (!profiles || !scenario.weightsAsShipped) return undefined;
  return profiles.find(
    (p) => p.modelId === scenario.modelId && p.serverId === scenario.serverId && p.engine === scenario.engine && p.tp === scenario.tp,
  );
}

function calibratedMessage(profile: Pick<CalibrationProfile, 'logDate' | 'engine' | 'engineVersion' | 'source'>): LocalizedText {
  const engine = `${ENGINE_NAMES[profile.engine]}${profile.engineVersion ? ` ${profile.engineVersion}` : ''}`;
  return {
    en: `calibrated from a log of ${profile.logDate} (${engine}, ${profile.source})`,
    'pt-BR': `calibrado a partir de um log de ${profile.logDate} (${engine}, ${profile.source})`,
  };
}

/**
 * The engine method's per-GPU terms with a profile's measurements in place of its formulas.
 *
 * The KV cache is the logged one, moved by the change of memory fraction: kv = kv_log + base × (f − f_log),
 * where base is what the fraction is a share of (the visible memory vLLM logged, or the memory SGLang
 * found free before loading; the formulas' figure for it where the log states neither). At the logged
 * fraction this is exactly the logged KV cache, whatever the formulas would have said. Weights, memory
 * outside PyTorch and CUDA graphs are the logged figures where the log has them; an activation peak the
 * log does not state is its balance: what the budget holds beyond the KV cache and the other terms.
 * Returns null when the profile cannot stand in (no KV figure, or an engine whose fraction is of memory
 * free after loading).
 */
export function applyCalibration(input: {
  formula: PerGpuMemory;
  profile: CalibrationProfile & { id?: number };
  /** The scenario's memory fraction, and the engine version's default for a log that does not state its own. */
  fraction: number;
  defaultFraction: number;
  fractionOf: FractionSemantics;
  /** What the fraction is a share of by the formulas (engine-method.ts fractionBaseGiB), for a log that does not state it. */
  formulaFractionBaseGiB: number;
  /** The model's KV bytes per token on one GPU at the profile's TP and the scenario's KV precision. */
  kvBytesPerTokenPerGpu: number;
}): { perGpu: PerGpuMemory; calibration: EngineCalibration } | null {
  const { formula, profile, fraction } = input;
  const m = profile.measured;
  if (input.fractionOf === 'free-after-load') return null;
  const kvLog = m.kvAvailableGiB ?? (m.kvTokens === null ? null : (m.kvTokens * input.kvBytesPerTokenPerGpu) / BYTES_PER_GIB);
  if (kvLog === null) return null;
  const kvFromTokens = m.kvAvailableGiB === null;
  const loggedFraction = profile.memoryFraction ?? input.defaultFraction;
  // The memory the fraction is a share of moves the KV by base × Δfraction. SGLang's log states it: "Load
  // weight begin. avail mem" is the free memory pre_model_load_memory reads, after the CUDA context and
  // the distributed init, so the NCCL buffers "Init torch distributed ends. mem usage" reports (0.00 at
  // TP 1) are already outside it and the logged memory outside PyTorch never enters the KV here. Without
  // that line, the formulas' figure for the same reading.
  const base = m.visibleGiB ?? input.formulaFractionBaseGiB;
  const kvAvailableGiB = kvLog + base * (fraction - loggedFraction);
  const measured: CalibratedTerm[] = ['kvAvailableGiB'];
  const take = (term: 'weightsGiB' | 'nonTorchGiB', fallback: number) => {
    if (m[term] === null) return fallback;
    measured.push(term);
    return m[term];
  };
  const weightsGiB = take('weightsGiB', formula.weightsGiB);
  const nonTorchGiB = take('nonTorchGiB', formula.nonTorchGiB);
  let cudaGraphGiB = formula.cudaGraphGiB;
  if (cudaGraphGiB !== null && m.cudaGraphGiB !== null) {
    cudaGraphGiB = m.cudaGraphGiB;
    measured.push('cudaGraphGiB');
  }
  let activationPeakGiB = formula.activationPeakGiB;
  if (m.activationPeakGiB !== null) {
    activationPeakGiB = m.activationPeakGiB;
    measured.push('activationPeakGiB');
  } else if (input.fractionOf === 'total') {
    // The log's balance: the budget at the scenario's fraction less the KV cache and the other terms.
    activationPeakGiB = Math.max(0, formula.visibleGiB * fraction - kvAvailableGiB - weightsGiB - nonTorchGiB - (cudaGraphGiB ?? 0));
    measured.push('activationPeakGiB');
  }
  return {
    perGpu: { visibleGiB: formula.visibleGiB, weightsGiB, activationPeakGiB, nonTorchGiB, cudaGraphGiB, kvAvailableGiB },
    calibration: {
      profile,
      measured,
      fractionAssumed: profile.memoryFraction === null,
      kvFromTokens,
      formulaKvAvailableGiB: formula.kvAvailableGiB,
      message: calibratedMessage(profile),
    },
  };
}
