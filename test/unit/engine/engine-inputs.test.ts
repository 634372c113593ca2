/**
 * The engine method's own input checks (engine/engine-inputs.ts) through validateInputs, the one
 * check every entry point runs: each refusal names the field, the value and what is allowed, in
 * both languages, and a valid scenario raises none.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findModel,
  mergeCatalog,
  validateInputs,
  withDefaults,
  type Catalog,
  type ModelRecord,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const engineScenario = (over: Partial<SizingInputs> = {}, catalog: Catalog = BUILT_IN_CATALOG): SizingInputs =>
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

const issuesOf = (inputs: SizingInputs, catalog: Catalog = BUILT_IN_CATALOG) =>
  validateInputs(inputs, catalog).map(({ field, value, allowedText }) => ({ field, value, allowedText }));

describe('engine-method inputs that are allowed', () => {
  it('raise no issue: every engine with its own fraction knob, a version, a TP and a max model len', () => {
    expect(
      issuesOf(engineScenario({ tp: 2, gpuMemoryUtilization: 0.9, engineVersion: '0.17', maxModelLen: 32768, calibration: 'off' })),
    ).toEqual([]);
    expect(issuesOf(engineScenario({ servingEngine: 'sglang', memFractionStatic: 0.85, maxModelLen: 16000 }))).toEqual([]);
    expect(issuesOf(engineScenario({ servingEngine: 'trtllm', freeGpuMemoryFraction: 0.9, kvPrecision: 'int8' }))).toEqual([]);
    expect(issuesOf(engineScenario({ serverId: 'dgxb200', weightsPrecision: 'fp4', kvPrecision: 'fp8' }))).toEqual([]);
    expect(issuesOf(engineScenario({ serverId: 'dgxb200', servingEngine: 'trtllm', kvPrecision: 'nvfp4' }))).toEqual([]);
  });
});

describe('precisions the GPU does not run', () => {
  it('fp8 weights on Ampere', () => {
    expect(issuesOf(engineScenario({ serverId: 'dgxa100-80', weightsPrecision: 'fp8' }))).toEqual([
      {
        field: 'weightsPrecision',
        value: 'fp8',
        allowedText: {
          en: 'bf16 (dgxa100-80 is ampere: no fp8 tensor cores, engines fall back to slower weight-only kernels)',
          'pt-BR': 'bf16 (dgxa100-80 é ampere: sem tensor cores fp8, os engines recorrem a kernels só de pesos, mais lentos)',
        },
      },
    ]);
  });

  it('fp4 weights before Blackwell', () => {
    expect(issuesOf(engineScenario({ weightsPrecision: 'fp4' }))).toEqual([
      {
        field: 'weightsPrecision',
        value: 'fp4',
        allowedText: {
          en: 'bf16 or fp8 (dgx100 is hopper: 4-bit floating point needs Blackwell or CDNA 4)',
          'pt-BR': 'bf16 ou fp8 (dgx100 é hopper: ponto flutuante de 4 bits exige Blackwell ou CDNA 4)',
        },
      },
    ]);
  });

  it('NVFP4 KV before Blackwell, named by the server id where its record states no generation', () => {
    const { generation: _, ...h100 } = BUILT_IN_CATALOG.servers.find((s) => s.id === 'dgx100')!;
    const catalog = mergeCatalog({ servers: [{ ...h100, id: 'house-h100', name: 'House H100' }] });
    // A record without a generation is not refused for a format: nothing says its GPU lacks it.
    expect(issuesOf(engineScenario({ serverId: 'house-h100', servingEngine: 'trtllm', kvPrecision: 'nvfp4' }, catalog), catalog)).toEqual(
      [],
    );
    expect(issuesOf(engineScenario({ servingEngine: 'trtllm', kvPrecision: 'nvfp4' }))).toEqual([
      {
        field: 'kvPrecision',
        value: 'nvfp4',
        allowedText: {
          en: 'fp8 or wider (dgx100 is hopper: NVFP4 KV needs Blackwell)',
          'pt-BR': 'fp8 ou maior (dgx100 é hopper: KV em NVFP4 exige Blackwell)',
        },
      },
    ]);
  });

  it('a weights format for a model whose record cannot keep its embeddings in bf16, and no engine method without its sizes', () => {
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const { hiddenSize: _h, vocabSize: _v, ...rest } = llama;
    const bare: ModelRecord = { ...rest, id: 'house-llama', name: 'House Llama' };
    const catalog = mergeCatalog({ models: [bare] });
    expect(issuesOf(engineScenario({ modelId: 'house-llama', weightsPrecision: 'fp8' }, catalog), catalog)).toEqual([
      {
        field: 'weightsPrecision',
        value: 'fp8',
        allowedText: {
          en: 'absent (house-llama has no hiddenSize and vocabSize to keep its embeddings in bf16)',
          'pt-BR': 'ausente (house-llama não tem hiddenSize e vocabSize para manter os embeddings em bf16)',
        },
      },
      {
        field: 'modelId',
        value: 'house-llama',
        allowedText: {
          en: 'a model whose record states hiddenSize, vocabSize (the engine method derives activations from them)',
          'pt-BR': 'um modelo cujo registro informe hiddenSize, vocabSize (o método engine calcula as ativações a partir deles)',
        },
      },
    ]);
    const noHidden: ModelRecord = { ...llama, id: 'house-llama-2', hiddenSize: undefined };
    const noVocab: ModelRecord = { ...llama, id: 'house-llama-3', vocabSize: undefined };
    const noMlp: ModelRecord = { ...llama, id: 'house-llama-4', intermediateSize: undefined };
    const three = mergeCatalog({ models: [noHidden, noVocab, noMlp] });
    const fields = (modelId: string) =>
      issuesOf(engineScenario({ modelId, weightsPrecision: 'bf16' }, three), three).map((i) => [i.field, i.allowedText.en]);
    expect(fields('house-llama-2')[0]).toEqual([
      'weightsPrecision',
      'absent (house-llama-2 has no hiddenSize and vocabSize to keep its embeddings in bf16)',
    ]);
    expect(fields('house-llama-3')[0]).toEqual([
      'weightsPrecision',
      'absent (house-llama-3 has no hiddenSize and vocabSize to keep its embeddings in bf16)',
    ]);
    expect(fields('house-llama-4')).toEqual([
      ['modelId', 'a model whose record states intermediateSize (the engine method derives activations from them)'],
    ]);
  });
});

describe('engine-only inputs under the pooled method', () => {
  it('are refused one by one, each named', () => {
    const pooled = withDefaults(
      {
        method: 'pooled',
        modelId: 'llama-3.1-8b',
        serverId: 'dgx100',
        concurrency: 100,
        effectiveContextTokens: 16000,
        kvPrecision: 'fp8',
        servingEngine: 'vllm',
        tp: 2,
        calibration: 'off',
      } as SizingInputs,
      BUILT_IN_CATALOG,
    );
    const allowed = {
      en: 'absent unless the method is engine (--method engine)',
      'pt-BR': 'ausente, a menos que o método seja engine (--method engine)',
    };
    expect(issuesOf(pooled)).toEqual([
      { field: 'servingEngine', value: 'vllm', allowedText: allowed },
      { field: 'tp', value: 2, allowedText: allowed },
      { field: 'calibration', value: 'off', allowedText: allowed },
    ]);
  });
});

describe('engine choices', () => {
  it('an unknown serving engine, and nothing else checked against it', () => {
    expect(issuesOf(engineScenario({ servingEngine: 'tgi' as never, engineVersion: '9' }))).toEqual([
      { field: 'servingEngine', value: 'tgi', allowedText: { en: 'one of vllm, sglang, trtllm', 'pt-BR': 'um de vllm, sglang, trtllm' } },
    ]);
  });

  it('an unknown calibration choice', () => {
    expect(issuesOf(engineScenario({ calibration: 'always' as never }))).toEqual([
      { field: 'calibration', value: 'always', allowedText: { en: 'one of auto, off', 'pt-BR': 'um de auto, off' } },
    ]);
  });

  it("a version the engine has no family for, named with the engine's families", () => {
    expect(issuesOf(engineScenario({ servingEngine: 'sglang', engineVersion: '0.11' }))).toEqual([
      { field: 'engineVersion', value: '0.11', allowedText: { en: 'one of 0.4 for SGLang', 'pt-BR': 'um de 0.4 para SGLang' } },
    ]);
  });

  it("another engine's fraction knob", () => {
    expect(issuesOf(engineScenario({ servingEngine: 'sglang', gpuMemoryUtilization: 0.9, freeGpuMemoryFraction: 0.8 }))).toEqual([
      {
        field: 'gpuMemoryUtilization',
        value: 0.9,
        allowedText: { en: "absent with SGLang (it is vLLM's knob)", 'pt-BR': 'ausente com SGLang (é um ajuste do vLLM)' },
      },
      {
        field: 'freeGpuMemoryFraction',
        value: 0.8,
        allowedText: { en: "absent with SGLang (it is TensorRT-LLM's knob)", 'pt-BR': 'ausente com SGLang (é um ajuste do TensorRT-LLM)' },
      },
    ]);
  });

  it('a KV format the engine does not store, with the ones it does', () => {
    expect(issuesOf(engineScenario({ servingEngine: 'sglang', kvPrecision: 'int8' }))).toEqual([
      {
        field: 'kvPrecision',
        value: 'int8',
        allowedText: {
          en: 'one of auto, fp16, bf16, fp8 (what SGLang stores KV in)',
          'pt-BR': 'um de auto, fp16, bf16, fp8 (os formatos de KV do SGLang)',
        },
      },
    ]);
  });
});

describe('tensor parallelism and max model len', () => {
  it("a TP that does not divide the server's GPUs, then one that does not divide the model's heads", () => {
    expect(issuesOf(engineScenario({ tp: 3 }))).toEqual([
      { field: 'tp', value: 3, allowedText: { en: "a divisor of dgx100's 8 GPUs", 'pt-BR': 'um divisor das 8 GPUs de dgx100' } },
    ]);
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const catalog = mergeCatalog({ models: [{ ...llama, id: 'odd-heads', queryHeads: 12 }] });
    expect(issuesOf(engineScenario({ modelId: 'odd-heads', tp: 8 }, catalog), catalog)).toEqual([
      {
        field: 'tp',
        value: 8,
        allowedText: { en: "a divisor of odd-heads's 12 attention heads", 'pt-BR': 'um divisor das 12 cabeças de atenção de odd-heads' },
      },
    ]);
    expect(issuesOf(engineScenario({ modelId: 'odd-heads', tp: 4 }, catalog), catalog)).toEqual([]);
  });

  it('a max model len below the context, or above the model, and both ends allowed', () => {
    expect(issuesOf(engineScenario({ maxModelLen: 15999 }))).toEqual([
      {
        field: 'maxModelLen',
        value: 15999,
        allowedText: { en: 'at least the effective context (16000)', 'pt-BR': 'no mínimo o contexto efetivo (16000)' },
      },
    ]);
    expect(issuesOf(engineScenario({ maxModelLen: 131073 }))).toEqual([
      {
        field: 'maxModelLen',
        value: 131073,
        allowedText: {
          en: 'at most 131072 (the maximum context of llama-3.1-8b)',
          'pt-BR': 'no máximo 131072 (o contexto máximo de llama-3.1-8b)',
        },
      },
    ]);
    expect(issuesOf(engineScenario({ maxModelLen: 16000 }))).toEqual([]);
    expect(issuesOf(engineScenario({ maxModelLen: 131072 }))).toEqual([]);
  });
});
