import type { CostEstimate, ServerRecord, SizingInputs } from './types.js';
import { HOURS_PER_YEAR } from './units.js';

/** Energy cost of one node for one year, including cooling through the PUE factor. */
export function opexPerNodeYearUsd(server: ServerRecord, inputs: SizingInputs): number {
  return server.nodePowerKW * inputs.pue * inputs.kwhPriceUsd * HOURS_PER_YEAR;
}

export function pricePerNode(server: ServerRecord, inputs: SizingInputs): { low: number; high: number } {
  if (inputs.pricePerNodeUsd !== undefined) return { low: inputs.pricePerNodeUsd, high: inputs.pricePerNodeUsd };
  return { low: server.priceLowUsd, high: server.priceHighUsd };
}

/** Estimates (SPEC §5): CapEx range from the price range, OpEx from power, TCO over `years`. */
export function estimateCost(nodes: number, concurrency: number, server: ServerRecord, inputs: SizingInputs): CostEstimate {
  const price = pricePerNode(server, inputs);
  const capexLowUsd = nodes * price.low;
  const capexHighUsd = nodes * price.high;
  const opexPerYearUsd = nodes * opexPerNodeYearUsd(server, inputs);
  const tcoLowUsd = capexLowUsd + inputs.years * opexPerYearUsd;
  const tcoHighUsd = capexHighUsd + inputs.years * opexPerYearUsd;
  return {
    pricePerNodeLowUsd: price.low,
    pricePerNodeHighUsd: price.high,
    priceIsOverride: inputs.pricePerNodeUsd !== undefined,
    capexLowUsd,
    capexHighUsd,
    opexPerYearUsd,
    years: inputs.years,
    tcoLowUsd,
    tcoHighUsd,
    capexPerSessionLowUsd: capexLowUsd / concurrency,
    capexPerSessionHighUsd: capexHighUsd / concurrency,
    tcoPerSessionLowUsd: tcoLowUsd / concurrency,
    tcoPerSessionHighUsd: tcoHighUsd / concurrency,
  };
}
