/**
 * Service targets in a plan (engine/service-targets.ts): which limit binds, what an unreachable
 * target's message offers (a node-wide TP, the servers that meet it, a new target) in both
 * languages, the format products run in, the replica layout latency reads, and the figures summed
 * over replicas, nodes and the TCO period.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  DEFAULT_LATENCY_EFFICIENCY,
  estimateDecode,
  findModel,
  findServer,
  findTemplate,
  HOURS_PER_YEAR,
  missingLatencyFigures,
  planScenario,
  replicaCosts,
  withDefaults,
  type ModelRecord,
  type ServerRecord,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const engine = (over: Partial<SizingInputs>): SizingInputs =>
  withDefaults(
    {
      ...findTemplate('saas-startup')!.inputs,
      method: 'engine',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx100',
      concurrency: 200,
      effectiveContextTokens: 16000,
      kvPrecision: 'auto',
      ...over,
    } as SizingInputs,
    BUILT_IN_CATALOG,
  );
const plan = (inputs: SizingInputs) => planScenario(inputs, BUILT_IN_CATALOG);
/** TPOT of one session on a server's node-wide replica, from an unreachable target's own figure. */
const batchOneTpotMs = (over: Partial<SizingInputs>) =>
  (plan(engine({ ...over, tpotMs: 0.01 })).infeasibility!.figures as { tpotAtBatchOneMs: number }).tpotAtBatchOneMs;

describe('a TPOT target one session misses', () => {
  it('names the node-wide TP that meets it and every other server whose node-wide replica does, in both languages', () => {
    const r = plan(engine({ tp: 1, tpotMs: 3 }));
    expect(r.infeasibility?.code).toBe('tpot-unreachable');
    const others = BUILT_IN_CATALOG.servers
      .filter((s) => s.id !== 'dgx100' && batchOneTpotMs({ serverId: s.id, tp: s.gpus }) <= 3)
      .map((s) => s.id);
    expect(others).toEqual(['dgx200', 'dgxb200', 'dgx300', 'mi300x-8', 'mi355x-8', 'dgxa100-80', 'dgxa100-40', 'h100nvl-8']);
    expect(batchOneTpotMs({ tp: 8 })).toBeLessThanOrEqual(3);
    expect(r.infeasibility!.message).toEqual({
      en: "Even one session decodes at 6.4 ms per token on DGX H100, above the 3.0 ms target: each step must read the weights and the session's KV from HBM. Raise the target to at least 6.4 ms, use TP8 (1.3 ms), use a server that meets it (dgx200, dgxb200, dgx300, mi300x-8, mi355x-8, dgxa100-80, dgxa100-40, h100nvl-8), store the weights or KV in fewer bytes, or shorten the context.",
      'pt-BR':
        'Mesmo uma sessão decodifica a 6,4 ms por token em DGX H100, acima da meta de 3,0 ms: cada passo precisa ler da HBM os pesos e o KV da sessão. Aumente a meta para pelo menos 6,4 ms, use TP8 (1,3 ms), use um servidor que a atenda (dgx200, dgxb200, dgx300, mi300x-8, mi355x-8, dgxa100-80, dgxa100-40, h100nvl-8), guarde os pesos ou o KV em menos bytes ou encurte o contexto.',
    });
  });

  it('offers no TP at the node-wide TP already, and only the servers that meet a tighter target', () => {
    const r = plan(engine({ tp: 8, tpotMs: 1 }));
    expect(r.infeasibility!.message).toEqual({
      en: "Even one session decodes at 1.3 ms per token on DGX H100, above the 1.0 ms target: each step must read the weights and the session's KV from HBM. Raise the target to at least 1.4 ms, use a server that meets it (dgxb200, dgx300, mi355x-8), store the weights or KV in fewer bytes, or shorten the context.",
      'pt-BR':
        'Mesmo uma sessão decodifica a 1,3 ms por token em DGX H100, acima da meta de 1,0 ms: cada passo precisa ler da HBM os pesos e o KV da sessão. Aumente a meta para pelo menos 1,4 ms, use um servidor que a atenda (dgxb200, dgx300, mi355x-8), guarde os pesos ou o KV em menos bytes ou encurte o contexto.',
    });
  });

  it('offers neither a TP nor a server under the pooled method when no server meets the target', () => {
    const r = plan(withDefaults({ ...findTemplate('saas-startup')!.inputs, tpotMs: 0.1 } as SizingInputs, BUILT_IN_CATALOG));
    expect(r.infeasibility!.message).toEqual({
      en: "Even one session decodes at 0.5 ms per token on DGX H200, above the 0.1 ms target: each step must read the weights and the session's KV from HBM. Raise the target to at least 0.5 ms, store the weights or KV in fewer bytes, or shorten the context.",
      'pt-BR':
        'Mesmo uma sessão decodifica a 0,5 ms por token em DGX H200, acima da meta de 0,1 ms: cada passo precisa ler da HBM os pesos e o KV da sessão. Aumente a meta para pelo menos 0,5 ms, guarde os pesos ou o KV em menos bytes ou encurte o contexto.',
    });
  });
});

describe('a TTFT target one session misses', () => {
  it('says how long the prompt takes and what target it reaches, in both languages', () => {
    const r = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, ttftS: 0.01, promptTokens: 4000 }));
    expect(r.infeasibility).toMatchObject({ code: 'ttft-unreachable', figures: { ttftTargetS: 0.01 } });
    expect(r.infeasibility!.message).toEqual({
      en: 'A prompt of 4,000 tokens takes 0.31 s to its first token even beside a single session, above the 0.01 s target: prefill is compute-bound. Raise the target to at least 0.32 s, shorten the prompt, or use a server with more tensor-core throughput.',
      'pt-BR':
        'Um prompt de 4.000 tokens leva 0,31 s até o primeiro token mesmo ao lado de uma única sessão, acima da meta de 0,01 s: o prefill é limitado por computação. Aumente a meta para pelo menos 0,32 s, encurte o prompt ou use um servidor com mais capacidade de tensor cores.',
    });
  });
});

describe('which limit binds', () => {
  it('memory when targets allow every session memory holds, max_num_seqs where it caps the replica, the target where it is tighter', () => {
    const loose = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, tpotMs: 1000, ttftS: 100, promptTokens: 2000 }));
    expect(loose.latency).toMatchObject({ bindingLimit: 'kv-memory', sessionsPerReplicaByTpot: 29, sessionsPerReplicaByMemory: 29 });
    expect(loose.latency!.ttftS).toBeGreaterThan(0);
    const capped = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, maxNumSeqs: 16, tpotMs: 1000 }));
    expect(capped.latency).toMatchObject({ bindingLimit: 'max-num-seqs', sessionsPerReplicaByMemory: 16 });
    const tight = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, tpotMs: 22 }));
    expect(tight.latency!.bindingLimit).toBe('tpot');
    expect(tight.latency!.sessionsPerReplica).toBeLessThan(29);
    expect(tight.sessionsPerNode).toBe(tight.latency!.sessionsPerReplica * tight.latency!.replicasPerNode);
    const ttft = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, ttftS: 0.312, promptTokens: 4000 }));
    expect(ttft.latency!.bindingLimit).toBe('ttft');
    expect(ttft.sessionsPerNode).toBe(ttft.latency!.sessionsPerReplica * ttft.latency!.replicasPerNode);
  });
});

describe('the format matrix products run in', () => {
  it('is the chosen weight format, else an fp8 checkpoint on fp8 tensor cores, else bf16', () => {
    expect(plan(engine({ weightsPrecision: 'fp8', tpotMs: 1000 })).latency!.computePrecision).toBe('fp8');
    expect(plan(engine({ serverId: 'dgxb200', weightsPrecision: 'fp4', tpotMs: 1000 })).latency!.computePrecision).toBe('fp4');
    expect(plan(engine({ tpotMs: 1000 })).latency!.computePrecision).toBe('bf16');
    expect(findModel(BUILT_IN_CATALOG, 'llama-3.1-405b')!.weightsFormat).toBe('fp8');
    expect(plan(engine({ modelId: 'llama-3.1-405b', tp: 8, tpotMs: 1000 })).latency!.computePrecision).toBe('fp8');
    // No fp8 tensor cores on an A100: the fp8 checkpoint computes in bf16.
    expect(
      plan(engine({ modelId: 'llama-3.1-405b', serverId: 'dgxa100-80', tp: 8, tpotMs: 1000, effectiveContextTokens: 4096 })).latency!
        .computePrecision,
    ).toBe('bf16');
  });
});

describe('records the latency model needs', () => {
  it('names each missing figure, and a single-GPU server needs no interconnect', () => {
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
    expect(missingLatencyFigures(llama, h100)).toEqual([]);
    expect(
      missingLatencyFigures(
        { ...llama, id: 'm', hiddenSize: undefined, vocabSize: undefined },
        { ...h100, id: 's', tflopsBf16PerGpu: undefined, interconnectGBpsPerGpu: undefined },
      ),
    ).toEqual(['m.hiddenSize', 'm.vocabSize', 's.tflopsBf16PerGpu', 's.interconnectGBpsPerGpu']);
    expect(missingLatencyFigures(llama, { ...h100, gpus: 1, interconnectGBpsPerGpu: undefined })).toEqual([]);
    expect(plan(engine({ tpotMs: 1000 })).latency).not.toBeNull();
  });
});

describe('latency figures of a plan', () => {
  it('throughput per replica, node and plan, TCO per million output tokens over the period, TPOT in ms, and notes by method', () => {
    const r = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, tpotMs: 1000, concurrency: 1000 }));
    const l = r.latency!;
    const replicas = r.nodes!.total * l.replicasPerNode;
    expect(l.replicasPerNode).toBe(2);
    expect(l.plannedSessionsPerReplica).toBe(Math.ceil(1000 / replicas));
    expect(l.outputTokensPerSecondPerNode).toBeCloseTo(l.outputTokensPerSecondPerReplica * 2, 9);
    expect(l.outputTokensPerSecondPerPlan).toBeCloseTo(l.outputTokensPerSecondPerReplica * replicas, 6);
    expect(l.outputTokensPerSecondPerReplica).toBeCloseTo(1000 / replicas / (l.tpotMs / 1000), 6);
    const tokens = l.outputTokensPerSecondPerPlan * r.cost!.years * HOURS_PER_YEAR * 3600;
    expect(l.tcoPerMillionOutputTokensUsd).toBeCloseTo((r.cost!.tcoHighUsd / tokens) * 1e6, 9);
    expect(l.tcoPerMillionOutputTokensLowUsd).toBeCloseTo((r.cost!.tcoLowUsd / tokens) * 1e6, 9);
    expect(l.tpotMs).toBeGreaterThan(1);
    expect(l.tpotMs).toBeLessThan(100);
    expect(l.ttftS).toBeNull();
    expect(l.notes).toHaveLength(2);
    const pooled = plan(withDefaults({ ...findTemplate('saas-startup')!.inputs, tpotMs: 1000 } as SizingInputs, BUILT_IN_CATALOG));
    expect(pooled.latency!.notes.map((n) => n.en)).toEqual([
      ...l.notes.map((n) => n.en),
      'The pooled method places no replicas: latency treats each node as one replica across all of its GPUs (tensor parallel over the node).',
    ]);
    expect(pooled.latency!.notes[2]!['pt-BR']).toBe(
      'O método de nó agregado não posiciona réplicas: a latência trata cada nó como uma réplica sobre todas as suas GPUs (paralelismo de tensor no nó).',
    );
    expect(pooled.latency!.tp).toBe(8);
  });

  it("is the latency model's TPOT at the plan's layout, with a link carrying half the quoted bidirectional bandwidth each way", () => {
    const r = plan(engine({ modelId: 'llama-3.1-70b', tp: 4, tpotMs: 1000, concurrency: 1000 }));
    const h100 = findServer(BUILT_IN_CATALOG, 'dgx100')!;
    const model = findModel(BUILT_IN_CATALOG, 'llama-3.1-70b')!;
    const tpotAt = (linkGBpsPerDirection: number) =>
      estimateDecode(replicaCostsOf(model, h100, linkGBpsPerDirection), {
        batch: r.latency!.plannedSessionsPerReplica,
        contextTokens: 16000,
        promptTokens: undefined,
        outputTokens: undefined,
        maxNumBatchedTokens: r.engine!.maxNumBatchedTokens,
      }).tpotS * 1000;
    expect(r.latency!.tpotMs).toBeCloseTo(tpotAt(450), 9);
    expect(Math.abs(tpotAt(1800) - tpotAt(450))).toBeGreaterThan(1e-6);
  });
});

function replicaCostsOf(model: ModelRecord, server: ServerRecord, linkGBpsPerDirection: number) {
  return replicaCosts({
    architecture: { ...model, hiddenSize: model.hiddenSize!, vocabSize: model.vocabSize! },
    tp: 4,
    weightBytesPerParam: (model.weightsGiB * 2 ** 30) / (model.paramsTotalB * 1e9),
    kvBytesPerValue: 2,
    hardware: { hbmBandwidthTBps: server.hbmBandwidthTBpsPerGpu, peakTflops: server.tflopsBf16PerGpu!, linkGBpsPerDirection },
    efficiency: DEFAULT_LATENCY_EFFICIENCY,
  });
}
