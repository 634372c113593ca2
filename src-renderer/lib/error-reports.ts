import type { App } from 'vue';
import type { RendererErrorReport } from '../../src-main/api/types';

/** Reports after this many in one page load are dropped: a failure in a loop must not flood the log. */
export const MAX_REPORTS_PER_PAGE = 20;

interface ErrorReporting {
  /** Sends one report to the main process (the app's log); its own failure is ignored. */
  send: (report: RendererErrorReport) => Promise<unknown>;
  /** Still shown in the developer console, as without a handler. */
  consoleError?: (...values: unknown[]) => void;
}

/**
 * Failures nobody caught in the page reach the main process's log: Vue's errors (render, watchers,
 * handlers) through app.config.errorHandler, and the window's uncaught errors and unhandled promise
 * rejections. The same path serves the desktop app (IPC) and the browser (the web host).
 */
export function installErrorReporting(app: App, target: Pick<Window, 'addEventListener'>, reporting: ErrorReporting): void {
  let sent = 0;
  const report = (source: RendererErrorReport['source'], error: unknown, info?: string) => {
    reporting.consoleError?.(error);
    if (sent >= MAX_REPORTS_PER_PAGE) return;
    sent++;
    const { message, stack } = describe(error);
    void reporting
      .send({
        source,
        message: message.slice(0, 2000),
        ...(stack ? { stack: stack.slice(0, 8000) } : {}),
        ...(info ? { info: info.slice(0, 200) } : {}),
      })
      .catch(() => {});
  };
  app.config.errorHandler = (error, _instance, info) => report('vue', error, info);
  target.addEventListener('error', (event) => report('error', (event as ErrorEvent).error ?? (event as ErrorEvent).message));
  target.addEventListener('unhandledrejection', (event) => report('unhandledrejection', (event as PromiseRejectionEvent).reason));
}

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
  return { message: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)) };
}
