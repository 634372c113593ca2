import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  compareScenarios,
  COMPARE_INPUT_KEYS,
  findTemplate,
  planScenario,
  type CompareItem,
} from '../../../src-main/engine/index.js';
import { comparisonTable } from '../../../src-main/i18n/cases.js';

const item = (id: string, name = id): CompareItem => ({ name, result: planScenario(findTemplate(id)!.inputs, BUILT_IN_CATALOG) });

describe('compareScenarios', () => {
  it('has one row per input field and key figure, values in item order', () => {
    const rows = compareScenarios([item('saas-startup'), item('public-api')]);
    expect(rows.filter((r) => r.kind === 'input').map((r) => r.key)).toEqual([...COMPARE_INPUT_KEYS]);
    expect(rows.filter((r) => r.kind === 'result').map((r) => r.key)).toEqual([
      'regionCount',
      'kvPerSessionGiB',
      'sessionsPerNode',
      'nodesCapacity',
      'nodesWithHeadroom',
      'nodesTotal',
      'spareSessions',
      'capexLowUsd',
      'capexHighUsd',
      'tcoLowUsd',
      'tcoHighUsd',
      'coldStartS',
      'tpotAtLoadMs',
      'tcoPerMillionOutputTokensUsd',
    ]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('sessionsPerNode')!.values).toEqual([1740, 613]);
    expect(byKey.get('nodesTotal')!.values).toEqual([1, 12]);
    // Servers plus the default network fabric (USD 25,000 per node).
    expect(byKey.get('capexLowUsd')!.values).toEqual([300_000 + 25_000, 12 * (500_000 + 25_000)]);
    expect(byKey.get('availabilityTarget')!.values).toEqual([null, 0.9995]);
  });

  it('flags exactly the rows that differ', () => {
    const base = item('public-api', 'base');
    const variant: CompareItem = {
      name: 'fp16',
      result: planScenario({ ...base.result.inputs, kvPrecision: 'fp16' }, BUILT_IN_CATALOG),
    };
    const rows = compareScenarios([base, variant]);
    const differing = rows.filter((r) => r.differs).map((r) => r.key);
    expect(differing).toContain('kvPrecision');
    expect(differing).toContain('kvPerSessionGiB');
    expect(differing).toContain('nodesTotal');
    expect(differing).not.toContain('concurrency');
    expect(differing).not.toContain('coldStartS');
    expect(compareScenarios([base, base]).some((r) => r.differs)).toBe(false);
  });

  it('gives null figures for an infeasible scenario', () => {
    const bad: CompareItem = {
      name: 'bad',
      result: planScenario({ ...findTemplate('public-api')!.inputs, runtimeOverheadGiB: 5000 }, BUILT_IN_CATALOG),
    };
    const rows = compareScenarios([item('public-api'), bad]);
    const nodes = rows.find((r) => r.key === 'nodesTotal')!;
    expect(nodes.values).toEqual([12, null]);
    expect(nodes.differs).toBe(true);
  });
});

describe('comparisonTable', () => {
  it('reproduces the comparison of cases in both languages', () => {
    const items = [item('saas-startup', 'Start-up'), { ...item('public-api', 'API'), usage: 'Public API' }];
    expect(comparisonTable(items, 'en')).toEqual([
      { case: 'Start-up', model: 'opt-oss-20b', nodes: '1', approxCost: 'USD 325 k – USD 425 k', context: '32k', ha: 'none', usage: '' },
      {
        case: 'API',
        model: 'opt-oss-120b',
        nodes: '12',
        approxCost: 'USD 6.3 M – USD 8.1 M',
        context: '131k',
        ha: 'N+1',
        usage: 'Public API',
      },
    ]);
    const pt = comparisonTable(items, 'pt-BR');
    expect(pt[1]!.approxCost).toBe('USD 6,3 M – USD 8,1 M');
    expect(pt[0]!.ha).toBe('nenhuma');
  });
});
