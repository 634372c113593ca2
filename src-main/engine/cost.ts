import type { CostEstimate, LocalizedText, ServerRecord, SizingInputs } from './types.js';
import { HOURS_PER_YEAR } from './units.js';

const MONTHS_PER_YEAR = 12;

/** A cost input's default, with where the figure comes from; a scenario that leaves the input empty uses it. */
interface CostDefault {
  value: number;
  source: LocalizedText;
}

/**
 * Defaults of the cost lines beyond the servers themselves (issue: what a finance reviewer expects).
 * Each is a planning figure to replace with your own quotes.
 */
export const COST_DEFAULTS = {
  /** Wholesale colocation, charged on contracted IT power. */
  colocationUsdPerKwMonth: {
    value: 184,
    source: {
      en: 'CBRE North America Data Center Trends H2 2024: average asking rate USD 184.06 per kW-month for 250–500 kW at N+1 (https://www.cbre.com/insights/reports/north-america-data-center-trends-h2-2024)',
      'pt-BR':
        'CBRE North America Data Center Trends H2 2024: preço médio pedido de USD 184,06 por kW-mês para 250–500 kW com N+1 (https://www.cbre.com/insights/reports/north-america-data-center-trends-h2-2024)',
    },
  },
  /** Serving software and its support, per node and year. */
  supportUsdPerNodeYear: {
    value: 36_000,
    source: {
      en: 'NVIDIA AI Enterprise subscription, USD 4,500 per GPU per year, for an 8-GPU node (NVIDIA AI Enterprise licensing guide; stated by NVIDIA on its Q3 FY2024 earnings call)',
      'pt-BR':
        'assinatura NVIDIA AI Enterprise, USD 4.500 por GPU por ano, para um nó de 8 GPUs (guia de licenciamento do NVIDIA AI Enterprise; dito pela NVIDIA na teleconferência de resultados do 3º trimestre do ano fiscal de 2024)',
    },
  },
  /** Network fabric per node: NICs, a share of leaf and spine switches, optics and cables. */
  networkUsdPerNode: {
    value: 25_000,
    source: {
      en: 'planning allowance for two 400 Gb/s ports per node with a share of leaf and spine switches and optics; replace it with your network quote',
      'pt-BR':
        'verba de planejamento para duas portas de 400 Gb/s por nó com parte dos switches leaf e spine e dos ópticos; substitua pela sua cotação de rede',
    },
  },
  /** Average draw as a share of the node's maximum power, for the energy line. */
  averagePowerRatio: {
    value: 0.7,
    source: {
      en: 'planning assumption: inference nodes draw well below their data-sheet maximum on average; measure yours (nvidia-smi power readings, PDU metering)',
      'pt-BR':
        'premissa de planejamento: nós de inferência consomem em média bem menos que o máximo da ficha técnica; meça o seu (leituras de potência do nvidia-smi, medição na PDU)',
    },
  },
} as const satisfies Record<string, CostDefault>;

export type CostDefaultField = keyof typeof COST_DEFAULTS;

/** A cost input as entered, or its default when the scenario leaves it empty. */
export function costInput(inputs: SizingInputs, field: CostDefaultField): number {
  return inputs[field] ?? COST_DEFAULTS[field].value;
}

/** Energy of one node for one year, cooling included through the PUE, at a share of its maximum power. */
function energyPerNodeYearUsd(server: ServerRecord, inputs: SizingInputs, powerRatio: number): number {
  return server.nodePowerKW * powerRatio * inputs.pue * inputs.kwhPriceUsd * HOURS_PER_YEAR;
}

function pricePerNode(server: ServerRecord, inputs: SizingInputs): { low: number; high: number } {
  if (inputs.pricePerNodeUsd !== undefined) return { low: inputs.pricePerNodeUsd, high: inputs.pricePerNodeUsd };
  return { low: server.priceLowUsd, high: server.priceHighUsd };
}

/**
 * Estimates (SPEC §5, with the lines a finance reviewer expects): CapEx = servers (low/high price)
 * + network fabric; OpEx per year = energy at average power + colocation on maximum power +
 * support and software; TCO = CapEx + years × OpEx. Energy at maximum power is stated beside.
 */
export function estimateCost(nodes: number, concurrency: number, server: ServerRecord, inputs: SizingInputs): CostEstimate {
  const price = pricePerNode(server, inputs);
  const networkCapexUsd = nodes * costInput(inputs, 'networkUsdPerNode');
  const serverCapexLowUsd = nodes * price.low;
  const serverCapexHighUsd = nodes * price.high;
  const capexLowUsd = serverCapexLowUsd + networkCapexUsd;
  const capexHighUsd = serverCapexHighUsd + networkCapexUsd;
  const energyPerYearUsd = nodes * energyPerNodeYearUsd(server, inputs, costInput(inputs, 'averagePowerRatio'));
  const colocationPerYearUsd = nodes * server.nodePowerKW * costInput(inputs, 'colocationUsdPerKwMonth') * MONTHS_PER_YEAR;
  const supportPerYearUsd = nodes * costInput(inputs, 'supportUsdPerNodeYear');
  const opexPerYearUsd = energyPerYearUsd + colocationPerYearUsd + supportPerYearUsd;
  const tcoLowUsd = capexLowUsd + inputs.years * opexPerYearUsd;
  const tcoHighUsd = capexHighUsd + inputs.years * opexPerYearUsd;
  return {
    pricePerNodeLowUsd: price.low,
    pricePerNodeHighUsd: price.high,
    priceIsOverride: inputs.pricePerNodeUsd !== undefined,
    serverCapexLowUsd,
    serverCapexHighUsd,
    networkCapexUsd,
    capexLowUsd,
    capexHighUsd,
    energyPerYearUsd,
    energyAtMaxPowerPerYearUsd: nodes * energyPerNodeYearUsd(server, inputs, 1),
    colocationPerYearUsd,
    supportPerYearUsd,
    opexPerYearUsd,
    years: inputs.years,
    tcoLowUsd,
    tcoHighUsd,
    capexPerSessionLowUsd: capexLowUsd / concurrency,
    capexPerSessionHighUsd: capexHighUsd / concurrency,
    tcoPerSessionLowUsd: tcoLowUsd / concurrency,
    tcoPerSessionHighUsd: tcoHighUsd / concurrency,
    rates: {
      colocationUsdPerKwMonth: costInput(inputs, 'colocationUsdPerKwMonth'),
      supportUsdPerNodeYear: costInput(inputs, 'supportUsdPerNodeYear'),
      networkUsdPerNode: costInput(inputs, 'networkUsdPerNode'),
      averagePowerRatio: costInput(inputs, 'averagePowerRatio'),
    },
  };
}
