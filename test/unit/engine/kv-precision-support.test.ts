import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  enginesStoringKv,
  findTemplate,
  planScenario,
  TEMPLATES,
  type SizingInputs,
} from '../../../src-main/engine/index.js';
import { sizing } from '../helpers/cli.js';

/** Issue 10 item 23: a KV precision no serving engine stores on the GPU is flagged by the pooled method too. */
const saas = findTemplate('saas-startup')!.inputs;
const int8Advice = (inputs: SizingInputs) =>
  planScenario(inputs, BUILT_IN_CATALOG).recommendations.find((r) => r.id === 'kv-precision-int8-unsupported');

describe('int8 KV cache under the pooled method', () => {
  it('which engines store int8 KV: TensorRT-LLM on NVIDIA GPUs, none on AMD; fp8 everywhere', () => {
    expect(enginesStoringKv('int8', 'hopper')).toEqual(['trtllm']);
    expect(enginesStoringKv('int8', 'cdna3')).toEqual([]);
    expect(enginesStoringKv('fp8', 'cdna3')).toEqual(['vllm', 'sglang']);
    expect(enginesStoringKv('fp8', 'hopper')).toEqual(['vllm', 'sglang', 'trtllm']);
  });

  it('warns on an NVIDIA server that only TensorRT-LLM stores it, and suggests fp8 at the same node count', () => {
    const advice = int8Advice({ ...saas, kvPrecision: 'int8' })!;
    expect(advice.severity).toBe('warning');
    expect(advice.message.en).toBe(
      'Only TensorRT-LLM stores the KV cache in int8; vLLM and SGLang store it in fp8. Unless you serve with TensorRT-LLM, plan with fp8: the same 1 byte per value, so the node count does not change.',
    );
    expect(advice.message['pt-BR']).toBe(
      'Só o TensorRT-LLM armazena o cache KV em int8; vLLM e SGLang o armazenam em fp8. A menos que sirva com TensorRT-LLM, planeje com fp8: o mesmo 1 byte por valor, então a contagem de nós não muda.',
    );
    const int8 = planScenario({ ...saas, kvPrecision: 'int8' }, BUILT_IN_CATALOG);
    expect(int8.nodes).toEqual(planScenario(saas, BUILT_IN_CATALOG).nodes);
    // No "cost-effective choice" beside the warning.
    expect(int8.recommendations.map((r) => r.id)).not.toContain('kv-precision-fp8');
  });

  it('on an AMD server says no engine stores it', () => {
    const advice = int8Advice({ ...saas, kvPrecision: 'int8', serverId: 'mi300x-8' })!;
    expect(advice.message.en).toBe(
      'No serving engine stores the KV cache in int8 on 8× AMD MI300X: vLLM and SGLang store it in fp8. Plan with fp8: the same 1 byte per value, so the node count does not change.',
    );
  });

  it('says nothing for fp8, nor for the engine method, which refuses int8 where its engine does not store it', () => {
    expect(int8Advice(saas)).toBeUndefined();
    expect(int8Advice({ ...saas, kvPrecision: 'int8', method: 'engine', servingEngine: 'trtllm', runtimeOverheadGiB: 80 })).toBeUndefined();
    for (const t of TEMPLATES) expect(int8Advice(t.inputs), t.id).toBeUndefined();
  });

  it('the command-line report flags it, in both languages', () => {
    const en = sizing(['--template', 'saas-startup', '--kv-precision', 'int8']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('[! ] Only TensorRT-LLM stores the KV cache in int8');
    expect(sizing(['--template', 'saas-startup', '--kv-precision', 'int8', '--lang', 'pt-BR']).stdout).toContain(
      '[! ] Só o TensorRT-LLM armazena o cache KV em int8',
    );
  });
});
