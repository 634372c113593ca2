import { describe, expect, it } from 'vitest';
import { sizing } from '../helpers/cli.js';

/** Issue 8's row 2 as its log ran it: vLLM 0.11.0 (the default version is 0.17; ROW_2_AT_DEFAULT leaves it unset). */
const ROW_2_AT_DEFAULT = [
  '--method',
  'engine',
  '--model',
  'llama-3.1-8b',
  '--server',
  'dgx100',
  '--tp',
  '1',
  '--gpu-memory-utilization',
  '0.9',
  '--max-model-len',
  '16000',
  '--effective-context',
  '16000',
  '--concurrency',
  '100',
  '--kv-precision',
  'auto',
];
const ROW_2 = [...ROW_2_AT_DEFAULT, '--engine-version', '0.11'];

describe('sizing --method engine (issue 8, "Done when")', () => {
  it('prints engine.perGpu.kvAvailableGiB within 3% of the logged 51.38 GiB, and the per-GPU breakdown in text', () => {
    const json = sizing([...ROW_2, '--format', 'json']);
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(Math.abs(result.engine.perGpu.kvAvailableGiB / 51.38 - 1)).toBeLessThan(0.03);
    expect(Object.keys(result.engine)).toEqual(
      expect.arrayContaining([
        'name',
        'version',
        'tp',
        'replicasPerNode',
        'memoryFraction',
        'perGpu',
        'kvBytesPerTokenPerGpu',
        'kvTokensPerReplica',
        'maxConcurrencyPerReplica',
        'maxNumSeqs',
        'bindingLimit',
        'calibration',
      ]),
    );
    const text = sizing(ROW_2).stdout;
    expect(text).toMatch(/Replica layout\s+8 GPUs = 8 replicas × TP1/);
    expect(text).toMatch(/Available for KV\s+51\.\d\d GiB/);
    const pt = sizing([...ROW_2, '--lang', 'pt-BR']).stdout;
    expect(pt).toMatch(/Arranjo de réplicas\s+8 GPUs = 8 réplicas × TP1/);
  });

  it('says what the engine ran with: each knob as set or the default applied, and KV auto as the dtype it stores', () => {
    expect(sizing(ROW_2).stdout).toMatch(/Serving engine\s+vLLM 0\.11 {3}\(as set\)/);
    const text = sizing(ROW_2_AT_DEFAULT).stdout;
    expect(text).toMatch(/KV precision\s+bf16 {3}\(auto: the model's own dtype\)/);
    expect(text).toMatch(/^Engine settings$/m);
    expect(text).toMatch(/Serving engine\s+vLLM 0\.17 {3}\(default: the newest family checked against public logs\)/);
    expect(text).toMatch(/vLLM GPU memory utilization\s+0\.9 {3}\(as set; a share of total memory\)/);
    expect(text).toMatch(/TP \(GPUs per replica\)\s+1 {3}\(as set\)/);
    expect(text).toMatch(/Max model length \(tokens\)\s+16,000 {3}\(as set\)/);
    expect(text).toMatch(/Max running sequences\s+1,024 {3}\(vLLM's default on this GPU\)/);
    expect(text).toMatch(/Max batched tokens\s+8,192 {3}\(vLLM's default on this GPU\)/);
    expect(text).toMatch(/KV block size \(tokens\)\s+16 {3}\(vLLM's default\)/);
    // Defaults the method chose, and SGLang's own, in Portuguese; a label longer than the column keeps its value apart.
    const defaults = [
      ...ROW_2.slice(0, 4),
      '--engine',
      'sglang',
      '--server',
      'dgx200',
      '--effective-context',
      '16000',
      '--concurrency',
      '100',
    ];
    const pt = sizing([...defaults, '--lang', 'pt-BR']).stdout;
    expect(pt).toMatch(/Precisão KV\s+fp8\n/);
    expect(pt).toMatch(/Engine de serving\s+SGLang 0\.4 {3}\(versão modelada por padrão\)/);
    expect(pt).toMatch(/Fração estática de memória \(SGLang\) {2}0,88 {3}\(padrão do SGLang 0\.4; fração da soma de pesos \+ KV\)/);
    expect(pt).toMatch(/TP \(GPUs por réplica\)\s+1 {3}\(escolhido: a menor potência de dois/);
    expect(pt).toMatch(/Comprimento máximo do modelo \(tokens\) {2}16\.000 {3}\(padrão: o contexto efetivo\)/);
    expect(pt).toMatch(/Máximo de sequências em execução\s+4\.096 {3}\(padrão do SGLang\)/);
    expect(pt).toMatch(/Tokens de KV por réplica\s+[\d.]+ {3}\(blocos de 1 token\)/);
    // The pooled method has no engine settings.
    expect(
      sizing(['--model', 'llama-3.1-8b', '--server', 'dgx100', '--concurrency', '10', '--effective-context', '8192']).stdout,
    ).not.toMatch(/Engine settings|Serving engine/);
  });

  it('says how full the KV cache is at the planned load, not an HBM use its pre-allocated pool makes meaningless', () => {
    const result = JSON.parse(sizing([...ROW_2, '--format', 'json']).stdout);
    const m = result.memoryPerNode;
    const kvUse = m.kvInUseGiB / (m.kvInUseGiB + m.kvFreeGiB);
    expect(kvUse).toBeCloseTo((100 * result.kvPerSessionGiB) / result.kvBudgetGiB, 9);
    const percent = (kvUse * 100).toFixed(1);
    const text = sizing(ROW_2).stdout;
    expect(text).toContain(`  KV cache in use at planned load   ${percent}%\n`);
    expect(text).not.toContain('HBM used at planned load');
    expect(sizing([...ROW_2, '--lang', 'pt-BR']).stdout).toContain(`Cache KV em uso na carga planejada  ${percent.replace('.', ',')}%`);
    // The pooled method keeps the original document's figure.
    expect(
      sizing(['--model', 'llama-3.1-8b', '--server', 'dgx100', '--concurrency', '100', '--effective-context', '16000']).stdout,
    ).toMatch(/HBM used at planned load\s+[\d.]+%/);
  });

  it("a sweep of the pooled method's budget ratio or overhead is refused for an engine-method plan (it would draw a flat line)", () => {
    const sweep = ['sweep', ...ROW_2, '--from', '0.5', '--to', '0.9', '--points', '3'];
    for (const field of ['kv-budget-ratio', 'runtime-overhead-gib']) {
      const r = sizing([...sweep, '--sweep', field]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(
        /^sizing: --sweep: (kvBudgetRatio|runtimeOverheadGiB) is an input of the pooled method and does not change an engine-method plan; sweep one of concurrency, effectiveContextTokens, peakHeadroomRatio$/m,
      );
    }
    expect(sizing([...sweep, '--sweep', 'kv-budget-ratio', '--lang', 'pt-BR']).stderr).toMatch(
      /^sizing: --sweep: kvBudgetRatio é uma entrada do método de nó agregado e não altera um plano do método engine/,
    );
    const pooled = ['sweep', '--model', 'llama-3.1-8b', '--server', 'dgx100', '--concurrency', '1000', '--effective-context', '16000'];
    expect(sizing([...pooled, '--sweep', 'kv-budget-ratio', '--from', '0.5', '--to', '0.9', '--points', '3']).status).toBe(0);
    expect(sizing([...sweep.slice(0, -6), '--sweep', 'peak-headroom-ratio', '--from', '0.1', '--to', '0.5', '--points', '3']).status).toBe(
      0,
    );
  });

  it('a model whose weights do not fit is infeasible (exit 3) and names the fixes', () => {
    const r = sizing([
      '--method',
      'engine',
      '--model',
      'llama-3.1-70b',
      '--weights-precision',
      'fp8',
      '--server',
      'dgx100',
      '--tp',
      '1',
      '--gpu-memory-utilization',
      '0.9',
      '--max-model-len',
      '16000',
      '--effective-context',
      '16000',
      '--concurrency',
      '100',
      // 0.11's sorting sampler: its activation peak leaves no room for these weights at TP 1.
      '--engine-version',
      '0.11',
    ]);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/INFEASIBLE PLAN: At TP 1, each GPU needs 67\.\d\d GiB of weights/);
    expect(r.stdout).toMatch(/- Tensor parallelism \(GPUs per replica\) 2: \d+ nodes?, CapEx USD/);
  });

  it('the pooled method refuses weights that do not fit too (exit 3), and its reference case is unchanged', () => {
    const r = sizing([
      '--model',
      'deepseek-v3',
      '--server',
      'dgx100',
      '--memory-basis',
      'measured',
      '--kv-budget-ratio',
      '0.99',
      '--runtime-overhead-gib',
      '0',
      '--concurrency',
      '10',
      '--effective-context',
      '4096',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).infeasibility.code).toBe('weights-do-not-fit');
  });

  it("names the memory limit per replica, and the plan's limit beside it when a TPOT target binds first", () => {
    const args = [
      '--method',
      'engine',
      '--model',
      'llama-3.1-70b',
      '--server',
      'dgx200',
      '--tp',
      '4',
      '--concurrency',
      '2000',
      '--effective-context',
      '8192',
      '--prompt-tokens',
      '2000',
      '--output-tokens',
      '500',
    ];
    expect(sizing(args).stdout).toMatch(/^ {2}Memory limit per replica\s+KV memory$/m);
    expect(sizing([...args, '--tpot-ms', '40']).stdout).toMatch(
      /^ {2}Memory limit per replica\s+KV memory {3}\(the plan is limited by decode bandwidth \(TPOT target\), before memory\)$/m,
    );
    expect(sizing([...args, '--tpot-ms', '40', '--lang', 'pt-BR']).stdout).toMatch(
      /Limite de memória por réplica\s+memória de KV {3}\(o plano é limitado pela banda no decode \(meta de TPOT\), antes da memória\)/,
    );
  });
});
