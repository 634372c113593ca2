import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  optimisePlan,
  planScenario,
  type Lang,
  type SizingResult,
} from '../../../src-main/engine/index.js';
import { memoryChartSvg } from '../../../src-main/export/charts.js';
import { pdfReport } from '../../../src-main/export/pdf.js';
import { textReport } from '../../../src-main/cli/report.js';
import { llamaH100Profile } from '../helpers/calibration.js';

// Llama 3.1 8B at TP2 on DGX H100: 4 replicas per node, the engine method's per-GPU accounting.
const engine = planScenario(
  {
    ...findTemplate('saas-startup')!.inputs,
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
const pooled = planScenario(findTemplate('saas-startup')!.inputs, BUILT_IN_CATALOG);
// A profile read from a real vLLM start-up log (Llama 3.1 8B on one H100) stands in for the formulas.
const profile = llamaH100Profile();
const calibrated = planScenario(
  { ...engine.inputs, tp: 1, gpuMemoryUtilization: 0.9, maxModelLen: 16000, concurrency: 100 },
  { ...BUILT_IN_CATALOG, calibrations: [profile] },
);

const workDir = mkdtempSync(join(tmpdir(), 'sizing-engine-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function pdfText(name: string, result: SizingResult, lang: Lang): Promise<string> {
  const file = join(workDir, `${name}.pdf`);
  writeFileSync(
    file,
    await pdfReport({ projectName: 'P', scenarioName: 'S', lang, generatedAt: new Date('2025-01-01T00:00:00Z'), timeZone: 'UTC', result }),
  );
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('the PDF states the method a scenario was sized with', () => {
  let engineEn = '';
  let enginePt = '';
  let pooledEn = '';
  beforeAll(async () => {
    [engineEn, enginePt, pooledEn] = await Promise.all([
      pdfText('engine-en', engine, 'en'),
      pdfText('engine-pt', engine, 'pt-BR'),
      pdfText('pooled-en', pooled, 'en'),
    ]);
  });

  it('names the engine method with its engine and version, never the pooled one, on page one and under Inputs', () => {
    expect(engine.engine).not.toBeNull();
    const version = engine.engine!.version;
    expect(engineEn).toMatch(new RegExp(`Method: engine method \\(vLLM ${version.replace('.', '\\.')}\\)`));
    expect(engineEn).toMatch(new RegExp(`Method\\s+engine method \\(vLLM ${version.replace('.', '\\.')}\\)`));
    expect(engineEn).not.toContain('pooled');
    expect(enginePt).toContain(`Método: método engine (vLLM ${version}), memória por GPU: como o engine registra no log`);
    expect(enginePt).not.toContain('nó agregado');
    // The pooled method's own knobs do not apply to an engine-method plan.
    expect(engineEn).not.toMatch(/KV budget ratio|Runtime overhead \(GiB\)/);
  });

  it('lists under Inputs what the engine ran with, each as set or the default it applied, and KV auto as the dtype stored', () => {
    const inputs = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
    const en = inputs(engineEn, 'Inputs', 'Results');
    expect(en).toMatch(/Serving engine\s+vLLM 0\.17\s+default:\s+the\s+newest\s+family\s+checked\s+against\s+public\s+logs/);
    expect(en).toMatch(/vLLM GPU memory utilization\s+0\.9\s+vLLM 0\.17's default; a share of\s+total memory/);
    expect(en).toMatch(/TP \(GPUs per replica\)\s+2\s+as set/);
    expect(en).toMatch(/Max model length \(tokens\)\s+16,000\s+default: the effective context/);
    expect(en).toMatch(/Max running sequences\s+1,024\s+vLLM's default on this GPU/);
    expect(en).toMatch(/Max batched tokens\s+8,192\s+vLLM's default on this GPU/);
    expect(en).toMatch(/KV block size \(tokens\)\s+16\s+vLLM's default/);
    expect(en).toMatch(/KV precision\s+bf16\s+auto: the model's own dtype/);
    // The pooled method's memory basis (the scenario's "nominal") is not what the engine method used.
    expect(en).toMatch(/Memory basis\s+memory per GPU: as the engine logs it/);
    expect(en).not.toMatch(/nominal|KV budget ratio|Runtime overhead/);
    expect(engineEn).toMatch(
      /Memory per GPU: the total the engine sees, 79\.18 GiB \(as the engine logs it\), not the vendor's\s+decimal GB/,
    );
    expect(engineEn).not.toMatch(/Memory basis: nominal/);
    const pt = inputs(enginePt, 'Entradas', 'Resultados');
    expect(pt).toMatch(/Engine de serving\s+vLLM 0\.17\s+padrão:\s+a\s+família\s+mais\s+nova\s+conferida\s+com\s+logs\s+públicos/);
    expect(pt).toMatch(/Utilização de memória da GPU\s+0,9\s+padrão do vLLM 0\.17; fração da/);
    expect(pt).toMatch(/TP \(GPUs por réplica\)\s+2\s+definido no cenário/);
    expect(pt).toMatch(/Precisão KV\s+bf16\s+auto: o dtype do próprio modelo/);
    expect(pt).toMatch(/Base de memória\s+memória por GPU: como o engine registra no log/);
    // A pooled plan keeps its own inputs and none of the engine's.
    const pooledInputs = inputs(pooledEn, 'Inputs', 'Results');
    expect(pooledInputs).toMatch(/KV budget ratio\s+70%/);
    expect(pooledInputs).toMatch(/Memory basis\s+nominal memory basis \(vendor GB\)/);
    expect(pooledInputs).not.toMatch(/Serving engine|TP \(GPUs|Max running sequences/);
  });

  it('says how full the KV cache is at the planned load, in the results and on the memory chart; a pooled plan keeps HBM used', () => {
    const m = engine.memoryPerNode!;
    const percent = `${((m.kvInUseGiB / (m.kvInUseGiB + m.kvFreeGiB)) * 100).toFixed(1)}%`;
    expect(engineEn).toMatch(new RegExp(`KV cache in use at planned load\\s+${percent.replace('.', '\\.')}`));
    expect(engineEn).not.toContain('HBM used at planned load');
    expect(memoryChartSvg(engine, 'en')).toContain(`KV cache in use at planned load: ${percent}`);
    expect(enginePt).toContain(`Cache KV em uso na carga planejada: ${percent.replace('.', ',')}`);
    expect(pooledEn).toMatch(/HBM used at planned load\s+[\d.]+%/);
  });

  it('names the node memory of an engine plan as what the engine sees, not HBM, in the PDF and the text report', () => {
    const visible = `${engine.nodeHbmGiB.toFixed(2)} GiB`;
    expect(engineEn).toMatch(new RegExp(`Memory the engine sees per node\\s+${visible}`));
    expect(engineEn).not.toContain('HBM per node');
    expect(enginePt).toMatch(/Visível ao engine, por nó\s+[\d.]+,\d\d GiB/);
    expect(textReport(engine, 'en')).toMatch(new RegExp(`Memory the engine sees per node\\s+${visible}`));
    expect(textReport(engine, 'en')).not.toContain('HBM per node');
    expect(pooledEn).toMatch(/HBM per node\s+[\d,.]+ GiB/);
  });

  it('keeps the pooled wording for a pooled scenario', () => {
    expect(pooledEn).toContain('Method: pooled method, nominal memory basis');
    expect(pooledEn).not.toContain('engine method');
    expect(pooledEn).not.toContain('Memory per GPU');
  });

  it('has the per-GPU section the text report has, figure for figure, in both languages', () => {
    const e = engine.engine!;
    expect(e.replicasPerNode).toBe(4);
    expect(engineEn).toContain(`Memory per GPU (vLLM ${e.version})`);
    expect(engineEn).toMatch(/Replica layout\s+8 GPUs = 4 replicas × TP2/);
    expect(engineEn).toMatch(new RegExp(`Available for KV\\s+${e.perGpu.kvAvailableGiB.toFixed(2)} GiB`));
    expect(engineEn).toMatch(new RegExp(`Weights\\s+${e.perGpu.weightsGiB.toFixed(2)} GiB`));
    expect(engineEn).toMatch(/Activation peak \(profiling pass\)\s+[\d.]+ GiB/);
    expect(engineEn).toMatch(/KV tokens per replica\s+[\d,]+\s+blocks of 16 tokens/);
    expect(engineEn).toMatch(/Max concurrency per replica\s+[\d.]+×/);
    expect(engineEn).toMatch(/Memory limit per replica\s+KV memory/);
    expect(engineEn).toMatch(/Visible to the engine\s+[\d.]+ GiB\s+as the engine logs it; fraction 0.9/);
    // The text report prints the same rows.
    const cli = textReport(engine, 'en');
    expect(cli).toMatch(/Replica layout\s+8 GPUs = 4 replicas × TP2/);
    expect(cli).toMatch(/KV tokens per replica\s+[\d,]+\s+\(blocks of 16 tokens\)/);
    expect(enginePt).toContain(`Memória por GPU (vLLM ${e.version})`);
    expect(enginePt).toMatch(/Arranjo de réplicas\s+8 GPUs = 4 réplicas × TP2/);
    expect(enginePt).toMatch(/Disponível para KV\s+[\d.]+,\d\d GiB/);
    expect(enginePt).toMatch(/Limite de memória por réplica\s+memória de KV/);
    expect(enginePt).toMatch(/blocos de 16 tokens/);
    expect(enginePt).toContain('Método engine (vLLM');
  });

  it('prints the calibration that replaced the formulas, or why none did, as the text report does', async () => {
    const c = calibrated.engine!.calibration!;
    expect(c).not.toBeNull();
    const [en, pt] = await Promise.all([pdfText('calibrated-en', calibrated, 'en'), pdfText('calibrated-pt', calibrated, 'pt-BR')]);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(en)).toContain(flat(c.message.en));
    expect(flat(pt)).toContain(flat(c.message['pt-BR']));
    expect(flat(en)).toMatch(/Available for KV\s+[\d.]+ GiB\s+bf16; from the log; formulas: [\d.]+ GiB/);
    expect(flat(pt)).toMatch(/Disponível para KV\s+[\d,]+ GiB\s+bf16; do log; fórmulas: [\d,]+ GiB/);
    expect(engineEn).toMatch(/Calibration\s+none: formulas/);
    const cli = textReport(calibrated, 'en');
    expect(flat(cli)).toContain(flat(c.message.en));
    expect(cli).toMatch(/Available for KV\s+[\d.]+ GiB\s+\(bf16; from the log; formulas: [\d.]+ GiB\)/);
  });

  it("names the profile each optimised plan was sized with, under the optimised plans' table", async () => {
    // Many short sessions on H100 with vLLM: eight TP1 replicas serve bf16 weights best, as the profile measured.
    const catalog = { ...BUILT_IN_CATALOG, calibrations: [profile] };
    const base = { ...engine.inputs, tp: undefined, maxModelLen: 1024, effectiveContextTokens: 1024, concurrency: 50_000, tpotMs: 100 };
    const search = { base, regions: [], serverIds: ['dgx100'], engines: ['vllm' as const], objective: 'tco' as const, top: 1000 };
    const optimisation = optimisePlan(search, catalog);
    const plans = optimisation.regions[0]!.result.plans;
    const rank = plans.findIndex((p) => p.calibration !== null) + 1;
    expect(rank).toBeGreaterThan(0);
    const file = join(workDir, 'optimised.pdf');
    const render = async (lang: Lang, o = optimisation) => {
      const pdf = await pdfReport({ projectName: 'P', scenarioName: 'S', lang, generatedAt: new Date(0), result: engine, optimisation: o });
      writeFileSync(file, pdf);
      return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    };
    const message = plans[rank - 1]!.calibration!.message;
    const en = await render('en');
    expect(en).toContain(`Calibration: plan ${rank} ${message.en}; the others: formulas`);
    // Plans on the same server and KV precision are told apart by engine, TP and weight precision.
    const calibratedPlan = plans[rank - 1]!;
    expect(en).toContain(
      `${rank} DGX H100 vLLM · TP${calibratedPlan.tp} ${calibratedPlan.weightsPrecision} / ${calibratedPlan.kvPrecision}`,
    );
    expect(await render('pt-BR')).toContain(`Calibração: plano ${rank} ${message['pt-BR']}; os demais: fórmulas`);
    const off = optimisePlan({ ...search, base: { ...base, calibration: 'off' } }, catalog);
    expect(await render('en', off)).toContain('Calibration: off: formulas only');
  });
});
