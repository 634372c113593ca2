import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { BUILT_IN_CATALOG, withDefaults, type SizingInputs } from '../../../src-main/engine/index.js';
import * as logs from '../engine/calibration/logs.js';
import { ok, tempStore } from '../helpers/temp.js';

/** The SGLang log's start-up as a scenario, 16,000-token sessions: the stored profile changes its node count. */
const INPUTS = withDefaults(
  {
    method: 'engine',
    servingEngine: 'sglang',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx200',
    tp: 1,
    memFractionStatic: 0.88,
    effectiveContextTokens: 16000,
    concurrency: 4400,
    kvPrecision: 'auto',
  } as SizingInputs,
  BUILT_IN_CATALOG,
);
const MESSAGE = {
  en: 'calibrated from a log of 2025-04-03 (SGLang, sglang.log)',
  'pt-BR': 'calibrado a partir de um log de 2025-04-03 (SGLang, sglang.log)',
};

describe('the API sizes with the stored calibration profiles', () => {
  it('sizing.scenario, sizing.plan, sizing.stored, sizing.sweep and sizing.compare use a stored profile; calibration off does not', async () => {
    const { ctx } = tempStore();
    const before = await ok(ctx, 'sizing.scenario', { inputs: INPUTS });
    expect(before.engine!.calibration).toBeNull();
    const { saved } = await ok(ctx, 'calibration.save', { text: logs.SGLANG_LLAMA_H200, source: 'sglang.log' });

    const after = await ok(ctx, 'sizing.scenario', { inputs: INPUTS });
    expect(after.engine!.calibration).toMatchObject({
      profile: { id: saved.id, source: 'sglang.log' },
      message: MESSAGE,
      formulaKvAvailableGiB: before.engine!.perGpu.kvAvailableGiB,
    });
    expect(after.engine!.perGpu.kvAvailableGiB).toBeCloseTo(102.58, 9);
    expect(after.nodes!.total).toBeGreaterThan(before.nodes!.total);
    const off = await ok(ctx, 'sizing.scenario', { inputs: { ...INPUTS, calibration: 'off' } });
    expect(off.engine!.calibration).toBeNull();
    expect(off.nodes).toEqual(before.nodes);

    const plan = await ok(ctx, 'sizing.plan', {
      inputs: INPUTS,
      regions: [
        { name: 'a', concurrency: 4400, overrides: {} },
        { name: 'b', concurrency: 4400, overrides: { calibration: 'off' } },
      ],
    });
    expect(plan.regions.map((r) => r.result.engine!.calibration?.message.en ?? null)).toEqual([MESSAGE.en, null]);

    const sweep = await ok(ctx, 'sizing.sweep', { inputs: INPUTS, field: 'concurrency', from: 4400, to: 4401, points: 2 });
    expect(sweep.points[0]!.nodesTotal).toBe(after.nodes!.total);

    const project = await ok(ctx, 'projects.create', { name: 'calibrated' });
    const a = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'with the log', inputs: INPUTS });
    const b = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'formulas', inputs: { ...INPUTS, calibration: 'off' } });
    expect((await ok(ctx, 'sizing.stored', { scenarioId: a.id })).result.engine!.calibration?.message).toEqual(MESSAGE);
    const comparison = await ok(ctx, 'sizing.compare', { scenarioIds: [a.id, b.id], lang: 'en' });
    const row = (key: string) => comparison.rows.find((r) => r.key === key)!;
    expect(row('calibration')).toMatchObject({ differs: true, values: [null, 'off'] });
    expect(row('nodesTotal').values).toEqual([after.nodes!.total, before.nodes!.total]);
  });

  it('refuses a calibration choice that is not auto or off, and off with the pooled method, naming the field', async () => {
    const { ctx } = tempStore();
    const bad = await callApi(ctx, 'sizing.scenario', { inputs: { ...INPUTS, calibration: 'never' as never } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'inputs.calibration' } });
    const pooled = await callApi(ctx, 'sizing.scenario', {
      inputs: { ...INPUTS, method: 'pooled', servingEngine: undefined, tp: undefined, memFractionStatic: undefined, calibration: 'off' },
    });
    expect(pooled).toMatchObject({
      ok: false,
      error: { field: 'inputs.calibration', message: expect.stringContaining('absent unless the method is engine') },
    });
  });
});
