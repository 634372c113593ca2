import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
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

/**
 * Streams a chunked body (or one under the given headers) of up to maxBytes, writing only as fast as
 * the server reads, and reports when the answer came relative to what had been sent.
 */
function sendEndlessChunkedBody(target: ServedHost, maxBytes: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; answeredBeforeTheEnd: boolean; bytesSentWhenAnswered: number }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: 'POST',
        path: '/api/projects.create',
        headers: { ...json, Authorization: `Bearer ${target.token}`, Host: `127.0.0.1:${target.port}`, ...headers },
      },
      (res) => {
        // The status line is the answer; the rest of the request is abandoned here.
        answered = true;
        resolve({ status: res.statusCode!, answeredBeforeTheEnd: sent < maxBytes, bytesSentWhenAnswered: sent });
        req.destroy();
      },
    );
    // After the answer, the server closing while the body still flows is the expected end; before it, a failure.
    req.on('error', (error) => {
      if (!answered) reject(new Error(`the connection ended without an answer: ${error.message}`));
    });
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('{"name": "');
    pump();
  });
}

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
    [
      'a wrong token of the same length',
      () => ({
        path: '/api/projects.list',
        headers: { ...json, ...hostHeader(), Authorization: `Bearer ${host.token.replace(/./g, 'A')}` },
        body: '{}',
      }),
      401,
      'unauthorized',
    ],
    [
      'a foreign Host (DNS rebinding)',
      () => ({ path: '/api/projects.list', headers: { ...json, ...auth(), Host: `evil.example:${host.port}` }, body: '{}' }),
      403,
      'forbidden',
    ],
    [
      'a foreign Origin',
      () => ({ path: '/api/projects.list', headers: { ...json, ...auth(), ...hostHeader(), Origin: 'http://evil.example' }, body: '{}' }),
      403,
      'forbidden',
    ],
    [
      'an oversized body',
      () => ({
        path: '/api/projects.create',
        headers: { ...json, ...auth(), ...hostHeader() },
        body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
      }),
      413,
      'too_large',
    ],
    [
      'malformed JSON',
      () => ({ path: '/api/projects.create', headers: { ...json, ...auth(), ...hostHeader() }, body: '{"name": ' }),
      400,
      'bad_request',
    ],
    [
      'an unknown method',
      () => ({ path: '/api/projects.explode', headers: { ...json, ...auth(), ...hostHeader() }, body: '{}' }),
      404,
      'unknown_method',
    ],
    [
      'invalid input',
      () => ({
        path: '/api/sizing.scenario',
        headers: { ...json, ...auth(), ...hostHeader() },
        body: JSON.stringify({ inputs: { ...saas, kvBudgetRatio: 3 } }),
      }),
      422,
      'invalid_input',
    ],
    [
      'a body that is not JSON',
      () => ({ path: '/api/projects.list', headers: { 'Content-Type': 'text/plain', ...auth(), ...hostHeader() }, body: 'hi' }),
      415,
      'bad_request',
    ],
    [
      'a JSON-like media type',
      () => ({ path: '/api/projects.list', headers: { 'Content-Type': 'application/json-seq', ...auth(), ...hostHeader() }, body: '{}' }),
      415,
      'bad_request',
    ],
    [
      'JSON in another charset',
      () => ({
        path: '/api/projects.list',
        headers: { 'Content-Type': 'application/json; charset=latin1', ...auth(), ...hostHeader() },
        body: '{}',
      }),
      415,
      'bad_request',
    ],
    [
      'a malformed percent-encoded address',
      () => ({ path: '/api/projects.%E0%A4%A', headers: { ...json, ...auth(), ...hostHeader() }, body: '{}' }),
      400,
      'bad_request',
    ],
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

  it('serves the built planner at / with its policy as a header, frame-ancestors included', async () => {
    const r = await rawRequest(host.port, { method: 'GET', path: '/', headers: hostHeader() });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="app">');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('an authenticated chunked body over 1 MiB is answered 413 while it is still being sent, and reading stops', async () => {
    const outcome = await sendEndlessChunkedBody(host, 64 * 1024 * 1024);
    expect(outcome.status).toBe(413);
    expect(outcome.answeredBeforeTheEnd).toBe(true);
    expect(outcome.bytesSentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    await stillServing();
  });

  it('a declared Content-Length over 1 MiB is answered 413 at once', async () => {
    const outcome = await sendEndlessChunkedBody(host, 8 * 1024 * 1024, { 'Content-Length': String(30 * 1024 ** 3) });
    expect([outcome.status, outcome.answeredBeforeTheEnd]).toEqual([413, true]);
    await stillServing();
  });

  it('an import error names its field: the file itself, or the path inside it', async () => {
    const notAnObject = JSON.parse((await apiCall(host, 'projects.import', { file: 5 })).body);
    expect(notAnObject.error.field).toBe('file');
    const wrongFormat = JSON.parse((await apiCall(host, 'projects.import', { file: { format: 'x' } })).body);
    expect(wrongFormat.error.field).toBe('file.format');
  });

  it("a renderer's reported error reaches the host's stderr with its stack, the token never", async () => {
    const before = host.stderr().length;
    const r = await apiCall(host, 'app.reportError', {
      source: 'unhandledrejection',
      message: `TypeError: boom near #token=${host.token} and ${host.token}`,
      stack: 'TypeError: boom\n    at load (scenario.ts:12:3)',
    });
    expect(JSON.parse(r.body)).toEqual({ result: { logged: true } });
    await expect
      .poll(() => host.stderr().slice(before))
      .toContain('ERROR renderer unhandledrejection: TypeError: boom near #token=[redacted] and [redacted]');
    expect(host.stderr().slice(before)).toContain('    at load (scenario.ts:12:3)');
    expect(host.stderr()).not.toContain(host.token);
  });

  it('--verbose logs method, path, status and duration of every request, never the token', async () => {
    const verbose = await serve(join(dir, 'verbose.db'), ['--verbose']);
    try {
      await apiCall(verbose, 'projects.list', {});
      await rawRequest(verbose.port, {
        method: 'GET',
        path: `/index.html?token=${verbose.token}`,
        headers: { Host: `127.0.0.1:${verbose.port}` },
      });
      await rawRequest(verbose.port, { path: '/api/projects.list', headers: { ...json, Host: `127.0.0.1:${verbose.port}` }, body: '{}' });
      await expect.poll(() => verbose.stderr().trim().split('\n').length).toBe(3);
      const lines = verbose.stderr().trim().split('\n');
      expect(lines[0]).toMatch(/^POST \/api\/projects\.list 200 \d+\.\d ms$/);
      expect(lines[1]).toMatch(/^GET \/index\.html 200 \d+\.\d ms$/);
      expect(lines[2]).toMatch(/^POST \/api\/projects\.list 401 \d+\.\d ms$/);
      expect(verbose.stderr()).not.toContain(verbose.token);
    } finally {
      await verbose.stop();
    }
    expect(host.stderr()).not.toContain(host.token);
  });

  it('the command line and the web host write to the same database at once: no lost write, no error', async () => {
    const db = join(dir, 'web.db');
    const project = JSON.parse((await apiCall(host, 'projects.create', { name: 'shared' })).body).result;
    const httpWrites = Array.from({ length: 40 }, (_, i) =>
      apiCall(host, 'scenarios.create', { projectId: project.id, name: `web-${i}`, inputs: saas }),
    );
    const cliWrites = Array.from({ length: 6 }, (_, i) =>
      sizingAsync(['save', '--project', 'shared', '--name', `cli-${i}`, '--template', 'public-api', '--db', db]),
    );
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
