import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { mimeTypeFor } from '../mime.js';
import { callApi, HTTP_STATUS, type ApiContext, type ApiErrorBody } from '../api/index.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface WebHostOptions {
  ctx: ApiContext;
  port?: number;
  /** Built renderer folder (out/renderer); when absent only the API is served. */
  staticDir?: string;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close: () => Promise<void>;
}


/**
 * The loopback web host: the renderer's files and the API contract as POST /api/<method>.
 * Listens on 127.0.0.1 only; every API call needs the per-run token; foreign Host or Origin
 * headers are refused (DNS rebinding); JSON bodies only, at most 1 MiB; no CORS headers at all.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendError(res, { code: 'internal', message: `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) return sendError(res, { code: 'forbidden', message: 'requests must address this host as 127.0.0.1 or localhost' });
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin, port)) return sendError(res, { code: 'forbidden', message: 'cross-origin requests are refused' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const pathname = safeDecode(url.pathname);
    if (pathname === null) return sendError(res, { code: 'bad_request', message: 'the address is not valid percent-encoding' });
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, { code: 'bad_request', message: 'only GET for files and POST for the API' }, 405);
    return serveStatic(res, options.staticDir, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== tokenBytes.length || !timingSafeEqual(auth, tokenBytes)) {
      return sendError(res, { code: 'unauthorized', message: 'missing or wrong token: use the URL printed by sizing serve' });
    }
    if (req.method !== 'POST') return sendError(res, { code: 'bad_request', message: 'API calls use POST' }, 405);
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) return sendError(res, { code: 'bad_request', message: 'the body must be JSON (Content-Type: application/json)' }, 415);
    const body = await readBody(req);
    if (body === 'too-large') return sendError(res, { code: 'too_large', message: `the body is larger than ${MAX_BODY_BYTES} bytes` });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, { code: 'bad_request', message: 'the body is not valid JSON' });
    }
    const response = await callApi(options.ctx, method, input);
    if (!response.ok) return sendError(res, response.error);
    send(res, 200, JSON.stringify({ result: response.result }), 'application/json; charset=utf-8');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** A path decoded once, or null when its %-escapes are malformed (a 400, not a crash). */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isLoopbackOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

function sendError(res: ServerResponse, error: ApiErrorBody, status = HTTP_STATUS[error.code]): void {
  send(res, status, JSON.stringify({ error }), 'application/json; charset=utf-8');
}

/** Serves files strictly inside staticDir; anything else that is not a file falls back to index.html. */
function serveStatic(res: ServerResponse, staticDir: string | undefined, pathname: string): void {
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    return send(res, 404, 'The planner UI is not built: run npm run build, then sizing serve again.', 'text/plain; charset=utf-8');
  }
  const root = normalize(staticDir + sep);
  let file = normalize(join(root, pathname));
  if (!file.startsWith(root)) return sendError(res, { code: 'forbidden', message: 'outside the app folder' });
  if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
  send(res, 200, readFileSync(file), mimeTypeFor(file));
}
