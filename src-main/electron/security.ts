/**
 * Every hardening step of the desktop shell in one place (Electron security checklist): sandboxed
 * renderers, a strict CSP, the app:// protocol instead of file://, no navigation, no new windows,
 * no permissions, no webviews, no remote content, and the IPC sender check.
 */
import {
  app,
  protocol,
  shell,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mimeTypeFor, resolveAppFile } from './protocol-paths.js';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAllowedRequestUrl, isAppUrl } from './trust.js';

/** Must run before the app is ready: scheme privileges are fixed when Chromium starts. */
export function prepareSecurity(): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure: a real origin (so CSP 'self' and the sender check mean app://planner) in a secure context.
    // corsEnabled: Vite emits <script type="module" crossorigin>, fetched in CORS mode.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export function secureWebPreferences(preloadPath: string, isDev: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // The spell checker downloads dictionaries; this app never goes online.
    spellcheck: false,
    safeDialogs: true,
    devTools: isDev,
  };
}

/** Applied to every WebContents the app ever creates, not only the main window's. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(event.url)) void shell.openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Serves the renderer from app://planner/, denies every permission and every request that would leave the app. */
export function secureSession(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppFile(request, rendererDir));
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function serveAppFile(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405 });
  const target = resolveAppFile(request.url, rendererDir);
  if (!target) return new Response(null, { status: 403 });
  const file = (await isFile(target.path)) ? target.path : target.isRoute ? join(rendererDir, 'index.html') : null;
  if (!file) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(await readFile(file)), {
    headers: {
      'Content-Type': mimeTypeFor(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * IPC comes only from our window's own page: the sender must be that window's WebContents and the
 * sending frame must show app://planner/ (not an error page, not anything navigated to).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}
