import {
  formatNumber,
  formatPercent,
  formatUsd,
  formatUsdRange,
  type CostEstimate,
  type Lang,
  type ServerRecord,
} from '../engine/index.js';
import { label } from './labels.js';

/** One line of the cost breakdown: its name, its figure and a note on where the figure comes from. */
type CostRow = [name: string, value: string, note?: string];

/**
 * The cost breakdown a finance reviewer reads, the same in the command-line report and the PDF:
 * CapEx (servers + network), OpEx per year with its three lines, TCO and CapEx per session.
 */
export function costRows(c: CostEstimate, server: ServerRecord, lang: Lang): CostRow[] {
  const L = (key: Parameters<typeof label>[1], params?: Record<string, string | number>) => label(lang, key, params);
  const range = (low: number, high: number) => formatUsdRange(low, high, lang);
  const usd = (v: number) => formatUsd(v, lang);
  const sub = (name: string) => `  ${name}`;
  return [
    [L('capex'), range(c.capexLowUsd, c.capexHighUsd), L(c.priceIsOverride ? 'costNoteOverride' : 'costNoteReport')],
    [
      sub(L('serverCapex')),
      range(c.serverCapexLowUsd, c.serverCapexHighUsd),
      L('perNodeNote', { price: range(c.pricePerNodeLowUsd, c.pricePerNodeHighUsd) }),
    ],
    [sub(L('networkCapex')), usd(c.networkCapexUsd), L('perNodeNote', { price: usd(c.rates.networkUsdPerNode) })],
    [L('opexPerYear'), usd(c.opexPerYearUsd)],
    [
      sub(L('energyPerYear')),
      usd(c.energyPerYearUsd),
      L('energyNote', { ratio: formatPercent(c.rates.averagePowerRatio, lang, 0), max: usd(c.energyAtMaxPowerPerYearUsd) }),
    ],
    [
      sub(L('colocationPerYear')),
      usd(c.colocationPerYearUsd),
      L('colocationNote', {
        rate: `USD ${formatNumber(c.rates.colocationUsdPerKwMonth, lang, 2)}`,
        kw: formatNumber(server.nodePowerKW, lang, 1),
      }),
    ],
    [sub(L('supportPerYear')), usd(c.supportPerYearUsd), L('supportNote', { rate: usd(c.rates.supportUsdPerNodeYear) })],
    [L('tco', { years: formatNumber(c.years, lang, 1) }), range(c.tcoLowUsd, c.tcoHighUsd)],
    [L('capexPerSession'), range(c.capexPerSessionLowUsd, c.capexPerSessionHighUsd)],
  ];
}
