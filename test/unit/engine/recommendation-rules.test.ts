/**
 * The recommendation rules (engine/recommendations.ts) at their edges: each rule's severity and
 * figures as well as its words, the thresholds where advice starts or changes (headroom bands,
 * long context, availability, N+1 timing), and the int8, fp16 and fp32 KV advice in both languages.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, planScenario, TEMPLATES, type Recommendation, type SizingInputs } from '../../../src-main/engine/index.js';

/** The SaaS start-up template: opt-oss-20b on a DGX H200, pooled, 1,000 sessions of 32,768 tokens, fp8 KV. */
const base = TEMPLATES[0]!.inputs;
const advice = (over: Partial<SizingInputs>): Recommendation[] =>
  planScenario({ ...base, ...over } as SizingInputs, BUILT_IN_CATALOG).recommendations;
const byId = (over: Partial<SizingInputs>, id: string) => advice(over).find((r) => r.id === id);
const ids = (over: Partial<SizingInputs>) => advice(over).map((r) => r.id);

describe('peak headroom', () => {
  it.each([
    [0.05, 'warning', undefined],
    [0.1, 'info', 'organic'],
    [0.2, 'info', 'organic'],
    [0.3, 'info', 'seasonal'],
    [0.4, 'info', 'seasonal'],
    [0.45, 'info', 'generous'],
    [0.5, 'info', 'generous'],
    [0.6, 'warning', undefined],
  ] as const)('%s is %s (%s)', (peakHeadroomRatio, severity, band) => {
    expect(byId({ peakHeadroomRatio }, 'headroom')).toMatchObject({
      severity,
      figures: band ? { peakHeadroomRatio, band } : { peakHeadroomRatio },
    });
  });
});

describe('long context', () => {
  it('starts past 100,000 tokens, with the context and the KV per session as figures', () => {
    expect(ids({ effectiveContextTokens: 100_000 })).not.toContain('long-context');
    const r = byId({ effectiveContextTokens: 100_001, modelId: 'opt-oss-120b' }, 'long-context')!;
    expect(r).toMatchObject({ severity: 'warning', figures: { effectiveContextTokens: 100_001 } });
    expect(r.figures.kvPerSessionGiB).toBeCloseTo(1.7188282012939453, 12);
  });
});

describe('availability and N+1', () => {
  it('a target above 99.9% without N+1 is critical; at 99.9%, or with N+1, it is not', () => {
    expect(byId({ availabilityTarget: 0.9999 }, 'ha-availability')).toMatchObject({
      severity: 'critical',
      figures: { availabilityTarget: 0.9999 },
    });
    expect(ids({ availabilityTarget: 0.999 })).not.toContain('ha-availability');
    expect(ids({ availabilityTarget: 0.9999, ha: 'n+1' })).not.toContain('ha-availability');
    expect(ids({ ha: 'n+1' })).not.toContain('ha-single-node');
    expect(byId({}, 'ha-single-node')).toMatchObject({ severity: 'warning', figures: { nodes: 1 } });
  });

  it('plans N+1 ahead of time below 70% utilisation, and now from the concurrency that reaches it', () => {
    const ahead = byId({ effectiveContextTokens: 100_000 }, 'ha-plan-n1')!;
    expect(ahead).toMatchObject({ severity: 'info', figures: { planN1AtConcurrency: 1200, utilisationRatio: 0.7 } });
    expect(ahead.figures).not.toHaveProperty('plannedUtilisationRatio');
    const reached = planScenario({ ...base, effectiveContextTokens: 100_000, concurrency: 1200 } as SizingInputs, BUILT_IN_CATALOG);
    expect(reached.nodes!.total).toBe(3);
    const now = reached.recommendations.find((r) => r.id === 'ha-plan-n1')!;
    expect(now).toMatchObject({
      severity: 'warning',
      figures: { planN1AtConcurrency: 1200, utilisationRatio: 0.7, plannedUtilisationRatio: reached.utilisationRatio },
    });
    expect(now.message.en).toBe(
      `No N+1: the planned nodes are already at ${Math.round(reached.utilisationRatio! * 100)}% utilisation (≥ 70%), so losing one node drops sessions. Plan an N+1 node now.`,
    );
    expect(now.message['pt-BR']).toBe(
      `Sem N+1: os nós planejados já estão com ${Math.round(reached.utilisationRatio! * 100)}% de utilização (≥ 70%), então a perda de um nó derruba sessões. Planeje um nó N+1 agora.`,
    );
  });

  it('names the concurrency at which another node is needed', () => {
    expect(byId({}, 'growth-next-node')).toMatchObject({ severity: 'info', figures: { nextNodeAtConcurrency: 1451 } });
  });
});

describe('KV precision', () => {
  it('int8 under the pooled method: the engines that store it on NVIDIA, and none on AMD', () => {
    expect(byId({ kvPrecision: 'int8' }, 'kv-precision-int8-unsupported')).toEqual({
      id: 'kv-precision-int8-unsupported',
      severity: 'warning',
      figures: { kvPrecision: 'int8', enginesStoringInt8: 'trtllm' },
      message: {
        en: 'Only TensorRT-LLM stores the KV cache in int8; vLLM and SGLang store it in fp8. Unless you serve with TensorRT-LLM, plan with fp8: the same 1 byte per value, so the node count does not change.',
        'pt-BR':
          'Só o TensorRT-LLM armazena o cache KV em int8; vLLM e SGLang o armazenam em fp8. A menos que sirva com TensorRT-LLM, planeje com fp8: o mesmo 1 byte por valor, então a contagem de nós não muda.',
      },
    });
    expect(byId({ kvPrecision: 'int8', serverId: 'mi300x-8' }, 'kv-precision-int8-unsupported')).toEqual({
      id: 'kv-precision-int8-unsupported',
      severity: 'warning',
      figures: { kvPrecision: 'int8', enginesStoringInt8: 'none' },
      message: {
        en: 'No serving engine stores the KV cache in int8 on 8× AMD MI300X: vLLM and SGLang store it in fp8. Plan with fp8: the same 1 byte per value, so the node count does not change.',
        'pt-BR':
          'Nenhum engine de serving armazena o cache KV em int8 em 8× AMD MI300X: vLLM e SGLang o armazenam em fp8. Planeje com fp8: o mesmo 1 byte por valor, então a contagem de nós não muda.',
      },
    });
  });

  it('fp32 quadruples and fp16 doubles, with the nodes and CapEx fp8 saves', () => {
    expect(byId({ kvPrecision: 'fp32', concurrency: 3000 }, 'kv-precision-wide')).toEqual({
      id: 'kv-precision-wide',
      severity: 'warning',
      figures: { nodes: 9, fp8Nodes: 3, savedNodes: 6, savedCapexLowUsd: 1_950_000, savedCapexHighUsd: 2_550_000, savedRatio: 6 / 9 },
      message: {
        en: 'fp32 KV quadruples memory per session against fp8. With fp8 this plan needs 3 nodes instead of 9: 6 fewer (67%), saving about USD 1.95 M – USD 2.55 M of CapEx. Validate quality on your own evaluations before lowering precision.',
        'pt-BR':
          'KV em fp32 quadruplica a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 3 nós em vez de 9: 6 a menos (67%), economia de cerca de USD 1,95 M – USD 2,55 M de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão.',
      },
    });
    expect(byId({ kvPrecision: 'fp16', concurrency: 3000 }, 'kv-precision-wide')!.message['pt-BR']).toBe(
      'KV em fp16 dobra a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 3 nós em vez de 5: 2 a menos (40%), economia de cerca de USD 650 k – USD 850 k de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão.',
    );
  });

  it('an infeasible plan in fp16 or fp32 that fp8 alone does not save says so, times two or four', () => {
    const infeasible = {
      modelId: 'llama-3.1-405b',
      serverId: 'dgx100',
      effectiveContextTokens: 131072,
      kvBudgetRatio: 0.2,
      runtimeOverheadGiB: 100,
    } as const;
    expect(byId({ ...infeasible, kvPrecision: 'fp16' }, 'kv-precision-wide')).toEqual({
      id: 'kv-precision-wide',
      severity: 'warning',
      figures: { kvPrecision: 'fp16', fp8MakesFeasible: 'no' },
      message: {
        en: 'fp16 KV uses two times the memory of fp8 per session, but fp8 alone does not make this plan feasible.',
        'pt-BR': 'KV em fp16 usa duas vezes a memória do fp8 por sessão, mas o fp8 sozinho não torna este plano viável.',
      },
    });
    expect(byId({ ...infeasible, kvPrecision: 'fp32' }, 'kv-precision-wide')!.message.en).toBe(
      'fp32 KV uses four times the memory of fp8 per session, but fp8 alone does not make this plan feasible.',
    );
    const long = byId({ ...infeasible, kvPrecision: 'fp16' }, 'long-context')!;
    expect(long.message['pt-BR']).toContain('; mantenha o cache KV em fp8 (em fp16 cada sessão ocupa 63 GiB).');
  });

  it('says fp8 makes an infeasible plan feasible, with its nodes and CapEx in the figures and in Portuguese, where re-sizing finds it does', () => {
    const inputs = {
      kvPrecision: 'fp32',
      modelId: 'llama-3.1-405b',
      serverId: 'dgx100',
      effectiveContextTokens: 131072,
      runtimeOverheadGiB: 430,
      kvBudgetRatio: 0.9,
    } as const;
    const r = planScenario({ ...base, ...inputs } as SizingInputs, BUILT_IN_CATALOG);
    const fp8 = r.fixes.find((f) => f.field === 'kvPrecision')!;
    expect(fp8.value).toBe('fp8');
    const wide = r.recommendations.find((x) => x.id === 'kv-precision-wide')!;
    expect(wide).toMatchObject({
      severity: 'warning',
      figures: {
        kvPrecision: 'fp32',
        fp8MakesFeasible: 'yes',
        fp8Nodes: fp8.nodes,
        fp8CapexLowUsd: fp8.capexLowUsd,
        fp8CapexHighUsd: fp8.capexHighUsd,
      },
    });
    expect(wide.message['pt-BR']).toMatch(
      /^KV em fp32 usa quatro vezes a memória do fp8 por sessão\. Com fp8 este plano é viável: \d+ nós, CapEx de USD .+\. Valide a qualidade antes de reduzir a precisão\.$/,
    );
  });
});

describe('storage and cold start', () => {
  it('names the storage that would meet a missed target, in both languages, beside the object-storage warning', () => {
    const over = { coldStartTargetS: 30, storageId: 'profile_cloud_object', engineInitS: 5 };
    expect(byId(over, 'storage-object')).toMatchObject({
      severity: 'warning',
      figures: { storageId: 'profile_cloud_object', fastestStorageId: 'profile_ram_cache' },
    });
    expect(byId(over, 'cold-start-missed')).toMatchObject({
      severity: 'warning',
      figures: { targetS: 30, engineInitS: 5, meetingProfiles: 'profile_default, profile_network_ssd, profile_ram_cache' },
      message: {
        en: 'Cold start of 32.5 s per replica misses the 30 s target (27.5 s reading weights, 5 s engine initialisation). Storage that would meet it: Local NVMe, Network SSD, Host RAM cache.',
        'pt-BR':
          'Cold start de 32,5 s por réplica não atende a meta de 30 s (27,5 s lendo os pesos, 5 s de inicialização do engine). Storage que atenderia: NVMe local, SSD em rede, Cache em RAM do host.',
      },
    });
    expect(byId({ coldStartTargetS: 120 }, 'cold-start-met')).toMatchObject({ severity: 'info', figures: { targetS: 120 } });
  });

  it('calls the fastest profile the fastest when no target is set, in both languages', () => {
    const r = byId({ storageId: 'profile_ram_cache' }, 'storage-fastest')!;
    expect(r).toMatchObject({ severity: 'info', figures: { storageId: 'profile_ram_cache', fastestStorageId: 'profile_ram_cache' } });
    expect(r.message).toEqual({
      en: 'Host RAM cache gives the fastest cold start of the storage profiles: 60.3 s per replica.',
      'pt-BR': 'Cache em RAM do host dá o cold start mais rápido entre os perfis de storage: 60,3 s por réplica.',
    });
    expect(ids({ storageId: 'profile_ram_cache', coldStartTargetS: 120 })).not.toContain('storage-fastest');
  });

  it('names a faster profile only where it saves a quarter of the cold start', () => {
    // Local NVMe against host RAM: 100.5 s against 70.1 s for 405B (30% less); 60.3 s against 60.3 s for 20B is nothing.
    expect(byId({ modelId: 'llama-3.1-405b', serverId: 'dgxa100-40', runtimeOverheadGiB: 10 }, 'storage-cold-start')).toMatchObject({
      severity: 'info',
      figures: { storageId: 'profile_default', fastestStorageId: 'profile_ram_cache' },
    });
    expect(ids({})).not.toContain('storage-cold-start');
  });
});
