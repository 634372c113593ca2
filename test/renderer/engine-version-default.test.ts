// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang, SizingInputs } from '../../src-main/engine/index';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { useSettingsStore } from '../../src-renderer/stores/settings';
import ScenarioView from '../../src-renderer/views/ScenarioView.vue';
import { fakeApi, freshPinia, mountIn, SAAS_INPUTS, scenarioRow } from './helpers';

const ENGINE_SCENARIO: SizingInputs = { ...SAAS_INPUTS, method: 'engine', modelId: 'llama-3.1-8b', serverId: 'dgx100', tp: 1 };

async function openEditor(lang: Lang, inputs: SizingInputs) {
  fakeApi(scenarioRow(inputs));
  const pinia = freshPinia();
  await useCatalogsStore().load();
  useSettingsStore().settings.lang = lang;
  const wrapper = mountIn(ScenarioView, lang, { props: { id: 1 } }, pinia);
  await flushPromises();
  return wrapper;
}

describe("the editor's engine version", () => {
  let wrapper: Awaited<ReturnType<typeof openEditor>> | undefined;
  afterEach(() => wrapper?.unmount());

  const versionSelect = () => wrapper!.get<HTMLSelectElement>('[data-testid="input-engineVersion"]');
  const shown = () => versionSelect().element.selectedOptions[0]!.textContent;

  it('left unset, names the version the scenario is sized with and says it is the default, for the engine chosen', async () => {
    wrapper = await openEditor('en', ENGINE_SCENARIO);
    expect(versionSelect().element.value).toBe('');
    expect(shown()).toBe('Default: vLLM 0.17');
    await wrapper.get('[data-testid="input-servingEngine"]').setValue('sglang');
    await flushPromises();
    expect(shown()).toBe('Default: SGLang 0.4');
  });

  it('says so in Portuguese, and a version the scenario names is shown as named', async () => {
    wrapper = await openEditor('pt-BR', ENGINE_SCENARIO);
    expect(shown()).toBe('Padrão: vLLM 0.17');
    wrapper.unmount();
    wrapper = await openEditor('en', { ...ENGINE_SCENARIO, engineVersion: '0.11' });
    expect(versionSelect().element.value).toBe('0.11');
    expect(shown()).toBe('vLLM 0.11');
  });
});
