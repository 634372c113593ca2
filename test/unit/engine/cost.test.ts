import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, COST_DEFAULTS, findTemplate, planScenario, type SizingInputs } from '../../../src-main/engine/index.js';
import { validateInputs } from '../../../src-main/engine/inputs.js';

const saas = (): SizingInputs => ({ ...findTemplate('saas-startup')!.inputs });
const H200 = BUILT_IN_CATALOG.servers.find((s) => s.id === 'dgx200')!;

describe('cost lines a finance reviewer expects', () => {
  it('uses the documented defaults, each with a source, when the inputs are left empty', () => {
    const c = planScenario(saas(), BUILT_IN_CATALOG).cost!;
    for (const d of Object.values(COST_DEFAULTS)) expect(Math.min(d.source.en.length, d.source['pt-BR'].length)).toBeGreaterThan(30);
    expect(c.rates).toEqual({
      colocationUsdPerKwMonth: 184,
      supportUsdPerNodeYear: 36_000,
      networkUsdPerNode: 25_000,
      averagePowerRatio: 0.7,
    });
    expect(c.networkCapexUsd).toBe(25_000);
    expect(c.capexLowUsd).toBe(H200.priceLowUsd + 25_000);
    expect(c.colocationPerYearUsd).toBeCloseTo(H200.nodePowerKW * 184 * 12, 9);
    expect(c.supportPerYearUsd).toBe(36_000);
    expect(c.energyPerYearUsd).toBeCloseTo(0.7 * c.energyAtMaxPowerPerYearUsd, 9);
    expect(c.opexPerYearUsd).toBeCloseTo(c.energyPerYearUsd + c.colocationPerYearUsd + c.supportPerYearUsd, 9);
  });

  it('each line follows its own input, per node', () => {
    const inputs = {
      ...saas(),
      concurrency: 5000,
      colocationUsdPerKwMonth: 100,
      supportUsdPerNodeYear: 0,
      networkUsdPerNode: 10_000,
      averagePowerRatio: 0.5,
    };
    const r = planScenario(inputs, BUILT_IN_CATALOG);
    const nodes = r.nodes!.total;
    const c = r.cost!;
    expect(c.networkCapexUsd).toBe(nodes * 10_000);
    expect(c.capexHighUsd).toBe(nodes * (H200.priceHighUsd + 10_000));
    expect(c.colocationPerYearUsd).toBeCloseTo(nodes * H200.nodePowerKW * 100 * 12, 9);
    expect(c.supportPerYearUsd).toBe(0);
    expect(c.energyPerYearUsd).toBeCloseTo(nodes * H200.nodePowerKW * 0.5 * 1.3 * 0.12 * 8760, 9);
    expect(c.tcoHighUsd).toBeCloseTo(c.capexHighUsd + 3 * c.opexPerYearUsd, 6);
  });

  it('refuses a cost input outside its limits, naming the field', () => {
    const issues = validateInputs({ ...saas(), averagePowerRatio: 1.5, colocationUsdPerKwMonth: -1 }, BUILT_IN_CATALOG);
    expect(issues.map((i) => i.field).sort()).toEqual(['averagePowerRatio', 'colocationUsdPerKwMonth']);
  });
});
