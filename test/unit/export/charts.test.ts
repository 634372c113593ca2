import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  nodesCurve,
  nodesCurveRange,
  planRegions,
  planScenario,
  sweep,
  type SizingInputs,
} from '../../../src-main/engine/index.js';
import { memoryChartSvg, nodesChartSvg, regionsChartSvg, sweepChartSvg } from '../../../src-main/export/charts.js';
import { parseSvg } from './svg-dom.js';

const inputs = (id: string): SizingInputs => findTemplate(id)!.inputs;
const publicApi = planScenario(inputs('public-api'), BUILT_IN_CATALOG);
const saas = planScenario(inputs('saas-startup'), BUILT_IN_CATALOG);
const overheadTooLarge = planScenario({ ...inputs('public-api'), runtimeOverheadGiB: 1600 }, BUILT_IN_CATALOG);
const sessionTooLarge = planScenario(
  { ...inputs('research-lab'), kvPrecision: 'fp32', kvBudgetRatio: 0.3, runtimeOverheadGiB: 330 },
  BUILT_IN_CATALOG,
);
const engineTp2 = planScenario(
  {
    ...inputs('saas-startup'),
    method: 'engine',
    modelId: 'llama-3.1-8b',
    serverId: 'dgx100',
    tp: 2,
    concurrency: 600,
    effectiveContextTokens: 16000,
    kvPrecision: 'auto',
  },
  BUILT_IN_CATALOG,
);
const serverless = findTemplate('serverless-multi-region')!;
const serverlessPlan = planRegions(serverless.inputs, serverless.regions!, BUILT_IN_CATALOG);

const textOf = (svg: string) => parseSvg(svg).documentElement.textContent ?? '';

/** The y coordinates a path visits, in order (M x y, H x, V y commands only). */
function pathYs(d: string): number[] {
  const ys: number[] = [];
  for (const [, cmd, args] of d.matchAll(/([MHV])([^MHV]+)/g)) {
    const values = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (cmd === 'M') ys.push(values[1]!);
    if (cmd === 'V') ys.push(values[0]!);
  }
  return ys;
}

describe('memory chart', () => {
  it('stacks the four shares of one node and labels them with GiB figures', () => {
    const doc = parseSvg(memoryChartSvg(publicApi, 'en'));
    const segments = [...doc.querySelectorAll('rect.segment')];
    expect(segments).toHaveLength(4);
    // The segments tile the bar: each starts where the previous ends, widths proportional to GiB.
    const m = publicApi.memoryPerNode!;
    const widths = segments.map((s) => Number(s.getAttribute('width')));
    const total = widths.reduce((a, b) => a + b, 0);
    expect(widths[2]! / total).toBeCloseTo(m.kvInUseGiB / m.hbmGiB, 2);
    const text = doc.documentElement.textContent!;
    expect(text).toContain('Runtime overhead: 120.00 GiB');
    expect(text).toContain('2,145.77 GiB');
    expect(text).toContain('KV-cache alert at 85% of the KV budget');
  });

  it('draws the alert line at the alert ratio of the KV budget (KV-cache usage), not of HBM', () => {
    for (const result of [publicApi, saas, engineTp2]) {
      const doc = parseSvg(memoryChartSvg(result, 'en'));
      const [, , kvInUse, kvFree] = [...doc.querySelectorAll('rect.segment')].map((s) => ({
        x: Number(s.getAttribute('x')),
        width: Number(s.getAttribute('width')),
      }));
      const alertX = Number(doc.querySelector('line.kv-alert')!.getAttribute('x1'));
      // The KV budget is the last two segments; 85% of it from where it starts.
      // Within half a pixel: the SVG's coordinates are rounded.
      expect(Math.abs(alertX - (kvInUse!.x + 0.85 * (kvInUse!.width + kvFree!.width)))).toBeLessThan(0.5);
      const kvBudgetGiB = result.memoryPerNode!.kvInUseGiB + result.memoryPerNode!.kvFreeGiB;
      expect(textOf(memoryChartSvg(result, 'en'))).toContain(
        `KV-cache alert at 85% of the KV budget (${(0.85 * kvBudgetGiB).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} GiB)`,
      );
    }
    expect(textOf(memoryChartSvg(saas, 'pt-BR'))).toContain('Alerta de cache KV em 85% do orçamento KV (557,07 GiB)');
  });

  it("names an engine-method plan's shares as the engine holds them", () => {
    const text = textOf(memoryChartSvg(engineTp2, 'en'));
    expect(text).toContain("Outside the engine's memory fraction");
    expect(text).toContain('Weights, activation peak, outside PyTorch, CUDA graphs');
    expect(text).not.toContain('Reserved share');
    expect(textOf(memoryChartSvg(engineTp2, 'pt-BR'))).toContain('Fora da fração de memória do engine');
    // The node's memory here is what the engine sees (8 × the GiB it logs), not the vendor's HBM.
    const visible = engineTp2.nodeHbmGiB.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(text).toContain(`Memory the engine sees on one node: ${engineTp2.server.name}, ${visible} GiB`);
    expect(text).not.toContain('HBM of one node');
    expect(textOf(memoryChartSvg(engineTp2, 'pt-BR'))).toContain('Memória que o engine enxerga em um nó');
    expect(textOf(memoryChartSvg(publicApi, 'en'))).toContain('HBM of one node');
  });

  it('speaks Portuguese with Portuguese numbers', () => {
    const text = textOf(memoryChartSvg(publicApi, 'pt-BR'));
    expect(text).toContain('Overhead de runtime: 120,00 GiB');
    expect(text).toContain('2.145,77 GiB');
    expect(text).toContain('KV em uso na carga planejada');
  });
});

describe('nodes chart', () => {
  it('draws a non-decreasing step line with the plan and the next-node threshold marked', () => {
    const doc = parseSvg(nodesChartSvg(publicApi, 'en'));
    const ys = pathYs(doc.querySelector('path.nodes-line')!.getAttribute('d')!);
    expect(ys.length).toBeGreaterThan(20);
    // SVG y grows downwards: more nodes means a smaller y, never a larger one.
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeLessThanOrEqual(ys[i - 1]! + 1e-9);
    expect(doc.querySelector('circle.planned')).not.toBeNull();
    expect(doc.querySelector('line.next-node')).not.toBeNull();
    const text = doc.documentElement.textContent!;
    expect(text).toContain(`Next node at ${publicApi.nextNodeAtConcurrency!.toLocaleString('en')}`);
    expect(text).toContain('Planned: 5,000 sessions on 12 nodes');
    expect(text).toContain('10,000');
  });

  it("draws the engine's nodes curve, step for step, over the range the app shows", () => {
    for (const result of [publicApi, engineTp2]) {
      const doc = parseSvg(nodesChartSvg(result, 'en'));
      const d = doc.querySelector('path.nodes-line')!.getAttribute('d')!;
      const xs = [...d.matchAll(/H([\d.]+)/g)].map((m) => Number(m[1]));
      const curve = nodesCurve(result);
      // The plot runs from x = 84 to 676 (0 to the curve's range); each step is one H command.
      const x = (concurrency: number) => Number((84 + (concurrency / nodesCurveRange(result)) * 592).toFixed(1));
      expect(xs).toEqual(curve.slice(1).map((p) => x(p.concurrency)));
      expect(pathYs(d)).toHaveLength(curve.length);
    }
  });

  it('puts the planned point on the step line at the planned node count', () => {
    const doc = parseSvg(nodesChartSvg(saas, 'en'));
    expect(doc.documentElement.textContent).toContain('Planned: 1,000 sessions on 1 node');
    const ys = pathYs(doc.querySelector('path.nodes-line')!.getAttribute('d')!);
    const planned = Number(doc.querySelector('circle.planned')!.getAttribute('cy'));
    expect(ys).toContain(planned);
  });

  it('is localised', () => {
    const text = textOf(nodesChartSvg(publicApi, 'pt-BR'));
    expect(text).toContain('Nós necessários por concorrência');
    expect(text).toContain('Planejado: 5.000 sessões em 12 nós');
  });
});

describe('infeasible results', () => {
  it.each([
    ['overhead above the budget', overheadTooLarge],
    ['one session above the budget', sessionTooLarge],
  ])('render a message, not a blank chart, when %s', (_name, result) => {
    expect(result.feasible).toBe(false);
    for (const svg of [memoryChartSvg(result, 'en'), nodesChartSvg(result, 'en')]) {
      const doc = parseSvg(svg);
      expect(doc.documentElement.getAttribute('class')).toContain('chart-infeasible');
      expect(doc.documentElement.textContent).toContain('INFEASIBLE PLAN');
      expect(doc.documentElement.textContent).toContain(result.infeasibility!.message.en.slice(0, 30));
    }
    expect(textOf(memoryChartSvg(result, 'pt-BR'))).toContain('PLANO INVIÁVEL');
  });
});

describe('regions chart', () => {
  it('draws one bar per region with the spare node on top', () => {
    const doc = parseSvg(regionsChartSvg(serverlessPlan, 'en'));
    expect(doc.querySelectorAll('rect.bar-active')).toHaveLength(3);
    expect(doc.querySelectorAll('rect.bar-spare')).toHaveLength(3);
    const text = doc.documentElement.textContent!;
    for (const name of ['US-East', 'US-West', 'EU']) expect(text).toContain(name);
    expect(text).toContain('Nodes per region (9 in total)');
    expect(text).toContain('Spare nodes (HA)');
    // The spare segment sits directly on top of the active one.
    const active = doc.querySelector('rect.bar-active')!;
    const spare = doc.querySelector('rect.bar-spare')!;
    expect(Number(spare.getAttribute('y')) + Number(spare.getAttribute('height'))).toBeCloseTo(Number(active.getAttribute('y')), 1);
  });

  it('marks an infeasible region and escapes region names', () => {
    const plan = planRegions(
      serverless.inputs,
      [
        { name: 'A&B <East>', concurrency: 2000, overrides: {} },
        { name: 'Broken', concurrency: 10, overrides: { runtimeOverheadGiB: 5000 } },
      ],
      BUILT_IN_CATALOG,
    );
    const doc = parseSvg(regionsChartSvg(plan, 'en'));
    expect(doc.querySelectorAll('rect.bar-active')).toHaveLength(1);
    expect(doc.documentElement.textContent).toContain('A&B <East>');
    expect(doc.documentElement.textContent).toContain('infeasible');
    expect(doc.documentElement.textContent).toContain('Nodes per region (plan not feasible in every region)');
  });

  it('renders a message when no region is feasible', () => {
    const plan = planRegions(
      serverless.inputs,
      [{ name: 'Broken', concurrency: 10, overrides: { runtimeOverheadGiB: 5000 } }],
      BUILT_IN_CATALOG,
    );
    expect(textOf(regionsChartSvg(plan, 'pt-BR'))).toContain('PLANO INVIÁVEL');
  });
});

describe('sweep chart', () => {
  it('plots nodes and CapEx with every threshold marked', () => {
    const s = sweep({ inputs: inputs('public-api'), catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 1, to: 6000, points: 600 });
    expect(s.thresholds.length).toBeGreaterThan(5);
    const doc = parseSvg(sweepChartSvg(s, 'en'));
    expect(doc.querySelectorAll('line.threshold')).toHaveLength(s.thresholds.length);
    expect(doc.querySelector('path.nodes-line')).not.toBeNull();
    expect(doc.querySelector('path.capex-high')).not.toBeNull();
    expect(doc.querySelector('path.capex-band')).not.toBeNull();
    const text = doc.documentElement.textContent!;
    expect(text).toContain('CapEx (USD)');
    expect(text).toContain('Concurrency (concurrent sessions)');
    expect(text).toContain('USD 2 M');
  });

  it('formats ratio sweeps as percentages and shades infeasible stretches', () => {
    const s = sweep({ inputs: inputs('public-api'), catalog: BUILT_IN_CATALOG, field: 'kvBudgetRatio', from: 0.02, to: 0.9, points: 45 });
    const doc = parseSvg(sweepChartSvg(s, 'pt-BR'));
    expect(doc.querySelectorAll('rect.infeasible-range').length).toBeGreaterThanOrEqual(1);
    const text = doc.documentElement.textContent!;
    expect(text).toContain('Razão de orçamento KV (% da HBM)');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('20%');
    expect(texts).toContain('80%');
  });

  it('renders a message when every swept value is infeasible', () => {
    const s = sweep({
      inputs: inputs('public-api'),
      catalog: BUILT_IN_CATALOG,
      field: 'runtimeOverheadGiB',
      from: 1600,
      to: 2000,
      points: 10,
    });
    expect(s.points.every((p) => p.nodesTotal === null)).toBe(true);
    expect(textOf(sweepChartSvg(s, 'en'))).toContain('INFEASIBLE PLAN');
  });
});
