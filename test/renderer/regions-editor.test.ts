// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioRow } from '../../src-main/api/types';
import { BUILT_IN_CATALOG, findTemplate, planRegions, type Lang, type RegionSpec } from '../../src-main/engine/index';
import { ApiCallError } from '../../src-renderer/api';
import RegionsPanel from '../../src-renderer/components/regions/RegionsPanel.vue';
import { setLanguage } from '../../src-renderer/i18n';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { useRegionsStore } from '../../src-renderer/stores/regions';
import { COMPUTE_INTERVAL_MS, SAVE_DELAY_MS, useScenarioStore } from '../../src-renderer/stores/scenario';
import { fakeApi, freshPinia, mountIn, scenarioRow } from './helpers';

const SERVERLESS = findTemplate('serverless-multi-region')!;
const REGIONS: RegionSpec[] = [
  { name: 'US-East', concurrency: 2000, overrides: {} },
  { name: 'EU', concurrency: 1500, overrides: { modelId: 'opt-oss-20b', kvPrecision: 'fp16' } },
];
const row: ScenarioRow = { ...scenarioRow(SERVERLESS.inputs), name: 'Serverless', regions: REGIONS };

/** The regions panel of an open scenario, against the real engine for sizing.plan. */
async function openPanel(lang: Lang, setRegions: (regions: RegionSpec[]) => ScenarioRow = (regions) => ({ ...row, regions })) {
  const api = fakeApi(row, {
    'sizing.plan': (i) => planRegions(i.inputs, i.regions, BUILT_IN_CATALOG),
    'regions.set': (i) => setRegions(i.regions),
  });
  const pinia = freshPinia();
  // The language first, as in the app: the drafts are typed in it.
  setLanguage(lang);
  await useCatalogsStore().load();
  const scenario = useScenarioStore();
  await scenario.open(1);
  useRegionsStore().open(scenario.scenario!);
  const wrapper = mountIn(RegionsPanel, lang, {}, pinia);
  await flushPromises();
  return { api, wrapper };
}

describe('regions editor', () => {
  let wrapper: Awaited<ReturnType<typeof openPanel>>['wrapper'] | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    wrapper?.unmount();
    vi.useRealTimers();
  });

  const regionCard = (i: number) => wrapper!.findAll('[data-testid="region"]')[i]!;

  it('shows only what a region changes, each difference with the base value beside it, and its own result', async () => {
    wrapper = (await openPanel('en')).wrapper;
    expect(wrapper.get('[data-testid="regions-panel"]').attributes('data-plan-state')).toBe('ready');
    expect(regionCard(0).findAll('[data-testid="override"]')).toHaveLength(0);
    expect(regionCard(0).text()).toContain('None: this region uses every base input.');

    const overrides = regionCard(1).findAll('[data-testid="override"]');
    expect(overrides.map((o) => o.attributes('data-field'))).toEqual(['modelId', 'kvPrecision']);
    expect(overrides[0]!.get('[data-testid="override-base"]').text()).toBe('base: opt-oss-120b');
    expect(overrides[1]!.get('[data-testid="override-base"]').text()).toBe('base: fp8');
    expect((overrides[1]!.get('select').element as HTMLSelectElement).value).toBe('fp16');

    const plan = planRegions(SERVERLESS.inputs, REGIONS, BUILT_IN_CATALOG);
    expect(regionCard(0).get('[data-testid="region-nodes"]').text()).toBe('3');
    expect(regionCard(1).get('[data-testid="region-nodes"]').text()).toBe(String(plan.regions[1]!.result.nodes!.total));
    expect(wrapper.get('[data-testid="value-plan-nodes"]').text()).toBe(String(plan.totals.nodes));
    expect(wrapper.get('[data-testid="value-plan-sessions"]').text()).toBe('3,500');
  });

  it('says the same in Portuguese, with the original vocabulary', async () => {
    wrapper = (await openPanel('pt-BR')).wrapper;
    expect(wrapper.text()).toContain('Diferenças em relação ao cenário base');
    expect(regionCard(1).findAll('[data-testid="override-base"]')[1]!.text()).toBe('base: fp8');
    expect(regionCard(0).get('[data-testid="region-result"]').text()).toContain('mínimo 1 → com headroom 2 → total 3');
    expect(regionCard(0).get('[data-testid="region-result"]').text()).toContain('sessões de capacidade ociosa');
    expect(wrapper.get('[data-testid="value-plan-sessions"]').text()).toBe('3.500');
  });

  it('names a typing mistake beside the field and neither sizes nor saves it', async () => {
    const opened = await openPanel('en');
    wrapper = opened.wrapper;
    // Let the opening's own plan and save settle first: only what the typing causes is counted.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    await flushPromises();
    const calls = opened.api.calls.length;
    await regionCard(1).get('[data-testid="region-concurrency"]').setValue('1.500');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(regionCard(1).get('[data-testid="region-issue-concurrency"]').text()).toBe(
      'Concurrent sessions must be a whole number at least 1 and at most 100,000,000.',
    );
    expect(wrapper.get('[data-testid="regions-panel"]').attributes('data-plan-state')).toBe('invalid');
    expect(useRegionsStore().saveState).toBe('invalid');
    // Nothing saved, and nothing sized with 1.5 sessions (the last valid plan may still be confirmed).
    const after = opened.api.calls.slice(calls);
    expect(after.filter((c) => !c.method.startsWith('sizing.')).map((c) => c.method)).toEqual([]);
    const sized = after
      .filter((c) => c.method === 'sizing.plan')
      .flatMap((c) => (c.input as { regions: RegionSpec[] }).regions.map((r) => r.concurrency));
    expect(sized).not.toContain(1.5);
  });

  it('shows a refusal of the main process next to the region’s field it names', async () => {
    const refusal = 'regions[1].overrides.modelId: "opt-oss-20b" is not allowed; expected a model of this catalog';
    const opened = await openPanel('en', () => {
      throw new ApiCallError('invalid_input', refusal, 'regions[1].overrides.modelId');
    });
    wrapper = opened.wrapper;
    await regionCard(1).get('[data-testid="region-concurrency"]').setValue('1800');
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    await flushPromises();
    expect(wrapper.get('[data-testid="regions-panel"]').attributes('data-plan-state')).toBe('ready');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await flushPromises();

    const saved = opened.api.calls.filter((c) => c.method === 'regions.set').at(-1)!.input as { regions: RegionSpec[] };
    expect(saved.regions[1]).toEqual({ name: 'EU', concurrency: 1800, overrides: { modelId: 'opt-oss-20b', kvPrecision: 'fp16' } });
    const issues = regionCard(1).findAll('[data-testid="override-issue"]');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.text()).toBe(`Not accepted: ${refusal}`);
    expect(regionCard(1).find('[data-field="modelId"] [data-testid="override-issue"]').exists()).toBe(true);
    expect(useRegionsStore().saveState).toBe('error');

    // The next edit clears it: the main process will judge the new value.
    await regionCard(1).get('[data-testid="region-concurrency"]').setValue('1700');
    expect(regionCard(1).findAll('[data-testid="override-issue"]')).toHaveLength(0);
  });

  it('adds a region with the base concurrency and a free name, and removes one', async () => {
    wrapper = (await openPanel('en')).wrapper;
    await wrapper.get('[data-testid="add-region"]').trigger('click');
    await flushPromises();
    expect((regionCard(2).get('[data-testid="region-name"]').element as HTMLInputElement).value).toBe('Region 3');
    expect((regionCard(2).get('[data-testid="region-concurrency"]').element as HTMLInputElement).value).toBe('2000');
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    await flushPromises();
    expect(wrapper.get('[data-testid="value-plan-sessions"]').text()).toBe('5,500');
    await regionCard(0).get('[data-testid="remove-region"]').trigger('click');
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    await flushPromises();
    expect(
      wrapper.findAll('[data-testid="region"]').map((r) => (r.get('[data-testid="region-name"]').element as HTMLInputElement).value),
    ).toEqual(['EU', 'Region 3']);
    expect(wrapper.get('[data-testid="value-plan-sessions"]').text()).toBe('3,500');
  });
});
