import { describe, expect, it } from 'vitest';
import { CASE_1, CASE_3, sizing } from '../helpers/cli.js';

describe('sizing command line (real child process)', () => {
  it('case 1 as JSON: 0.3765 GiB, 1740 per node, 1/1/1, 740 spare', () => {
    const r = sizing([...CASE_1, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.kvPerSessionGiB).toBeCloseTo(0.3765, 4);
    expect(json.sessionsPerNode).toBe(1740);
    expect(json.nodes).toEqual({ capacity: 1, withHeadroom: 1, total: 1 });
    expect(json.spareSessions).toBe(740);
    expect(json.feasible).toBe(true);
    for (const key of ['recommendations', 'cost', 'coldStart']) expect(json).toHaveProperty(key);
  });

  it('case 3 as JSON: 2.2522 GiB, 613 per node, 9/11/12', () => {
    const json = JSON.parse(sizing([...CASE_3, '--format', 'json']).stdout);
    expect(json.kvPerSessionGiB).toBeCloseTo(2.2522, 4);
    expect(json.sessionsPerNode).toBe(613);
    expect(json.nodes).toEqual({ capacity: 9, withHeadroom: 11, total: 12 });
  });

  it('the text report is aligned and readable, in English and in Portuguese', () => {
    const en = sizing(CASE_1);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/Sessions per node\s+1,740/);
    expect(en.stdout).toMatch(/1 → 1 → 1/);
    expect(en.stdout).toContain('[i ]');
    const pt = sizing([...CASE_1, '--lang', 'pt-BR']);
    expect(pt.stdout).toMatch(/Sessões por nó\s+1\.740/);
    expect(pt.stdout).toContain('KV por sessão');
    expect(pt.stdout).toContain('0,3765 GiB');
    expect(pt.stdout).toContain('Recomendações');
  });

  it('CSV output states its separator, then a header and one row; in Portuguese with semicolons and decimal commas', () => {
    const r = sizing([...CASE_1, '--format', 'csv']);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('sep=,');
    const header = lines[1]!.split(',');
    const row = lines[2]!.split(',');
    expect(row[header.indexOf('sessionsPerNode')]).toBe('1740');
    expect(row[header.indexOf('nodesTotal')]).toBe('1');
    expect(row[header.indexOf('kvBudgetRatio')]).toBe('0.7');
    const pt = sizing([...CASE_1, '--format', 'csv', '--lang', 'pt-BR'])
      .stdout.trim()
      .split('\r\n');
    expect(pt[0]).toBe('sep=;');
    const ptRow = pt[2]!.split(';');
    expect(ptRow[pt[1]!.split(';').indexOf('kvBudgetRatio')]).toBe('0,7');
  });

  it('defaults: only the four required flags, runtime overhead = weights + 4 GiB per GPU rounded up', () => {
    const json = JSON.parse(
      sizing(['--model', 'opt-oss-20b', '--server', 'dgx200', '--concurrency', '1000', '--effective-context', '32768', '--format', 'json'])
        .stdout,
    );
    expect(json.inputs.runtimeOverheadGiB).toBe(45);
    expect(json.inputs).toMatchObject({
      storageId: 'profile_default',
      kvPrecision: 'fp8',
      kvBudgetRatio: 0.7,
      peakHeadroomRatio: 0.2,
      ha: 'none',
    });
  });

  it('a multi-region template prints every region and the totals; JSON has regions[] and totals.nodes', () => {
    const json = JSON.parse(sizing(['--template', 'serverless-multi-region', '--format', 'json']).stdout);
    expect(json.regions).toHaveLength(3);
    expect(json.totals.nodes).toBe(9);
    const text = sizing(['--template', 'serverless-multi-region']).stdout;
    for (const name of ['US-East', 'US-West', 'EU', 'Plan totals']) expect(text).toContain(name);
  });

  it('a template takes overrides', () => {
    const json = JSON.parse(sizing(['--template', 'public-api', '--ha', 'none', '--format', 'json']).stdout);
    expect(json.nodes.total).toBe(11);
  });

  it('templates, catalogs, --help and --version', () => {
    expect(sizing(['templates']).stdout).toContain('serverless-multi-region');
    expect(sizing(['catalog', 'models']).stdout).toContain('deepseek-v3');
    expect(sizing(['catalog', 'servers']).stdout).toContain('dgx300');
    expect(sizing(['catalog', 'storage']).stdout).toContain('profile_ram_cache');
    expect(sizing(['catalog', 'precisions']).stdout).toContain('nvfp4');
    expect(JSON.parse(sizing(['catalog', 'models', '--format', 'json']).stdout)).toHaveLength(8);
    const help = sizing(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--runtime-overhead-gib');
    expect(sizing(['--help', '--lang', 'pt-BR']).stdout).toContain('sessões simultâneas');
    expect(sizing(['--version']).stdout).toMatch(/^sizing \d+\.\d+\.\d+/);
  });

  it('an infeasible plan prints its result and exits 3', () => {
    const r = sizing(
      [...CASE_1, '--runtime-overhead-gib', '900'].filter(
        (_, i, a) => !(a[i] === '80' || (a[i] === '--runtime-overhead-gib' && a[i + 1] === '80')),
      ),
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('INFEASIBLE');
    expect(r.stdout).toContain('900');
  });
});
