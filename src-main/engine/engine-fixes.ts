import { findModel, findServer } from './catalogs/index.js';
import { sizeEngine, tpChoices } from './engine-method.js';
import { checkEngineInputs } from './engine-inputs.js';
import { formatNumber } from './format.js';
import { isWiderThanFp8 } from './precision.js';
import { enginePolicy, FRACTION_FIELD } from './serving-engines.js';
import type { Catalog, EngineFix, LocalizedText, SizingInputs } from './types.js';
import { withWeightsPrecision } from './weights.js';

/** Sessions per node with one input changed, or 0 when the change is not allowed or still infeasible. */
function sessionsWith(inputs: SizingInputs, catalog: Catalog): number {
  const base = findModel(catalog, inputs.modelId);
  const server = findServer(catalog, inputs.serverId);
  if (!base || !server || checkEngineInputs(inputs, base, server).length > 0) return 0;
  const result = sizeEngine(inputs, withWeightsPrecision(base, inputs.weightsPrecision), server);
  return result.feasible ? result.sessionsPerNode : 0;
}

type Candidate = { change: Partial<SizingInputs>; field: keyof SizingInputs; value: string | number; message: (lang: 'en' | 'pt-BR', sessions: string) => string };

/**
 * The changes that alone make an infeasible engine-method plan feasible (issue 8 item 4), each
 * checked by re-sizing: a larger TP, a lower weight or KV precision, a higher memory fraction, a
 * shorter context, or another server.
 */
export function engineFixes(inputs: SizingInputs, catalog: Catalog): EngineFix[] {
  const model = findModel(catalog, inputs.modelId)!;
  const server = findServer(catalog, inputs.serverId)!;
  const engine = inputs.servingEngine ?? 'vllm';
  const candidates: Candidate[] = [];
  const tp = tpChoices(model, server).find((t) => t > (inputs.tp ?? 0) && sessionsWith({ ...inputs, tp: t }, catalog) > 0);
  if (tp !== undefined) candidates.push({ change: { tp }, field: 'tp', value: tp, message: (l, n) => (l === 'en' ? `TP ${tp} (${n} sessions per node)` : `TP ${tp} (${n} sessões por nó)`) });
  for (const precision of ['fp8', 'fp4'] as const) {
    if (inputs.weightsPrecision === precision || (precision === 'fp8' && inputs.weightsPrecision === 'fp4')) continue;
    const change = { weightsPrecision: precision };
    if (sessionsWith({ ...inputs, ...change }, catalog) > 0) {
      candidates.push({ change, field: 'weightsPrecision', value: precision, message: (l, n) => (l === 'en' ? `weights in ${precision} (${n} sessions per node)` : `pesos em ${precision} (${n} sessões por nó)`) });
      break;
    }
  }
  if (isWiderThanFp8(inputs.kvPrecision) && enginePolicy(engine, inputs.engineVersion).kvPrecisions.includes('fp8')) {
    candidates.push({ change: { kvPrecision: 'fp8' }, field: 'kvPrecision', value: 'fp8', message: (l, n) => (l === 'en' ? `KV cache in fp8 (${n} sessions per node)` : `cache KV em fp8 (${n} sessões por nó)`) });
  }
  const fractionField = FRACTION_FIELD[engine];
  const fraction = [0.92, 0.95, 0.98].find((f) => f > (inputs[fractionField] ?? 0) && sessionsWith({ ...inputs, [fractionField]: f }, catalog) > 0);
  if (fraction !== undefined) candidates.push({ change: { [fractionField]: fraction }, field: fractionField, value: fraction, message: (l, n) => (l === 'en' ? `memory fraction ${fraction} (${n} sessions per node)` : `fração de memória ${formatNumber(fraction, l, 2)} (${n} sessões por nó)`) });
  const context = longestContextThatFits(inputs, catalog);
  if (context !== null) candidates.push({ change: { effectiveContextTokens: context, maxModelLen: undefined }, field: 'effectiveContextTokens', value: context, message: (l, n) => (l === 'en' ? `context of at most ${formatNumber(context, l)} tokens (${n} sessions per node)` : `contexto de no máximo ${formatNumber(context, l)} tokens (${n} sessões por nó)`) });
  const other = catalog.servers.filter((s) => s.id !== server.id).sort((a, b) => a.priceLowUsd - b.priceLowUsd).find((s) => sessionsWith({ ...inputs, serverId: s.id, tp: undefined }, catalog) > 0);
  if (other) candidates.push({ change: { serverId: other.id, tp: undefined }, field: 'serverId', value: other.id, message: (l, n) => (l === 'en' ? `server ${other.id} (${n} sessions per node)` : `servidor ${other.id} (${n} sessões por nó)`) });
  return candidates.flatMap((c) => {
    const sessionsPerNode = sessionsWith({ ...inputs, ...c.change }, catalog);
    if (sessionsPerNode === 0) return [];
    const message: LocalizedText = { en: c.message('en', formatNumber(sessionsPerNode, 'en')), 'pt-BR': c.message('pt-BR', formatNumber(sessionsPerNode, 'pt-BR')) };
    return [{ field: c.field, value: c.value, sessionsPerNode, message }];
  });
}

/** The longest effective context (bisected on whole tokens) at which one session fits, or null. */
function longestContextThatFits(inputs: SizingInputs, catalog: Catalog): number | null {
  const at = (tokens: number) => sessionsWith({ ...inputs, effectiveContextTokens: tokens, maxModelLen: undefined }, catalog) > 0;
  if (!at(1)) return null;
  let low = 1;
  let high = inputs.effectiveContextTokens;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (at(mid)) low = mid;
    else high = mid;
  }
  return at(high) ? high : low;
}
