// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, planScenario } from '../../src-main/engine/index';
import ResultsView from '../../src-renderer/components/results/ResultsView.vue';
import { quickFixes } from '../../src-renderer/lib/quick-fixes';
import { mountIn, SAAS_INPUTS } from './helpers';

describe('infeasible display', () => {
  let wrapper: ReturnType<typeof mountIn> | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows why the plan fails, in the engine’s words, and never a blank', () => {
    const result = planScenario({ ...SAAS_INPUTS, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG);
    expect(result.feasible).toBe(false);
    wrapper = mountIn(ResultsView, 'en', { props: { result, fixes: quickFixes(result) } });
    expect(wrapper.get('[data-testid="infeasible"]').text()).toContain('This plan is infeasible');
    expect(wrapper.get('[data-testid="infeasible-message"]').text()).toBe(result.infeasibility!.message.en);
    expect(wrapper.get('[data-testid="value-kv-per-session"]').text()).toBe('0.38');
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('0');
    expect(wrapper.find('[data-testid="figure-nodes"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="recommendation"]').length).toBeGreaterThan(0);
  });

  it('offers only fixes that make the plan feasible, and applies one on click', async () => {
    const result = planScenario({ ...SAAS_INPUTS, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG);
    wrapper = mountIn(ResultsView, 'en', { props: { result, fixes: quickFixes(result) } });
    const fix = wrapper.get('[data-testid="fix-runtimeOverheadGiB"]');
    expect(fix.text()).toBe('Set Runtime overhead to 45 GiB');
    await fix.trigger('click');
    expect(wrapper.emitted('apply')).toEqual([[{ field: 'runtimeOverheadGiB', value: 45 }]]);
    for (const candidate of quickFixes(result)) {
      expect(planScenario({ ...result.inputs, [candidate.field]: candidate.value }, BUILT_IN_CATALOG).feasible).toBe(true);
    }
  });

  it('explains a session larger than the budget in Portuguese, and suggests fp8 and a context that fits', () => {
    const inputs = { ...SAAS_INPUTS, modelId: 'llama-3.1-405b', serverId: 'dgx100', kvPrecision: 'fp32' as const, effectiveContextTokens: 131072, runtimeOverheadGiB: 430, kvBudgetRatio: 0.9 };
    const result = planScenario(inputs, BUILT_IN_CATALOG);
    expect(result.infeasibility?.code).toBe('session-exceeds-budget');
    const fixes = quickFixes(result);
    wrapper = mountIn(ResultsView, 'pt-BR', { props: { result, fixes } });
    expect(wrapper.get('[data-testid="infeasible"]').text()).toContain('Este plano é inviável');
    expect(wrapper.get('[data-testid="infeasible-message"]').text()).toBe(result.infeasibility!.message['pt-BR']);
    expect(fixes.map((f) => f.field)).toEqual(['kvPrecision', 'runtimeOverheadGiB', 'effectiveContextTokens']);
    expect(wrapper.get('[data-testid="fix-kvPrecision"]').text()).toBe('Definir Precisão KV como fp8');
    const context = fixes.find((f) => f.field === 'effectiveContextTokens')!.value as number;
    expect(planScenario({ ...inputs, effectiveContextTokens: context }, BUILT_IN_CATALOG).sessionsPerNode).toBe(1);
    expect(planScenario({ ...inputs, effectiveContextTokens: context + 1 }, BUILT_IN_CATALOG).feasible).toBe(false);
  });
});
