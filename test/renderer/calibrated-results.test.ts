// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, planScenario, withDefaults, type SizingInputs } from '../../src-main/engine/index';
import { ApiCallError } from '../../src-renderer/api';
import EnginePerGpu from '../../src-renderer/components/results/EnginePerGpu.vue';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { fakeApi, freshPinia, mountIn, scenarioRow, SGLANG_H200_PROFILE as PROFILE } from './helpers';

const INPUTS = withDefaults(
  {
    method: 'engine',
    servingEngine: 'sglang',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx200',
    tp: 1,
    effectiveContextTokens: 16000,
    concurrency: 4400,
    kvPrecision: 'auto',
  } as SizingInputs,
  BUILT_IN_CATALOG,
);

describe('calibrated results in the app', () => {
  it("the renderer's catalog carries the stored profiles, so its preview sizes as the main process does", async () => {
    freshPinia();
    fakeApi(scenarioRow(), { 'calibration.list': () => [{ ...PROFILE, id: 3, createdAt: '2025-12-01T00:00:00.000Z' }] });
    const catalogs = useCatalogsStore();
    await catalogs.load();
    expect(planScenario(INPUTS, catalogs.catalog!).engine!.calibration?.profile.id).toBe(3);
  });

  it('profiles that cannot be read leave the catalog loaded, on the formulas', async () => {
    freshPinia();
    fakeApi(scenarioRow(), {
      'calibration.list': () => {
        throw new ApiCallError('invalid_input', 'calibration profile 1 in the database is not valid');
      },
    });
    const catalogs = useCatalogsStore();
    await catalogs.load();
    expect(catalogs.catalog!.models.length).toBeGreaterThan(0);
    expect(planScenario(INPUTS, catalogs.catalog!).engine!.calibration).toBeNull();
  });

  it('the per-GPU panel names the log in both languages, or says calibration is off', () => {
    const calibrated = planScenario(INPUTS, { ...BUILT_IN_CATALOG, calibrations: [PROFILE] });
    expect(
      mountIn(EnginePerGpu, 'en', { props: { result: calibrated } })
        .get('[data-testid="engine-calibration"]')
        .text(),
    ).toBe('Calibrated from a log of 2025-04-03 (SGLang, sglang.log)');
    expect(
      mountIn(EnginePerGpu, 'pt-BR', { props: { result: calibrated } })
        .get('[data-testid="engine-calibration"]')
        .text(),
    ).toBe('Calibrado a partir de um log de 2025-04-03 (SGLang, sglang.log)');
    const off = planScenario({ ...INPUTS, calibration: 'off' }, { ...BUILT_IN_CATALOG, calibrations: [PROFILE] });
    expect(
      mountIn(EnginePerGpu, 'pt-BR', { props: { result: off } })
        .get('[data-testid="engine-calibration"]')
        .text(),
    ).toBe('Calibração desligada: só as fórmulas');
    const none = planScenario(INPUTS, BUILT_IN_CATALOG);
    expect(
      mountIn(EnginePerGpu, 'en', { props: { result: none } })
        .find('[data-testid="engine-calibration"]')
        .exists(),
    ).toBe(false);
  });
});
