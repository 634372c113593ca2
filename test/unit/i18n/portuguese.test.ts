import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planRegions, planScenario, TEMPLATES } from '../../../src-main/engine/index.js';
import { pdfReport } from '../../../src-main/export/pdf.js';
import { sizing } from '../helpers/cli.js';
import { englishLines } from './english-detector.js';

const workDir = mkdtempSync(join(tmpdir(), 'sizing-pt-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the English detector itself', () => {
  it('flags English sentences and passes Portuguese with the borrowed terms', () => {
    expect(
      englishLines('Cold start of 61.4 s per replica meets the target.\nHeadroom de pico de 20% atende crescimento orgânico.'),
    ).toEqual(['Cold start of 61.4 s per replica meets the target.']);
    expect(englishLines('O cold start é de 61,4 s por réplica a partir de NVMe local; ative o chunked prefill.')).toEqual([]);
  });
});

describe('Portuguese throughout: no English sentence in a Portuguese output', () => {
  it('the command-line report of every template, an infeasible plan and the help', () => {
    for (const t of TEMPLATES) {
      const out = sizing(['--template', t.id, '--lang', 'pt-BR']).stdout;
      expect(englishLines(out), t.id).toEqual([]);
    }
    const bad = sizing([
      '--model',
      'opt-oss-120b',
      '--server',
      'dgx200',
      '--concurrency',
      '1000',
      '--effective-context',
      '131072',
      '--kv-precision',
      'fp32',
      '--kv-budget-ratio',
      '0.09',
      '--lang',
      'pt-BR',
    ]);
    expect(bad.status).toBe(3);
    expect(englishLines(bad.stdout)).toEqual([]);
    const object = sizing(['--template', 'saas-startup', '--storage', 'profile_cloud_object', '--lang', 'pt-BR']).stdout;
    expect(englishLines(object)).toEqual([]);
    expect(object).toContain('Storage de objetos em nuvem');
  });

  it('every page of the Portuguese PDF report, up to the catalog sources quoted as published', async () => {
    const serverless = findTemplate('serverless-multi-region')!;
    const reports = {
      single: { result: planScenario(findTemplate('enterprise-docs')!.inputs, BUILT_IN_CATALOG) },
      plan: { plan: planRegions(serverless.inputs, serverless.regions!, BUILT_IN_CATALOG) },
      infeasible: { result: planScenario({ ...findTemplate('public-api')!.inputs, runtimeOverheadGiB: 1600 }, BUILT_IN_CATALOG) },
    };
    for (const [name, content] of Object.entries(reports)) {
      const file = join(workDir, `${name}.pdf`);
      writeFileSync(
        file,
        await pdfReport({
          projectName: 'Projeto',
          scenarioName: 'Cenário',
          lang: 'pt-BR',
          generatedAt: new Date('2025-03-14T12:00:00Z'),
          timeZone: 'UTC',
          ...content,
        }),
      );
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Fontes do catálogo');
      expect(englishLines(text.slice(0, text.indexOf('Fontes do catálogo'))), name).toEqual([]);
    }
  });
});
