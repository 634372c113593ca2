import { kvBytesPerSession, resolveKvPrecision } from './kv.js';
import { formatNumber } from './format.js';
import type { Infeasibility, MethodResult, NodeCounts, ModelRecord, ServerRecord, SizingInputs } from './types.js';
import { BYTES_PER_GB, BYTES_PER_GIB, BYTES_PER_MIB, ceilDiv, guardedCeil, guardedFloor } from './units.js';

const f = (gib: number, lang: 'en' | 'pt-BR') => formatNumber(gib, lang, 2);

const HA_EXTRA_NODES = { none: 0, 'n+1': 1, 'n+2': 2 } as const;

/** Node HBM in GiB on the chosen basis: vendor decimal GB (nominal) or nvidia-smi MiB (measured). */
export function nodeHbmGiB(server: ServerRecord, basis: SizingInputs['memoryBasis']): number {
  if (basis === 'measured') {
    if (server.measuredMiBPerGpu === undefined) {
      throw new Error(`server ${server.id} has no measured capacity`);
    }
    return (server.gpus * server.measuredMiBPerGpu * BYTES_PER_MIB) / BYTES_PER_GIB;
  }
  return (server.gpus * server.hbmGBPerGpu * BYTES_PER_GB) / BYTES_PER_GIB;
}

/**
 * The original "pooled node" method (SPEC §2): a node's HBM is one pool; a fixed share of it,
 * less the runtime overhead, holds KV cache; sessions per node is how many whole sessions fit.
 */
export function sizePooled(inputs: SizingInputs, model: ModelRecord, server: ServerRecord): MethodResult {
  const kvBytes = kvBytesPerSession(model, inputs.effectiveContextTokens, resolveKvPrecision(inputs.kvPrecision, model));
  const kvPerSessionGiB = kvBytes / BYTES_PER_GIB;
  const hbmGiB = nodeHbmGiB(server, inputs.memoryBasis);
  const kvBudgetGiB = hbmGiB * inputs.kvBudgetRatio - inputs.runtimeOverheadGiB;
  const reservedGiB = hbmGiB * (1 - inputs.kvBudgetRatio) + inputs.runtimeOverheadGiB;
  // The budget/session ratio goes through guardedFloor: kvBudgetRatio is a decimal float.
  const sessionsPerNode = kvBudgetGiB > 0 ? guardedFloor(kvBudgetGiB / kvPerSessionGiB) : 0;
  const infeasibility =
    checkWeightsFitNode(hbmGiB, model) ??
    checkFeasibility(kvBudgetGiB, kvPerSessionGiB, sessionsPerNode, hbmGiB, inputs) ??
    checkWeightsFit(reservedGiB, model);
  const counted = infeasibility ? NO_NODES : countNodes(inputs, sessionsPerNode);
  return {
    method: 'pooled',
    feasible: infeasibility === null,
    infeasibility,
    kvBytesPerSession: kvBytes,
    kvPerSessionGiB,
    nodeHbmGiB: hbmGiB,
    kvBudgetGiB,
    reservedGiB,
    sessionsPerNode,
    ...counted,
    engine: null,
  };
}

const NO_NODES = { nodes: null, spareSessions: null, utilisationRatio: null };

/** Nodes for a feasible plan (SPEC §2), shared by every method: capacity, with headroom, with HA. */
export function countNodes(
  inputs: SizingInputs,
  sessionsPerNode: number,
): { nodes: NodeCounts; spareSessions: number; utilisationRatio: number } {
  // Integer division is exact here; the headroom product is a float and is guarded.
  const capacity = ceilDiv(inputs.concurrency, sessionsPerNode);
  // Headroom never lowers the count: the guard would round a quotient within 1e-9 of zero (a node
  // holding a billion sessions) down to 0 nodes.
  const withHeadroom = Math.max(capacity, guardedCeil((inputs.concurrency * (1 + inputs.peakHeadroomRatio)) / sessionsPerNode));
  const total = withHeadroom + HA_EXTRA_NODES[inputs.ha];
  return {
    nodes: { capacity, withHeadroom, total },
    spareSessions: total * sessionsPerNode - inputs.concurrency,
    utilisationRatio: inputs.concurrency / (total * sessionsPerNode),
  };
}

/**
 * Weights larger than the memory outside the KV budget cannot be served: an infeasible plan, not a
 * warning (issue 10 item 16). The fixes that can work: more memory outside the budget, lower weight
 * precision, a bigger server.
 */
function checkWeightsFit(reservedGiB: number, model: ModelRecord): Infeasibility | null {
  if (guardedFloor(reservedGiB / model.weightsGiB) >= 1) return null;
  return {
    code: 'weights-do-not-fit',
    figures: { weightsGiB: model.weightsGiB, outsideKvGiB: reservedGiB },
    message: {
      en: `The model weights (${f(model.weightsGiB, 'en')} GiB) do not fit in the memory outside the KV budget (${f(reservedGiB, 'en')} GiB). Lower the KV budget ratio, raise the runtime overhead to cover the weights, use a lower weight precision or a server with more HBM.`,
      'pt-BR': `Os pesos do modelo (${f(model.weightsGiB, 'pt-BR')} GiB) não cabem na memória fora do orçamento KV (${f(reservedGiB, 'pt-BR')} GiB). Reduza a razão de orçamento KV, aumente o overhead de runtime para cobrir os pesos, use uma precisão de pesos menor ou um servidor com mais HBM.`,
    },
  };
}

/**
 * Weights larger than the node's whole HBM: no split of the budget can hold them, so the reason
 * names the weights and the node, and the fixes that can work (issue 10 item 16).
 */
function checkWeightsFitNode(hbmGiB: number, model: ModelRecord): Infeasibility | null {
  if (model.weightsGiB <= hbmGiB) return null;
  return {
    code: 'weights-do-not-fit',
    figures: { weightsGiB: model.weightsGiB, nodeHbmGiB: hbmGiB },
    message: {
      en: `The model weights (${f(model.weightsGiB, 'en')} GiB) are larger than the node's whole HBM (${f(hbmGiB, 'en')} GiB): no KV budget ratio or runtime overhead can hold them. Use a server with more HBM per node, or weights in fewer bytes (weight precision).`,
      'pt-BR': `Os pesos do modelo (${f(model.weightsGiB, 'pt-BR')} GiB) são maiores que toda a HBM do nó (${f(hbmGiB, 'pt-BR')} GiB): nenhuma razão de orçamento KV ou overhead de runtime consegue acomodá-los. Use um servidor com mais HBM por nó ou pesos em menos bytes (precisão dos pesos).`,
    },
  };
}

function checkFeasibility(
  kvBudgetGiB: number,
  kvPerSessionGiB: number,
  sessionsPerNode: number,
  hbmGiB: number,
  inputs: SizingInputs,
): Infeasibility | null {
  if (kvBudgetGiB <= 0) {
    const share = hbmGiB * inputs.kvBudgetRatio;
    return {
      code: 'budget-not-positive',
      figures: { runtimeOverheadGiB: inputs.runtimeOverheadGiB, budgetedShareGiB: share, nodeHbmGiB: hbmGiB },
      message: {
        en: `Runtime overhead (${f(inputs.runtimeOverheadGiB, 'en')} GiB) exceeds the budgeted share of HBM (${f(share, 'en')} GiB of ${f(hbmGiB, 'en')} GiB). Raise the KV budget ratio, lower the runtime overhead or choose a server with more HBM.`,
        'pt-BR': `O overhead de runtime (${f(inputs.runtimeOverheadGiB, 'pt-BR')} GiB) excede a parcela de HBM orçada (${f(share, 'pt-BR')} GiB de ${f(hbmGiB, 'pt-BR')} GiB). Aumente a razão de orçamento KV, reduza o overhead de runtime ou escolha um servidor com mais HBM.`,
      },
    };
  }
  if (sessionsPerNode === 0) {
    return {
      code: 'session-exceeds-budget',
      figures: { kvPerSessionGiB, kvBudgetGiB },
      message: {
        en: `One session needs ${f(kvPerSessionGiB, 'en')} GiB of KV cache but the node's KV budget is ${f(kvBudgetGiB, 'en')} GiB. Use a lower KV precision, a shorter context, a larger budget ratio or a bigger server.`,
        'pt-BR': `Uma sessão precisa de ${f(kvPerSessionGiB, 'pt-BR')} GiB de cache KV, mas o orçamento KV do nó é ${f(kvBudgetGiB, 'pt-BR')} GiB. Use uma precisão KV menor, um contexto mais curto, uma razão de orçamento maior ou um servidor maior.`,
      },
    };
  }
  return null;
}
