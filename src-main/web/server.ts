import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { mimeTypeFor } from '../mime.js';
import { HTTP_STATUS, type ApiErrorBody, type ApiResponse } from '../api/index.js';
import type { Lang } from '../engine/types.js';
import { readLimitedBody } from './body.js';
import { isJsonContentType, isLoopbackAuthority } from './requests.js';
import { langFrom } from '../i18n/text.js';
import { decodeUtf8, TextError } from '../schemas/text.js';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The page's policy, as a header too: the same directives as the meta tag in src-renderer/index.html
 * (a test keeps them equal) plus frame-ancestors, which only a header can carry.
 */
export const WEB_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; frame-ancestors 'none'";

/** One API call as the host hands it on: the method name, the parsed JSON body, and the language errors come back in (from Accept-Language). */
type ApiCaller = (method: string, input: unknown, options: { lang: Lang }) => Promise<ApiResponse>;

/** One answered request, for `sizing serve --verbose`: never the token, the query or the body. */
interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

interface WebHostOptions {
  /** Runs one call of the API contract (the store worker's `call`, or callApi on a context). */
  api: ApiCaller;
  port?: number;
  /** Built renderer folder (out/renderer); when absent only the API is served. */
  staticDir?: string;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  onRequest?: (entry: RequestLogEntry) => void;
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
 * The store never runs on this thread (see store-worker/), so files and reads keep being served
 * while a write waits for a lock.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  let port = 0;
  const server = createServer((req, res) => {
    const startedAt = performance.now();
    handle(req, res)
      .catch((error: unknown) => {
        sendError(res, {
          code: 'internal',
          message: `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        });
      })
      // Every path has written its answer by now (a refused body's connection may still linger).
      .finally(() =>
        options.onRequest?.({
          method: req.method ?? '?',
          path: pathForLog(req.url),
          status: res.statusCode,
          durationMs: performance.now() - startedAt,
        }),
      );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackAuthority(req.headers.host, port))
      return sendError(res, { code: 'forbidden', message: 'requests must address this host as 127.0.0.1 or localhost' });
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackAuthority(originAuthority(origin), port))
      return sendError(res, { code: 'forbidden', message: 'cross-origin requests are refused' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const pathname = safeDecode(url.pathname);
    if (pathname === null) return sendError(res, { code: 'bad_request', message: 'the address is not valid percent-encoding' });
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, { code: 'bad_request', message: 'only GET for files and POST for the API' }, 405);
    return serveStatic(res, options.staticDir, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== tokenBytes.length || !timingSafeEqual(auth, tokenBytes)) {
      return sendError(res, { code: 'unauthorized', message: 'missing or wrong token: use the URL printed by sizing serve' });
    }
    if (req.method !== 'POST') return sendError(res, { code: 'bad_request', message: 'API calls use POST' }, 405);
    if (!isJsonContentType(req.headers['content-type']))
      return sendError(res, { code: 'bad_request', message: 'the body must be JSON (Content-Type: application/json, UTF-8)' }, 415);
    const body = await readLimitedBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') return sendError(res, { code: 'too_large', message: `the body is larger than ${MAX_BODY_BYTES} bytes` });
    let input: unknown;
    try {
      // Strict UTF-8: invalid bytes are refused, not turned into U+FFFD and stored.
      const text = decodeUtf8(body);
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch (error) {
      const reason = error instanceof TextError ? `: ${error.text.en}` : '';
      return sendError(res, { code: 'bad_request', message: `the body is not valid JSON${reason}` });
    }
    const response = await options.api(method, input, { lang: langFrom(req.headers['accept-language']) });
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
    close: () =>
      new Promise<void>((resolve) => {
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

/** "http://127.0.0.1:8080" → "127.0.0.1:8080"; anything that is not plain http gives undefined. */
function originAuthority(origin: string): string | undefined {
  return origin.startsWith('http://') ? origin.slice('http://'.length) : undefined;
}

/** The path alone: the query string (where a careless link could carry a token) never reaches the log. */
function pathForLog(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!.split('#')[0]!;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

/**
 * How long the connection of a request whose body was refused unread stays open after the answer.
 * Closing at once, while the client is still sending, resets the connection, and the client's
 * system may drop the answer before the client reads it.
 */
const LINGER_MS = 1000;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  const req = res.req;
  const unreadBody = !req.complete && (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...SECURITY_HEADERS,
    ...(unreadBody ? { Connection: 'close' } : {}),
  });
  if (!unreadBody) return void res.end(body);
  // Read no more of it: the whole answer goes out now (its length is declared), the close a moment later.
  req.pause();
  res.write(body);
  setTimeout(() => res.end(), LINGER_MS).unref();
}

function sendError(res: ServerResponse, error: ApiErrorBody, status = HTTP_STATUS[error.code]): void {
  send(res, status, JSON.stringify({ error }), 'application/json; charset=utf-8');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Serves files strictly inside staticDir; anything else that is not a file falls back to index.html. */
async function serveStatic(res: ServerResponse, staticDir: string | undefined, pathname: string): Promise<void> {
  if (!staticDir || !(await isFile(join(staticDir, 'index.html')))) {
    return send(res, 404, 'The planner UI is not built: run npm run build, then sizing serve again.', 'text/plain; charset=utf-8');
  }
  const root = normalize(staticDir + sep);
  const requested = normalize(join(root, pathname));
  if (!requested.startsWith(root)) return sendError(res, { code: 'forbidden', message: 'outside the app folder' });
  const file = (await isFile(requested)) ? requested : join(root, 'index.html');
  send(res, 200, await readFile(file), mimeTypeFor(file));
}
