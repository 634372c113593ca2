import { findModel, findServer, withDefaults, type Catalog, type SizingInputs } from '../../src-main/engine/index';
import type { Settings } from '../../src-main/api/types';

/** The first reference case's workload: a sensible start that sizes at once. */
const PREFERRED = { modelId: 'opt-oss-20b', serverId: 'dgx200', concurrency: 1000, effectiveContextTokens: 32768 };

/** Inputs of a new blank scenario: engine defaults, then the user's settings (basis and cost). */
export function blankScenarioInputs(catalog: Catalog, settings: Settings): SizingInputs {
  const model = findModel(catalog, PREFERRED.modelId) ?? catalog.models[0];
  const server = findServer(catalog, PREFERRED.serverId) ?? catalog.servers[0];
  if (!model || !server) throw new Error('the catalog has no model or no server');
  const inputs = withDefaults(
    {
      modelId: model.id,
      serverId: server.id,
      concurrency: PREFERRED.concurrency,
      effectiveContextTokens: Math.min(PREFERRED.effectiveContextTokens, model.maxContextTokens),
    },
    catalog,
  );
  const measuredKnown = server.measuredMiBPerGpu !== undefined;
  return {
    ...inputs,
    memoryBasis: settings.memoryBasis === 'measured' && measuredKnown ? 'measured' : 'nominal',
    years: settings.years,
    pue: settings.pue,
    kwhPriceUsd: settings.kwhPriceUsd,
  };
}
