import type { Lang, PlanOptimisation, PlanResult, SizingResult, SweepResult } from '../engine/index.js';
import type { CompareItem } from '../engine/compare.js';
import { memoryChartSvg, nodesChartSvg, regionsChartSvg, sweepChartSvg } from './charts.js';
import { toCsv } from './csv.js';
import { architectureDiagramSvg, DIAGRAM_PNG_SCALE } from './diagram.js';
import { exportFileName } from './file-name.js';
import { pdfReport } from './pdf.js';
import { svgToPng } from './png.js';
import { comparisonTable, regionsTable, resultsTable, sweepTable, type Table } from './tables.js';
import { toXlsx } from './xlsx.js';
import { svgSize } from './svg.js';

import type { ExportedFile, ExportFormat, PictureSubject } from '../api/types.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'svg', 'png'] as const satisfies readonly ExportFormat[];
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
type TableFormat = (typeof TABLE_FORMATS)[number];
export const PICTURE_SUBJECTS = ['diagram', 'memory-chart', 'nodes-chart', 'regions-chart'] as const satisfies readonly PictureSubject[];

interface ScenarioExport {
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

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
};

type FileName = Parameters<typeof exportFileName>[0];

function file(name: FileName, format: ExportFormat, data: string | Uint8Array): ExportedFile {
  const fileName = exportFileName(name, format);
  if (typeof data === 'string') return { fileName, mimeType: MIME[format], encoding: 'utf8', data };
  return { fileName, mimeType: MIME[format], encoding: 'base64', data: Buffer.from(data).toString('base64') };
}

/** Tables as one CSV (the first table: a CSV holds one) or one workbook with a sheet per table. */
async function tablesFile(name: FileName, format: TableFormat, tables: Table[], lang: Lang, bom?: boolean): Promise<ExportedFile> {
  return format === 'csv' ? file(name, 'csv', toCsv(tables[0]!, { lang, bom })) : file(name, 'xlsx', await toXlsx(tables, lang));
}

/** The picture an SVG or PNG export shows, as SVG. */
function pictureSvg(subject: PictureSubject, result: SizingResult, plan: PlanResult | null, lang: Lang, title?: string): string {
  switch (subject) {
    case 'memory-chart':
      return memoryChartSvg(result, lang);
    case 'nodes-chart':
      return nodesChartSvg(result, lang);
    case 'regions-chart':
      return regionsChartSvg(
        plan ?? { feasible: result.feasible, regions: [{ name: title ?? '', result }], totals: totalsOf(result) },
        lang,
      );
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

/** One scenario (or its multi-region plan) as a CSV, XLSX, PDF, SVG or PNG file. */
export async function exportScenario(e: ScenarioExport): Promise<ExportedFile> {
  const name = { project: e.projectName, scenario: e.scenarioName };
  switch (e.format) {
    case 'csv':
    case 'xlsx': {
      const results = resultsTable([{ scenario: e.scenarioName, result: e.plan ?? e.result }]);
      return tablesFile({ ...name, subject: 'results' }, e.format, e.plan ? [results, regionsTable(e.plan)] : [results], e.lang, e.bom);
    }
    case 'pdf':
      return file(
        { ...name, subject: 'report' },
        'pdf',
        await pdfReport({
          projectName: e.projectName,
          scenarioName: e.scenarioName,
          notes: e.notes,
          lang: e.lang,
          generatedAt: e.generatedAt,
          ...(e.plan ? { plan: e.plan } : { result: e.result }),
          ...(e.optimisation ? { optimisation: e.optimisation } : {}),
        }),
      );
    case 'svg':
    case 'png': {
      const subject = e.subject ?? 'diagram';
      const svg = pictureSvg(subject, e.result, e.plan, e.lang, e.scenarioName);
      // The diagram at twice its drawn size, so every label stays legible however large the plan.
      const widthPx = subject === 'diagram' ? svgSize(svg).widthPx * DIAGRAM_PNG_SCALE : 1600;
      return file({ ...name, subject }, e.format, e.format === 'svg' ? svg : svgToPng(svg, { widthPx }));
    }
  }
}

interface ComparisonExport {
  items: CompareItem[];
  projectName: string;
  format: TableFormat;
  lang: Lang;
  bom?: boolean;
  onlyDifferences?: boolean;
}

export function exportComparison(e: ComparisonExport): Promise<ExportedFile> {
  const table = comparisonTable(e.items, e.lang, { onlyDifferences: e.onlyDifferences });
  return tablesFile({ project: e.projectName, subject: 'comparison' }, e.format, [table], e.lang, e.bom);
}

export async function exportSweep(
  sweep: SweepResult,
  format: TableFormat | 'svg' | 'png',
  lang: Lang,
  name: string,
): Promise<ExportedFile> {
  const fileName = { project: name, subject: `sweep-${sweep.field}` };
  if (format === 'csv' || format === 'xlsx') return tablesFile(fileName, format, [sweepTable(sweep)], lang);
  const svg = sweepChartSvg(sweep, lang);
  return file(fileName, format, format === 'svg' ? svg : svgToPng(svg, { widthPx: 1600 }));
}
