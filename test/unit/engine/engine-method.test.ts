import { describe, expect, it } from 'vitest';
import logs from '../../accuracy/startup-logs.json' with { type: 'json' };
import extra from '../../accuracy/catalog-extra.json' with { type: 'json' };
import { kvToleranceOf, startupLogInputs, type StartupLogRow } from '../../accuracy/startup-log-rows.js';
import {
  BUILT_IN_CATALOG,
  mergeCatalog,
  planScenario,
  TEMPLATES,
  withDefaults,
  type Catalog,
  type ModelRecord,
  type ServerRecord,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const catalog: Catalog = mergeCatalog({ models: extra.models as ModelRecord[], servers: extra.servers as ServerRecord[] });
const size = (row: StartupLogRow) =>
  planScenario(withDefaults({ method: 'engine', concurrency: 100, ...startupLogInputs(row) } as SizingInputs, catalog), catalog);

describe('engine method against public start-up logs (issue 8 item 9, and logs it was not built from)', () => {
  for (const row of logs.rows.filter((r) => !('outOfScope' in r))) {
    const tolerance = kvToleranceOf(row);
    it(`${row.id}: available KV per GPU within ${tolerance * 100}% of the logged ${row.logged.kvAvailableGiB} GiB`, () => {
      const r = size(row);
      const kv = r.engine!.perGpu.kvAvailableGiB;
      expect(Math.abs(kv / row.logged.kvAvailableGiB! - 1)).toBeLessThan(tolerance);
      expect(Math.abs(r.engine!.perGpu.weightsGiB / row.logged.weightsGiB! - 1)).toBeLessThan(0.06);
    });
  }
});

const base = (over: Partial<SizingInputs> = {}) =>
  withDefaults(
    {
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      concurrency: 100,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      ...over,
    } as SizingInputs,
    catalog,
  );

describe('engine method: per-GPU accounting', () => {
  it('splits KV heads across TP as ceil(kvHeads / TP): replicated once TP exceeds the KV heads', () => {
    const perToken = (tp: number) =>
      planScenario(base({ modelId: 'qwen3-235b-a22b', tp, effectiveContextTokens: 4096 }), catalog).engine!.kvBytesPerTokenPerGpu;
    // 4 KV heads × 128 × 2 (K, V) × 2 bytes × 94 layers = 192,512 B per token at TP1.
    expect(perToken(1)).toBe(192_512);
    expect(perToken(2)).toBe(192_512 / 2);
    expect(perToken(4)).toBe(192_512 / 4);
    expect(perToken(8)).toBe(192_512 / 4); // 8 GPUs, 4 heads: each head held twice
  });

  it('holds the latent (MLA) cache in full on every rank: DeepSeek-V3 on dgx200 at TP8', () => {
    const r = planScenario(
      base({ modelId: 'deepseek-v3', serverId: 'dgx200', tp: 8, kvPrecision: 'fp8', effectiveContextTokens: 32768, concurrency: 1000 }),
      catalog,
    );
    expect(r.engine!.kvBytesPerTokenPerGpu).toBe(61 * 576);
    expect(r.engine!.replicasPerNode).toBe(1);
    expect(r.sessionsPerNode).toBeGreaterThanOrEqual(30);
    expect(r.sessionsPerNode).toBeLessThanOrEqual(45);
    const pooled = planScenario(
      { ...r.inputs, method: 'pooled', tp: undefined, servingEngine: undefined, kvPrecision: 'fp8' } as SizingInputs,
      catalog,
    );
    expect(pooled.sessionsPerNode).toBeGreaterThan(r.sessionsPerNode);
  });

  it('rounds sessions up to whole KV blocks and reserves window + one prefill chunk on sliding layers', () => {
    const one = planScenario(base({ effectiveContextTokens: 17, blockSize: 16 }), catalog).engine!;
    const two = planScenario(base({ effectiveContextTokens: 32, blockSize: 16 }), catalog).engine!;
    expect(one.maxConcurrencyPerReplica).toBeCloseTo(two.maxConcurrencyPerReplica, 9);
    const oss = (ctx: number) =>
      planScenario(base({ modelId: 'opt-oss-20b', effectiveContextTokens: ctx, maxNumBatchedTokens: 2048 }), catalog);
    // 12 sliding layers hold at most (ceil((128 − 1 + 2048) / 16) + 1) × 16 = 2,192 tokens each.
    const perLayer = 2 * 8 * 64 * 2;
    const long = oss(32768);
    expect(long.kvBytesPerSession).toBe(perLayer * (12 * 32768 + 12 * 2192));
  });

  it('names the binding limit: max_num_seqs when KV would hold more sessions', () => {
    const r = planScenario(base({ effectiveContextTokens: 256, maxNumSeqs: 64 }), catalog);
    expect(r.engine!.bindingLimit).toBe('max-num-seqs');
    expect(r.sessionsPerNode).toBe(8 * 64);
    expect(planScenario(base(), catalog).engine!.bindingLimit).toBe('kv-memory');
  });

  it('weights that do not fit are infeasible, with fixes that each alone work (checked by re-sizing)', () => {
    // vLLM 0.11: its sorting sampler's activation peak leaves these fp8 weights no room at TP 1.
    const r = planScenario(
      base({ modelId: 'llama-3.1-70b', weightsPrecision: 'fp8', tp: 1, gpuMemoryUtilization: 0.9, engineVersion: '0.11' }),
      catalog,
    );
    expect(r.feasible).toBe(false);
    expect(r.infeasibility!.code).toBe('weights-do-not-fit');
    expect(r.engine!.bindingLimit).toBe('weights');
    expect(r.fixes.map((f) => f.field)).toEqual(expect.arrayContaining(['tp', 'serverId']));
    // The weights are already fp8 and an H100 has no native fp4: no lighter weights to offer.
    expect(r.fixes.map((f) => f.field)).not.toContain('weightsPrecision');
    for (const fix of r.fixes) {
      const fixed = planScenario(
        { ...r.inputs, [fix.field]: fix.value, ...(fix.field === 'serverId' ? { tp: undefined } : {}) } as SizingInputs,
        catalog,
      );
      expect(fixed.feasible, `${fix.field} ${fix.value}`).toBe(true);
      expect(fixed.nodes!.total).toBe(fix.nodes);
    }
  });

  it('the default TP is the smallest power of two that holds the weights and one session', () => {
    // At the default vLLM 0.17, TP 2 leaves 3.01 GiB of KV per GPU, room for one 16,000-token session;
    // 0.11's larger sampler peak left 0.08 GiB there, so it took TP 4.
    expect(planScenario(base({ modelId: 'llama-3.1-70b' }), catalog).engine!.tp).toBe(2);
    expect(planScenario(base({ modelId: 'llama-3.1-70b', engineVersion: '0.11' }), catalog).engine!.tp).toBe(4);
    expect(planScenario(base(), catalog).engine!.tp).toBe(1);
  });

  it('SGLang and TensorRT-LLM apply their own fraction semantics', () => {
    const sg = planScenario(base({ servingEngine: 'sglang' }), catalog).engine!;
    expect(sg.memoryFraction).toBe(0.88);
    // SGLang's share is of the memory free after its 0.5 GiB CUDA context and its distributed init
    // (nothing at TP 1); the weights and the KV pool fill it (model_runner.py profile_max_num_token).
    expect(sg.perGpu.nonTorchGiB).toBe(0);
    expect(sg.perGpu.kvAvailableGiB).toBeCloseTo((79.18 - 0.5) * 0.88 - sg.perGpu.weightsGiB, 9);
    const sg2 = planScenario(base({ servingEngine: 'sglang', modelId: 'llama-3.1-70b', tp: 2 }), catalog).engine!;
    expect(sg2.perGpu.nonTorchGiB).toBeCloseTo((32 * 2 * 8.5) / 1024, 12);
    expect(sg2.perGpu.kvAvailableGiB).toBeCloseTo((79.18 - 0.5 - sg2.perGpu.nonTorchGiB) * 0.87 - sg2.perGpu.weightsGiB, 9);
    const trt = planScenario(base({ servingEngine: 'trtllm' }), catalog).engine!;
    const p = trt.perGpu;
    expect(p.kvAvailableGiB).toBeCloseTo((p.visibleGiB - p.weightsGiB - p.activationPeakGiB - p.nonTorchGiB - p.cudaGraphGiB!) * 0.9, 9);
    expect(trt.blockSize).toBe(32);
  });

  it('the pooled method keeps its figures and gains auto KV and weights that do not fit as infeasible', () => {
    const saas = TEMPLATES[0]!.inputs;
    expect(planScenario(saas, BUILT_IN_CATALOG).sessionsPerNode).toBe(1740);
    expect(planScenario({ ...saas, kvPrecision: 'auto' }, BUILT_IN_CATALOG).kvBytesPerSession).toBe(
      2 * planScenario(saas, BUILT_IN_CATALOG).kvBytesPerSession,
    );
    const r = planScenario(
      { ...saas, modelId: 'deepseek-v3', serverId: 'dgx100', memoryBasis: 'measured', kvBudgetRatio: 0.99, runtimeOverheadGiB: 0 },
      BUILT_IN_CATALOG,
    );
    expect(r.feasible).toBe(false);
    expect(r.infeasibility!.code).toBe('weights-do-not-fit');
  });
});

describe('weights larger than the whole node (pooled method)', () => {
  it('are infeasible for that reason, named with both figures, whatever the budget ratio and overhead', () => {
    const r = planScenario(
      withDefaults(
        {
          modelId: 'deepseek-v3',
          serverId: 'dgx100',
          memoryBasis: 'measured',
          kvBudgetRatio: 0.99,
          concurrency: 10,
          effectiveContextTokens: 4096,
        },
        BUILT_IN_CATALOG,
      ),
      BUILT_IN_CATALOG,
    );
    expect(r.feasible).toBe(false);
    expect(r.infeasibility!.code).toBe('weights-do-not-fit');
    expect(r.infeasibility!.message.en).toMatch(/^The model weights \(638 GiB\) are larger than the node's whole HBM \(637\.18 GiB\)/);
    expect(r.weights.copiesThatFit).toBe(0);
    expect(r.recommendations.map((x) => x.id)).not.toContain('weights-do-not-fit');
    for (const fix of r.fixes) expect(['serverId', 'weightsPrecision']).toContain(fix.field);
    expect(r.fixes.length).toBeGreaterThan(0);
  });
});
