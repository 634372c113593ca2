import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { findTemplate } from '../../../src-main/engine/index.js';
import { sizingAsync } from '../helpers/cli.js';
import { apiCall, rawRequest, serve, type ServedHost } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp.js';

let host: ServedHost;
let dir: string;
const saas = findTemplate('saas-startup')!.inputs;

beforeAll(async () => {
  // Not tempDir(): that one is emptied after each test, and this server lives for the whole file.
  dir = mkdtempSync(join(tmpdir(), 'sizing-web-'));
  host = await serve(join(dir, 'web.db'));
});
afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const json = { 'Content-Type': 'application/json' };
const auth = () => ({ Authorization: `Bearer ${host.token}` });
const hostHeader = () => ({ Host: `127.0.0.1:${host.port}` });

async function stillServing() {
  const r = await apiCall(host, 'projects.list', {});
  expect(r.status).toBe(200);
}

describe('loopback web host (real server in a child process)', () => {
  it('serves the API contract: size case 1 over HTTP', async () => {
    const r = await apiCall(host, 'sizing.scenario', { inputs: saas });
    expect(r.status).toBe(200);
    const { result } = JSON.parse(r.body);
    expect([result.sessionsPerNode, result.nodes.total]).toEqual([1740, 1]);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  const refusals: Array<[string, () => Parameters<typeof rawRequest>[1], number, string]> = [
    ['no token', () => ({ path: '/api/projects.list', headers: { ...json, ...hostHeader() }, body: '{}' }), 401, 'unauthorized'],
    ['a wrong token of the same length', () => ({ path: '/api/projects.list', headers: { ...json, ...hostHeader(), Authorization: `Bearer ${host.token.replace(/./g, 'A')}` }, body: '{}' }), 401, 'unauthorized'],
    ['a foreign Host (DNS rebinding)', () => ({ path: '/api/projects.list', headers: { ...json, ...auth(), Host: `evil.example:${host.port}` }, body: '{}' }), 403, 'forbidden'],
    ['a foreign Origin', () => ({ path: '/api/projects.list', headers: { ...json, ...auth(), ...hostHeader(), Origin: 'http://evil.example' }, body: '{}' }), 403, 'forbidden'],
    ['an oversized body', () => ({ path: '/api/projects.create', headers: { ...json, ...auth(), ...hostHeader() }, body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }) }), 413, 'too_large'],
    ['malformed JSON', () => ({ path: '/api/projects.create', headers: { ...json, ...auth(), ...hostHeader() }, body: '{"name": ' }), 400, 'bad_request'],
    ['an unknown method', () => ({ path: '/api/projects.explode', headers: { ...json, ...auth(), ...hostHeader() }, body: '{}' }), 404, 'unknown_method'],
    ['invalid input', () => ({ path: '/api/sizing.scenario', headers: { ...json, ...auth(), ...hostHeader() }, body: JSON.stringify({ inputs: { ...saas, kvBudgetRatio: 3 } }) }), 422, 'invalid_input'],
    ['a body that is not JSON', () => ({ path: '/api/projects.list', headers: { 'Content-Type': 'text/plain', ...auth(), ...hostHeader() }, body: 'hi' }), 415, 'bad_request'],
    ['a malformed percent-encoded address', () => ({ path: '/api/projects.%E0%A4%A', headers: { ...json, ...auth(), ...hostHeader() }, body: '{}' }), 400, 'bad_request'],
    ['GET on the API', () => ({ method: 'GET', path: '/api/projects.list', headers: { ...auth(), ...hostHeader() } }), 405, 'bad_request'],
  ];

  for (const [name, build, status, code] of refusals) {
    it(`refuses ${name} with ${status}, and keeps serving`, async () => {
      const r = await rawRequest(host.port, build());
      expect(r.status).toBe(status);
      const body = JSON.parse(r.body);
      expect(body.error.code).toBe(code);
      expect(body.error.message).not.toMatch(/\n\s+at /);
      await stillServing();
    });
  }

  it('invalid input names the field', async () => {
    const r = await apiCall(host, 'sizing.scenario', { inputs: { ...saas, kvBudgetRatio: 3 } });
    expect(JSON.parse(r.body).error.field).toBe('inputs.kvBudgetRatio');
  });

  it('static files cannot escape the app folder', async () => {
    const r = await rawRequest(host.port, { method: 'GET', path: '/../../package.json', headers: hostHeader() });
    expect(r.body).not.toContain('"devDependencies"');
  });

  it('the command line and the web host write to the same database at once: no lost write, no error', async () => {
    const db = join(dir, 'web.db');
    const project = JSON.parse((await apiCall(host, 'projects.create', { name: 'shared' })).body).result;
    const httpWrites = Array.from({ length: 40 }, (_, i) => apiCall(host, 'scenarios.create', { projectId: project.id, name: `web-${i}`, inputs: saas }));
    const cliWrites = Array.from({ length: 6 }, (_, i) => sizingAsync(['save', '--project', 'shared', '--name', `cli-${i}`, '--template', 'public-api', '--db', db]));
    const [web, cli] = await Promise.all([Promise.all(httpWrites), Promise.all(cliWrites)]);
    for (const r of web) expect(r.status, r.body).toBe(200);
    for (const r of cli) expect([r.status, r.stderr]).toEqual([0, '']);
    const raw = new Database(db, { readonly: true });
    const names = (raw.prepare('SELECT name FROM scenarios WHERE project_id = ?').all(project.id) as { name: string }[]).map((r) => r.name);
    raw.close();
    expect(names).toHaveLength(46);
  });

  it('stops cleanly on SIGTERM, closing the database', async () => {
    const db = join(tempDir(), 'stop.db');
    const other = await serve(db);
    expect((await apiCall(other, 'projects.create', { name: 'x' })).status).toBe(200);
    expect(await other.stop()).toBe(0);
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
