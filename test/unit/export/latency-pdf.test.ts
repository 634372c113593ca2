import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, optimisePlan, planScenario, withDefaults } from '../../../src-main/engine/index.js';
import { paretoChartSvg } from '../../../src-main/export/charts.js';
import { pdfReport } from '../../../src-main/export/pdf.js';

const inputs = withDefaults(
  {
    modelId: 'llama-3.1-70b',
    serverId: 'dgx200',
    concurrency: 2000,
    effectiveContextTokens: 8192,
    promptTokens: 2000,
    outputTokens: 500,
    tpotMs: 40,
  },
  BUILT_IN_CATALOG,
);
const result = planScenario(inputs, BUILT_IN_CATALOG);
const optimisation = optimisePlan({ base: inputs, regions: [], objective: 'tco', top: 1000 }, BUILT_IN_CATALOG);
const workDir = mkdtempSync(join(tmpdir(), 'sizing-latency-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function text(name: string, lang: 'en' | 'pt-BR', withOptimisation: boolean): Promise<string> {
  const file = join(workDir, `${name}.pdf`);
  const bytes = await pdfReport({
    projectName: 'P',
    scenarioName: 'S',
    lang,
    generatedAt: new Date('2025-01-01T00:00:00Z'),
    timeZone: 'UTC',
    result,
    ...(withOptimisation ? { optimisation } : {}),
  });
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('latency in the PDF report', () => {
  it('shows TPOT, TTFT, what binds and cost per million tokens with its assumption', async () => {
    const report = await text('latency', 'en', false);
    expect(report).toMatch(/Time per output token \(TPOT\)\s+[\d.]+ ms/);
    expect(report).toContain('limited by decode bandwidth');
    expect(report).toMatch(/TCO per million output tokens\s+USD [\d.]+ – [\d.]+/);
    expect(report).not.toContain('Optimised plans');
  });

  it('adds the optimised plans and their Pareto chart, in both languages', async () => {
    const en = await text('optimised', 'en', true);
    expect(en).toContain('Optimised plans');
    expect(en).toMatch(/18 candidates evaluated, \d+ feasible/);
    expect(en).toContain('TCO against TPOT for every feasible plan');
    const first = optimisation.regions[0]!.result.plans[0]!;
    expect(en).toContain(first.serverName);
    const pt = await text('optimised-pt', 'pt-BR', true);
    expect(pt).toContain('Planos otimizados');
    expect(pt).toContain('Fronteira de Pareto');
  });

  it('draws every feasible plan and the front of plans no other beats on both cost and speed', () => {
    const plans = optimisation.regions[0]!.result.plans;
    const svg = paretoChartSvg(plans, 'en');
    expect(svg.match(/class="plan"/g)).toHaveLength(plans.length);
    expect(svg).toContain('class="pareto-front"');
    expect(paretoChartSvg([], 'en')).toContain('No feasible plan');
  });
});
