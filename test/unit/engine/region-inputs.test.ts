import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  planRegions,
  planScenario,
  regionInputs,
  validateRegions,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const saas = findTemplate('saas-startup')!.inputs;
const engineBase: SizingInputs = {
  ...saas,
  method: 'engine',
  modelId: 'llama-3.1-8b',
  serverId: 'dgx100',
  effectiveContextTokens: 16000,
  engineVersion: '0.11',
  tp: 1,
  gpuMemoryUtilization: 0.85,
};

describe('region inputs', () => {
  it('a region that turns an engine-method base to the pooled method takes none of its engine settings', () => {
    const region = { name: 'EU', concurrency: 300, overrides: { method: 'pooled' as const } };
    const inputs = regionInputs(engineBase, region);
    expect(inputs).not.toHaveProperty('engineVersion');
    expect(inputs).not.toHaveProperty('tp');
    expect(inputs).not.toHaveProperty('gpuMemoryUtilization');
    expect(validateRegions(engineBase, [region], BUILT_IN_CATALOG)).toEqual([]);
    const plan = planRegions(engineBase, [region], BUILT_IN_CATALOG);
    const {
      engineVersion: _v,
      tp: _t,
      gpuMemoryUtilization: _g,
      ...pooled
    } = { ...engineBase, method: 'pooled' as const, concurrency: 300 };
    expect(plan.regions[0]!.result.method).toBe('pooled');
    expect(plan.regions[0]!.result.nodes).toEqual(planScenario(pooled, BUILT_IN_CATALOG).nodes);
  });

  it('an engine setting the pooled region sets itself is still refused, at its own path', () => {
    const region = { name: 'EU', concurrency: 300, overrides: { method: 'pooled' as const, tp: 2 } };
    expect(validateRegions(engineBase, [region], BUILT_IN_CATALOG).map((p) => p.path)).toEqual(['regions[0].overrides.tp']);
  });

  it('an engine-method region keeps the base settings it does not override', () => {
    const inputs = regionInputs(engineBase, { name: 'US', concurrency: 50, overrides: { maxNumSeqs: 64 } });
    expect(inputs).toMatchObject({
      method: 'engine',
      engineVersion: '0.11',
      tp: 1,
      gpuMemoryUtilization: 0.85,
      maxNumSeqs: 64,
      concurrency: 50,
    });
    const pooledBase = regionInputs(saas, { name: 'US', concurrency: 50, overrides: { method: 'engine', tp: 2 } });
    expect(pooledBase).toMatchObject({ method: 'engine', tp: 2, kvBudgetRatio: saas.kvBudgetRatio });
  });
});
