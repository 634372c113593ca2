import { fractionBaseGiB, loggedKvPrecision, sizeEngine } from '../engine-method.js';
import { describeIssue, validateInputs, withDefaults } from '../inputs.js';
import { FRACTION_FIELD, versionFamilyOf } from '../serving-engines.js';
import type { Catalog, LocalizedText, ModelRecord, ServerRecord, SizingInputs } from '../types.js';
import type { LogFigureKey, StartupLog } from './types.js';

/** The per-GPU terms and KV capacity compared, in the order a reader follows the budget. */
const PREDICTED_TERMS = [
  'visibleGiB',
  'weightsGiB',
  'activationPeakGiB',
  'nonTorchGiB',
  'cudaGraphGiB',
  'kvAvailableGiB',
  'kvTokens',
  'maxConcurrency',
] as const satisfies readonly LogFigureKey[];
type PredictedTerm = (typeof PREDICTED_TERMS)[number];

/** One term as the uncalibrated engine method predicts it and as the log states it; error = predicted ÷ logged − 1. */
interface PredictionRow {
  key: PredictedTerm;
  predicted: number | null;
  logged: number | null;
  errorRatio: number | null;
}

/** The engine method's prediction for the log's own start-up: the scenario it sized, and each term beside the log. */
export type LogPrediction = { ok: true; inputs: SizingInputs; rows: PredictionRow[] } | { ok: false; message: LocalizedText };

/**
 * The scenario the log describes: its model, server, engine and version family, TP, memory fraction,
 * batch limits, block size and KV dtype, one request of its max model length (vLLM's "Maximum
 * concurrency for N tokens per request" is at max_model_len). What the log does not state is the
 * engine's default, as it was for the engine.
 */
function inputsOfLog(log: StartupLog, model: ModelRecord, server: ServerRecord, catalog: Catalog): SizingInputs {
  const maxModelLen = Math.min(log.maxModelLen ?? model.maxContextTokens, model.maxContextTokens);
  return withDefaults(
    {
      method: 'engine',
      modelId: model.id,
      serverId: server.id,
      concurrency: 1,
      effectiveContextTokens: maxModelLen,
      maxModelLen,
      kvPrecision: loggedKvPrecision(log.kvCacheDtype, model),
      servingEngine: log.engine,
      engineVersion: versionFamilyOf(log.engine, log.engineVersion),
      [FRACTION_FIELD[log.engine]]: log.memoryFraction ?? undefined,
      tp: log.tp ?? 1,
      maxNumBatchedTokens: log.maxNumBatchedTokens ?? undefined,
      maxNumSeqs: log.maxNumSeqs ?? undefined,
      blockSize: log.blockSize ?? undefined,
    },
    catalog,
  );
}

/**
 * What the engine method's formulas (no calibration) say for the start-up the log records, beside
 * each figure the log states, so a reader sees how far the formulas are from this deployment before
 * a profile replaces them. Refused, with the input at fault, when the log's settings cannot be sized.
 */
export function predictLog(log: StartupLog, model: ModelRecord, server: ServerRecord, catalog: Catalog): LogPrediction {
  const inputs = inputsOfLog(log, model, server, catalog);
  const issue = validateInputs(inputs, catalog)[0];
  if (issue) {
    return {
      ok: false,
      message: {
        en: `the engine method cannot size the log's settings: ${issue.field}: ${describeIssue(issue)}`,
        'pt-BR': `o método engine não consegue dimensionar as configurações do log: ${issue.field}: ${JSON.stringify(issue.value)} não é permitido; esperado ${issue.allowedText['pt-BR']}`,
      },
    };
  }
  const e = sizeEngine(inputs, model, server).engine!;
  const predicted: Record<PredictedTerm, number | null> = {
    ...e.perGpu,
    // SGLang's log states the memory free before loading (its fraction's base), not the total CUDA reports.
    visibleGiB: e.fractionOf === 'weights-and-kv' ? fractionBaseGiB(e.perGpu, e.fractionOf) : e.perGpu.visibleGiB,
    kvTokens: e.kvTokensPerReplica,
    maxConcurrency: e.maxConcurrencyPerReplica,
  };
  const rows = PREDICTED_TERMS.map((key) => {
    const logged = log.figures[key]?.value ?? null;
    const value = predicted[key];
    const errorRatio = value === null || logged === null || logged === 0 ? null : value / logged - 1;
    return { key, predicted: value, logged, errorRatio };
  });
  return { ok: true, inputs, rows };
}
