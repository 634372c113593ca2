import { BUILT_IN_CATALOG, findTemplate, planRegions, planScenario, sweep, TEMPLATES } from '../../src-main/engine/index.js';
import { toCsv } from '../../src-main/export/csv.js';
import { resultsTable } from '../../src-main/export/tables.js';
import { architectureDiagramSvg } from '../../src-main/export/diagram.js';
import { pdfReport } from '../../src-main/export/pdf.js';
import { svgToPng } from '../../src-main/export/png.js';

/** Median wall time of `runs` calls, in milliseconds (the first call is a warm-up and not counted). */
async function medianMs(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
}

/**
 * Export timings (targets: PDF < 2,000 ms, CSV of 1,000 scenarios < 200 ms, 10,000-point
 * sweep < 50 ms). Inputs are sized beforehand so each figure measures the export alone.
 */
export async function exportBenchmarks(): Promise<Record<string, number>> {
  const serverless = findTemplate('serverless-multi-region')!;
  const plan = planRegions(serverless.inputs, serverless.regions!, BUILT_IN_CATALOG);
  const publicApi = findTemplate('public-api')!.inputs;
  const apiResult = planScenario(publicApi, BUILT_IN_CATALOG);
  const scenarios = Array.from({ length: 1000 }, (_, i) => {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    return {
      scenario: `${t.id} #${i}, "variant"`,
      result: planScenario({ ...t.inputs, concurrency: t.inputs.concurrency + i }, BUILT_IN_CATALOG),
    };
  });
  const generatedAt = new Date('2025-01-01T00:00:00Z');
  let pdfBytes = 0;
  const pdfMs = await medianMs(5, async () => {
    pdfBytes = (await pdfReport({ projectName: 'Bench', scenarioName: 'Serverless', lang: 'en', generatedAt, plan })).length;
  });
  let csvChars = 0;
  const csvMs = await medianMs(9, () => {
    csvChars = toCsv(resultsTable(scenarios), { lang: 'en' }).length;
  });
  let sweepPoints = 0;
  const sweepMs = await medianMs(15, () => {
    sweepPoints = sweep({ inputs: publicApi, catalog: BUILT_IN_CATALOG, field: 'concurrency', from: 1, to: 1_000_000, points: 10_000 })
      .points.length;
  });
  let pngBytes = 0;
  const diagramMs = await medianMs(5, () => {
    pngBytes = svgToPng(architectureDiagramSvg({ regions: [{ name: 'Public API', result: apiResult }], podSize: 3 }, 'en')).length;
  });
  if (pdfBytes === 0 || csvChars === 0 || sweepPoints !== 10_000 || pngBytes === 0) throw new Error('export benchmark produced nothing');
  return {
    exportPdfServerlessMs: pdfMs,
    exportPdfServerlessBytes: pdfBytes,
    exportCsv1000ScenariosMs: csvMs,
    exportSweep10000PointsMs: sweepMs,
    exportDiagramSvgPngPublicApiMs: diagramMs,
  };
}
