// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planScenario } from '../../src-main/engine/index';
import MemoryChart from '../../src-renderer/components/charts/MemoryChart.vue';
import ResultsView from '../../src-renderer/components/results/ResultsView.vue';
import { mountIn, SAAS_INPUTS } from './helpers';

const saas = planScenario(SAAS_INPUTS, BUILT_IN_CATALOG);
const publicApi = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);

describe('results display', () => {
  let wrapper: ReturnType<typeof mountIn> | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows the SaaS reference case: 1,740 sessions per node on 1 node, 740 spare', () => {
    wrapper = mountIn(ResultsView, 'en', { props: { result: saas } });
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('1,740');
    expect(wrapper.get('[data-testid="value-nodes"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="figure-nodes"]').text()).toContain('node');
    expect(wrapper.get('[data-testid="figure-nodes"]').text()).not.toContain('nodes');
    expect(wrapper.get('[data-testid="nodes-flow"]').text()).toBe('capacity 1 → with headroom 1 → total 1');
    expect(wrapper.get('[data-testid="value-kv-per-session"]').text()).toBe('0.3765');
    expect(wrapper.get('[data-testid="value-spare"]').text()).toBe('740');
    expect(wrapper.get('[data-testid="figure-spare"]').text()).toContain('42.5%');
    expect(wrapper.get('[data-testid="value-capex"]').text()).toBe('USD 325 – 425 k');
  });

  it('formats the same figures the Portuguese way: 1.740 sessões por nó, 0,3765 GiB, 1 nó', () => {
    wrapper = mountIn(ResultsView, 'pt-BR', { props: { result: saas } });
    expect(wrapper.get('[data-testid="figure-sessions-per-node"]').text()).toContain('Sessões por nó');
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('1.740');
    expect(wrapper.get('[data-testid="value-kv-per-session"]').text()).toBe('0,3765');
    expect(wrapper.get('[data-testid="figure-nodes"]').text()).toContain('Nós necessários');
    expect(wrapper.get('[data-testid="figure-nodes"]').text()).toMatch(/1\s*nó/);
    expect(wrapper.get('[data-testid="figure-spare"]').text()).toContain('Capacidade ociosa');
    expect(wrapper.get('[data-testid="figure-spare"]').text()).toContain('42,5%');
  });

  it('shows the public API case: 613 sessions per node, 9 → 11 → 12 nodes', () => {
    wrapper = mountIn(ResultsView, 'en', { props: { result: publicApi } });
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('613');
    expect(wrapper.get('[data-testid="value-nodes"]').text()).toBe('12');
    expect(wrapper.get('[data-testid="figure-nodes"]').text()).toContain('nodes');
    expect(wrapper.get('[data-testid="nodes-flow"]').text()).toBe('capacity 9 → with headroom 11 → total 12');
  });

  it('lists every recommendation in the current language with its severity', () => {
    wrapper = mountIn(ResultsView, 'pt-BR', { props: { result: publicApi } });
    const items = wrapper.findAll('[data-testid="recommendation"]');
    expect(items).toHaveLength(publicApi.recommendations.length);
    publicApi.recommendations.forEach((rec, i) => {
      expect(items[i]!.attributes('data-severity')).toBe(rec.severity);
      expect(items[i]!.text()).toContain(rec.message['pt-BR']);
    });
  });

  it("names an engine plan's node memory as what the engine sees, a pooled plan's as HBM, in both languages", () => {
    const engine = planScenario({ ...SAAS_INPUTS, method: 'engine', kvPrecision: 'auto' }, BUILT_IN_CATALOG);
    // The chart itself draws on a canvas, which happy-dom lacks: its frame and title are what is checked.
    const chart = (result: typeof engine, lang: 'en' | 'pt-BR') =>
      mountIn(MemoryChart, lang, {
        props: { memory: result.memoryPerNode!, alertRatio: 0.85, engineMethod: result.engine !== null },
        global: { stubs: { Bar: true } },
      });
    const cases: [typeof engine, 'en' | 'pt-BR'][] = [
      [engine, 'en'],
      [engine, 'pt-BR'],
      [saas, 'en'],
    ];
    const titles = cases.map(([result, lang]) => {
      const w = chart(result, lang);
      const title = w.get('figcaption').text();
      w.unmount();
      return title;
    });
    expect(titles).toEqual([
      'Memory the engine sees on one node, at the planned load',
      'Memória que o engine enxerga em um nó, na carga planejada',
      'HBM of one node at the planned load',
    ]);
    wrapper = mountIn(ResultsView, 'en', { props: { result: engine } });
    expect(wrapper.get('[data-testid="figure-kv-per-session"]').text()).toMatch(/[\d,.]+ GiB seen by the engine per node/);
    expect(wrapper.text()).not.toContain('HBM');
    expect(wrapper.get('[data-testid="memory-basis"]').text()).toBe(
      `Memory per GPU: what the engine sees, ${engine.engine!.perGpu.visibleGiB.toFixed(2)} GiB (as the engine logs it); the memory basis setting applies only to the pooled method.`,
    );
    wrapper.unmount();
    wrapper = mountIn(ResultsView, 'pt-BR', { props: { result: engine } });
    expect(wrapper.get('[data-testid="figure-kv-per-session"]').text()).toContain('enxergados pelo engine por nó');
    expect(wrapper.get('[data-testid="memory-basis"]').text()).toMatch(
      /^Memória por GPU: o que o engine enxerga, [\d.]+,\d\d GiB \(como o engine registra no log\); a base de memória só vale para o método de nó agregado\.$/,
    );
    wrapper.unmount();
    wrapper = mountIn(ResultsView, 'en', { props: { result: saas } });
    expect(wrapper.get('[data-testid="figure-kv-per-session"]').text()).toContain('GiB of HBM per node');
  });

  it('says which memory basis the result used', () => {
    const measured = planScenario({ ...SAAS_INPUTS, memoryBasis: 'measured' }, BUILT_IN_CATALOG);
    wrapper = mountIn(ResultsView, 'en', { props: { result: measured } });
    expect(wrapper.get('[data-testid="memory-basis"]').text()).toContain('Memory basis used: Measured (nvidia-smi)');
  });
});
