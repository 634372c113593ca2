import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WEB_CONTENT_SECURITY_POLICY, startWebHost, type WebHost } from '../../../src-main/web/server.js';
import { isJsonContentType, isLoopbackAuthority } from '../../../src-main/web/requests.js';
import { ROOT } from '../helpers/cli.js';
import { rawRequest } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp.js';

const SECRET = 'the secret next to the app folder';
let host: WebHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A real host over a small app folder with a secret file beside it, independent of the renderer build. */
async function hostOverFixtureFolder(): Promise<WebHost> {
  const dir = tempDir();
  const app = join(dir, 'app');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(app, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  host = await startWebHost({ api: async () => ({ ok: true, result: null }), staticDir: app });
  return host;
}

const get = (h: WebHost, path: string) => rawRequest(h.port, { method: 'GET', path, headers: { Host: `127.0.0.1:${h.port}` } });

describe('static files of the web host', () => {
  it('serves files inside the app folder, and index.html for routes', async () => {
    const h = await hostOverFixtureFolder();
    const script = await get(h, '/assets/main.js');
    expect([script.status, script.body, script.headers['content-type']]).toEqual([200, 'console.log(1)', 'text/javascript; charset=utf-8']);
    expect((await get(h, '/scenario/4')).body).toContain('<div id="app">');
  });

  // The URL parser already folds "/../" away, so only encoded separators reach the guard.
  for (const attack of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%2F..%2Fapp%2F..%2Fsecret.txt']) {
    it(`refuses ${attack} with 403 and never sends the file outside`, async () => {
      const h = await hostOverFixtureFolder();
      const r = await get(h, attack);
      expect(r.status).toBe(403);
      expect(r.body).not.toContain(SECRET);
    });
  }

  it('sends the page policy as a header on files and on API answers', async () => {
    const h = await hostOverFixtureFolder();
    expect((await get(h, '/')).headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    const api = await rawRequest(h.port, { path: '/api/app.info', headers: { Host: `127.0.0.1:${h.port}` }, body: '{}' });
    expect([api.status, api.headers['content-security-policy']]).toEqual([401, WEB_CONTENT_SECURITY_POLICY]);
  });

  it("the header's policy is the renderer's meta policy plus frame-ancestors 'none'", () => {
    const html = readFileSync(join(ROOT, 'src-renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(WEB_CONTENT_SECURITY_POLICY).toBe(`${meta}; frame-ancestors 'none'`);
  });
});

describe('request header checks', () => {
  it('accepts only application/json, in UTF-8 when a charset is named', () => {
    const accepted = ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"'];
    const refused = [
      undefined,
      '',
      'text/plain',
      'application/json-seq',
      'application/jsonp',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ];
    expect(accepted.filter(isJsonContentType)).toEqual(accepted);
    expect(refused.filter(isJsonContentType)).toEqual([]);
  });

  it('a Host or an Origin must be the loopback address on this port', () => {
    expect([isLoopbackAuthority('127.0.0.1:8080', 8080), isLoopbackAuthority('localhost:8080', 8080)]).toEqual([true, true]);
    for (const foreign of [undefined, '127.0.0.1:8081', 'evil.example:8080', '127.0.0.1.evil.example:8080', '[::1]:8080', '127.0.0.1']) {
      expect(isLoopbackAuthority(foreign, 8080)).toBe(false);
    }
  });
});
