import { formatNumber, type Lang, type OptimiseResult, type RegionOptimisation } from '../engine/index.js';
import { label } from '../i18n/labels.js';
import { toCsv, type CsvOptions } from './csv.js';

const OPTIMISE_CSV_COLUMNS = [
  'region',
  'rank',
  'serverId',
  'tp',
  'engine',
  'weightsPrecision',
  'kvPrecision',
  'sessionsPerNode',
  'nodesTotal',
  'capexLowUsd',
  'capexHighUsd',
  'tcoLowUsd',
  'tcoHighUsd',
  'tpotMs',
  'ttftS',
  'bindingLimit',
  'tcoPerMillionTokensUsd',
  // The start-up-log profile a plan was sized with (empty: the formulas).
  'calibrationLogDate',
  'calibrationSource',
];

/** The ranked plans of every region searched, one row each (formula-injection safe through toCsv). */
export function optimiseCsv(searches: RegionOptimisation[], options: CsvOptions): string {
  const rows = searches.flatMap(({ name, result }) =>
    result.plans.map((p, i) => [
      name ?? '',
      i + 1,
      p.serverId,
      p.tp,
      p.engine ?? '',
      p.weightsPrecision,
      p.kvPrecision,
      p.sessionsPerNode,
      p.nodes.total,
      p.cost.capexLowUsd,
      p.cost.capexHighUsd,
      p.cost.tcoLowUsd,
      p.cost.tcoHighUsd,
      p.tpotMs,
      p.ttftS,
      p.bindingLimit,
      p.tcoPerMillionTokensUsd,
      p.calibration?.profile.logDate,
      p.calibration?.profile.source,
    ]),
  );
  return toCsv({ header: OPTIMISE_CSV_COLUMNS, rows }, options);
}

/**
 * Which start-up-log profile each ranked plan was sized with, as every engine-method output names it:
 * "Calibration: plan 2 calibrated from a log of 2025-10-08 (vLLM 0.11.0, h100.log); the others:
 * formulas". Null where nothing was searched with the engine method (no plans, or the pooled method).
 */
export function optimiseCalibrationLine(result: OptimiseResult, lang: Lang): string | null {
  const plans = result.plans;
  if (plans.length === 0 || plans[0]!.engine === null) return null;
  const heading = label(lang, 'calibration');
  if (plans[0]!.inputs.calibration === 'off') return `${heading}: ${label(lang, 'calibrationOff')}`;
  const ranksByProfile = new Map<string, number[]>();
  plans.forEach((plan, i) => {
    const message = plan.calibration?.message[lang];
    if (message !== undefined) ranksByProfile.set(message, [...(ranksByProfile.get(message) ?? []), i + 1]);
  });
  if (ranksByProfile.size === 0) return `${heading}: ${label(lang, 'optimiseCalibrationNone')}`;
  const parts = [...ranksByProfile].map(([message, ranks]) => {
    const list = ranks.map((rank) => formatNumber(rank, lang)).join(', ');
    return `${label(lang, ranks.length === 1 ? 'planRank' : 'planRanks', { ranks: list })} ${message}`;
  });
  const calibrated = [...ranksByProfile.values()].reduce((sum, ranks) => sum + ranks.length, 0);
  if (calibrated < plans.length) parts.push(label(lang, 'optimiseCalibrationOthers'));
  return `${heading}: ${parts.join('; ')}`;
}
