import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findTemplate, planScenario, type Lang, type SizingInputs } from '../../../src-main/engine/index.js';
import { pdfReport } from '../../../src-main/export/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'sizing-pdf-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report's text as pdftotext reads it, lines joined so that a wrapped note reads whole. */
async function reportText(inputs: SizingInputs, lang: Lang): Promise<string> {
  const file = join(dir, `${lang}-${inputs.modelId}.pdf`);
  const result = planScenario(inputs, BUILT_IN_CATALOG);
  writeFileSync(
    file,
    await pdfReport({ projectName: 'P', scenarioName: 'S', lang, generatedAt: new Date('2026-12-03T08:00:00Z'), timeZone: 'UTC', result }),
  );
  return spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

/** Issue 10 item 24: the report's inputs say what the command line says beside them. */
describe('the PDF report notes the YaRN context and the month prices were checked', () => {
  const qwen = { ...findTemplate('saas-startup')!.inputs, modelId: 'qwen3-32b', effectiveContextTokens: 65536 };

  it('beyond the native context, in both languages', async () => {
    const en = await reportText(qwen, 'en');
    expect(en).toContain('beyond the native 40,960 tokens: needs YaRN rope scaling');
    expect(en).toContain('checked in December 2026');
    const pt = await reportText(qwen, 'pt-BR');
    expect(pt).toContain('além dos 40.960 tokens nativos: exige escalonamento de RoPE YaRN');
    expect(pt).toContain('conferido em dezembro de 2026');
  });

  it('within the native context no note; your own price no catalog date', async () => {
    const text = await reportText({ ...qwen, effectiveContextTokens: 32768, pricePerNodeUsd: 300000 }, 'en');
    expect(text).not.toContain('needs YaRN rope scaling');
    expect(text).not.toContain('checked in December 2026');
  });
});
