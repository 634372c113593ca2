/**
 * The engine method's per-GPU figures (engine/engine-method.ts) worked out from the records: the
 * memory an engine sees by where the figure comes from, NCCL's buffers by interconnect, weights
 * with what each rank replicates, KV per session and per replica in whole pages, the default TP,
 * the logged KV formats, the infeasibilities word for word, and the table of terms with formulas.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  engineTerms,
  findModel,
  findServer,
  findTemplate,
  loggedKvPrecision,
  mergeCatalog,
  planScenario,
  readCalibration,
  tpChoices,
  withDefaults,
  type Catalog,
  type SizingInputs,
} from '../../../src-main/engine/index.js';
import * as logs from './calibration/logs.js';

const GIB = 2 ** 30;
/** What the method leaves to the driver per GPU (600 MiB) and what every rank keeps outside PyTorch at TP 1. */
const DRIVER_RESERVE_GIB = 600 / 1024;
const NON_TORCH_BASE_GIB = 0.13;

/** vLLM scenarios run 0.11, whose figures these were worked out from (0.17 is the default). */
const engine = (over: Partial<SizingInputs>, catalog: Catalog = BUILT_IN_CATALOG): SizingInputs =>
  withDefaults(
    {
      ...findTemplate('saas-startup')!.inputs,
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      concurrency: 200,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      ...((over.servingEngine ?? 'vllm') === 'vllm' ? { engineVersion: '0.11' } : {}),
      ...over,
    } as SizingInputs,
    catalog,
  );
const plan = (over: Partial<SizingInputs>, catalog: Catalog = BUILT_IN_CATALOG) => planScenario(engine(over, catalog), catalog);

describe('memory an engine sees on one GPU', () => {
  it("is the engine-log figure, else nvidia-smi's less the driver's share, else the vendor's GB in GiB less it", () => {
    expect(plan({ tp: 2 }).engine).toMatchObject({ visibleBasis: 'engine-log', perGpu: { visibleGiB: 79.18 } });
    const nvl = plan({ serverId: 'h100nvl-8', tp: 2 }).engine!;
    expect(nvl.visibleBasis).toBe('measured');
    expect(nvl.perGpu.visibleGiB).toBeCloseTo(95830 / 1024 - DRIVER_RESERVE_GIB, 12);
    const mi300x = plan({ serverId: 'mi300x-8', tp: 2 }).engine!;
    expect(mi300x.visibleBasis).toBe('nominal');
    expect(mi300x.perGpu.visibleGiB).toBeCloseTo((192e9 / GIB) * 1 - DRIVER_RESERVE_GIB, 9);
  });

  it('sums over the node, with the KV budget and what lies outside it', () => {
    const r = plan({ tp: 2 });
    expect(r.nodeHbmGiB).toBeCloseTo(79.18 * 8, 9);
    expect(r.kvBudgetGiB).toBeCloseTo(r.engine!.perGpu.kvAvailableGiB * 8, 9);
    expect(r.reservedGiB).toBeCloseTo(r.nodeHbmGiB - r.kvBudgetGiB, 9);
  });
});

describe('memory outside PyTorch', () => {
  it('is the CUDA workspaces alone at TP 1, plus NCCL buffers beyond: 32 channels on NVLink-class links, 4 on PCIe', () => {
    const nccl = (channels: number) => NON_TORCH_BASE_GIB + (channels * 2 * 8.5) / 1024;
    expect(plan({ tp: 1 }).engine!.perGpu.nonTorchGiB).toBe(NON_TORCH_BASE_GIB);
    expect(plan({ tp: 2 }).engine!.perGpu.nonTorchGiB).toBeCloseTo(nccl(32), 12);
    // The L40S talks over PCIe (64 GB/s).
    expect(plan({ serverId: 'l40s-8', tp: 2 }).engine!.perGpu.nonTorchGiB).toBeCloseTo(nccl(4), 12);
    // A record that states no interconnect is taken for an NVLink-class one.
    const catalog = mergeCatalog({
      servers: [{ ...findServer(BUILT_IN_CATALOG, 'l40s-8')!, id: 'house-l40s', interconnectGBpsPerGpu: undefined }],
    });
    expect(plan({ serverId: 'house-l40s', tp: 2 }, catalog).engine!.perGpu.nonTorchGiB).toBeCloseTo(nccl(32), 12);
  });
});

describe('weights on one GPU', () => {
  it("split TP ways, plus the K/V projections each rank replicates once TP exceeds the KV heads, and MLA's latent projection", () => {
    expect(plan({ tp: 2 }).engine!.perGpu.weightsGiB).toBe(7.5);
    const qwen = findModel(BUILT_IN_CATALOG, 'qwen3-235b-a22b')!;
    const perParam = (m: typeof qwen) => (m.weightsGiB * GIB) / (m.paramsTotalB * 1e9);
    const qwenHeads = qwen.attention.kind === 'gqa' ? qwen.attention : null;
    expect(qwenHeads!.kvHeads).toBe(4);
    // TP 8 over 4 KV heads: each rank holds one head of K and V where its share is half of one.
    const qwenReplicated = qwen.layers * qwen.hiddenSize! * 2 * qwenHeads!.headDim * (1 - 4 / 8);
    expect(plan({ modelId: 'qwen3-235b-a22b', serverId: 'dgx200', tp: 8 }).engine!.perGpu.weightsGiB).toBeCloseTo(
      qwen.weightsGiB / 8 + (qwenReplicated * perParam(qwen)) / GIB,
      9,
    );
    expect(plan({ modelId: 'qwen3-235b-a22b', serverId: 'dgx200', tp: 4 }).engine!.perGpu.weightsGiB).toBeCloseTo(qwen.weightsGiB / 4, 9);
    const deepseek = findModel(BUILT_IN_CATALOG, 'deepseek-v3')!;
    const latent = deepseek.attention.kind === 'mla' ? deepseek.attention : null;
    const deepseekReplicated = deepseek.layers * deepseek.hiddenSize! * (latent!.kvLoraRank + latent!.qkRopeHeadDim) * (1 - 1 / 8);
    expect(plan({ modelId: 'deepseek-v3', serverId: 'dgx200', tp: 8, kvPrecision: 'fp8' }).engine!.perGpu.weightsGiB).toBeCloseTo(
      deepseek.weightsGiB / 8 + (deepseekReplicated * perParam(deepseek)) / GIB,
      9,
    );
  });
});

describe('KV per session and per replica', () => {
  it('a session of Llama 3.1 8B at TP 2 in bf16: 2 × 4 heads × 128 × 2 bytes × 32 layers per token on each GPU', () => {
    const r = plan({ tp: 2 });
    expect(r.engine!.kvBytesPerTokenPerGpu).toBe(2 * 4 * 128 * 2 * 32);
    expect(r.kvPerSessionGiB).toBe((65536 * 16000 * 2) / GIB);
    // Pages of 16 tokens: 16,001 tokens take 1,001 pages.
    expect(plan({ tp: 2, effectiveContextTokens: 16001, maxModelLen: 16001 }).kvPerSessionGiB).toBe((65536 * 16016 * 2) / GIB);
  });

  it('holds whole pages of KV tokens in the KV memory left', () => {
    const e = plan({ tp: 2 }).engine!;
    const pages = Math.floor((e.perGpu.kvAvailableGiB * GIB) / (e.kvBytesPerTokenPerGpu * 16));
    expect(e.kvTokensPerReplica).toBe(pages * 16);
    expect(e.maxConcurrencyPerReplica).toBeCloseTo((e.perGpu.kvAvailableGiB * GIB) / (65536 * 16000), 9);
  });
});

describe('tensor parallelism', () => {
  it('offers the divisors of the GPUs that divide the heads', () => {
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
    expect(tpChoices(llama, h100)).toEqual([1, 2, 4, 8]);
    expect(tpChoices({ ...llama, queryHeads: 12 }, h100)).toEqual([1, 2, 4]);
    expect(tpChoices(llama, { ...h100, gpus: 6 })).toEqual([1, 2]);
    expect(tpChoices({ ...llama, queryHeads: 6 }, { ...h100, gpus: 6 })).toEqual([1, 2, 3, 6]);
  });

  it('defaults to the smallest power of two that holds a session, the largest when none does', () => {
    expect(plan({ modelId: 'llama-3.1-70b' }).engine!.tp).toBe(4);
    expect(plan({}).engine!.tp).toBe(1);
    // 405B does not fit a node of L40S at any TP: the widest power of two is named.
    expect(plan({ modelId: 'llama-3.1-405b', serverId: 'l40s-8' }).engine!.tp).toBe(8);
    // A 6-GPU box: TP 3 would hold 70B with room for a session, but TP defaults only to powers of two.
    const box = { ...findServer(BUILT_IN_CATALOG, 'dgx100')!, id: 'six-h100', gpus: 6 };
    const catalog = mergeCatalog({
      servers: [box],
      models: [{ ...findModel(BUILT_IN_CATALOG, 'llama-3.1-70b')!, id: 'six-head-70b', queryHeads: 6 * 8 }],
    });
    expect(plan({ modelId: 'six-head-70b', serverId: 'six-h100', tp: 3 }, catalog).feasible).toBe(true);
    expect(plan({ modelId: 'six-head-70b', serverId: 'six-h100' }, catalog).engine!.tp).toBe(2);
  });
});

describe('logged KV formats', () => {
  it('reads fp8 variants, torch dtype names and half, and the model dtype for auto and unknown names', () => {
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    expect(loggedKvPrecision('fp8_e4m3', llama)).toBe('fp8');
    expect(loggedKvPrecision('fp8', llama)).toBe('fp8');
    expect(loggedKvPrecision('bfloat16', llama)).toBe('bf16');
    expect(loggedKvPrecision('float16', llama)).toBe('fp16');
    expect(loggedKvPrecision('half', llama)).toBe('fp16');
    expect(loggedKvPrecision('float32', llama)).toBe('fp32');
    expect(loggedKvPrecision('auto', { ...llama, dtype: 'fp16' })).toBe('fp16');
    expect(loggedKvPrecision(null, llama)).toBe('bf16');
    expect(loggedKvPrecision('e4m3_fp8', llama)).toBe('bf16');
  });
});

describe('infeasible replicas, word for word', () => {
  it('weights and the activation peak beyond the budget', () => {
    const r = plan({ modelId: 'llama-3.1-70b', tp: 1 });
    expect(r.infeasibility).toMatchObject({
      code: 'weights-do-not-fit',
      figures: { weightsGiBPerGpu: 131.5, tp: 1 },
      message: {
        en: "At TP 1, each GPU needs 131.5 GiB of weights, a 4.77 GiB activation peak and 0.13 GiB outside PyTorch: more than vLLM's budget of 71.26 GiB, so no KV cache is left.",
        'pt-BR':
          'Com TP 1, cada GPU precisa de 131,5 GiB de pesos, um pico de ativação de 4,77 GiB e 0,13 GiB fora do PyTorch: mais que o orçamento de 71,26 GiB do vLLM, e não sobra cache KV.',
      },
    });
    expect((r.infeasibility!.figures as { budgetGiBPerGpu: number }).budgetGiBPerGpu).toBeCloseTo(79.18 * 0.9, 9);
    expect(r.engine!.bindingLimit).toBe('weights');
  });

  it('one request of the max model length larger than the KV left', () => {
    const r = plan({ modelId: 'llama-3.1-70b', tp: 2 });
    expect(r.infeasibility).toMatchObject({
      code: 'session-exceeds-replica',
      figures: { sessionGiBPerGpu: 2.44140625, maxModelLen: 16000, tp: 2 },
      message: {
        en: 'One request of 16,000 tokens needs 2.44 GiB of KV cache per GPU, but each GPU of a TP 2 replica has 0.08 GiB left for KV.',
        'pt-BR':
          'Uma requisição de 16.000 tokens precisa de 2,44 GiB de cache KV por GPU, mas cada GPU de uma réplica TP 2 tem 0,08 GiB livres para KV.',
      },
    });
    expect((r.infeasibility!.figures as { kvAvailableGiBPerGpu: number }).kvAvailableGiBPerGpu).toBeCloseTo(
      r.engine!.perGpu.kvAvailableGiB,
      12,
    );
  });
});

describe('the table of terms', () => {
  const termsOf = (over: Partial<SizingInputs>, catalog: Catalog = BUILT_IN_CATALOG) => {
    const r = plan(over, catalog);
    return engineTerms(r.engine!, findModel(catalog, r.inputs.modelId)!).map(({ key, gib, formula, source }) => ({
      key,
      gib,
      formula,
      source,
    }));
  };

  it('vLLM 0.11 at TP 1: each term with the figure, its formula and source', () => {
    const r = plan({ tp: 1 });
    const p = r.engine!.perGpu;
    const vllm = 'vLLM 0.11 V1 worker: PyTorch-native top-k/top-p sort';
    expect(termsOf({ tp: 1 })).toEqual([
      {
        key: 'visibleGiB',
        gib: p.visibleGiB,
        formula: 'total CUDA reports (engine-log)',
        source: 'server record; torch.cuda.mem_get_info',
      },
      {
        key: 'weightsGiB',
        gib: p.weightsGiB,
        formula: 'weights / TP + replicated K/V or latent projections',
        source: 'model record (config.json); vLLM linear layers',
      },
      {
        key: 'activationPeakGiB',
        gib: p.activationPeakGiB,
        formula: 'max(forward 0.78, sampler 4.71) at 8192 tokens, 1024 requests',
        source: vllm,
      },
      { key: 'nonTorchGiB', gib: 0.13, formula: 'CUDA/cuBLAS workspaces', source: 'vLLM 0.11 logs; NCCL defaults' },
      {
        key: 'cudaGraphGiB',
        gib: null,
        formula: 'captured after the KV cache, outside the budget',
        source: 'public start-up logs (assumption)',
      },
      {
        key: 'kvAvailableGiB',
        gib: p.kvAvailableGiB,
        formula: 'visible × fraction − weights − activation − outside PyTorch − graphs',
        source: vllm,
      },
    ]);
  });

  it("each engine's KV formula, NCCL at TP 2, graphs inside the budget", () => {
    const formulas = (over: Partial<SizingInputs>) => Object.fromEntries(termsOf(over).map((t) => [t.key, t.formula]));
    expect(formulas({ tp: 2, servingEngine: 'sglang' })).toMatchObject({
      activationPeakGiB: 'max(forward 0.45, sampler 0) at 8192 tokens, 4096 requests',
      nonTorchGiB: 'NCCL buffers of the distributed init',
      kvAvailableGiB: '(visible − CUDA context − outside PyTorch) × fraction − weights',
    });
    expect(formulas({ tp: 2 })).toMatchObject({ nonTorchGiB: 'CUDA/cuBLAS workspaces + NCCL buffers' });
    expect(formulas({ tp: 2, servingEngine: 'trtllm' })).toMatchObject({
      cudaGraphGiB: 'piecewise graph pools',
      kvAvailableGiB: '(visible − weights − activation − outside PyTorch − graphs) × fraction',
    });
    expect(formulas({ engineVersion: '0.21' })).toMatchObject({ cudaGraphGiB: 'piecewise graph pools' });
  });

  it('a calibrated plan names what its log measured, and how the others were found', () => {
    const today = { year: 2025, month: 11, day: 2 };
    const read = (text: string, serverId?: string) => {
      const outcome = readCalibration({ text, source: 'startup.log', today, serverId }, BUILT_IN_CATALOG);
      if (!outcome.ok || !outcome.reading.profile) throw new Error('no profile');
      return outcome.reading.profile;
    };
    const debug = { ...BUILT_IN_CATALOG, calibrations: [read(logs.VLLM_V1_LLAMA_H100, 'dgx100')] };
    const calibrated = 'calibrated from a log of 2025-10-08 (vLLM 0.11.0, startup.log)';
    expect(termsOf({ tp: 1, maxModelLen: 16000 }, debug).map((t) => [t.key, t.formula, t.source])).toEqual([
      ['visibleGiB', 'total CUDA reports (engine-log)', 'server record; torch.cuda.mem_get_info'],
      ['weightsGiB', 'as logged', calibrated],
      ['activationPeakGiB', 'as logged', calibrated],
      ['nonTorchGiB', 'as logged', calibrated],
      ['cudaGraphGiB', 'captured after the KV cache, outside the budget', 'public start-up logs (assumption)'],
      ['kvAvailableGiB', 'logged available KV + visible × (fraction − logged fraction)', calibrated],
    ]);
    // vLLM 0.8.5 on an L40S logged KV tokens only, at its version's default fraction, and no activation peak.
    const tokens = { ...BUILT_IN_CATALOG, calibrations: [read(logs.VLLM_V1_085_L40S, 'l40s-8')] };
    const l40s = Object.fromEntries(termsOf({ serverId: 'l40s-8', tp: 1 }, tokens).map((t) => [t.key, t.formula]));
    expect(l40s).toMatchObject({
      kvAvailableGiB: 'logged KV tokens × KV bytes per token + visible × (fraction − logged fraction, the version default)',
      activationPeakGiB: "the log's balance: budget − KV − weights − outside PyTorch − graphs",
      weightsGiB: 'as logged',
    });
  });
});
