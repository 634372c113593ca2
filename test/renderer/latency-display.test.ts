// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, formatSeconds, planScenario, withDefaults, type SizingInputs } from '../../src-main/engine/index';
import ResultsView from '../../src-renderer/components/results/ResultsView.vue';
import { mountIn } from './helpers';

const inputs = (extra: Partial<SizingInputs> = {}) =>
  withDefaults(
    {
      modelId: 'llama-3.1-70b',
      serverId: 'dgx200',
      concurrency: 2000,
      effectiveContextTokens: 8192,
      promptTokens: 2000,
      outputTokens: 500,
      ...extra,
    },
    BUILT_IN_CATALOG,
  );

describe('latency in the results', () => {
  let wrapper: ReturnType<typeof mountIn> | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows TPOT, TTFT, tokens per second, cost per million tokens and what binds, with the assumptions', () => {
    const result = planScenario(inputs({ tpotMs: 40 }), BUILT_IN_CATALOG);
    wrapper = mountIn(ResultsView, 'en', { props: { result } });
    const lat = result.latency!;
    expect(wrapper.get('[data-testid="value-tpot"]').text()).toBe(lat.tpotMs.toFixed(1));
    expect(wrapper.get('[data-testid="figure-tpot"]').text()).toContain('target 40 ms');
    expect(wrapper.get('[data-testid="value-ttft"]').text()).toBe(formatSeconds(lat.ttftS!, 'en'));
    expect(wrapper.get('[data-testid="value-tokens-per-second"]').text()).toBe(
      Math.round(lat.outputTokensPerSecondPerPlan).toLocaleString('en'),
    );
    expect(wrapper.get('[data-testid="value-cost-per-million"]').text()).toMatch(/^USD \d+\.\d\d – \d+\.\d\d$/);
    expect(wrapper.get('[data-testid="figure-cost-per-million"]').text()).toContain('around the clock');
    expect(wrapper.get('[data-testid="latency-binding"]').text()).toContain('Limited by decode bandwidth (TPOT target)');
    expect(wrapper.get('[data-testid="latency-binding"]').text()).toContain('queueing is not modelled');
  });

  it('speaks Portuguese', () => {
    const result = planScenario(inputs({ tpotMs: 40 }), BUILT_IN_CATALOG);
    wrapper = mountIn(ResultsView, 'pt-BR', { props: { result } });
    expect(wrapper.get('[data-testid="latency-figures"]').text()).toContain('Tempo por token de saída');
    expect(wrapper.get('[data-testid="latency-binding"]').text()).toContain('Limitado pela banda no decode');
  });

  it('says TTFT needs the prompt length when none is given', () => {
    const { promptTokens: _p, outputTokens: _o, ...rest } = inputs();
    wrapper = mountIn(ResultsView, 'en', { props: { result: planScenario(rest as SizingInputs, BUILT_IN_CATALOG) } });
    expect(wrapper.get('[data-testid="value-ttft"]').text()).toBe('—');
    expect(wrapper.get('[data-testid="figure-ttft"]').text()).toContain('Give the prompt length');
  });

  it('offers the reachable TPOT as the fix for an unreachable target, and it makes the plan feasible', () => {
    const result = planScenario(inputs({ tpotMs: 5 }), BUILT_IN_CATALOG);
    const fixes = result.fixes;
    const fix = fixes.find((f) => f.field === 'tpotMs')!;
    expect(fix.value).toBeGreaterThan(5);
    expect(planScenario({ ...result.inputs, tpotMs: fix.value as number }, BUILT_IN_CATALOG).feasible).toBe(true);
    expect(fixes.some((f) => f.field === 'effectiveContextTokens')).toBe(false);
    wrapper = mountIn(ResultsView, 'en', { props: { result, fixes } });
    expect(wrapper.get('[data-testid="fix-tpotMs"] [data-testid="fix-change"]').text()).toBe(`Set TPOT target to ${fix.value} ms`);
  });
});
