import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  formatNumber,
  formatPercent,
  formatUsd,
  planScenario,
  TEMPLATES,
  type Lang,
  type Recommendation,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const base = TEMPLATES[0]!.inputs;
/** The templates plus scenarios that reach every rule: each recommendation id at least once. */
const SCENARIOS: SizingInputs[] = [
  ...TEMPLATES.map((t) => t.inputs),
  { ...base, modelId: 'llama-3.1-405b', serverId: 'dgx100', runtimeOverheadGiB: 10 }, // weights do not fit
  { ...base, concurrency: 1500, storageId: 'profile_cloud_object', coldStartTargetS: 2, peakHeadroomRatio: 0.05 },
  { ...base, concurrency: 1700, peakHeadroomRatio: 0, availabilityTarget: 0.9999, coldStartTargetS: 120 }, // N+1 now, KV cache high, cold start met
  { ...base, kvPrecision: 'fp16', peakHeadroomRatio: 0.6, effectiveContextTokens: 131072 },
  { ...base, kvPrecision: 'fp32', concurrency: 20, peakHeadroomRatio: 0.35, storageId: 'profile_ram_cache' },
  {
    ...base,
    kvPrecision: 'fp32',
    modelId: 'llama-3.1-405b',
    serverId: 'dgx100',
    effectiveContextTokens: 131072,
    kvBudgetRatio: 0.2,
    runtimeOverheadGiB: 100,
  },
];

/** Every way the messages print a number: plain with 0–2 decimals, a percentage, US dollars. */
function renderings(value: number, lang: Lang): string[] {
  return [0, 1, 2]
    .flatMap((digits) => [formatNumber(value, lang, digits), formatPercent(value, lang, digits)])
    .concat(formatUsd(value, lang));
}

function unstated(r: Recommendation, lang: Lang): string[] {
  return Object.entries(r.figures)
    .filter(([, v]) => typeof v === 'number' && !renderings(v, lang).some((s) => r.message[lang].includes(s)))
    .map(([k, v]) => `${r.id}.${k}=${v} (${lang})`);
}

describe('recommendations state their figures', () => {
  // Planned inside each test, not while the file is collected: mutation testing sees only what tests run.
  const planned = () => SCENARIOS.flatMap((inputs) => planScenario(inputs, BUILT_IN_CATALOG).recommendations);

  it('the scenarios reach every recommendation', () => {
    const recommendations = planned();
    expect(new Set(recommendations.map((r) => r.id))).toEqual(
      new Set([
        'weights-do-not-fit',
        'kv-precision-fp8',
        'kv-precision-wide',
        'long-context',
        'storage-object',
        'storage-cold-start',
        'storage-fastest',
        'cold-start-met',
        'cold-start-missed',
        'ha-plan-n1',
        'ha-single-node',
        'ha-availability',
        'growth-next-node',
        'headroom',
        'kv-cache-high',
        'operations',
      ]),
    );
  });

  it("every number in a recommendation's figures is quoted in its message, in each language's format", () => {
    const missing = planned().flatMap((r) => [...unstated(r, 'en'), ...unstated(r, 'pt-BR')]);
    expect(missing).toEqual([]);
  });

  it('every recommendation carries figures', () => {
    for (const r of planned()) expect(Object.keys(r.figures).length, r.id).toBeGreaterThan(0);
  });
});
