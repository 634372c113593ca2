import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizing } from '../helpers/cli.js';
import { englishLines } from './english-detector.js';

/**
 * Words and raw keys that must not reach a Portuguese reader of the command line: English nouns of
 * the tables (none, points, scenarios…), engine keys (kv-memory), camelCase field names
 * (kvPrecision=…), and ISO timestamps. Brand, unit and flag words (TCO, GiB, engine, vllm) are Portuguese usage.
 */
const ENGLISH_WORDS =
  /\b(none|points?|updated|added|replaced|scenarios?|sessions?|nodes?|regions?|weights|binding|high|low|feasible|infeasible|candidates|differences|pooled|measured|wrote|saved|imported)\b/i;
const RAW_KEYS = [/\b(kv-memory|max-num-seqs)\b/, /\b[a-z]{2,}[A-Z][A-Za-z]*\b/, /\d{4}-\d{2}-\d{2}T\d{2}:/];

/**
 * The lines of `text` with an English word or a raw key. Flags and their lists of values are left
 * out (they are typed as shown), so are paths, and so are ids (serverless-multi-region) when looking for words.
 */
function untranslated(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\/\S+/g, '').replace(/--[a-z][a-z-]*( [a-z0-9.+|,-]+(\|[a-z0-9.+-]+)+)?/g, ''))
    .filter(
      (line) => RAW_KEYS.some((pattern) => pattern.test(line)) || ENGLISH_WORDS.test(line.replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, '')),
    );
}

const dir = mkdtempSync(join(tmpdir(), 'sizing-cli-pt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Every command reads this database (SIZING_DB), in UTC so that times are the same on every machine. */
const ENV = { SIZING_DB: join(dir, 'p.db'), TZ: 'UTC' };

function ptBR(args: string[]): string {
  const run = sizing([...args, '--lang', 'pt-BR'], ENV);
  expect(run.stderr, args.join(' ')).toBe('');
  return run.stdout;
}

describe('Portuguese throughout the command line', () => {
  beforeAll(() => {
    for (const [name, template] of [
      ['Startup', 'saas-startup'],
      ['Serverless', 'serverless-multi-region'],
      ['Docs', 'enterprise-docs'],
    ]) {
      expect(sizing(['save', '--project', 'Acme', '--name', name!, '--template', template!, '--lang', 'pt-BR'], ENV).status).toBe(0);
    }
    expect(
      sizing(
        [
          'save',
          '--project',
          'Acme',
          '--name',
          'Docs',
          '--template',
          'enterprise-docs',
          '--kv-precision',
          'fp8',
          '--memory-basis',
          'measured',
          '--storage',
          'profile_network_ssd',
        ],
        ENV,
      ).status,
    ).toBe(0);
    expect(
      sizing(
        [
          'region',
          'add',
          '--project',
          'Acme',
          '--scenario',
          'Serverless',
          '--region',
          'SA',
          '--concurrency',
          '500',
          '--kv-precision',
          'fp16',
        ],
        ENV,
      ).status,
    ).toBe(0);
  });

  it('compare, sweep and optimise print no English word and no raw key', () => {
    const compare = ptBR(['compare', '--project', 'Acme', 'Startup', 'Serverless', 'Docs']);
    expect(compare).toMatch(/HA\s+nenhuma {2}\| {2}N\+1 {2}\| {2}N\+1\n/);
    expect(compare).toMatch(/Base de memória\s+nominal {2}\| {2}nominal {2}\| {2}medida\n/);
    expect(compare).toMatch(/Storage\s+NVMe local {2}\| {2}NVMe local {2}\| {2}SSD em rede\n/);
    // Cold start reads as elsewhere (a tenth of a second), money below USD 10 keeps its cents.
    expect(compare).toMatch(/Cold start \(s\)\s+61,4 {2}\|/);
    expect(compare).toMatch(/TCO por milhão de tokens de saída \(USD\)\s+USD 0,11 {2}\|/);
    expect(untranslated(compare)).toEqual([]);
    expect(englishLines(compare)).toEqual([]);

    const sweep = ptBR(['sweep', '--sweep', 'concurrency', '--from', '100', '--to', '5000', '--points', '5', '--template', 'saas-startup']);
    expect(sweep).toMatch(/^Concorrência: 100 → 5\.000, 5 pontos\n {2}Mais um nó a partir de: 1\.451, 2\.901, 4\.351\n/);
    expect(untranslated(sweep)).toEqual([]);
    const ratioSweep = ptBR([
      'sweep',
      '--sweep',
      'peak-headroom-ratio',
      '--from',
      '0',
      '--to',
      '1',
      '--points',
      '3',
      '--template',
      'saas-startup',
    ]);
    expect(ratioSweep).toMatch(/^Headroom de pico: 0% → 100%, 3 pontos\n/);

    const optimise = ptBR(['optimise', '--model', 'opt-oss-20b', '--concurrency', '1000', '--effective-context', '32768', '--top', '5']);
    expect(optimise).toContain('memória de KV');
    expect(untranslated(optimise)).toEqual([]);
    expect(englishLines(optimise)).toEqual([]);
  });

  it('catalogs, templates, projects, regions and the help speak Portuguese too', () => {
    const outputs = ['models', 'servers', 'storage', 'precisions'].map((kind) => ptBR(['catalog', kind]));
    outputs.push(ptBR(['templates']), ptBR(['project', 'show', 'Acme']), ptBR(['calibration', 'list']));
    const regions = ptBR(['region', 'list', '--project', 'Acme', '--scenario', 'Serverless']);
    expect(regions).toContain('(--kv-precision fp16)');
    outputs.push(regions);
    const file = join(dir, 'catalog.json');
    writeFileSync(
      file,
      JSON.stringify({ storage: [{ id: 'nas', name: 'NAS', readThroughputGBps: 1, firstByteLatencyS: 0.01, source: 'ours' }] }),
    );
    const imported = ptBR(['catalog', 'import', file]);
    expect(imported).toContain('adicionados: 1, substituídos: 0');
    outputs.push(imported);
    for (const text of outputs) {
      expect(untranslated(text), text).toEqual([]);
      expect(englishLines(text), text).toEqual([]);
    }
    for (const args of [['--help'], ['calibrate', '--help']]) {
      const help = ptBR(args);
      expect(help).not.toContain('modelo de cenário');
      expect(englishLines(help), args.join(' ')).toEqual([]);
    }
  });

  it('project list gives the updated time as a date in the language; JSON keeps ISO', () => {
    const pt = ptBR(['project', 'list']);
    expect(pt).toMatch(/^Acme\s+3 cenários {3}atualizado em \d{1,2} de [a-zç]{3}\. de \d{4}, \d{2}:\d{2}\n$/);
    expect(untranslated(pt)).toEqual([]);
    const en = sizing(['project', 'list'], ENV).stdout;
    expect(en).toMatch(/^Acme\s+3 scenarios {3}updated [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M\n$/);
    const json = JSON.parse(sizing(['project', 'list', '--format', 'json', '--lang', 'pt-BR'], ENV).stdout);
    expect(json[0].updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });
});
