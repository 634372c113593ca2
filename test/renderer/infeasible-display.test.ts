// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, planScenario } from '../../src-main/engine/index';
import ResultsView from '../../src-renderer/components/results/ResultsView.vue';
import { mountIn, SAAS_INPUTS } from './helpers';

describe('infeasible display', () => {
  let wrapper: ReturnType<typeof mountIn> | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows why the plan fails, in the engine’s words, and never a blank', () => {
    const result = planScenario({ ...SAAS_INPUTS, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG);
    expect(result.feasible).toBe(false);
    wrapper = mountIn(ResultsView, 'en', { props: { result, fixes: result.fixes } });
    expect(wrapper.get('[data-testid="infeasible"]').text()).toContain('This plan is infeasible');
    expect(wrapper.get('[data-testid="infeasible-message"]').text()).toBe(result.infeasibility!.message.en);
    expect(wrapper.get('[data-testid="value-kv-per-session"]').text()).toBe('0.3765');
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('0');
    expect(wrapper.find('[data-testid="figure-nodes"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="recommendation"]').length).toBeGreaterThan(0);
  });

  it('offers only fixes that make the plan feasible, and applies one on click', async () => {
    const result = planScenario({ ...SAAS_INPUTS, runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG);
    wrapper = mountIn(ResultsView, 'en', { props: { result, fixes: result.fixes } });
    const fix = wrapper.get('[data-testid="fix-runtimeOverheadGiB"]');
    expect(fix.get('[data-testid="fix-change"]').text()).toBe('Set Runtime overhead to 45 GiB');
    expect(fix.get('[data-testid="fix-outcome"]').text()).toBe('1 node, CapEx USD 325 – 425 k');
    await fix.trigger('click');
    expect(wrapper.emitted('apply')![0]![0]).toMatchObject({ field: 'runtimeOverheadGiB', value: 45, nodes: 1 });
    for (const candidate of result.fixes) {
      expect(planScenario({ ...result.inputs, [candidate.field]: candidate.value }, BUILT_IN_CATALOG).feasible).toBe(true);
    }
  });

  it('explains a session larger than the budget in Portuguese, with each fix and the nodes and CapEx it gives', () => {
    const inputs = {
      ...SAAS_INPUTS,
      modelId: 'llama-3.1-405b',
      serverId: 'dgx100',
      kvPrecision: 'fp32' as const,
      effectiveContextTokens: 131072,
      runtimeOverheadGiB: 430,
      kvBudgetRatio: 0.9,
    };
    const result = planScenario(inputs, BUILT_IN_CATALOG);
    expect(result.infeasibility?.code).toBe('session-exceeds-budget');
    wrapper = mountIn(ResultsView, 'pt-BR', { props: { result, fixes: result.fixes } });
    expect(wrapper.get('[data-testid="infeasible"]').text()).toContain('Este plano é inviável');
    expect(wrapper.get('[data-testid="infeasible-message"]').text()).toBe(result.infeasibility!.message['pt-BR']);
    expect(result.fixes.map((f) => f.field).sort()).toEqual(['effectiveContextTokens', 'kvPrecision', 'runtimeOverheadGiB', 'serverId']);
    const fp8 = wrapper.get('[data-testid="fix-kvPrecision"]');
    expect(fp8.get('[data-testid="fix-change"]').text()).toBe('Definir Precisão KV como fp8');
    const fp8Fix = result.fixes.find((f) => f.field === 'kvPrecision')!;
    expect(fp8.get('[data-testid="fix-outcome"]').text()).toMatch(new RegExp(`^${fp8Fix.nodes} nós, CapEx de USD`));
  });
});
