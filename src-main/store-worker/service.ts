/**
 * The API contract served off the host's thread. Two store threads each own a connection to the
 * project database: the writer runs every method that writes, in order; the reader runs the rest.
 * SQLite's WAL lets the reader read while a write waits for another program's lock, and neither
 * the web host's event loop nor Electron's main process ever waits on SQLite: they only pass
 * messages. A store thread that fails is replaced on the next call.
 */
import { Worker } from 'node:worker_threads';
import { CONTRACT, isApiMethod, type ApiChange, type ApiResponse, type CallOptions } from '../api/index.js';
import type { Lang } from '../engine/types.js';
import { messageOf, type Logger } from '../log/logger.js';
import { StoreError } from '../store/errors.js';
import type { FromStoreThread, SerializedError, StoreRole, StoreThreadSetup, ToStoreThread } from './protocol.js';

interface ApiServiceOptions {
  dbPath: string;
  /** The bundled thread.ts: out/cli/store-worker.mjs for the command line, out/main/store-worker.cjs in Electron. */
  workerFile: string;
  nativeBinding?: string;
  runtime?: Record<string, string>;
  /** Slow calls, failures and the renderer's reports go here. */
  log?: Logger;
  /** A call that takes longer than this is logged with its method and duration. */
  slowCallMs?: number;
}

export interface ApiService {
  readonly dbPath: string;
  /** Runs one API call; like callApi, never rejects, and its error message is in `options.lang`. */
  call(method: string, input: unknown, options?: CallOptions): Promise<ApiResponse>;
  /**
   * Told after each successful call that changed something others follow; the call answers once
   * the listeners have finished (the menu is in the new language when settings.set returns).
   * Returns the unsubscribe.
   */
  onChange(listener: (change: ApiChange) => void | Promise<void>): () => void;
  /** Lets calls already sent finish, then closes both connections. */
  close(): Promise<void>;
}

/** Longer than a frame many times over: worth a line in the log. */
const DEFAULT_SLOW_CALL_MS = 500;

/** Opens the database on the writer first (it creates and migrates), then the reader. Rejects with the store's refusal. */
export async function startApiService(options: ApiServiceOptions): Promise<ApiService> {
  const log = options.log ?? (() => {});
  const setup = (role: StoreRole): StoreThreadSetup => ({
    role,
    dbPath: options.dbPath,
    nativeBinding: options.nativeBinding,
    runtime: options.runtime ?? { node: process.versions.node },
  });
  const writer = new StoreThread(options.workerFile, setup('writer'), log);
  await writer.start();
  const reader = new StoreThread(options.workerFile, setup('reader'), log);
  try {
    await reader.start();
  } catch (error) {
    await writer.close();
    throw error;
  }
  const listeners = new Set<(change: ApiChange) => void | Promise<void>>();
  const slowCallMs = options.slowCallMs ?? DEFAULT_SLOW_CALL_MS;

  return {
    dbPath: options.dbPath,
    async call(method, input, { lang = 'en' } = {}) {
      const def = isApiMethod(method) ? CONTRACT[method] : undefined;
      const startedAt = performance.now();
      const response = await (def?.writes ? writer : reader).call(method, input, lang);
      const ms = performance.now() - startedAt;
      // Method and duration only: never the input, which is the user's data.
      if (ms > slowCallMs) log({ level: 'info', message: `slow API call: ${method} took ${Math.round(ms)} ms` });
      const change = response.ok ? def?.changes : undefined;
      if (change) await Promise.allSettled([...listeners].map(async (listener) => listener(change)));
      return response;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      await Promise.all([writer.close(), reader.close()]);
    },
  };
}

interface Pending {
  resolve: (response: ApiResponse) => void;
  method: string;
}

/** One worker thread and its calls in flight; restarted when it has died. */
class StoreThread {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly file: string,
    private readonly setup: StoreThreadSetup,
    private readonly log: Logger,
  ) {}

  start(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.file, { workerData: this.setup, name: `store-${this.setup.role}` });
      this.worker = worker;
      worker.on('message', (message: FromStoreThread) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'open-failed') {
          reject(deserializeError(message.error));
          void worker.terminate();
        } else if (message.kind === 'answer') this.answer(message.id, message.response);
        else if (message.kind === 'log') this.log(message.entry);
      });
      worker.on('error', (error) => {
        this.log({ level: 'error', message: `the store's ${this.setup.role} thread failed: ${messageOf(error)}`, stack: error.stack });
        reject(error);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.stopped(code);
        reject(new Error(`the store's ${this.setup.role} thread stopped (exit code ${code}) before it was ready`));
      });
    });
    return this.ready;
  }

  async call(method: string, input: unknown, lang: Lang): Promise<ApiResponse> {
    try {
      await this.start();
    } catch (error) {
      return { ok: false, error: { code: 'store_error', message: messageOf(error) } };
    }
    const id = this.nextId++;
    return new Promise<ApiResponse>((resolve) => {
      this.pending.set(id, { resolve, method });
      this.worker!.postMessage({ kind: 'call', id, method, input, lang } satisfies ToStoreThread);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ kind: 'close' } satisfies ToStoreThread);
    });
  }

  private answer(id: number, response: ApiResponse): void {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    pending?.resolve(response);
  }

  /** Calls in flight get an answer that says what happened; the next call starts a new thread. */
  private stopped(code: number): void {
    this.worker = null;
    this.ready = null;
    if (this.closing) return;
    this.log({
      level: 'error',
      message: `the store's ${this.setup.role} thread stopped (exit code ${code}); ${this.pending.size} call(s) in flight were answered with an error; it restarts on the next call`,
    });
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.resolve({
        ok: false,
        error: { code: 'internal', message: `internal error: the store stopped while running ${pending.method}; try again` },
      });
    }
  }
}

/** A StoreError stays a StoreError across the thread boundary (callers tell refusals from failures by class). */
function deserializeError(serialized: SerializedError): Error {
  const error = serialized.isStoreError ? (Object.create(StoreError.prototype) as Error) : new Error();
  return Object.assign(error, serialized.fields, { name: serialized.name, message: serialized.message, stack: serialized.stack });
}
