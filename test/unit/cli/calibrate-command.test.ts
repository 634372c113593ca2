import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as logs from '../engine/calibration/logs.js';
import { storedProfileCount as storedProfiles } from '../helpers/calibration.js';
import { sizing } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

function logFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('sizing calibrate', () => {
  it('prints every logged figure with its line and the profile it would make', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    const run = sizing([
      'calibrate',
      logFile(dir, 'h100.log', logs.VLLM_V1_LLAMA_H100),
      '--db',
      db,
      '--log-date',
      '2025-10-08',
      '--server',
      'dgx100',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Calibration from a start-up log of vLLM 0.11.0 (V1 engine)');
    expect(out).toMatch(/Log date\s+2025-10-08 {3}\(as given\)/);
    expect(out).toMatch(/Model\s+llama-3\.1-8b \(Llama 3\.1 8B\) {3}\(matched from "meta-llama\/Llama-3\.1-8B-Instruct"\)/);
    expect(out).toMatch(/Server\s+dgx100 \(DGX H100\) {3}\(as chosen\)/);
    expect(out).toMatch(/Available KV memory\s+51\.38 GiB {3}16/);
    expect(out).toMatch(/Activation peak\s+4\.76 GiB {3}15/);
    expect(out).toMatch(/KV tokens\s+420,896 {3}17/);
    expect(out).toMatch(/Maximum concurrency\s+26\.31× {3}18/);
    expect(out).toContain('Profile: llama-3.1-8b on dgx100, vLLM, TP 1: save it with --save');
    expect(storedProfiles(db)).toBe(0);
  });

  it("prints each term as the uncalibrated engine method predicts it for the log's start-up, beside the log, with the error", () => {
    const dir = tempDir();
    const path = logFile(dir, 'sglang.log', logs.SGLANG_LLAMA_H200);
    const out = sizing(['calibrate', path, '--db', join(dir, 'p.db')]).stdout;
    expect(out).toContain('Engine method (formulas, no calibration) vs the log, for SGLang 0.4, TP 1, fraction 0.88, 131,072 tokens');
    expect(out).toMatch(/figure\s+predicted\s+logged\s+error/);
    expect(out).toMatch(/Available KV memory\s+107\.59 GiB\s+102\.58 GiB\s+\+4\.9%/);
    expect(out).toMatch(/KV tokens\s+881,400\s+840,325\s+\+4\.9%/);
    expect(out).toMatch(/Weights\s+15\.00 GiB\s+15\.15 GiB\s+-1\.0%/);
    // SGLang states no total: its figure is the memory free before loading, the base of its fraction,
    // which the formulas put at the total less the CUDA context and the distributed init (none at TP 1).
    expect(out).toMatch(/Free before loading\s+139\.31 GiB\s+139\.21 GiB\s+\+0\.1%/);
    expect(out).toMatch(/Memory outside PyTorch\s+0\.00 GiB\s+0\.00 GiB\s+—/);
    // A term the log does not state has no error; one the formulas leave outside the budget has no prediction.
    expect(out).toMatch(/Activation peak\s+0\.78 GiB\s+—\s+—/);
    expect(out).toMatch(/CUDA-graph memory\s+—\s+0\.72 GiB\s+—/);
    const pt = sizing(['calibrate', path, '--db', join(dir, 'p.db'), '--lang', 'pt-BR']).stdout;
    expect(pt).toContain('Método engine (fórmulas, sem calibração) vs o log, para SGLang 0.4, TP 1, fração 0,88, 131.072 tokens');
    expect(pt).toMatch(/Livre antes do carregamento\s+139,31 GiB\s+139,21 GiB\s+\+0,1%/);
    expect(pt).toMatch(/Memória disponível para KV\s+107,59 GiB\s+102,58 GiB\s+\+4,9%/);
    const json = JSON.parse(sizing(['calibrate', path, '--db', join(dir, 'p.db'), '--format', 'json']).stdout);
    expect(json.prediction.inputs).toMatchObject({
      method: 'engine',
      servingEngine: 'sglang',
      modelId: 'llama-3.1-8b',
      serverId: 'dgx200',
      tp: 1,
      memFractionStatic: 0.88,
    });
    const kv = json.prediction.rows.find((r: { key: string }) => r.key === 'kvAvailableGiB');
    expect(kv.logged).toBe(102.58);
    expect(kv.predicted).toBeCloseTo(107.5928, 3);
    expect(kv.errorRatio).toBeCloseTo(107.5928 / 102.58 - 1, 4);
    // Until the log's server is known there is nothing to predict for.
    const pending = sizing(['calibrate', logFile(dir, 'qwen.log', logs.VLLM_V1_TP2_QWEN), '--db', join(dir, 'p.db')]).stdout;
    expect(pending).toContain('No prediction beside the log until the model and server are known (--model, --server).');
  });

  it('--save stores the profile once per key; a second save replaces it and says so; calibration list and delete', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    const path = logFile(dir, 'sglang.log', logs.SGLANG_LLAMA_H200);
    const first = sizing(['calibrate', path, '--save', '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Server\s+dgx200 \(DGX H200\) {3}\(matched from the log's GPU \(139\.21 GiB visible\)\)/);
    expect(first.stdout).toContain('Profile: saved llama-3.1-8b on dgx200, SGLang, TP 1 (id 1)');
    expect(sizing(['calibrate', path, '--db', db]).stdout).toContain('--save would replace the profile from the log of 2025-04-03');
    const second = sizing(['calibrate', path, '--save', '--db', db, '--log-date', '2025-04-04', '--lang', 'pt-BR']);
    expect(second.stdout).toContain(
      'Perfil: llama-3.1-8b em dgx200, SGLang, TP 1 salvo (id 1), substituindo o perfil do log de 2025-04-03',
    );
    expect(storedProfiles(db)).toBe(1);
    const list = sizing(['calibration', 'list', '--db', db]);
    expect(list.stdout).toBe(
      'Calibration profiles\n     1  llama-3.1-8b on dgx200, SGLang, TP 1: calibrated from a log of 2025-04-04, KV 102.58 GiB (sglang.log)\n',
    );
    const json = JSON.parse(sizing(['calibration', 'list', '--db', db, '--format', 'json']).stdout);
    expect(json[0]).toMatchObject({ id: 1, engine: 'sglang', measured: { kvTokens: 840325 } });
    expect(sizing(['calibration', 'delete', '1', '--db', db]).stdout).toBe('deleted calibration profile 1\n');
    expect(sizing(['calibration', 'list', '--db', db]).stdout).toMatch(/^No calibration profiles stored yet/);
  });

  it('--format json holds the parsed log, the matches and the profile', () => {
    const dir = tempDir();
    const run = sizing([
      'calibrate',
      logFile(dir, 'qwen.log', logs.VLLM_V1_TP2_QWEN),
      '--server',
      'dgx100',
      '--format',
      'json',
      '--db',
      join(dir, 'p.db'),
    ]);
    const json = JSON.parse(run.stdout);
    expect(json.log.figures.kvAvailableGiB).toMatchObject({ value: 34.49, ranks: 2 });
    expect(json.profile).toMatchObject({ modelId: 'qwen3-32b', serverId: 'dgx100', tp: 2, source: 'qwen.log' });
    expect(json.saved).toBeNull();
  });

  it('reads only the start of a log longer than the API takes, and says so', () => {
    const dir = tempDir();
    const filler = '(APIServer pid=1) INFO 10-08 06:07:00 [loggers.py:123] Engine 000: Avg prompt throughput: 0.0 tokens/s\n'.repeat(
      12_000,
    );
    const run = sizing(['calibrate', logFile(dir, 'long.log', `${logs.VLLM_V1_LLAMA_H100}\n${filler}`), '--db', join(dir, 'p.db')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/read the first [\d,]+ lines \([\d,]+ characters\): the start-up part of a longer log/);
    expect(run.stdout).toMatch(/Available KV memory\s+51\.38 GiB/);
  });

  it('bad input: one line naming the log file or the flag, exit 2, nothing stored', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    const cases: [string[], RegExp][] = [
      [['calibrate'], /^sizing: LOGFILE: required/],
      [['calibrate', join(dir, 'missing.log')], /^sizing: LOGFILE: ".*missing\.log" cannot be read \(no such file\)$/],
      [['calibrate', dir], /^sizing: LOGFILE: ".*" is not allowed; expected a log file$/],
      [
        ['calibrate', logFile(dir, 'nginx.log', logs.NGINX_LOG), '--save'],
        /^sizing: LOGFILE .*nginx\.log: not a vLLM or SGLang start-up log: none of its 2 lines/,
      ],
      [
        ['calibrate', logFile(dir, 'cut.log', logs.VLLM_TRUNCATED), '--save'],
        /^sizing: LOGFILE .*cut\.log: this vLLM log stops before the engine sized its KV cache/,
      ],
      [['calibrate', logFile(dir, 'oom.log', logs.VLLM_FAILED_START), '--save'], /^sizing: LOGFILE .*oom\.log: this vLLM start-up failed/],
      [
        ['calibrate', logFile(dir, 'l40s.log', logs.VLLM_V1_085_L40S), '--save'],
        /^sizing: --server: the log does not say which GPU it ran on; choose the server it ran on, one of dgx100/,
      ],
      [
        ['calibrate', logFile(dir, 'l40s2.log', logs.VLLM_V1_085_L40S), '--save', '--server', 'dgx999'],
        /^sizing: --server: "dgx999" is not a server; expected one of dgx100/,
      ],
      [
        ['calibrate', logFile(dir, 'r1.log', logs.VLLM_V0_TP4_COLOURED), '--save', '--server', 'dgx100'],
        /^sizing: --model: "\/models\/DeepSeek-R1-AWQ" in the log matches no model record/,
      ],
      [
        ['calibrate', logFile(dir, 'd.log', logs.SGLANG_LLAMA_H200), '--log-date', '2025-02-30'],
        /^sizing: --log-date: "2025-02-30" is not allowed; expected a date as YYYY-MM-DD$/,
      ],
      [['calibration', 'delete', 'x'], /^sizing: ID: "x" is not allowed; expected the id of a stored profile/],
      [['calibration', 'delete', '7'], /^sizing: ID: no calibration profile with id 7$/],
      [['calibration', 'purge'], /^sizing: calibration: "purge" is not allowed; expected one of list, delete$/],
    ];
    for (const [args, message] of cases) {
      const run = sizing([...args, '--db', db]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim(), args.join(' ')).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
    const pt = sizing(['calibrate', join(dir, 'cut.log'), '--db', db, '--lang', 'pt-BR']);
    expect(pt.stderr).toMatch(
      /^sizing: LOGFILE .*cut\.log: este log do vLLM termina antes de o engine dimensionar o cache KV: não tem linha "Available KV cache memory"/,
    );
    expect(storedProfiles(db)).toBe(0);
  });
});
