// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioRow } from '../../src-main/api/types';
import { BUILT_IN_CATALOG, compareRegions, compareScenarios, planRegions, planScenario, type Lang } from '../../src-main/engine/index';
import { comparisonTable } from '../../src-main/i18n/cases';
import WhatIfPanel from '../../src-renderer/components/whatif/WhatIfPanel.vue';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { useScenarioStore } from '../../src-renderer/stores/scenario';
import { fakeApi, freshPinia, mountIn, SAAS_INPUTS, scenarioRow } from './helpers';

const original = scenarioRow();
const variant: ScenarioRow = {
  ...scenarioRow({ ...SAAS_INPUTS, concurrency: 3000, kvPrecision: 'fp16' }, 2),
  name: 'SaaS, 3,000 sessions in fp16',
  variantOf: 1,
};
const rows = [original, variant];

/** The what-if panel of the SaaS scenario with one variant; sizing.compare answers through the real engine. */
async function openPanel(lang: Lang, scenarios: ScenarioRow[] = rows) {
  const api = fakeApi(original, {
    'scenarios.list': () => scenarios,
    'sizing.compare': (i) => {
      const items = i.scenarioIds
        .map((id) => scenarios.find((r) => r.id === id)!)
        .map((r) => ({
          name: r.name,
          result: planScenario(r.inputs, BUILT_IN_CATALOG),
          plan: r.regions.length > 0 ? planRegions(r.inputs, r.regions, BUILT_IN_CATALOG) : null,
        }));
      return {
        names: items.map((x) => x.name),
        rows: compareScenarios(items),
        table: comparisonTable(items, i.lang),
        regions: compareRegions(items),
      };
    },
  });
  const pinia = freshPinia();
  await useCatalogsStore().load();
  await useScenarioStore().open(1);
  const wrapper = mountIn(WhatIfPanel, lang, {}, pinia);
  await flushPromises();
  await flushPromises();
  return { api, wrapper };
}

describe('comparison view', () => {
  let wrapper: Awaited<ReturnType<typeof openPanel>>['wrapper'] | undefined;
  afterEach(() => wrapper?.unmount());

  const row = (key: string) => wrapper!.get(`[data-testid="compare-row"][data-key="${key}"]`);
  const cells = (key: string) =>
    row(key)
      .findAll('td')
      .map((td) => td.text());

  it('compares the scenario with its variants at once and highlights exactly the rows that differ', async () => {
    const opened = await openPanel('en');
    wrapper = opened.wrapper;
    expect(opened.api.calls.find((c) => c.method === 'sizing.compare')?.input).toEqual({ scenarioIds: [1, 2], lang: 'en' });
    expect(wrapper.get('[data-testid="compare"]').attributes('data-compare-state')).toBe('ready');
    expect(wrapper.findAll('[data-testid="compare-name"]').map((th) => th.text())).toEqual([
      'SaaS start-up assistant',
      'SaaS, 3,000 sessions in fp16',
    ]);

    const highlighted = wrapper.findAll('tr.differs').map((tr) => tr.attributes('data-key'));
    const expected = compareScenarios(rows.map((r) => ({ name: r.name, result: planScenario(r.inputs, BUILT_IN_CATALOG) })))
      .filter((r) => r.differs)
      .map((r) => r.key);
    expect(highlighted).toEqual(expected);
    expect(highlighted).toEqual(expect.arrayContaining(['concurrency', 'kvPrecision', 'nodesTotal', 'sessionsPerNode']));
    expect(highlighted).not.toContain('modelId');
    expect(row('concurrency').text()).toContain('≠');
    expect(row('modelId').text()).not.toContain('≠');
    expect(cells('concurrency')).toEqual(['1,000 sessions', '3,000 sessions']);
    expect(cells('kvPerSessionGiB')).toEqual(['0.3765 GiB', '0.7529 GiB']);
  });

  it('shows a multi-region variant by its plan totals, with its regions under its name', async () => {
    const regions = ['US', 'EU', 'APAC'].map((name) => ({ name, concurrency: 1000, overrides: {} }));
    const multi: ScenarioRow = { ...variant, name: 'SaaS in three regions', regions };
    wrapper = (await openPanel('en', [original, multi])).wrapper;
    expect(cells('nodesTotal')).toEqual(['1', '6']);
    expect(cells('concurrency')).toEqual(['1,000 sessions', '3,000 sessions']);
    expect(cells('regionCount')).toEqual(['1', '3']);
    // A cost line left empty shows the default it uses.
    expect(cells('colocationUsdPerKwMonth')).toEqual(['default 184', 'default 184']);
    expect(wrapper.get('[data-testid="compare-regions"]').text()).toBe(
      'Plan totals of 3 regions · US: 2 nodes · EU: 2 nodes · APAC: 2 nodes',
    );
  });

  it('keeps only the differing rows on request', async () => {
    wrapper = (await openPanel('en')).wrapper;
    const all = wrapper.findAll('[data-testid="compare-row"]').length;
    await wrapper.get('[data-testid="only-differences"]').setValue(true);
    const left = wrapper.findAll('[data-testid="compare-row"]');
    expect(left.length).toBeLessThan(all);
    expect(left.every((r) => r.attributes('data-differs') === 'true')).toBe(true);
    expect(wrapper.find('[data-testid="compare-row"][data-key="modelId"]').exists()).toBe(false);
  });

  it('reads in Portuguese, with the comparison of cases in the original’s words', async () => {
    wrapper = (await openPanel('pt-BR')).wrapper;
    expect(cells('concurrency')).toEqual(['1.000 sessões', '3.000 sessões']);
    expect(row('nodesTotal').get('th').text()).toContain('Nós necessários');
    expect(row('spareSessions').get('th').text()).toContain('Capacidade ociosa');
    expect(wrapper.text()).toContain('Comparação de casos');
    const cases = wrapper.findAll('[data-testid="case-row"]');
    expect(cases).toHaveLength(2);
    expect(cases[0]!.text()).toContain('SaaS start-up assistant');
    expect(cases[1]!.findAll('td').map((td) => td.text())).toEqual(expect.arrayContaining(['32k', 'nenhuma']));
  });

  it('waits for a second scenario before comparing', async () => {
    const opened = await openPanel('en');
    wrapper = opened.wrapper;
    await wrapper.get('[data-testid="compare-pick"][data-name="SaaS, 3,000 sessions in fp16"] input').setValue(false);
    await flushPromises();
    expect(wrapper.get('[data-testid="compare"]').attributes('data-compare-state')).toBe('idle');
    expect(wrapper.find('[data-testid="compare-table"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="compare-idle"]').text()).toBe('Tick at least two scenarios to compare them.');
  });
});
