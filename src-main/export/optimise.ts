import type { RegionOptimisation } from '../engine/index.js';
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
    ]),
  );
  return toCsv({ header: OPTIMISE_CSV_COLUMNS, rows }, options);
}
