import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planRegions, planScenario, type SizingResult } from '../../../src-main/engine/index.js';
import { architectureDiagramSvg, TARGET_WIDTH_PX } from '../../../src-main/export/diagram.js';
import { exportScenario } from '../../../src-main/export/files.js';
import { svgSize } from '../../../src-main/export/svg.js';
import { decodePng } from './png-pixels.js';
import { boxOf, inside, num, overlaps, parseSvg, type Box, type Document, type Element } from './svg-dom.js';

const publicApi = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);
const serverless = findTemplate('serverless-multi-region')!;
const serverlessPlan = planRegions(serverless.inputs, serverless.regions!, BUILT_IN_CATALOG);

const nodesOf = (el: Document | Element) => [...el.querySelectorAll('rect.node')];

describe('architecture diagram', () => {
  it('draws the public API case as 4 pods of 3 nodes with exactly one spare, in the last pod', () => {
    const doc = parseSvg(architectureDiagramSvg({ regions: [{ name: 'Public API', result: publicApi }], podSize: 3 }, 'en'));
    const pods = [...doc.querySelectorAll('g.pod')];
    expect(pods).toHaveLength(4);
    expect(nodesOf(doc)).toHaveLength(12);
    for (const pod of pods) expect(nodesOf(pod)).toHaveLength(3);
    const spares = nodesOf(doc).filter((n) => n.getAttribute('data-spare') === 'true');
    expect(spares).toHaveLength(1);
    expect(spares[0]!.getAttribute('data-pod')).toBe('4');
    expect(nodesOf(doc).filter((n) => n.getAttribute('data-spare') === 'false')).toHaveLength(11);
    expect(doc.querySelectorAll('g.region')).toHaveLength(1);
    expect(doc.querySelector('g.global-entry')).toBeNull();
    expect(doc.querySelectorAll('g.load-balancer')).toHaveLength(1);
    expect(doc.querySelector('g.storage')!.textContent).toContain('Local NVMe');
  });

  it('labels nodes with the server type and sessions per node, in the chosen language', () => {
    const en = parseSvg(architectureDiagramSvg({ regions: [{ name: 'API', result: publicApi }], podSize: 3 }, 'en'));
    const pt = parseSvg(architectureDiagramSvg({ regions: [{ name: 'API', result: publicApi }], podSize: 3 }, 'pt-BR'));
    expect(en.documentElement.textContent).toContain('DGX B300');
    expect(en.documentElement.textContent).toContain('613 sessions');
    expect(en.documentElement.textContent).toContain('spare (N+1)');
    expect(pt.documentElement.textContent).toContain('613 sessões');
    expect(pt.documentElement.textContent).toContain('reserva (N+1)');
    expect(pt.documentElement.textContent).toContain('Pool de storage');
  });

  it('draws the serverless case as 3 regions of 3 nodes under a global entry point', () => {
    const doc = parseSvg(architectureDiagramSvg({ regions: serverlessPlan.regions, podSize: 3 }, 'en'));
    const regions = [...doc.querySelectorAll('g.region')];
    expect(regions.map((r) => r.getAttribute('data-region'))).toEqual(['US-East', 'US-West', 'EU']);
    for (const region of regions) {
      expect(nodesOf(region)).toHaveLength(3);
      expect(nodesOf(region).filter((n) => n.getAttribute('data-spare') === 'true')).toHaveLength(1);
    }
    expect(nodesOf(doc)).toHaveLength(9);
    expect(doc.querySelectorAll('g.global-entry')).toHaveLength(1);
    expect(doc.querySelectorAll('g.load-balancer')).toHaveLength(3);
  });

  it('honours the pod size', () => {
    const doc = parseSvg(architectureDiagramSvg({ regions: [{ name: 'API', result: publicApi }], podSize: 8 }, 'en'));
    const pods = [...doc.querySelectorAll('g.pod')];
    expect(pods.map((p) => nodesOf(p).length)).toEqual([8, 4]);
  });

  it('lays out 6 regions of ~60 nodes without overlap or overflow', () => {
    const regions = Array.from({ length: 6 }, (_, i) => ({ name: `Region ${i + 1}`, concurrency: 98_000 + i * 2_500, overrides: {} }));
    const plan = planRegions(serverless.inputs, regions, BUILT_IN_CATALOG);
    expect(plan.regions.every((r) => r.result.nodes!.total >= 55)).toBe(true);
    const doc = parseSvg(architectureDiagramSvg({ regions: plan.regions, podSize: 3 }, 'en'));
    const canvas = {
      x: 0,
      y: 0,
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
    };
    const regionBoxes = [...doc.querySelectorAll('g.region')].map((g) => boxOf(g.querySelector('rect')!));
    expect(regionBoxes).toHaveLength(6);
    for (const [i, a] of regionBoxes.entries()) {
      expect(inside(a, canvas)).toBe(true);
      for (const b of regionBoxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    for (const [r, region] of [...doc.querySelectorAll('g.region')].entries()) {
      const pods = [...region.querySelectorAll('g.pod')];
      const podBoxes = pods.map((p) => boxOf(p.querySelector('rect')!));
      for (const [i, pod] of pods.entries()) {
        expect(inside(podBoxes[i]!, regionBoxes[r]!)).toBe(true);
        for (const other of podBoxes.slice(i + 1)) expect(overlaps(podBoxes[i]!, other)).toBe(false);
        const nodeBoxes = nodesOf(pod).map(boxOf);
        for (const [j, node] of nodeBoxes.entries()) {
          expect(inside(node, podBoxes[i]!)).toBe(true);
          for (const other of nodeBoxes.slice(j + 1)) expect(overlaps(node, other)).toBe(false);
        }
      }
      const storage = boxOf(region.querySelector('g.storage rect')!);
      expect(inside(storage, regionBoxes[r]!)).toBe(true);
      for (const pod of podBoxes) expect(overlaps(pod, storage)).toBe(false);
    }
    expect(nodesOf(doc).length).toBe(plan.totals.nodes);
  });

  it('escapes names that come from users', () => {
    const name = `<script>alert("x")</script> & 'Co'`;
    const svg = architectureDiagramSvg(
      {
        regions: [
          { name, result: publicApi },
          { name: 'B&B', result: publicApi },
        ],
        podSize: 3,
        title: `T<>&"'`,
      },
      'en',
    );
    expect(svg).not.toContain('<script>');
    const doc = parseSvg(svg);
    expect(doc.querySelector('g.region')!.getAttribute('data-region')).toBe(name);
    expect(doc.documentElement.textContent).toContain('T<>&"\'');
  });

  it('shows an infeasible region with its reason instead of nodes', () => {
    const bad: SizingResult = planScenario({ ...findTemplate('public-api')!.inputs, runtimeOverheadGiB: 1600 }, BUILT_IN_CATALOG);
    const doc = parseSvg(
      architectureDiagramSvg(
        {
          regions: [
            { name: 'Bad', result: bad },
            { name: 'Good', result: publicApi },
          ],
          podSize: 3,
        },
        'en',
      ),
    );
    const [badRegion, goodRegion] = [...doc.querySelectorAll('g.region')];
    expect(nodesOf(badRegion!)).toHaveLength(0);
    expect(badRegion!.querySelector('g.infeasible')!.textContent).toContain('Runtime overhead');
    expect(nodesOf(goodRegion!)).toHaveLength(12);
    expect(doc.documentElement.textContent).toContain('Architecture: 12 nodes in 2 regions; not feasible in 1 region');
  });

  it('refuses an empty plan', () => {
    expect(() => architectureDiagramSvg({ regions: [], podSize: 3 }, 'en')).toThrow(/at least one region/);
  });
});

describe('architecture diagram layout (reads in the app panel at 100%)', () => {
  const NAMES = ['US-East', 'US-West', 'EU', 'São Paulo', 'Tokyo', 'Mumbai', 'Sydney', 'Frankfurt'];
  const planOf = (count: number) =>
    planRegions(
      serverless.inputs,
      NAMES.slice(0, count).map((name, i) => ({ name, concurrency: [2000, 2000, 2000, 1200, 3500, 800, 600, 5000][i]!, overrides: {} })),
      BUILT_IN_CATALOG,
    );
  const diagramOf = (count: number) =>
    parseSvg(
      count === 1
        ? architectureDiagramSvg({ regions: [{ name: 'Public API', result: publicApi }], podSize: 3 }, 'en')
        : architectureDiagramSvg({ regions: planOf(count).regions, podSize: 3 }, 'en'),
    );
  const widthOf = (doc: Document) => Number(doc.documentElement.getAttribute('width'));
  const regionBoxesOf = (doc: Document) => [...doc.querySelectorAll('g.region')].map((g) => boxOf(g.querySelector('rect')!));
  /** Axis-aligned connector segments that are not part of any `skip` group. */
  const segmentsOf = (scope: Document | Element, skip: string) =>
    [...scope.querySelectorAll('line')]
      .filter((l) => !l.closest(skip))
      .map((l) => ({ x1: num(l, 'x1'), y1: num(l, 'y1'), x2: num(l, 'x2'), y2: num(l, 'y2') }));
  /** True when a horizontal or vertical segment runs through the inside of a box (touching its edge is fine). */
  const crosses = (s: { x1: number; y1: number; x2: number; y2: number }, b: Box) =>
    Math.min(s.x1, s.x2) < b.x + b.width &&
    Math.max(s.x1, s.x2) > b.x &&
    Math.min(s.y1, s.y2) < b.y + b.height &&
    Math.max(s.y1, s.y2) > b.y;

  for (const count of [1, 3, 4, 8]) {
    it(`draws ${count} region(s) no wider than the panel, with no box overlapping and no connector crossing a box`, () => {
      const doc = diagramOf(count);
      expect(widthOf(doc)).toBeLessThanOrEqual(TARGET_WIDTH_PX);
      const regions = regionBoxesOf(doc);
      expect(regions).toHaveLength(count);
      for (const [i, a] of regions.entries()) for (const b of regions.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      for (const segment of segmentsOf(doc, 'g.region'))
        for (const box of regions) expect(crosses(segment, box), JSON.stringify({ segment, box })).toBe(false);
      for (const region of doc.querySelectorAll('g.region')) {
        const pods = [...region.querySelectorAll('g.pod')].map((p) => boxOf(p.querySelector('rect')!));
        for (const segment of segmentsOf(region, 'g.pod')) for (const pod of pods) expect(crosses(segment, pod)).toBe(false);
      }
    });
  }

  it('puts four regions two to a row and joins every region to the global entry point', () => {
    const doc = diagramOf(4);
    const regions = regionBoxesOf(doc);
    const rowTops = regions.map((b) => b.y);
    expect(rowTops.map((y) => rowTops.filter((other) => other === y).length)).toEqual([2, 2, 2, 2]);
    const connectors = segmentsOf(doc, 'g.region');
    for (const box of regions) {
      const topCentre = { x: box.x + box.width / 2, y: box.y };
      expect(connectors.some((s) => s.x2 === topCentre.x && s.y2 === topCentre.y && s.x1 === topCentre.x)).toBe(true);
    }
  });

  it('exports the diagram as a PNG twice the drawing’s size, so its 10-pixel labels are 20 pixels', async () => {
    const plan = planOf(8);
    const file = await exportScenario({
      projectName: 'P',
      scenarioName: 'S',
      notes: '',
      result: plan.regions[0]!.result,
      plan,
      format: 'png',
      subject: 'diagram',
      lang: 'en',
      generatedAt: new Date(0),
    });
    const png = decodePng(Buffer.from(file.data, 'base64'));
    const svg = architectureDiagramSvg({ regions: plan.regions, podSize: 3, title: 'S' }, 'en');
    expect(png.width).toBe(2 * svgSize(svg).widthPx);
    expect(png.height).toBe(Math.round(2 * svgSize(svg).heightPx));
  });
});

describe('architecture diagram of an engine-method plan: replicas inside each node', () => {
  const saas = findTemplate('saas-startup')!.inputs;
  const engineAt = (tp: number) =>
    planScenario(
      {
        ...saas,
        method: 'engine',
        modelId: 'llama-3.1-8b',
        serverId: 'dgx100',
        tp,
        concurrency: 1400,
        effectiveContextTokens: 16000,
        kvPrecision: 'auto',
        ha: 'n+1',
      },
      BUILT_IN_CATALOG,
    );
  const diagramOf = (result: SizingResult, lang: 'en' | 'pt-BR' = 'en') =>
    parseSvg(architectureDiagramSvg({ regions: [{ name: 'Engine', result }], podSize: 3 }, lang));
  const replicasIn = (doc: Document, node: Element) =>
    [...doc.querySelectorAll('g.replica')].filter((g) => inside(boxOf(g.querySelector('rect')!), boxOf(node)));

  for (const tp of [1, 2, 4, 8]) {
    it(`draws ${8 / tp} replica(s) of TP${tp} in every node, spare ones too, each with its ${tp} GPU(s) inside its frame`, () => {
      const result = engineAt(tp);
      expect(result.engine!.replicasPerNode).toBe(8 / tp);
      const doc = diagramOf(result);
      const nodes = nodesOf(doc);
      expect(nodes).toHaveLength(result.nodes!.total);
      expect(nodes.some((n) => n.getAttribute('data-spare') === 'true')).toBe(true);
      for (const node of nodes) {
        const replicas = replicasIn(doc, node);
        expect(replicas.map((g) => g.getAttribute('data-replica'))).toEqual(Array.from({ length: 8 / tp }, (_, i) => String(i + 1)));
        for (const replica of replicas) {
          expect(replica.getAttribute('data-tp')).toBe(String(tp));
          const frame = boxOf(replica.querySelector('rect')!);
          const gpus = [...replica.querySelectorAll('rect.gpu')].map(boxOf);
          expect(gpus).toHaveLength(tp);
          for (const gpu of gpus) expect(inside(gpu, frame)).toBe(true);
          for (const [i, a] of gpus.entries()) for (const b of gpus.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
        }
        for (const [i, a] of replicas.entries())
          for (const b of replicas.slice(i + 1))
            expect(overlaps(boxOf(a.querySelector('rect')!), boxOf(b.querySelector('rect')!))).toBe(false);
      }
      const text = doc.documentElement.textContent!;
      expect(text).toContain(`Replica 1 · TP${tp}`);
      expect(text).toContain(`Replica ${8 / tp} · TP${tp}`);
      expect(text).not.toContain('…');
      expect(diagramOf(result, 'pt-BR').documentElement.textContent).toContain(`Réplica ${8 / tp} · TP${tp}`);
    });
  }

  it('leaves a pooled diagram without replicas, with the same node boxes as before', () => {
    const doc = parseSvg(architectureDiagramSvg({ regions: [{ name: 'API', result: publicApi }], podSize: 3 }, 'en'));
    expect(doc.querySelectorAll('g.replica')).toHaveLength(0);
    expect(doc.documentElement.textContent).not.toContain('Replica');
    for (const node of nodesOf(doc)) expect([num(node, 'width'), num(node, 'height')]).toEqual([104, 54]);
  });

  it('keeps a multi-region engine plan two regions to a row, inside the panel, without overlaps', () => {
    const regions = [...serverless.regions!, { name: 'São Paulo', concurrency: 1200, overrides: {} }];
    const plan = planRegions({ ...serverless.inputs, method: 'engine', tp: 2 }, regions, BUILT_IN_CATALOG);
    const doc = parseSvg(architectureDiagramSvg({ regions: plan.regions, podSize: 3 }, 'en'));
    expect(Number(doc.documentElement.getAttribute('width'))).toBeLessThanOrEqual(TARGET_WIDTH_PX);
    const boxes = [...doc.querySelectorAll('g.region')].map((g) => boxOf(g.querySelector('rect')!));
    expect(boxes.map((b) => boxes.filter((other) => other.y === b.y).length)).toEqual([2, 2, 2, 2]);
    for (const region of doc.querySelectorAll('g.region')) {
      const box = boxOf(region.querySelector('rect')!);
      for (const node of nodesOf(region)) expect(inside(boxOf(node), box)).toBe(true);
    }
    expect(doc.querySelectorAll('g.replica')).toHaveLength(4 * plan.totals.nodes!);
  });
});
