// @vitest-environment happy-dom
import { reactive } from 'vue';
import { describe, expect, it } from 'vitest';
import { ApiCallError, bridgeTransport, createApiClient, httpTransport } from '../../src-renderer/api/client';
import { splitToken, takeTokenFromLocation } from '../../src-renderer/api/token';

function fetchAnswering(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return async (url, init) => {
    seen.url = String(url);
    seen.init = init;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

describe('api client over HTTP', () => {
  it('posts JSON to ./api/<method> with the bearer token and returns the result', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient(httpTransport('tok', fetchAnswering(200, { result: [{ id: 1, name: 'A' }] }, seen)));
    const rows = await api.call('projects.list', { search: 'A' });
    expect(rows).toEqual([{ id: 1, name: 'A' }]);
    expect(seen.url).toBe('./api/projects.list');
    expect(seen.init?.method).toBe('POST');
    expect(new Headers(seen.init?.headers).get('Authorization')).toBe('Bearer tok');
    expect(seen.init?.body).toBe('{"search":"A"}');
  });

  it('turns an error body into an ApiCallError with code, message and field', async () => {
    const api = createApiClient(
      httpTransport(
        'tok',
        fetchAnswering(422, { error: { code: 'invalid_input', message: 'record.gpus: expected a number', field: 'record.gpus' } }),
      ),
    );
    const error = await api.call('catalog.add', { kind: 'server', record: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'record.gpus: expected a number', field: 'record.gpus' });
  });

  it('reports a refused token and an unreachable planner as such', async () => {
    const refused = await createApiClient(
      httpTransport(null, fetchAnswering(401, { error: { code: 'unauthorized', message: 'missing or wrong token' } })),
    )
      .call('settings.get', {})
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unauthorized' });
    const down = await createApiClient(httpTransport('tok', async () => Promise.reject(new TypeError('Failed to fetch'))))
      .call('settings.get', {})
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'network' });
    const html = await createApiClient(httpTransport('tok', fetchAnswering(502, '<html>')))
      .call('settings.get', {})
      .catch((e: unknown) => e);
    expect(html).toMatchObject({ code: 'internal' });
  });
});

describe('api client over the preload bridge', () => {
  it('forwards method and input and unwraps the response', async () => {
    const seen: unknown[] = [];
    const bridge = {
      call: async (method: string, input: unknown) => (seen.push([method, input]), { ok: true as const, result: { deleted: 3 } }),
      saveFile: async () => ({ saved: false }),
      openFile: async () => null,
      onMenuCommand: () => () => {},
    };
    const api = createApiClient(bridgeTransport(bridge));
    expect(await api.call('projects.delete', { id: 3 })).toEqual({ deleted: 3 });
    expect(seen).toEqual([['projects.delete', { id: 3 }]]);
  });
});

describe('reactive state in a request', () => {
  it("crosses the preload bridge as plain data, as Electron's structured clone needs (it refuses Vue's proxies)", async () => {
    const seen: unknown[] = [];
    const bridge = {
      // What ipcRenderer.invoke does to its arguments.
      call: async (method: string, input: unknown) => (seen.push(structuredClone(input)), { ok: true as const, result: [] }),
      saveFile: async () => ({ saved: false }),
      openFile: async () => null,
      onMenuCommand: () => () => {},
    };
    const regions = reactive([{ name: 'São Paulo', overrides: { concurrency: 800 } }]);
    expect(() => structuredClone({ regions })).toThrow(/could not be cloned/);
    await createApiClient(bridgeTransport(bridge)).call('projects.list', { regions, dropped: undefined } as never);
    expect(seen).toEqual([{ regions: [{ name: 'São Paulo', overrides: { concurrency: 800 } }] }]);
  });
});

describe('the web host token', () => {
  it('is found alone or after a route, and the rest of the address is kept', () => {
    expect(splitToken('#token=abc')).toEqual({ token: 'abc', rest: '' });
    expect(splitToken('#/scenario/4?token=abc')).toEqual({ token: 'abc', rest: '/scenario/4' });
    expect(splitToken('#/projects')).toEqual({ token: null, rest: '/projects' });
  });

  it('moves from the address bar to sessionStorage, so a reload still works and the URL no longer shows it', () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/#/scenario/7?token=s3cret');
    expect(takeTokenFromLocation(window.location, window.sessionStorage, window.history)).toBe('s3cret');
    expect(window.location.hash).toBe('#/scenario/7');
    expect(window.sessionStorage.getItem('sizing.token')).toBe('s3cret');
    expect(takeTokenFromLocation(window.location, window.sessionStorage, window.history)).toBe('s3cret');
  });
});

describe('the app language travels with every call, so errors come back in it', () => {
  it('over HTTP as Accept-Language, read at each call', async () => {
    let lang: 'en' | 'pt-BR' = 'pt-BR';
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient(httpTransport('tok', fetchAnswering(200, { result: [] }, seen)), () => lang);
    await api.call('projects.list', {});
    expect(new Headers(seen.init?.headers).get('Accept-Language')).toBe('pt-BR');
    lang = 'en';
    await api.call('projects.list', {});
    expect(new Headers(seen.init?.headers).get('Accept-Language')).toBe('en');
  });

  it('over the preload bridge as the third argument', async () => {
    const seen: unknown[] = [];
    const bridge = {
      call: async (method: string, input: unknown, lang?: string) => (seen.push([method, input, lang]), { ok: true as const, result: [] }),
      saveFile: async () => ({ saved: false }),
      openFile: async () => null,
      onMenuCommand: () => () => {},
    };
    await createApiClient(bridgeTransport(bridge), () => 'pt-BR').call('projects.list', {});
    expect(seen).toEqual([['projects.list', {}, 'pt-BR']]);
  });
});
