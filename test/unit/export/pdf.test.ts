import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, formatUsdRange, planRegions, planScenario } from '../../../src-main/engine/index.js';
import { pdfReport, type PdfReportInput } from '../../../src-main/export/pdf.js';
import { decodePng, inkRatio } from './png-pixels.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
const generatedAt = new Date('2025-03-14T15:09:26Z');
const saas = planScenario(findTemplate('saas-startup')!.inputs, BUILT_IN_CATALOG);
const publicApi = planScenario(findTemplate('public-api')!.inputs, BUILT_IN_CATALOG);
const infeasible = planScenario({ ...findTemplate('public-api')!.inputs, runtimeOverheadGiB: 1600 }, BUILT_IN_CATALOG);
const serverless = findTemplate('serverless-multi-region')!;
const serverlessPlan = planRegions(serverless.inputs, serverless.regions!, BUILT_IN_CATALOG);

const workDir = mkdtempSync(join(tmpdir(), 'sizing-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function writePdf(name: string, input: Partial<PdfReportInput>): Promise<string> {
  const file = join(workDir, `${name}.pdf`);
  const bytes = await pdfReport({ projectName: 'Acme', scenarioName: 'Case', lang: 'en', generatedAt, timeZone: 'UTC', ...input });
  writeFileSync(file, bytes);
  return file;
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return r.stdout;
}

const pdfText = (file: string) => run('pdftotext', ['-layout', file, '-']);

describe('pdfReport bytes', () => {
  it('is a PDF, reproducible for the same input and date, dated by generatedAt', async () => {
    const input: PdfReportInput = { projectName: 'P', scenarioName: 'S', lang: 'en', generatedAt, result: publicApi, timeZone: 'UTC' };
    const a = Buffer.from(await pdfReport(input));
    const b = Buffer.from(await pdfReport(input));
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20250314150926Z)');
    const later = Buffer.from(await pdfReport({ ...input, generatedAt: new Date('2026-01-01T00:00:00Z') }));
    expect(later.equals(a)).toBe(false);
  });

  it('needs a result or a plan', async () => {
    await expect(pdfReport({ projectName: 'P', scenarioName: 'S', lang: 'en', generatedAt })).rejects.toThrow(/result or a plan/);
  });
});

// The content checks need poppler-utils; .ci/run installs it, so a missing one is a failure, not a skip.
describe('pdfReport content (poppler-utils)', () => {
  it('has pdftotext and pdftoppm to read the reports with', () => {
    expect(hasPoppler).toBe(true);
  });

  let saasEn = '';
  let saasPt = '';
  let planEn = '';
  let badPt = '';
  beforeAll(async () => {
    saasEn = await writePdf('saas-en', { result: saas, notes: 'Budget: about USD 300k → one node' });
    saasPt = await writePdf('saas-pt', { result: saas, lang: 'pt-BR', notes: 'Orçamento: ação ≥ 1 nó' });
    planEn = await writePdf('serverless-en', { plan: serverlessPlan, scenarioName: 'Serverless' });
    badPt = await writePdf('infeasible-pt', { result: infeasible, lang: 'pt-BR' });
  });

  it('holds the key figures and English words in English', () => {
    const text = pdfText(saasEn);
    expect(text).toContain('1,740');
    expect(text).toContain('0.3765 GiB');
    expect(text).toMatch(/Capacity → with headroom → total\s+1\s*→\s*1\s*→\s*1\b/);
    expect(text).toContain('Recommendations');
    expect(text).toContain('Assumptions');
    expect(text).toContain('Catalog sources');
    expect(text).toContain('March 14, 2025');
    expect(text).toContain('USD 300 k – USD 400 k');
    expect(text).toContain('Budget: about USD 300k → one node');
    expect(text).not.toContain('Recomendações');
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [saasEn]))![1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('is in Portuguese, with Portuguese numbers, accents and symbols, when asked', () => {
    const text = pdfText(saasPt);
    expect(text).toContain('1.740');
    expect(text).toContain('0,3765 GiB');
    expect(text).toContain('Recomendações');
    expect(text).toContain('Premissas');
    expect(text).toContain('14 de março de 2025');
    expect(text).toContain('Orçamento: ação ≥ 1 nó');
    expect(text).toMatch(/Página 1 de \d+/);
    expect(text).not.toContain('Recommendations');
  });

  it('is dated by generatedAt and embeds the bundled font', () => {
    expect(run('pdfinfo', ['-isodates', saasPt])).toMatch(/CreationDate:\s+2025-03-14T15:09:26Z/);
    const fonts = run('pdffonts', [saasPt]);
    expect(fonts).toMatch(/DejaVuSans\b.*\byes\b/);
    expect(fonts).toMatch(/DejaVuSans-Bold.*\byes\b/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('puts the answer on page one: nodes with headroom and HA, CapEx, OpEx and TCO, risks, charts, method', () => {
    const one = run('pdftotext', ['-layout', '-f', '1', '-l', '1', saasEn, '-']);
    expect(one).toMatch(/^\s*1 node\s*$/m);
    expect(one).toMatch(/Capacity → with headroom → total: 1 → 1 → 1 \(headroom 20%, HA none\)/);
    expect(one).toMatch(new RegExp(`CapEx\\s+${formatUsdRange(saas.cost!.capexLowUsd, saas.cost!.capexHighUsd, 'en')}`));
    expect(one).toMatch(/TCO over 3 years\s+USD/);
    expect(one).toContain('Risks that matter');
    expect(one).toContain('single point of failure');
    expect(one).toContain('Nodes needed against concurrency');
    expect(one).toMatch(/Method: pooled method, nominal memory basis/);
  });

  it('gives a multi-region plan its totals and regions on page one, then a section per region', () => {
    const one = run('pdftotext', ['-layout', '-f', '1', '-l', '1', planEn, '-']);
    expect(one).toMatch(/^\s*9 nodes\s*$/m);
    expect(one).toContain('Plan totals: 3 regions');
    for (const region of ['US-East', 'US-West', 'EU']) expect(one).toMatch(new RegExp(`${region}\\s+2,000\\s+2,482\\s+\\S`));
    expect(one.match(/1\s*→\s*2\s*→\s*3/g)).toHaveLength(3);
    expect(one).toContain('Nodes per region (9 in total)');
    const text = pdfText(planEn);
    for (const region of ['US-East', 'US-West', 'EU']) expect(text).toContain(`Region ${region}: Results`);
    expect(text).toContain('Global entry point');
    expect(text).toContain('Inputs shared by every region');
  });

  it('reports an infeasible plan with its reason', () => {
    const text = pdfText(badPt);
    expect(text).toContain('PLANO INVIÁVEL');
    expect(text).toContain('O overhead de runtime');
  });

  it('renders every page with visible content', () => {
    for (const [name, file] of [
      ['saas', saasEn],
      ['plan', planEn],
      ['bad', badPt],
    ] as const) {
      const prefix = join(workDir, `page-${name}`);
      run('pdftoppm', ['-png', '-r', '40', file, prefix]);
      const pages = readdirSync(workDir).filter((f) => f.startsWith(`page-${name}`) && f.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(4);
      for (const page of pages) {
        const ratio = inkRatio(decodePng(readFileSync(join(workDir, page))));
        expect(ratio, page).toBeGreaterThan(0.005);
      }
    }
  });
});
