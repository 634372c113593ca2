// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_CATALOG, optimisePlan, withDefaults, type SizingInputs } from '../../src-main/engine/index';
import OptimisePanel from '../../src-renderer/components/optimise/OptimisePanel.vue';
import { useCatalogsStore } from '../../src-renderer/stores/catalogs';
import { useScenarioStore } from '../../src-renderer/stores/scenario';
import type { OptimiseRequestBody } from '../../src-main/api/types';
import { fakeApi, freshPinia, mountIn, scenarioRow, SGLANG_H200_PROFILE } from './helpers';

// Many short sessions on DGX H200 alone: TP 1 replicas serve bf16 weights well, so the profile's plan is ranked.
const INPUTS = withDefaults(
  {
    method: 'engine',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx200',
    effectiveContextTokens: 1024,
    concurrency: 50_000,
    kvPrecision: 'auto',
  } as SizingInputs,
  BUILT_IN_CATALOG,
);

async function searchOnly(wrapper: ReturnType<typeof mountIn>, serverId: string) {
  for (const box of wrapper.findAll<HTMLInputElement>('[data-testid^="optimise-server-"]')) {
    if (box.attributes('data-testid') !== `optimise-server-${serverId}`) await box.setValue(false);
  }
  await vi.waitFor(
    () => {
      const rows = wrapper.findAll('[data-testid="optimise-row"]');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.attributes('data-server') === serverId)).toBe(true);
    },
    { timeout: 10_000 },
  );
}

describe('the Optimise panel names the calibration profile a plan was sized with', () => {
  for (const lang of ['en', 'pt-BR'] as const) {
    it(`says which ranked plans a stored profile sized, and that the others are the formulas (${lang})`, async () => {
      const pinia = freshPinia();
      const profile = { ...SGLANG_H200_PROFILE, id: 3, createdAt: '2025-12-01T00:00:00.000Z' };
      const catalog = { ...BUILT_IN_CATALOG, calibrations: [profile] };
      const api = fakeApi(scenarioRow(INPUTS), {
        'calibration.list': () => [profile],
        'sizing.optimise': (r) => optimisePlan({ ...r, base: { ...r.inputs, method: 'engine' }, regions: r.regions ?? [] }, catalog),
      });
      await useCatalogsStore().load();
      await useScenarioStore().open(1);
      const wrapper = mountIn(OptimisePanel, lang, {}, pinia);
      await searchOnly(wrapper, 'dgx200');

      const asked = api.calls.filter((c) => c.method === 'sizing.optimise').at(-1)!.input as OptimiseRequestBody;
      expect(asked.serverIds).toEqual(['dgx200']);
      const found = optimisePlan({ ...asked, base: asked.inputs, regions: [] }, catalog).regions[0]!.result.plans.slice(0, 10);
      const ranks = found.flatMap((plan, i) => (plan.calibration ? [i + 1] : []));
      expect(ranks.length).toBeGreaterThan(0);
      expect(ranks.length).toBeLessThan(found.length);
      const lines = wrapper.findAll('[data-testid="optimise-calibration"]').map((p) => p.text());
      const message = found.find((p) => p.calibration)!.calibration!.message[lang];
      const rankList = ranks.join(', ');
      expect(lines).toEqual(
        lang === 'en'
          ? [
              `${ranks.length === 1 ? 'Plan' : 'Plans'} ${rankList} sized with a stored calibration profile: ${message}`,
              'The other plans: the engine method’s formulas.',
            ]
          : [
              `${ranks.length === 1 ? 'Plano' : 'Planos'} ${rankList} ${ranks.length === 1 ? 'dimensionado' : 'dimensionados'} com um perfil de calibração salvo: ${message}`,
              'Os demais planos: as fórmulas do método por engine.',
            ],
      );
      wrapper.unmount();
    });
  }

  it('says nothing of calibration when no profile matches', async () => {
    const pinia = freshPinia();
    fakeApi(scenarioRow(INPUTS), {
      'sizing.optimise': (r) => optimisePlan({ ...r, base: { ...r.inputs, method: 'engine' }, regions: r.regions ?? [] }, BUILT_IN_CATALOG),
    });
    await useCatalogsStore().load();
    await useScenarioStore().open(1);
    const wrapper = mountIn(OptimisePanel, 'en', {}, pinia);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="optimise-table"]').exists()).toBe(true), { timeout: 10_000 });
    expect(wrapper.findAll('[data-testid="optimise-calibration"]')).toHaveLength(0);
    wrapper.unmount();
  });
});
