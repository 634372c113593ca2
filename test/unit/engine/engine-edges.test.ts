/**
 * Edges of the engine's smaller modules: the pooled method's weights refusals, service-target input
 * checks, each engine's defaults (SGLang's fraction by TP, batch limits by GPU, version families),
 * sweep argument refusals in Portuguese, money and time formats, weight formats and the nodes curve.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findModel,
  findServer,
  findTemplate,
  formatMonth,
  formatSeconds,
  formatUsd,
  formatUsdRange,
  mergeCatalog,
  nodesCurve,
  planScenario,
  sweep,
  SweepRangeError,
  TEMPLATES,
  validateInputs,
  versionFamilyOf,
  withDefaults,
  withWeightsPrecision,
  type Catalog,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const base = TEMPLATES[0]!.inputs;
const engine = (over: Partial<SizingInputs>, catalog: Catalog = BUILT_IN_CATALOG): SizingInputs =>
  withDefaults(
    {
      ...base,
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      concurrency: 200,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      ...over,
    } as SizingInputs,
    catalog,
  );

describe('pooled method: weights that cannot be held', () => {
  it('larger than the whole node, or than what lies outside the KV budget, word for word', () => {
    const node = planScenario({ ...base, modelId: 'llama-3.1-405b', serverId: 'dgxa100-40' }, BUILT_IN_CATALOG);
    expect(node.infeasibility).toMatchObject({
      code: 'weights-do-not-fit',
      figures: { weightsGiB: 377 },
      message: {
        en: "The model weights (377 GiB) are larger than the node's whole HBM (298.02 GiB): no KV budget ratio or runtime overhead can hold them. Use a server with more HBM per node, or weights in fewer bytes (weight precision).",
        'pt-BR':
          'Os pesos do modelo (377 GiB) são maiores que toda a HBM do nó (298,02 GiB): nenhuma razão de orçamento KV ou overhead de runtime consegue acomodá-los. Use um servidor com mais HBM por nó ou pesos em menos bytes (precisão dos pesos).',
      },
    });
    expect((node.infeasibility!.figures as { nodeHbmGiB: number }).nodeHbmGiB).toBeCloseTo(node.nodeHbmGiB, 9);
    const outside = planScenario({ ...base, modelId: 'llama-3.1-405b', serverId: 'dgx100', runtimeOverheadGiB: 10 }, BUILT_IN_CATALOG);
    expect(outside.infeasibility).toMatchObject({
      code: 'weights-do-not-fit',
      message: {
        en: 'The model weights (377 GiB) do not fit in the memory outside the KV budget (188.81 GiB). Lower the KV budget ratio, raise the runtime overhead to cover the weights, use a lower weight precision or a server with more HBM.',
        'pt-BR':
          'Os pesos do modelo (377 GiB) não cabem na memória fora do orçamento KV (188,81 GiB). Reduza a razão de orçamento KV, aumente o overhead de runtime para cobrir os pesos, use uma precisão de pesos menor ou um servidor com mais HBM.',
      },
    });
    expect((outside.infeasibility!.figures as { outsideKvGiB: number }).outsideKvGiB).toBeCloseTo(outside.reservedGiB, 9);
    expect(outside.method).toBe('pooled');
  });

  it("holds weights exactly as large as the node's HBM outside a zero budget", () => {
    const hbm = planScenario(base, BUILT_IN_CATALOG).nodeHbmGiB;
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const catalog = mergeCatalog({ models: [{ ...llama, id: 'node-sized', weightsGiB: hbm }] });
    const r = planScenario({ ...base, modelId: 'node-sized', kvBudgetRatio: 0.3 }, catalog);
    expect(r.nodeHbmGiB).toBe(hbm);
    expect(r.infeasibility!.message.en).toMatch(/^The model weights \(.+ GiB\) do not fit in the memory outside the KV budget/);
  });
});

describe('service-target inputs', () => {
  const issuesOf = (over: Partial<SizingInputs>, catalog: Catalog = BUILT_IN_CATALOG) =>
    validateInputs({ ...base, ...over } as SizingInputs, catalog).map(({ field, value, allowedText }) => ({ field, value, allowedText }));

  it('a TTFT target needs a prompt length', () => {
    expect(issuesOf({ ttftS: 2 })).toEqual([
      {
        field: 'ttftS',
        value: 2,
        allowedText: {
          en: 'a prompt length too (--prompt-tokens): TTFT is the time to prefill it',
          'pt-BR': 'também um tamanho de prompt (--prompt-tokens): o TTFT é o tempo de fazer o prefill dele',
        },
      },
    ]);
  });

  it('prompt and output must fit the context: the prompt is named, else the output', () => {
    const allowed = {
      en: 'prompt plus output tokens at most the effective context (32768), which is what each session holds',
      'pt-BR': 'tokens de prompt mais de saída no máximo o contexto efetivo (32768), que é o que cada sessão mantém',
    };
    expect(issuesOf({ promptTokens: 30000, outputTokens: 3000 })).toEqual([{ field: 'promptTokens', value: 30000, allowedText: allowed }]);
    expect(issuesOf({ outputTokens: 40000 })).toEqual([{ field: 'outputTokens', value: 40000, allowedText: allowed }]);
    expect(issuesOf({ promptTokens: 30000, outputTokens: 2768 })).toEqual([]);
  });

  it('a target needs the latency figures of the records, named; a wrong target value is named once', () => {
    const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
    const catalog = mergeCatalog({ servers: [{ ...h100, id: 'bare', tflopsBf16PerGpu: undefined, interconnectGBpsPerGpu: undefined }] });
    const missing = {
      en: 'records with the latency figures; missing bare.tflopsBf16PerGpu, bare.interconnectGBpsPerGpu (add them to the custom record)',
      'pt-BR':
        'registros com os dados de latência; faltam bare.tflopsBf16PerGpu, bare.interconnectGBpsPerGpu (inclua-os no registro personalizado)',
    };
    expect(issuesOf({ serverId: 'bare', tpotMs: 50 }, catalog)).toEqual([{ field: 'tpotMs', value: 50, allowedText: missing }]);
    expect(issuesOf({ serverId: 'bare', ttftS: 2, promptTokens: 1000 }, catalog)).toEqual([
      { field: 'ttftS', value: 2, allowedText: missing },
    ]);
    expect(issuesOf({ serverId: 'bare' }, catalog)).toEqual([]);
    expect(issuesOf({ ttftS: -1 }).map((i) => i.field)).toEqual(['ttftS']);
    expect(issuesOf({ promptTokens: -5, ttftS: 2 }).map((i) => i.field)).toEqual(['promptTokens']);
    expect(issuesOf({ outputTokens: 0.5, promptTokens: 40000 }).map((i) => i.field)).toEqual(['outputTokens']);
  });

  it("names a field once when a number rule and the engine's check both refuse it", () => {
    const issues = validateInputs(engine({ tp: 3.5 }), BUILT_IN_CATALOG);
    expect(issues.map((i) => i.field)).toEqual(['tp']);
    const scale = validateInputs({ ...base, scaleDownRatio: 1.5 } as SizingInputs, BUILT_IN_CATALOG);
    expect(scale.map((i) => i.field)).toEqual(['scaleDownRatio']);
  });
});

describe("each engine's defaults", () => {
  it("SGLang's mem_fraction_static by TP: 0.88, 0.87, 0.85, 0.81, and 0.79 from TP 16", () => {
    const fraction = (tp: number, serverId = 'dgx100', catalog: Catalog = BUILT_IN_CATALOG) =>
      planScenario(engine({ servingEngine: 'sglang', tp, serverId }, catalog), catalog).engine!.memoryFraction;
    expect([1, 2, 4, 8].map((tp) => fraction(tp))).toEqual([0.88, 0.87, 0.85, 0.81]);
    const sixteen = mergeCatalog({ servers: [{ ...findServer(BUILT_IN_CATALOG, 'dgx100')!, id: 'hgx-16', gpus: 16 }] });
    expect(fraction(16, 'hgx-16', sixteen)).toBe(0.79);
  });

  it("vLLM's batch limits by GPU: large limits from 70 GiB except on A100s; SGLang's and TensorRT-LLM's own", () => {
    const limits = (over: Partial<SizingInputs>, catalog: Catalog = BUILT_IN_CATALOG) => {
      const e = planScenario(engine(over, catalog), catalog).engine!;
      return [e.maxNumBatchedTokens, e.maxNumSeqs];
    };
    expect(limits({})).toEqual([8192, 1024]);
    expect(limits({ serverId: 'dgxa100-80' })).toEqual([2048, 256]);
    expect(limits({ serverId: 'l40s-8' })).toEqual([2048, 256]);
    const at70 = mergeCatalog({ servers: [{ ...findServer(BUILT_IN_CATALOG, 'dgx100')!, id: 'h-70', engineVisibleGiBPerGpu: 70 }] });
    expect(limits({ serverId: 'h-70' }, at70)).toEqual([8192, 1024]);
    expect(limits({ servingEngine: 'sglang' })).toEqual([8192, 4096]);
    expect(limits({ servingEngine: 'trtllm' })).toEqual([8192, 2048]);
  });

  it('version families: the newest not after the logged version, the oldest before all, the default without one', () => {
    expect(versionFamilyOf('vllm', '0.11.0')).toBe('0.11');
    expect(versionFamilyOf('vllm', '0.12.3')).toBe('0.11');
    expect(versionFamilyOf('vllm', '0.17.1')).toBe('0.17');
    expect(versionFamilyOf('vllm', '0.9.2')).toBe('0.10');
    expect(versionFamilyOf('vllm', '1.0.0')).toBe('0.21');
    expect(versionFamilyOf('vllm', null)).toBe('0.17');
    expect(versionFamilyOf('sglang', '0.5.2')).toBe('0.4');
    expect(versionFamilyOf('trtllm', null)).toBe('1.0');
  });
});

describe('sweep arguments refused, in Portuguese', () => {
  const refusal = (over: Partial<{ field: string; from: number; to: number; points: number }>) => {
    try {
      sweep({ inputs: base, catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 100, to: 1000, points: 10, ...over } as Parameters<
        typeof sweep
      >[0]);
    } catch (e) {
      if (e instanceof SweepRangeError) return [e.argument, e.text['pt-BR']];
      throw e;
    }
    return null;
  };

  it('names the field, the points, the range and each end', () => {
    expect(refusal({ field: 'tp' })).toEqual([
      'field',
      'o campo da varredura "tp" não é um de concurrency, effectiveContextTokens, peakHeadroomRatio, kvBudgetRatio, runtimeOverheadGiB',
    ]);
    expect(refusal({ points: 100_001 })).toEqual(['points', 'os pontos da varredura (100001) devem ser um número inteiro de 2 a 100000']);
    expect(refusal({ points: 100_000 })).toBeNull();
    expect(refusal({ from: 5, to: 5 })).toEqual([
      'from',
      'o intervalo da varredura, de 5 a 5, deve ter dois números finitos, com o início abaixo do fim',
    ]);
    expect(refusal({ from: -10 })![0]).toBe('from');
    expect(refusal({ from: -10 })![1]).toMatch(/^o início da varredura \(-10\) para concurrency deve ser /);
    expect(refusal({ to: 1e12 })![1]).toMatch(/^o fim da varredura \(1000000000000\) para concurrency deve ser /);
  });
});

describe('money, time and month formats', () => {
  it('shows cents below ten dollars, more digits where a range would read one price, and short TTFTs to two significant digits', () => {
    expect(formatUsd(9.5, 'en')).toBe('USD 9.50');
    expect(formatUsd(10, 'en')).toBe('USD 10');
    expect(formatUsd(12_345_678, 'en', 1)).toBe('USD 12.346 M');
    expect(formatUsdRange(1500, 2000, 'en')).toBe('USD 1.5 k – USD 2 k');
    expect(formatUsdRange(1_000_000, 1_000_400, 'en')).toBe('USD 1 M – USD 1.0004 M');
    expect(formatUsdRange(2000, 2000, 'pt-BR')).toBe('USD 2 k');
    expect(formatSeconds(0.1, 'en')).toBe('0.10');
    expect(formatSeconds(0.0093, 'pt-BR')).toBe('0,0093');
    expect(formatMonth('2026-12', 'pt-BR')).toBe('dezembro de 2026');
    expect(formatMonth('2026-01', 'en')).toBe('January 2026');
  });
});

describe('weights in another format', () => {
  it('linear layers in the format, embeddings and output head in bf16; the shipped format as it is', () => {
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const embeddings = 128_256 * 4096 * 2;
    const linear = 8.03e9 - embeddings;
    expect(withWeightsPrecision(llama, 'fp8')).toMatchObject({
      weightsGiB: (embeddings * 2 + linear) / 2 ** 30,
      weightsFormat: 'fp8 (embeddings and output head bf16)',
    });
    expect(withWeightsPrecision(llama, 'fp4').weightsGiB).toBeCloseTo((embeddings * 2 + (linear * 9) / 16) / 2 ** 30, 12);
    expect(withWeightsPrecision(llama, 'bf16')).toBe(llama);
    expect(withWeightsPrecision(llama, undefined)).toBe(llama);
    // Tied embeddings count once; a record without the sizes counts none apart.
    expect(withWeightsPrecision({ ...llama, tiedEmbeddings: true }, 'fp8').weightsGiB).toBeCloseTo(
      (embeddings + 8.03e9 - embeddings / 2) / 2 ** 30,
      9,
    );
    expect(withWeightsPrecision({ ...llama, hiddenSize: undefined }, 'fp8').weightsGiB).toBeCloseTo(8.03e9 / 2 ** 30, 9);
    expect(withWeightsPrecision({ ...llama, vocabSize: undefined }, 'fp8').weightsGiB).toBeCloseTo(8.03e9 / 2 ** 30, 9);
  });
});

describe('the nodes curve', () => {
  it('steps at each concurrency that adds a node, and ends at the range asked', () => {
    const r = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);
    const curve = nodesCurve(r, 2000);
    expect(curve[0]).toEqual({ concurrency: 1, nodes: 2 });
    expect(curve.at(-1)!.concurrency).toBe(2000);
    for (let i = 1; i < curve.length - 1; i++) {
      const before = planScenario({ ...r.inputs, concurrency: curve[i]!.concurrency - 1 }, BUILT_IN_CATALOG).nodes!.total;
      expect(curve[i]!.nodes, `step at ${curve[i]!.concurrency}`).toBeGreaterThan(before);
    }
  });

  it('falls back to 401 even samples when the count rises more than 200 times', () => {
    const r = planScenario({ ...base, concurrency: 10 }, BUILT_IN_CATALOG);
    const curve = nodesCurve(r, 2_000_000);
    expect(curve).toHaveLength(401);
    expect(curve[0]).toEqual({ concurrency: 1, nodes: r.nodes!.total });
    expect(curve[1]!.concurrency).toBe(5000);
    expect(curve[400]!.concurrency).toBe(2_000_000);
    expect(curve[200]!.nodes).toBe(planScenario({ ...base, concurrency: 1_000_000 }, BUILT_IN_CATALOG).nodes!.total);
  });
});
