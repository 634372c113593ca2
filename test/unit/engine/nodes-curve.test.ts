import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  nodesCurve,
  nodesCurveRange,
  planScenario,
  readCalibration,
  type Catalog,
  type SizingInputs,
  type SizingResult,
} from '../../../src-main/engine/index.js';
import { SGLANG_LLAMA_H200 } from './calibration/logs.js';

const template = (id: string): SizingInputs => findTemplate(id)!.inputs;
// A profile from a real SGLang start-up log, whose KV differs from the formulas' enough to change
// the node count: a calibrated plan's curve must size with it too.
const reading = readCalibration(
  { text: SGLANG_LLAMA_H200, source: 'startup.log', today: { year: 2025, month: 11, day: 2 } },
  BUILT_IN_CATALOG,
);
if (!reading.ok || !reading.reading.profile) throw new Error('the test log gives no profile');
const calibratedCatalog: Catalog = { ...BUILT_IN_CATALOG, calibrations: [reading.reading.profile] };
const llamaH200 = {
  ...template('saas-startup'),
  method: 'engine',
  servingEngine: 'sglang',
  modelId: 'llama-3.1-8b',
  serverId: 'dgx200',
  tp: 1,
  memFractionStatic: 0.88,
  effectiveContextTokens: 16000,
  concurrency: 4400,
  kvPrecision: 'auto',
} as const;
const calibrated = planScenario(llamaH200, calibratedCatalog);

const catalogOf = (result: SizingResult) => (result.engine?.calibration ? calibratedCatalog : BUILT_IN_CATALOG);
const nodesAt = (result: SizingResult, concurrency: number) =>
  planScenario({ ...result.inputs, concurrency }, catalogOf(result)).nodes?.total ?? null;

const cases: [string, SizingResult][] = [
  ['public API (pooled, 12 nodes)', planScenario(template('public-api'), BUILT_IN_CATALOG)],
  ['SaaS start-up (pooled, 1 node)', planScenario(template('saas-startup'), BUILT_IN_CATALOG)],
  [
    'engine method at TP2',
    planScenario(
      {
        ...template('saas-startup'),
        method: 'engine',
        modelId: 'llama-3.1-8b',
        serverId: 'dgx100',
        tp: 2,
        concurrency: 600,
        effectiveContextTokens: 16000,
        kvPrecision: 'auto',
      },
      BUILT_IN_CATALOG,
    ),
  ],
  ['engine method calibrated from a start-up log', calibrated],
  ['a TPOT target', planScenario({ ...template('saas-startup'), promptTokens: 2000, outputTokens: 500, tpotMs: 40 }, BUILT_IN_CATALOG)],
];

describe('nodes against concurrency: one curve for the app and the exports', () => {
  it.each(cases)('%s: every step is where planning one more session needs one more node', (_, result) => {
    const curve = nodesCurve(result);
    expect(curve[0]).toEqual({ concurrency: 1, nodes: nodesAt(result, 1) });
    expect(curve.at(-1)!.concurrency).toBe(nodesCurveRange(result));
    for (let i = 1; i < curve.length; i++) {
      const { concurrency, nodes } = curve[i]!;
      expect(nodes).toBe(nodesAt(result, concurrency));
      expect(concurrency).toBeGreaterThan(curve[i - 1]!.concurrency);
      if (i < curve.length - 1) {
        // A jump: more nodes here than one session earlier, which still needs the previous count.
        expect(nodes!).toBeGreaterThan(curve[i - 1]!.nodes!);
        expect(nodesAt(result, concurrency - 1)).toBe(curve[i - 1]!.nodes);
      }
    }
  });

  it.each(cases)("%s: the plan sits on the curve, and the next step is the engine's next-node threshold", (_, result) => {
    const curve = nodesCurve(result);
    const planned = result.inputs.concurrency;
    const before = curve.filter((p) => p.concurrency <= planned).at(-1)!;
    expect(before.nodes).toBe(result.nodes!.total);
    const nextStep = curve.find((p) => p.concurrency > planned && p.nodes! > result.nodes!.total);
    expect(nextStep?.concurrency).toBe(result.nextNodeAtConcurrency);
  });

  it('reaches twice the planned load and past the next node, on a round number', () => {
    const saas = cases[1]![1];
    expect(saas.nextNodeAtConcurrency).toBe(1451);
    expect(nodesCurveRange(saas)).toBe(2000);
    for (const [, result] of cases) {
      const range = nodesCurveRange(result);
      expect(range).toBeGreaterThanOrEqual(2 * result.inputs.concurrency);
      expect(range).toBeGreaterThan(result.nextNodeAtConcurrency!);
      expect([1, 2, 2.5, 5]).toContain(range / 10 ** Math.floor(Math.log10(range)));
    }
    expect(nodesCurveRange({ ...saas, inputs: { ...saas.inputs, concurrency: 3 }, nextNodeAtConcurrency: 8 })).toBe(10);
    expect(nodesCurveRange({ ...saas, inputs: { ...saas.inputs, concurrency: 1000 }, nextNodeAtConcurrency: 1900 })).toBe(2500);
  });

  it('sizes a calibrated plan with its profile, not the formulas', () => {
    expect(calibrated.engine!.calibration).not.toBeNull();
    const formulas = planScenario(llamaH200, BUILT_IN_CATALOG);
    expect(formulas.sessionsPerNode).not.toBe(calibrated.sessionsPerNode);
    const range = nodesCurveRange(calibrated);
    expect(nodesCurve(calibrated, range)).not.toEqual(nodesCurve(formulas, range));
  });

  it('marks an infeasible plan as null, never as zero nodes', () => {
    const infeasible = planScenario({ ...template('public-api'), runtimeOverheadGiB: 1600 }, BUILT_IN_CATALOG);
    expect(infeasible.nodes).toBeNull();
    expect(nodesCurve(infeasible, 100).every((p) => p.nodes === null)).toBe(true);
  });
});
