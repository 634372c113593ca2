import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, disposePinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import type { SizingBridge } from '../../src-main/api/bridge';
import type { ApiErrorBody, ApiInput, ApiMethodName, ApiResult, CatalogView, ScenarioRow, Settings } from '../../src-main/api/types';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  planScenario,
  PRECISIONS,
  type CalibrationProfile,
  type Lang,
  type SizingInputs,
} from '../../src-main/engine/index';
import { ApiCallError, setApiClient, type ApiClient } from '../../src-renderer/api';
import { bridgeTransport, createApiClient } from '../../src-renderer/api/client';
import { i18n, setLanguage } from '../../src-renderer/i18n';
import { useSettingsStore } from '../../src-renderer/stores/settings';

/** The profile `sizing calibrate` saves from the SGLang H200 excerpt of the calibration tests (test/unit/engine/calibration/logs.ts). */
export const SGLANG_H200_PROFILE: CalibrationProfile = {
  modelId: 'llama-3.1-8b',
  serverId: 'dgx200',
  engine: 'sglang',
  tp: 1,
  logDate: '2025-04-03',
  engineVersion: null,
  loggedModel: 'meta-llama/Llama-3.1-8B-Instruct',
  source: 'sglang.log',
  memoryFraction: 0.88,
  maxModelLen: 131072,
  kvCacheDtype: 'auto',
  cudaGraphInBudget: false,
  measured: {
    visibleGiB: 139.21,
    weightsGiB: 15.15,
    activationPeakGiB: null,
    nonTorchGiB: 0,
    cudaGraphGiB: 0.72,
    kvAvailableGiB: 102.58,
    kvTokens: 840325,
    maxConcurrency: null,
  },
};

export const SAAS_INPUTS: SizingInputs = findTemplate('saas-startup')!.inputs;

export const CATALOG_VIEW: CatalogView = {
  ...BUILT_IN_CATALOG,
  precisions: PRECISIONS,
  prices: [],
  customIds: { model: [], server: [], storage: [] },
};

export function scenarioRow(inputs: SizingInputs = SAAS_INPUTS, id = 1): ScenarioRow {
  return {
    id,
    projectId: 1,
    variantOf: null,
    name: 'SaaS start-up assistant',
    notes: '',
    inputs,
    regions: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

type Handlers = { [M in ApiMethodName]?: (input: ApiInput<M>) => ApiResult<M> };

/**
 * An API client that answers in-process: sizing through the real engine (what the main process does),
 * scenarios from one row, and a log of every call, so tests can check what was sent.
 */
export function fakeApi(row: ScenarioRow = scenarioRow(), extra: Handlers = {}) {
  const calls: { method: ApiMethodName; input: unknown }[] = [];
  let stored = row;
  const settings: Settings = { lang: 'en', theme: 'light', memoryBasis: 'nominal', years: 3, pue: 1.3, kwhPriceUsd: 0.12 };
  const handlers: Handlers = {
    'sizing.scenario': (i) => planScenario(i.inputs, BUILT_IN_CATALOG),
    'scenarios.get': () => stored,
    'scenarios.update': (i) => (stored = { ...stored, ...i }),
    'catalog.list': () => CATALOG_VIEW,
    'calibration.list': () => [],
    'settings.get': () => settings,
    'projects.list': () => [],
    ...extra,
  };
  // The app's own client and preload transport; only the main process is fake. Arguments and answers
  // are structured clones, as Electron's IPC makes them.
  const bridge: SizingBridge = {
    async call(method, input) {
      const cloned = structuredClone(input);
      calls.push({ method: method as ApiMethodName, input: cloned });
      const handler = handlers[method as ApiMethodName] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_method', message: `no fake for ${method}` } };
      try {
        return { ok: true, result: structuredClone(handler(cloned)) };
      } catch (error) {
        if (!(error instanceof ApiCallError)) throw error;
        return { ok: false, error: { code: error.code as ApiErrorBody['code'], message: error.message, field: error.field } };
      }
    },
    saveFile: async () => ({ saved: false }),
    openFile: async () => null,
    onMenuCommand: () => () => {},
  };
  const client: ApiClient = createApiClient(bridgeTransport(bridge));
  setApiClient(client);
  return { client, calls, stored: () => stored };
}

let current: Pinia | null = null;

/** A new Pinia for a test; the previous test's stores are disposed, so their watchers cannot react to this test. */
export function freshPinia(): Pinia {
  if (current) disposePinia(current);
  current = createPinia();
  setActivePinia(current);
  return current;
}

/** Charts need a real canvas; their own behaviour is covered in the browser tests. */
const STUBS = { MemoryChart: true, NodesChart: true, RegionsChart: true, SweepChart: true, ParetoChart: true };

export function mountIn<C extends Component>(
  component: C,
  lang: Lang,
  options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>,
  pinia = freshPinia(),
) {
  // The settings store applies its language when first used (charts read its theme), so it holds `lang` too.
  setActivePinia(pinia);
  useSettingsStore().settings.lang = lang;
  setLanguage(lang);
  return mount(component, {
    ...options,
    global: { plugins: [pinia, i18n], stubs: STUBS, ...options.global },
  } as ComponentMountingOptions<C>);
}
