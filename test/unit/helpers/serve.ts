import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { SIZING_BIN } from './cli.js';

export interface ServedHost {
  child: ChildProcess;
  port: number;
  token: string;
  /** Everything the command has written to stderr so far. */
  stderr: () => string;
  stop: () => Promise<number | null>;
}

/** Starts the real `sizing serve` in a child process and waits for the printed URL. */
export function serve(db: string, extraArgs: string[] = []): Promise<ServedHost> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SIZING_BIN, 'serve', '--port', '0', '--db', db, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${err}`)));
    const onData = (d: Buffer) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      child.removeAllListeners('exit');
      resolve({
        child,
        port: Number(m[1]),
        token: m[2]!,
        stderr: () => err,
        stop: () =>
          new Promise((done) => {
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
  });
}

interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so tests control every header (Host included). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function apiCall(host: Pick<ServedHost, 'port' | 'token'>, method: string, input: unknown): Promise<RawResponse> {
  return rawRequest(host.port, {
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, Host: `127.0.0.1:${host.port}` },
    body: JSON.stringify(input),
  });
}
