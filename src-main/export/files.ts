import type { Lang, PlanOptimisation, PlanResult, SizingResult, SweepResult } from '../engine/index.js';
import type { CompareItem } from '../engine/compare.js';
import { memoryChartSvg, nodesChartSvg, regionsChartSvg, sweepChartSvg } from './charts.js';
import { comparisonCsv, regionsCsv, resultsCsv } from './csv.js';
import { architectureDiagramSvg, DIAGRAM_PNG_SCALE } from './diagram.js';
import { pdfReport } from './pdf.js';
import { svgToPng } from './png.js';
import { svgSize } from './svg.js';

import type { ExportedFile, ExportFormat, PictureSubject } from '../api/types.js';

export const EXPORT_FORMATS = ['csv', 'pdf', 'svg', 'png'] as const satisfies readonly ExportFormat[];
export const PICTURE_SUBJECTS = ['diagram', 'memory-chart', 'nodes-chart', 'regions-chart'] as const satisfies readonly PictureSubject[];
export type { ExportedFile, ExportFormat, PictureSubject };

export interface ScenarioExport {
  projectName: string;
  scenarioName: string;
  notes: string;
  result: SizingResult;
  plan: PlanResult | null;
  /** The optimiser's search, for the PDF's optimised-plans section (scenarios with a service target). */
  optimisation?: PlanOptimisation | null;
  format: ExportFormat;
  subject?: PictureSubject;
  lang: Lang;
  bom?: boolean;
  generatedAt: Date;
}

const MIME: Record<ExportFormat, string> = { csv: 'text/csv', pdf: 'application/pdf', svg: 'image/svg+xml', png: 'image/png' };

/** A file name from user-typed names: letters, digits and dashes only, never a path. */
export function safeFileName(parts: string[], extension: string): string {
  const stem = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'sizing'}.${extension}`;
}

function file(name: string[], format: ExportFormat, data: string | Uint8Array, suffix?: string): ExportedFile {
  const fileName = safeFileName(suffix ? [...name, suffix] : name, format);
  if (typeof data === 'string') return { fileName, mimeType: MIME[format], encoding: 'utf8', data };
  return { fileName, mimeType: MIME[format], encoding: 'base64', data: Buffer.from(data).toString('base64') };
}

/** The picture an SVG or PNG export shows, as SVG. */
export function pictureSvg(subject: PictureSubject, result: SizingResult, plan: PlanResult | null, lang: Lang, title?: string): string {
  switch (subject) {
    case 'memory-chart':
      return memoryChartSvg(result, lang);
    case 'nodes-chart':
      return nodesChartSvg(result, lang);
    case 'regions-chart':
      return regionsChartSvg(plan ?? { feasible: result.feasible, regions: [{ name: title ?? '', result }], totals: totalsOf(result) }, lang);
    case 'diagram': {
      const regions = plan ? plan.regions : [{ name: result.model.name, result }];
      return architectureDiagramSvg({ regions, podSize: result.inputs.podSize, title }, lang);
    }
  }
}

function totalsOf(r: SizingResult): PlanResult['totals'] {
  return {
    nodes: r.nodes?.total ?? null,
    concurrency: r.inputs.concurrency,
    sessionCapacity: r.nodes ? r.nodes.total * r.sessionsPerNode : null,
    capexLowUsd: r.cost?.capexLowUsd ?? null,
    capexHighUsd: r.cost?.capexHighUsd ?? null,
    opexPerYearUsd: r.cost?.opexPerYearUsd ?? null,
    tcoLowUsd: r.cost?.tcoLowUsd ?? null,
    tcoHighUsd: r.cost?.tcoHighUsd ?? null,
  };
}

/** One scenario (or its multi-region plan) as a CSV, PDF, SVG or PNG file. */
export async function exportScenario(e: ScenarioExport): Promise<ExportedFile> {
  const name = [e.projectName, e.scenarioName];
  switch (e.format) {
    case 'csv':
      return file(name, 'csv', e.plan ? regionsCsv(e.plan, { bom: e.bom }) : resultsCsv([{ scenario: e.scenarioName, result: e.result }], { bom: e.bom }));
    case 'pdf':
      return file(name, 'pdf', await pdfReport({
        projectName: e.projectName, scenarioName: e.scenarioName, notes: e.notes, lang: e.lang, generatedAt: e.generatedAt,
        ...(e.plan ? { plan: e.plan } : { result: e.result }),
        ...(e.optimisation ? { optimisation: e.optimisation } : {}),
      }));
    case 'svg':
    case 'png': {
      const subject = e.subject ?? 'diagram';
      const svg = pictureSvg(subject, e.result, e.plan, e.lang, e.scenarioName);
      // The diagram at twice its drawn size, so every label stays legible however large the plan.
      const widthPx = subject === 'diagram' ? svgSize(svg).widthPx * DIAGRAM_PNG_SCALE : 1600;
      return file(name, e.format, e.format === 'svg' ? svg : svgToPng(svg, { widthPx }), subject);
    }
  }
}

export function exportComparison(items: CompareItem[], lang: Lang, bom: boolean, name: string): ExportedFile {
  return file([name, 'comparison'], 'csv', comparisonCsv(items, lang, { bom }));
}

export function exportSweep(sweep: SweepResult, format: 'csv' | 'svg' | 'png', lang: Lang, name: string): ExportedFile {
  if (format === 'csv') {
    const rows = ['value,nodesTotal,capexLowUsd,capexHighUsd', ...sweep.points.map((p) => [p.value, p.nodesTotal ?? '', p.capexLowUsd ?? '', p.capexHighUsd ?? ''].join(','))];
    return file([name, 'sweep', sweep.field], 'csv', rows.join('\r\n') + '\r\n');
  }
  const svg = sweepChartSvg(sweep, lang);
  return file([name, 'sweep', sweep.field], format, format === 'svg' ? svg : svgToPng(svg, { widthPx: 1600 }));
}
