// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_CATALOG, formatNumber, planScenario, type SizingInputs } from '../../src-main/engine/index';
import { EDITOR_GROUPS } from '../../src-renderer/lib/scenario-form';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { useSettingsStore } from '../../src-renderer/stores/settings';
import { COMPUTE_INTERVAL_MS, SAVE_DELAY_MS } from '../../src-renderer/stores/scenario';
import ScenarioView from '../../src-renderer/views/ScenarioView.vue';
import { fakeApi, freshPinia, mountIn, SAAS_INPUTS } from './helpers';
import type { Lang } from '../../src-main/engine/index';

async function openEditor(lang: Lang) {
  const api = fakeApi();
  const pinia = freshPinia();
  await useCatalogsStore().load();
  // The settings store owns the language in the app; set it there, as the user would.
  useSettingsStore().settings.lang = lang;
  const wrapper = mountIn(ScenarioView, lang, { props: { id: 1 } }, pinia);
  await flushPromises();
  return { api, wrapper };
}

const sizingCalls = (api: ReturnType<typeof fakeApi>) =>
  api.calls.filter((c) => c.method === 'sizing.scenario').map((c) => (c.input as { inputs: SizingInputs }).inputs);

describe('scenario editor validation', () => {
  let wrapper: Awaited<ReturnType<typeof openEditor>>['wrapper'] | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    wrapper?.unmount();
    vi.useRealTimers();
  });

  const results = () => wrapper!.get('[data-testid="results"]');
  const type = async (field: string, text: string) => {
    await wrapper!.get(`[data-testid="input-${field}"]`).setValue(text);
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    await flushPromises();
  };

  it('names the problem of an out-of-range ratio and keeps the last valid result on screen', async () => {
    const opened = await openEditor('en');
    wrapper = opened.wrapper;
    expect(results().attributes('data-results-state')).toBe('ready');
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('1,740');

    await type('kvBudgetRatio', '1.5');
    expect(wrapper.get('[data-testid="issue-kvBudgetRatio"]').text()).toBe(
      'KV budget ratio must be a number greater than 0 and at most 1.',
    );
    expect(wrapper.get('[data-testid="input-kvBudgetRatio"]').attributes('aria-invalid')).toBe('true');
    expect(results().attributes('data-results-state')).toBe('invalid');
    expect(wrapper.find('[data-testid="results-stale"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('1,740');
    expect(wrapper.get('[data-testid="save-state"]').attributes('data-save-state')).toBe('invalid');
    expect(sizingCalls(opened.api).some((i) => i.kvBudgetRatio === 1.5)).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(opened.api.calls.some((c) => c.method === 'scenarios.update')).toBe(false);
  });

  it('recomputes and autosaves once the value is valid again', async () => {
    const opened = await openEditor('en');
    wrapper = opened.wrapper;
    await type('kvBudgetRatio', '1.5');
    await type('kvBudgetRatio', '0.35');
    const expected = planScenario({ ...SAAS_INPUTS, kvBudgetRatio: 0.35 }, BUILT_IN_CATALOG).sessionsPerNode;
    expect(wrapper.find('[data-testid="issue-kvBudgetRatio"]').exists()).toBe(false);
    expect(results().attributes('data-results-state')).toBe('ready');
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe(formatNumber(expected, 'en'));
    expect(expected).not.toBe(1740);

    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await flushPromises();
    expect(opened.api.stored().inputs.kvBudgetRatio).toBe(0.35);
    expect(wrapper.get('[data-testid="save-state"]').attributes('data-save-state')).toBe('saved');
  });

  it('names the model’s maximum context, and a value that is not a number', async () => {
    wrapper = (await openEditor('en')).wrapper;
    await type('effectiveContextTokens', '200000');
    expect(wrapper.get('[data-testid="issue-effectiveContextTokens"]').text()).toBe(
      'Effective context must be at most 131,072 tokens, the maximum context of opt-oss-20b.',
    );
    await type('concurrency', '1,000x');
    expect(wrapper.get('[data-testid="issue-concurrency"]').text()).toBe(
      'Concurrency: “1,000x” is not a number; type digits, with a point for decimals (1234.5).',
    );
    await type('concurrency', '1,0');
    expect(wrapper.get('[data-testid="issue-concurrency"]').text()).toBe(
      'Concurrency: “1,0” does not read as a number in English: write decimals with a point and thousands with commas (1,234.5), or no thousands separator (1234.5).',
    );
    await type('concurrency', '1,000.5');
    expect(wrapper.get('[data-testid="issue-concurrency"]').text()).toBe(
      'Concurrency must be a whole number at least 1 and at most 100,000,000.',
    );
    await type('concurrency', '10.5');
    expect(wrapper.get('[data-testid="issue-concurrency"]').text()).toBe(
      'Concurrency must be a whole number at least 1 and at most 100,000,000.',
    );
  });

  it('speaks Portuguese and reads a decimal comma', async () => {
    const opened = await openEditor('pt-BR');
    wrapper = opened.wrapper;
    expect(wrapper.get('[data-testid="value-sessions-per-node"]').text()).toBe('1.740');
    await type('kvBudgetRatio', '0');
    expect(wrapper.get('[data-testid="issue-kvBudgetRatio"]').text()).toBe(
      'Razão de orçamento KV deve ser um número maior que 0 e no máximo 1.',
    );
    await type('kvBudgetRatio', '0,5');
    expect(results().attributes('data-results-state')).toBe('ready');
    expect(sizingCalls(opened.api).at(-1)!.kvBudgetRatio).toBe(0.5);
  });

  it('edits every input of SizingInputs', () => {
    const edited = EDITOR_GROUPS.flatMap((g) => g.fields.map((f) => f.field)).sort();
    const optional = [
      'pricePerNodeUsd',
      'coldStartTargetS',
      'availabilityTarget',
      'weightsPrecision',
      'servingEngine',
      'engineVersion',
      'gpuMemoryUtilization',
      'memFractionStatic',
      'freeGpuMemoryFraction',
      'tp',
      'maxNumBatchedTokens',
      'maxNumSeqs',
      'maxModelLen',
      'blockSize',
      'calibration',
      'tpotMs',
      'ttftS',
      'promptTokens',
      'outputTokens',
      'bandwidthEfficiency',
      'computeEfficiency',
      'communicationEfficiency',
      'colocationUsdPerKwMonth',
      'supportUsdPerNodeYear',
      'networkUsdPerNode',
      'averagePowerRatio',
    ];
    const all = [...Object.keys(SAAS_INPUTS), ...optional];
    expect(edited).toEqual([...new Set(all)].sort());
  });
});
