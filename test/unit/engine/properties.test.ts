import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findModel,
  findServer,
  kvBytesPerSession,
  PRECISION_IDS,
  sizePooled,
  TEMPLATES,
  tokensHeldAcrossLayers,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const modelIds = BUILT_IN_CATALOG.models.map((m) => m.id);
const serverIds = BUILT_IN_CATALOG.servers.map((s) => s.id);

const arbInputs: fc.Arbitrary<SizingInputs> = fc
  .record({
    modelId: fc.constantFrom(...modelIds),
    serverId: fc.constantFrom(...serverIds),
    concurrency: fc.integer({ min: 1, max: 200_000 }),
    effectiveContextTokens: fc.integer({ min: 1, max: 131_072 }),
    kvPrecision: fc.constantFrom(...PRECISION_IDS),
    kvBudgetRatio: fc.double({ min: 0.05, max: 1, noNaN: true }),
    runtimeOverheadGiB: fc.double({ min: 0, max: 400, noNaN: true }),
    peakHeadroomRatio: fc.double({ min: 0, max: 2, noNaN: true }),
    ha: fc.constantFrom('none' as const, 'n+1' as const, 'n+2' as const),
  })
  .map((v) => ({ ...TEMPLATES[0]!.inputs, ...v }));

const size = (i: SizingInputs) => sizePooled(i, findModel(BUILT_IN_CATALOG, i.modelId)!, findServer(BUILT_IN_CATALOG, i.serverId)!);

describe('pooled method invariants', () => {
  it('more concurrency never means fewer nodes', () => {
    fc.assert(
      fc.property(arbInputs, fc.integer({ min: 1, max: 10_000 }), (inputs, extra) => {
        const a = size(inputs);
        const b = size({ ...inputs, concurrency: inputs.concurrency + extra });
        if (!a.nodes || !b.nodes) return a.feasible === b.feasible;
        return b.nodes.total >= a.nodes.total && b.nodes.capacity >= a.nodes.capacity;
      }),
      { numRuns: 2000 },
    );
  });

  it('more headroom never means fewer nodes', () => {
    fc.assert(
      fc.property(arbInputs, fc.double({ min: 0, max: 1, noNaN: true }), (inputs, extra) => {
        const a = size(inputs);
        const b = size({ ...inputs, peakHeadroomRatio: inputs.peakHeadroomRatio + extra });
        return !a.nodes || !b.nodes || b.nodes.withHeadroom >= a.nodes.withHeadroom;
      }),
      { numRuns: 2000 },
    );
  });

  it('fp16 KV is exactly twice fp8, bf16 equals fp16, fp32 is exactly four times fp8', () => {
    fc.assert(
      fc.property(fc.constantFrom(...modelIds), fc.integer({ min: 1, max: 131_072 }), (id, ctx) => {
        const m = findModel(BUILT_IN_CATALOG, id)!;
        const fp8 = kvBytesPerSession(m, ctx, 'fp8');
        return (
          kvBytesPerSession(m, ctx, 'fp16') === 2 * fp8 &&
          kvBytesPerSession(m, ctx, 'bf16') === 2 * fp8 &&
          kvBytesPerSession(m, ctx, 'fp32') === 4 * fp8
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('sliding-window layers hold at most the window, whatever the context', () => {
    const m = findModel(BUILT_IN_CATALOG, 'opt-oss-120b')!;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 131_072 }), (ctx) => {
        const held = tokensHeldAcrossLayers(m, ctx);
        const full = (m.layers - m.slidingWindow!.layers) * ctx;
        return held - full === m.slidingWindow!.layers * Math.min(ctx, m.slidingWindow!.windowTokens) && held - full <= 18 * 128;
      }),
    );
  });

  it('n+1 adds exactly one node and n+2 exactly two', () => {
    fc.assert(
      fc.property(arbInputs, (inputs) => {
        const none = size({ ...inputs, ha: 'none' });
        const n1 = size({ ...inputs, ha: 'n+1' });
        const n2 = size({ ...inputs, ha: 'n+2' });
        if (!none.nodes) return !n1.nodes && !n2.nodes;
        return n1.nodes!.total === none.nodes.total + 1 && n2.nodes!.total === none.nodes.total + 2;
      }),
      { numRuns: 2000 },
    );
  });

  it('the planned nodes always hold the load with headroom, and one fewer would not', () => {
    fc.assert(
      fc.property(arbInputs, (inputs) => {
        const r = size(inputs);
        if (!r.nodes) return true;
        const need = inputs.concurrency * (1 + inputs.peakHeadroomRatio);
        const enough = r.nodes.withHeadroom * r.sessionsPerNode >= need * (1 - 1e-9);
        const minimal = (r.nodes.withHeadroom - 1) * r.sessionsPerNode < need * (1 + 1e-9);
        return enough && minimal && r.spareSessions === r.nodes.total * r.sessionsPerNode - inputs.concurrency;
      }),
      { numRuns: 2000 },
    );
  });

  it('sessions per node is the largest whole number of sessions that fits the KV budget', () => {
    fc.assert(
      fc.property(arbInputs, (inputs) => {
        const r = size(inputs);
        if (r.kvBudgetGiB <= 0) return !r.feasible;
        const fits = r.sessionsPerNode * r.kvPerSessionGiB <= r.kvBudgetGiB * (1 + 1e-9);
        const nextDoesNot = (r.sessionsPerNode + 1) * r.kvPerSessionGiB > r.kvBudgetGiB * (1 - 1e-9);
        return fits && nextDoesNot;
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: a result depends on its inputs only, never on what was sized before or on what a caller did to an earlier result', () => {
    fc.assert(
      fc.property(arbInputs, fc.array(arbInputs, { minLength: 1, maxLength: 5 }), (inputs, others) => {
        const first = size(deepFreeze(structuredClone(inputs))); // never writes to its inputs
        const expected = structuredClone(first);
        scribble(first);
        for (const other of others) scribble(size(other));
        expect(size(inputs)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const v of Object.values(Object.freeze(value))) deepFreeze(v);
  return value;
}

/** Overwrites every number and string in a result, as a careless caller might. */
function scribble(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'number') (value as Record<string, unknown>)[k] = -1;
    else if (typeof v === 'string') (value as Record<string, unknown>)[k] = 'scribbled';
    else scribble(v);
  }
}
