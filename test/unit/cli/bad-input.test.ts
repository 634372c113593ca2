import { describe, expect, it } from 'vitest';
import { CASE_1, sizing } from '../helpers/cli.js';

/** CASE_1 with one flag's value replaced (or the flag removed when value is null). */
function withFlag(flag: string, value: string | null): string[] {
  const args = [...CASE_1];
  const at = args.indexOf(flag);
  if (at === -1) return value === null ? args : [...args, flag, value];
  if (value === null) args.splice(at, 2);
  else args[at + 1] = value;
  return args;
}

const cases: Array<[string, string[], RegExp]> = [
  [
    'unknown model lists the valid ids',
    withFlag('--model', 'gpt-9'),
    /^sizing: --model: "gpt-9" is not allowed; expected one of opt-oss-20b, .*deepseek-v3$/,
  ],
  ['unknown server', withFlag('--server', 'dgx999'), /^sizing: --server: "dgx999" .*one of dgx100, dgx200/],
  ['unknown storage', withFlag('--storage', 'tape'), /^sizing: --storage: "tape" .*profile_default/],
  ['unknown precision', withFlag('--kv-precision', 'fp4'), /^sizing: --kv-precision: "fp4" .*fp32, fp16, bf16, fp8, int8, nvfp4/],
  ['unknown ha', withFlag('--ha', 'n+3'), /^sizing: --ha: "n\+3" .*none, n\+1, n\+2/],
  ['non-number concurrency', withFlag('--concurrency', 'lots'), /^sizing: --concurrency: "lots" is not allowed; expected a number$/],
  ['hex is not a decimal number', withFlag('--concurrency', '0x10'), /^sizing: --concurrency: "0x10"/],
  ['empty value', withFlag('--kv-budget-ratio', ''), /^sizing: --kv-budget-ratio: "" is not allowed/],
  [
    'negative concurrency',
    withFlag('--concurrency', '-5'),
    /^sizing: --concurrency: -5 is not allowed; expected a whole number at least 1/,
  ],
  ['fractional concurrency', withFlag('--concurrency', '10.5'), /^sizing: --concurrency: 10.5 .*whole number/],
  ['zero concurrency', withFlag('--concurrency', '0'), /^sizing: --concurrency: 0 /],
  ['negative runtime overhead', withFlag('--runtime-overhead-gib', '-1'), /^sizing: --runtime-overhead-gib: -1 .*at least 0/],
  ['budget ratio above 1', withFlag('--kv-budget-ratio', '1.5'), /^sizing: --kv-budget-ratio: 1.5 .*greater than 0 and at most 1$/],
  ['budget ratio of 0', withFlag('--kv-budget-ratio', '0'), /^sizing: --kv-budget-ratio: 0 .*greater than 0/],
  ['negative headroom', withFlag('--peak-headroom-ratio', '-0.1'), /^sizing: --peak-headroom-ratio: -0.1 /],
  [
    'context above the model maximum',
    withFlag('--effective-context', '200000'),
    /^sizing: --effective-context: 200000 .*at most 131,072 \(the maximum context of opt-oss-20b\)$/,
  ],
  ['unknown flag', [...CASE_1, '--turbo', '1'], /^sizing: --turbo: unknown flag; allowed flags: /],
  ['missing required flag', withFlag('--model', null), /^sizing: --model: required/],
  ['flag without a value', [...CASE_1, '--years'], /^sizing: --years: a value is required$/],
  ['flag given twice', [...CASE_1, '--ha', 'n+1'], /^sizing: --ha: given twice/],
  ['unknown template', ['--template', 'nope'], /^sizing: --template: "nope" .*saas-startup/],
  ['unknown format', withFlag('--format', 'xml'), /^sizing: --format: "xml" .*text, json, csv/],
  ['unknown language', withFlag('--lang', 'fr'), /^sizing: --lang: "fr" .*en, pt-BR/],
  [
    'measured basis without a measured figure',
    [...withFlag('--server', 'mi300x-8'), '--memory-basis', 'measured'],
    /^sizing: --memory-basis: "measured" .*dgx100/,
  ],
  ['availability of 1 or more', [...CASE_1, '--availability-target', '99.9'], /^sizing: --availability-target: 99.9 .*less than 1/],
  ['unknown command', ['frobnicate'], /^sizing: frobnicate: unknown command/],
  ['unknown catalog', ['catalog', 'gpus'], /^sizing: catalog: "gpus" .*models, servers, storage, precisions/],
  [
    'engine knob without the engine method',
    [...CASE_1, '--tp', '2'],
    /^sizing: --tp: 2 is not allowed; expected absent unless the method is engine \(--method engine\)$/,
  ],
  [
    "another engine's knob",
    [...CASE_1, '--method', 'engine', '--engine', 'sglang', '--gpu-memory-utilization', '0.9'],
    /^sizing: --gpu-memory-utilization: 0.9 .*absent with SGLang \(it is vLLM's knob\)$/,
  ],
  ['unknown method', [...CASE_1, '--method', 'magic'], /^sizing: --method: "magic" .*pooled, engine$/],
  [
    'unknown engine version',
    [...CASE_1, '--method', 'engine', '--engine-version', '0.5'],
    /^sizing: --engine-version: "0.5" .*one of 0.10, 0.11, 0.17, 0.21 for vLLM$/,
  ],
  ['TP that does not divide the GPUs', [...CASE_1, '--method', 'engine', '--tp', '3'], /^sizing: --tp: 3 .*a divisor of dgx200's 8 GPUs$/],
  [
    'utilisation above 1',
    [...CASE_1, '--method', 'engine', '--gpu-memory-utilization', '1.5'],
    /^sizing: --gpu-memory-utilization: 1.5 .*greater than 0 and at most 1$/,
  ],
  [
    'int8 KV where vLLM does not offer it',
    [...withFlag('--kv-precision', 'int8'), '--method', 'engine'],
    /^sizing: --kv-precision: "int8" .*auto, fp16, bf16, fp8 \(what vLLM stores KV in\)$/,
  ],
  [
    'fp4 weights on Hopper',
    [...CASE_1, '--weights-precision', 'fp4'],
    /^sizing: --weights-precision: "fp4" .*dgx200 is hopper: 4-bit floating point needs Blackwell or CDNA 4/,
  ],
  [
    'fp8 weights on Ampere',
    [...withFlag('--server', 'dgxa100-80'), '--weights-precision', 'fp8'],
    /^sizing: --weights-precision: "fp8" .*no fp8 tensor cores/,
  ],
  ['NVFP4 KV before Blackwell', withFlag('--kv-precision', 'nvfp4'), /^sizing: --kv-precision: "nvfp4" .*NVFP4 KV needs Blackwell/],
  [
    'max model length below the context',
    [...CASE_1, '--method', 'engine', '--max-model-len', '1000'],
    /^sizing: --max-model-len: 1000 .*at least the effective context \(32768\)$/,
  ],
];

describe('bad input exits 2 with one line naming the flag, the value and what is allowed', () => {
  for (const [name, args, pattern] of cases) {
    it(name, () => {
      const r = sizing(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
    });
  }
});

describe('with --lang pt-BR the one line is in Portuguese', () => {
  const pt: Array<[string, string[], RegExp]> = [
    [
      'unknown model',
      [...withFlag('--model', 'gpt-9'), '--lang', 'pt-BR'],
      /^sizing: --model: "gpt-9" não é permitido; esperado um de opt-oss-20b, /,
    ],
    [
      'ratio out of range',
      [...withFlag('--kv-budget-ratio', '1.5'), '--lang', 'pt-BR'],
      /^sizing: --kv-budget-ratio: 1.5 não é permitido; esperado um número maior que 0 e no máximo 1$/,
    ],
    ['context above the maximum', [...withFlag('--effective-context', '200000'), '--lang=pt-BR'], /o contexto máximo de opt-oss-20b\)$/],
    [
      'unknown flag, even before --lang is parsed',
      ['--turbo', '1', '--lang', 'pt-BR'],
      /^sizing: --turbo: flag desconhecida; flags permitidas: /,
    ],
    [
      'missing required flags',
      ['--model', 'opt-oss-20b', '--lang', 'pt-BR'],
      /^sizing: --server, --concurrency, --effective-context: obrigatório/,
    ],
  ];
  for (const [name, args, pattern] of pt) {
    it(name, () => {
      const r = sizing(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(pattern);
    });
  }
});
