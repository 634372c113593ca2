import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sizing } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** A database with the public API case and the serverless three-region plan saved in project Acme. */
function acme(): { db: string; dir: string } {
  const dir = tempDir();
  const db = join(dir, 'p.db');
  expect(sizing(['save', '--project', 'Acme', '--name', 'API', '--template', 'public-api', '--db', db]).status).toBe(0);
  expect(sizing(['save', '--project', 'Acme', '--name', 'Serverless', '--template', 'serverless-multi-region', '--db', db]).status).toBe(0);
  return { db, dir };
}

describe('plan commands: regions, compare, sweep, export', () => {
  it('show sizes a stored three-region plan: 3 nodes per region, 9 in total', () => {
    const { db } = acme();
    const json = JSON.parse(sizing(['show', '--project', 'Acme', '--scenario', 'Serverless', '--format', 'json', '--db', db]).stdout);
    expect(json.regions.map((r: any) => r.result.nodes.total)).toEqual([3, 3, 3]);
    expect(json.totals.nodes).toBe(9);
  });

  it('regions: add with overrides, set, rename, remove; HA applies per region', () => {
    const { db } = acme();
    const base = ['--project', 'Acme', '--scenario', 'Serverless', '--db', db];
    expect(sizing(['region', 'add', ...base, '--region', 'SA-East', '--concurrency', '1500', '--ha', 'none']).status).toBe(0);
    expect(sizing(['region', 'set', ...base, '--region', 'EU', '--concurrency', '2500']).status).toBe(0);
    expect(sizing(['region', 'rename', ...base, '--region', 'EU', '--new-name', 'Europe']).status).toBe(0);
    const json = JSON.parse(sizing(['show', ...base, '--format', 'json']).stdout);
    expect(json.regions.map((r: any) => [r.name, r.result.inputs.concurrency, r.result.nodes.total])).toEqual([
      ['US-East', 2000, 3],
      ['US-West', 2000, 3],
      ['Europe', 2500, 3],
      ['SA-East', 1500, 1],
    ]);
    expect(json.totals.nodes).toBe(10);
    expect(sizing(['region', 'remove', ...base, '--region', 'SA-East']).status).toBe(0);
    expect(JSON.parse(sizing(['show', ...base, '--format', 'json']).stdout).totals.nodes).toBe(9);
    const bad = sizing(['region', 'add', ...base, '--region', 'X', '--concurrency', '10', '--model', 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sizing: regions\[3\]\.overrides\.modelId: "nope"/);
    const missing = sizing(['region', 'remove', ...base, '--region', 'Mars']);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/--region: "Mars" .*US-East/)]);
  });

  it('compare prints the comparison of cases and the differences; CSV parses with a header', () => {
    const { db } = acme();
    const text = sizing(['compare', '--project', 'Acme', 'API', 'Serverless', '--db', db]).stdout;
    expect(text).toMatch(/API\s+opt-oss-120b\s+12\s+USD 6\.3 M – USD 8\.1 M\s+131k\s+N\+1/);
    // The three-region plan compares by its totals everywhere, its regions listed beside them.
    expect(text).toMatch(/Total nodes\s+12\s+\|\s+9\n/);
    expect(text).toMatch(/Concurrency\s+5,000\s+\|\s+6,000\n/);
    expect(text).toMatch(/Serverless\s+opt-oss-120b\s+9 \(3 regions\)\s+USD/);
    expect(text).toMatch(/Serverless, regions:\n\s+US-East: 2,000 sessions, 3 nodes, USD/);
    const pt = sizing(['compare', '--project', 'Acme', 'API', 'Serverless', '--lang', 'pt-BR', '--db', db]).stdout;
    expect(pt).toContain('Custo aproximado');
    expect(pt).toMatch(/Nós necessários\s+12\s+\|\s+9\n/);
    const csv = sizing(['compare', '--project', 'Acme', 'API', 'Serverless', '--format', 'csv', '--db', db]).stdout;
    expect(csv.split('\r\n')[1]).toMatch(/,API,Serverless,/);
    expect(csv).toMatch(/\r\nTotal nodes,nodesTotal,result,12,9,true\r\n/);
    expect(csv).toContain('\r\nMethod,method,input,');
    const diffs = sizing([
      'compare',
      '--project',
      'Acme',
      'API',
      'Serverless',
      '--format',
      'csv',
      '--only-differences',
      '--lang',
      'pt-BR',
      '--db',
      db,
    ]).stdout;
    expect(diffs.startsWith('sep=;\r\n')).toBe(true);
    expect(diffs).not.toContain(';method;');
    expect(diffs).toMatch(/\r\nNós necessários;nodesTotal;result;12;9;true\r\n/);
    const xlsx = sizing(['compare', '--project', 'Acme', 'API', 'Serverless', '--format', 'xlsx', '--db', db]);
    expect([xlsx.status, xlsx.stderr]).toEqual([2, expect.stringMatching(/^sizing: --out/)]);
  });

  it('sweep prints nodes against the swept input with the thresholds where a node is added', () => {
    const r = sizing([
      'sweep',
      '--template',
      'public-api',
      '--sweep',
      'concurrency',
      '--from',
      '1000',
      '--to',
      '8000',
      '--points',
      '8',
      '--format',
      'json',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.points.map((p: any) => p.nodesTotal)).toEqual([4, 6, 8, 10, 12, 14, 16, 18]);
    expect(sizing(['sweep', '--template', 'public-api', '--sweep', 'color', '--from', '1', '--to', '2']).stderr).toMatch(
      /^sizing: --sweep: "color" .*concurrency/,
    );
    expect(sizing(['sweep', '--template', 'public-api', '--sweep', 'concurrency', '--from', '9', '--to', '2']).status).toBe(2);
    // The flag's spelling works as well as the field's name, and the CSV's first column is named after it.
    const csv = sizing([
      'sweep',
      '--template',
      'public-api',
      '--sweep',
      'peak-headroom-ratio',
      '--from',
      '0',
      '--to',
      '0.5',
      '--points',
      '6',
      '--format',
      'csv',
      '--lang',
      'pt-BR',
    ]);
    expect(csv.stdout.split('\r\n').slice(0, 3)).toEqual([
      'sep=;',
      'peakHeadroomRatio;nodesTotal;capexLowUsd;capexHighUsd',
      expect.stringMatching(/^0;\d+;/),
    ]);
  });

  it('export writes CSV, PDF, SVG and PNG files for a stored scenario', () => {
    const { db, dir } = acme();
    const base = ['export', '--project', 'Acme', '--db', db];
    const out = (name: string) => join(dir, name);
    expect(sizing([...base, '--scenario', 'Serverless', '--format', 'csv', '--out', out('s.csv')]).status).toBe(0);
    expect(readFileSync(out('s.csv'), 'utf8').split('\r\n')[2]).toMatch(/^Serverless,US-East,/);
    expect(sizing([...base, '--scenario', 'Serverless', '--format', 'pdf', '--lang', 'pt-BR', '--out', out('s.pdf')]).status).toBe(0);
    const text = execFileSync('pdftotext', [out('s.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Recomendações');
    expect(text).toContain('US-West');
    expect(sizing([...base, '--scenario', 'API', '--format', 'svg', '--out', out('d.svg')]).status).toBe(0);
    expect(readFileSync(out('d.svg'), 'utf8').match(/<rect[^>]*class="node"/g)).toHaveLength(12);
    expect(sizing([...base, '--scenario', 'API', '--format', 'png', '--subject', 'memory-chart', '--out', out('m.png')]).status).toBe(0);
    expect(readFileSync(out('m.png')).subarray(1, 4).toString()).toBe('PNG');
    const bad = sizing([...base, '--scenario', 'API', '--format', 'docx', '--out', out('x')]);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringMatching(/^sizing: --format: "docx" .*csv, xlsx, pdf, svg, png/)]);
  });
});
