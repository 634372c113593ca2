import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  formatUsdRange,
  planRegions,
  planScenario,
  sweep,
  SweepRangeError,
  type CompareItem,
  type SweepField,
} from '../../../src-main/engine/index.js';
import { comparisonTable, formatHa } from '../../../src-main/i18n/cases.js';

const saas = findTemplate('saas-startup')!.inputs;
const publicApi = findTemplate('public-api')!.inputs;

describe('infeasible plans name their figures and the fixes, in both languages', () => {
  it('runtime overhead above the budgeted share', () => {
    const r = planScenario({ ...saas, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG);
    const share = r.nodeHbmGiB * 0.7;
    expect(r.infeasibility).toEqual({
      code: 'budget-not-positive',
      figures: { runtimeOverheadGiB: 900, budgetedShareGiB: share, nodeHbmGiB: r.nodeHbmGiB },
      message: {
        en: 'Runtime overhead (900 GiB) exceeds the budgeted share of HBM (735.37 GiB of 1,050.53 GiB). Raise the KV budget ratio, lower the runtime overhead or choose a server with more HBM.',
        'pt-BR':
          'O overhead de runtime (900 GiB) excede a parcela de HBM orçada (735,37 GiB de 1.050,53 GiB). Aumente a razão de orçamento KV, reduza o overhead de runtime ou escolha um servidor com mais HBM.',
      },
    });
    expect(r).toMatchObject({ feasible: false, nodes: null, spareSessions: null, utilisationRatio: null, sessionsPerNode: 0 });
  });

  it('a budget of exactly zero is not positive either', () => {
    const hbm = planScenario(saas, BUILT_IN_CATALOG).nodeHbmGiB;
    const r = planScenario({ ...saas, kvBudgetRatio: 0.5, runtimeOverheadGiB: hbm * 0.5 }, BUILT_IN_CATALOG);
    expect(r.kvBudgetGiB).toBe(0);
    expect(r.infeasibility?.code).toBe('budget-not-positive');
  });

  it('one session larger than the budget', () => {
    const r = planScenario(
      {
        ...saas,
        modelId: 'llama-3.1-405b',
        serverId: 'dgx100',
        effectiveContextTokens: 131072,
        kvPrecision: 'fp32',
        kvBudgetRatio: 0.2,
        runtimeOverheadGiB: 100,
      },
      BUILT_IN_CATALOG,
    );
    expect(r.infeasibility).toEqual({
      code: 'session-exceeds-budget',
      figures: { kvPerSessionGiB: r.kvPerSessionGiB, kvBudgetGiB: r.kvBudgetGiB },
      message: {
        en: "One session needs 126 GiB of KV cache but the node's KV budget is 19.21 GiB. Use a lower KV precision, a shorter context, a larger budget ratio or a bigger server.",
        'pt-BR':
          'Uma sessão precisa de 126 GiB de cache KV, mas o orçamento KV do nó é 19,21 GiB. Use uma precisão KV menor, um contexto mais curto, uma razão de orçamento maior ou um servidor maior.',
      },
    });
  });
});

describe('the comparison of cases', () => {
  it('writes context in whole thousands from 1,000 tokens, and HA as the original does', () => {
    const contextOf = (tokens: number, lang: 'en' | 'pt-BR') =>
      comparisonTable([{ name: 'x', result: planScenario({ ...saas, effectiveContextTokens: tokens }, BUILT_IN_CATALOG) }], lang)[0]!
        .context;
    expect(contextOf(999, 'en')).toBe('999');
    expect(contextOf(1000, 'en')).toBe('1k');
    expect(contextOf(1999, 'en')).toBe('1k');
    expect(contextOf(131072, 'pt-BR')).toBe('131k');
    expect(formatHa('none', 'en')).toBe('none');
    expect(formatHa('n+2', 'pt-BR')).toBe('N+2');
    expect(formatUsdRange(300_000, 300_000, 'en')).toBe('USD 300 k');
    expect(formatUsdRange(300_000, 400_000, 'en')).toBe('USD 300 k – USD 400 k');
  });

  it('a multi-region case shows its totals and how many regions share them; an infeasible one says so', () => {
    const t = findTemplate('serverless-multi-region')!;
    const plan = planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG);
    const result = planScenario(t.inputs, BUILT_IN_CATALOG);
    const bad = planScenario({ ...publicApi, runtimeOverheadGiB: 5000 }, BUILT_IN_CATALOG);
    const badPlan = planRegions(bad.inputs, [{ name: 'X', concurrency: 10, overrides: {} }], BUILT_IN_CATALOG);
    const items: CompareItem[] = [
      { name: 'Serverless', result, plan },
      { name: 'Bad', result: bad },
      { name: 'Bad plan', result: bad, plan: badPlan },
    ];
    const [serverless, single, regional] = comparisonTable(items, 'en');
    expect(serverless!.nodes).toBe('9 (3 regions)');
    expect(serverless!.approxCost).toBe(formatUsdRange(plan.totals.capexLowUsd!, plan.totals.capexHighUsd!, 'en'));
    expect(comparisonTable(items, 'pt-BR')[0]!.nodes).toBe('9 (3 regiões)');
    expect(single!.approxCost).toBe('—');
    expect(single!.nodes).toBe(comparisonTable([{ name: 'x', result: bad }], 'en')[0]!.nodes);
    expect(single!.nodes).not.toMatch(/\d/);
    expect(regional!.nodes).toBe(single!.nodes);
    expect(regional!.approxCost).toBe('—');
  });
});

describe('sweep arguments', () => {
  const run = (field: string, from: number, to: number, points: number) => () =>
    sweep({ inputs: publicApi, catalog: BUILT_IN_CATALOG, field: field as SweepField, from, to, points });
  const argumentOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return error instanceof SweepRangeError ? `${error.argument}: ${error.message}` : `not a range error: ${String(error)}`;
    }
    return 'no error';
  };

  it('names the argument at fault and what it must be', () => {
    expect(argumentOf(run('pue', 1, 2, 5))).toBe(
      'field: sweep field "pue" is not one of concurrency, effectiveContextTokens, peakHeadroomRatio, kvBudgetRatio, runtimeOverheadGiB',
    );
    expect(argumentOf(run('concurrency', 1, 10, 1))).toBe('points: sweep points 1 must be a whole number from 2 to 100000');
    expect(argumentOf(run('concurrency', 1, 10, 100_001))).toBe('points: sweep points 100001 must be a whole number from 2 to 100000');
    expect(argumentOf(run('concurrency', 1, 10, 2.5))).toBe('points: sweep points 2.5 must be a whole number from 2 to 100000');
    expect(argumentOf(run('concurrency', 10, 10, 5))).toBe('from: sweep range 10 to 10 must be two finite numbers with from below to');
    expect(argumentOf(run('concurrency', 1, Infinity, 5))).toBe(
      'from: sweep range 1 to Infinity must be two finite numbers with from below to',
    );
    expect(argumentOf(run('concurrency', 0, 10, 5))).toBe(
      'from: sweep from 0 for concurrency must be a whole number at least 1 and at most 100,000,000',
    );
    expect(argumentOf(run('kvBudgetRatio', 0.5, 1.5, 5))).toBe(
      'to: sweep to 1.5 for kvBudgetRatio must be a number greater than 0 and at most 1',
    );
    expect(argumentOf(run('concurrency', 2, 10, 2))).toBe('no error');
    expect(argumentOf(run('kvBudgetRatio', 0.5, 1, 2))).toBe('no error');
  });

  it('accepts an integer range that rounds into the limits, and context beyond the model maximum', () => {
    expect(argumentOf(run('concurrency', 0.6, 10, 5))).toBe('no error');
    expect(argumentOf(run('effectiveContextTokens', 1000, 1e9, 3))).toBe('no error');
    expect(argumentOf(run('effectiveContextTokens', 0, 1000, 3))).toBe(
      'from: sweep from 0 for effectiveContextTokens must be a whole number at least 1 and at most Infinity',
    );
  });
});
