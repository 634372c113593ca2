// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiInput, ApiMethodName, ApiResult, ScenarioRow } from '../../src-main/api/types';
import { BUILT_IN_CATALOG, findTemplate, planRegions, planScenario, type RegionSpec, type SizingInputs } from '../../src-main/engine/index';
import { setApiClient, type ApiClient } from '../../src-renderer/api';
import { setLanguage } from '../../src-renderer/i18n';
import { COMPUTE_INTERVAL_MS, SAVE_DELAY_MS } from '../../src-renderer/lib/live-edit';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { useRegionsStore } from '../../src-renderer/stores/regions';
import { useScenarioStore } from '../../src-renderer/stores/scenario';
import { CATALOG_VIEW, freshPinia, SAAS_INPUTS, scenarioRow } from './helpers';

/**
 * Issue 12 item 1: the editor's compute-and-autosave loop against a fake main process whose answers
 * wait until the test lets them go, in any order. The latest question's answer must win and saves
 * must run one after another, or the screen and the store end up with older inputs.
 */

interface Call {
  method: ApiMethodName;
  input: unknown;
  /** Lets the answer go (the handler runs now, on the store as it is). */
  answer(): Promise<void>;
}

/** Every call waits in `waiting` until the test answers it; the answers come from the real engine and one stored row. */
function heldApi(row: ScenarioRow) {
  let stored = row;
  const waiting: Call[] = [];
  const answered: Call[] = [];
  const handlers: { [M in ApiMethodName]?: (input: ApiInput<M>) => ApiResult<M> } = {
    'catalog.list': () => CATALOG_VIEW,
    'calibration.list': () => [],
    'scenarios.get': () => stored,
    'scenarios.update': (i) => (stored = { ...stored, ...i, inputs: i.inputs ?? stored.inputs }),
    'regions.set': (i) => (stored = { ...stored, regions: i.regions }),
    'sizing.scenario': (i) => planScenario(i.inputs, BUILT_IN_CATALOG),
    'sizing.plan': (i) => planRegions(i.inputs, i.regions, BUILT_IN_CATALOG),
  };
  const client: ApiClient = {
    call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      return new Promise((resolve) => {
        const call: Call = {
          method,
          input: structuredClone(input),
          async answer() {
            waiting.splice(waiting.indexOf(call), 1);
            answered.push(call);
            resolve(structuredClone((handlers[method] as (i: ApiInput<M>) => ApiResult<M>)(input)));
            await vi.advanceTimersByTimeAsync(0);
          },
        };
        waiting.push(call);
      });
    },
  };
  setApiClient(client);
  const pending = (method: ApiMethodName) => waiting.filter((c) => c.method === method);
  /** Answers whatever is waiting, and what those answers lead to, until nothing is left (opening, loads). */
  async function settle(): Promise<void> {
    await vi.advanceTimersByTimeAsync(0);
    while (waiting.length > 0) {
      await waiting[0]!.answer();
      await vi.advanceTimersByTimeAsync(0);
    }
  }
  return { pending, settle, answered, stored: () => stored };
}

const concurrencyOf = (call: Call) => (call.input as { inputs: SizingInputs }).inputs.concurrency;

async function openScenario(row: ScenarioRow) {
  const api = heldApi(row);
  freshPinia();
  setLanguage('en');
  const loading = useCatalogsStore().load();
  await api.settle();
  await loading;
  const scenario = useScenarioStore();
  const opening = scenario.open(row.id);
  await api.settle();
  await opening;
  return { api, scenario };
}

describe('the scenario editor against a slow main process', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps the latest answer: a confirmation of older inputs that arrives last is dropped', async () => {
    const { api, scenario } = await openScenario(scenarioRow());
    scenario.setNumber('concurrency', '3000');
    // The figures follow at once, computed in the renderer; the main process is asked too.
    expect(scenario.result?.inputs.concurrency).toBe(3000);
    expect(scenario.confirmed).toBe(false);
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    expect(api.pending('sizing.scenario').map(concurrencyOf)).toEqual([3000]);
    scenario.setNumber('concurrency', '5000');
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    expect(api.pending('sizing.scenario').map(concurrencyOf)).toEqual([3000, 5000]);

    const [older, newer] = api.pending('sizing.scenario');
    await newer!.answer();
    expect(scenario.confirmed).toBe(true);
    await older!.answer();
    expect(scenario.result?.inputs.concurrency).toBe(5000);
    expect(scenario.result?.nodes?.total).toBe(planScenario({ ...SAAS_INPUTS, concurrency: 5000 }, BUILT_IN_CATALOG).nodes!.total);
    expect(scenario.resultsState).toBe('ready');
  });

  it('shows the result of the last valid input while a later one is invalid (1200x typed fast: 1200, not 1)', async () => {
    const { api, scenario } = await openScenario(scenarioRow());
    for (const text of ['', '1', '12', '120', '1200', '1200x']) scenario.setNumber('concurrency', text);
    expect(scenario.resultsState).toBe('invalid');
    expect(scenario.result?.inputs.concurrency).toBe(1200);
    // The main process still confirms 1200, the last valid input, and its answer stays on screen.
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    await api.settle();
    expect(
      api.answered
        .filter((c) => c.method === 'sizing.scenario')
        .map(concurrencyOf)
        .at(-1),
    ).toBe(1200);
    expect(scenario.result?.inputs.concurrency).toBe(1200);
    expect(scenario.resultsState).toBe('invalid');
  });

  it('saves one edit after another, so the store ends with the newest inputs even when an older save is slow', async () => {
    const { api, scenario } = await openScenario(scenarioRow());
    scenario.setNumber('concurrency', '3000');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(api.pending('scenarios.update').map(concurrencyOf)).toEqual([3000]);
    expect(scenario.saveState).toBe('saving');

    scenario.setNumber('concurrency', '5000');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    // The second save waits for the first to finish.
    expect(api.pending('scenarios.update').map(concurrencyOf)).toEqual([3000]);
    await api.pending('scenarios.update')[0]!.answer();
    // The first save finished but a newer edit is still to be saved: not "saved" yet.
    expect(scenario.saveState).not.toBe('saved');
    expect(api.pending('scenarios.update').map(concurrencyOf)).toEqual([5000]);
    await api.pending('scenarios.update')[0]!.answer();
    expect(api.stored().inputs.concurrency).toBe(5000);
    expect(scenario.saveState).toBe('saved');
  });

  it('does not say "saved" when an edit came while the save was on its way', async () => {
    const { api, scenario } = await openScenario(scenarioRow());
    scenario.setNumber('concurrency', '3000');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    scenario.setName('Renamed while saving');
    await api.pending('scenarios.update')[0]!.answer();
    expect(scenario.saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await api.pending('scenarios.update')[0]!.answer();
    expect(api.stored().name).toBe('Renamed while saving');
    expect(scenario.saveState).toBe('saved');
  });
});

describe('the regions editor against a slow main process', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  const SERVERLESS = findTemplate('serverless-multi-region')!;
  const REGIONS: RegionSpec[] = [
    { name: 'US-East', concurrency: 2000, overrides: {} },
    { name: 'EU', concurrency: 1500, overrides: {} },
  ];
  const regionConcurrency = (call: Call) => (call.input as { regions: RegionSpec[] }).regions.map((r) => r.concurrency);

  async function openRegions() {
    const opened = await openScenario({ ...scenarioRow(SERVERLESS.inputs), regions: REGIONS });
    const regions = useRegionsStore();
    regions.open(opened.scenario.scenario!);
    await opened.api.settle();
    return { ...opened, regions };
  }

  it('keeps the latest plan: an older plan that arrives last is dropped', async () => {
    const { api, regions } = await openRegions();
    regions.update(1, { concurrency: '3000' });
    expect(regions.plan?.regions[1]!.result.inputs.concurrency).toBe(3000);
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    regions.update(1, { concurrency: '9000' });
    await vi.advanceTimersByTimeAsync(COMPUTE_INTERVAL_MS);
    const [older, newer] = api.pending('sizing.plan');
    expect([older, newer].map((c) => regionConcurrency(c!))).toEqual([
      [2000, 3000],
      [2000, 9000],
    ]);
    await newer!.answer();
    await older!.answer();
    expect(regions.plan?.regions[1]!.result.inputs.concurrency).toBe(9000);
    expect(regions.plan?.totals.concurrency).toBe(11000);
  });

  it('saves the regions one after another, ending with the newest', async () => {
    const { api, regions } = await openRegions();
    regions.update(1, { concurrency: '3000' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    regions.update(1, { concurrency: '9000' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(api.pending('regions.set').map(regionConcurrency)).toEqual([[2000, 3000]]);
    await api.pending('regions.set')[0]!.answer();
    expect(regions.saveState).not.toBe('saved');
    await api.pending('regions.set')[0]!.answer();
    expect(api.stored().regions.map((r) => r.concurrency)).toEqual([2000, 9000]);
    expect(regions.saveState).toBe('saved');
  });
});
