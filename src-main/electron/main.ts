/**
 * The Electron main process: one instance, one window, the whole API contract on one IPC channel,
 * run on the store threads (store-worker) so this thread never waits on SQLite. Runs only as the
 * CJS bundle out/main/main.cjs, so __dirname is out/main in development and inside app.asar when packaged.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { IPC_CHANNELS } from '../api/bridge.js';
import type { ApiResponse } from '../api/index.js';
import { unpackedPath } from '../app-root.js';
import type { Lang } from '../engine/types.js';
import { langFromLocale, menuLabel } from '../i18n/menu-labels.js';
import { createFileLogger, messageOf, stackOf, type Logger } from '../log/logger.js';
import { resolveDbPath, StoreError, userDataDir } from '../store/index.js';
import { startApiService, type ApiService } from '../store-worker/service.js';
import { CrashRecovery, isFailure } from './crash-recovery.js';
import { langFrom } from '../i18n/text.js';
import { registerFileDialogs } from './dialogs.js';
import { installMenu, type MenuContext } from './menu.js';
import { checkNativeModule } from './native-abi.mjs';
import { isTrustedSender, prepareSecurity, secureSession } from './security.js';
import { createMainWindow } from './window.js';

const OUT_DIR = join(__dirname, '..');
const APP_DIR = join(OUT_DIR, '..');
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const IS_DEV = !app.isPackaged;
const APP_NAME = packageJson.productName;

let mainWindow: BrowserWindow | null = null;

prepareSecurity();
// The same folder as the command line's (store/paths.ts), so `sizing project list` sees the app's
// projects; tests point it elsewhere with XDG_DATA_HOME / APPDATA. Set before the instance lock, which lives there.
app.setPath('userData', userDataDir());
const LOG_DIR = join(app.getPath('userData'), 'logs');
const log = createFileLogger({ folder: LOG_DIR });
watchMainProcess(log);
if (app.requestSingleInstanceLock()) start().catch(failStartup);
else app.quit();

async function start(): Promise<void> {
  app.on('second-instance', focusMainWindow);
  await app.whenReady();
  log({
    level: 'info',
    message: `${APP_NAME} ${packageJson.version} starting (Electron ${process.versions.electron}, ${process.platform})`,
  });
  const api = rendererBuilt() ? await openProjectStore() : null;
  if (!api) {
    app.quit();
    return;
  }
  closeStoreOnQuit(api);
  const lang = () => currentLang(api);
  const menu: MenuContext = {
    appName: APP_NAME,
    versions: { version: packageJson.version, ...runtimeVersions() },
    isDev: IS_DEV,
    getWindow: () => mainWindow,
    openLogFolder,
  };
  const refreshMenu = async () => installMenu(await lang(), menu);
  const isTrusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, mainWindow);

  secureSession(session.defaultSession, RENDERER_DIR);
  registerApi(api, isTrusted);
  // The menu speaks the app's language: the contract announces each settings change.
  api.onChange((change) => (change === 'settings' ? refreshMenu() : undefined));
  registerFileDialogs({ getWindow: () => mainWindow, isTrusted, lang });
  await refreshMenu();
  watchChildProcesses(lang);
  openMainWindow(lang);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(lang);
  });
}

function openMainWindow(lang: () => Promise<Lang>): void {
  const icon = join(APP_DIR, 'assets', 'icon.png');
  const window = createMainWindow({
    title: APP_NAME,
    preloadPath: join(OUT_DIR, 'preload', 'preload.cjs'),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    isDev: IS_DEV,
    icon: existsSync(icon) ? icon : undefined,
    onLoadFailed: (error) => void windowLoadFailed(error, lang),
  });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  watchRenderer(window, lang);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * The whole API contract on one channel, no per-method code: the store threads run callApi, which
 * validates the method name and input against the contract. Only our page may call.
 */
function registerApi(api: ApiService, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(IPC_CHANNELS.apiCall, async (event, method: unknown, input: unknown, lang: unknown): Promise<ApiResponse> => {
    if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'the request did not come from the app window' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad_request', message: 'the API method name must be a string' } };
    return api.call(method, input, { lang: langFrom(lang) });
  });
}

/** Quitting waits for the store threads to finish what they were asked and close the database. */
function closeStoreOnQuit(api: ApiService): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void api.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

function runtimeVersions(): Record<'electron' | 'chrome' | 'node', string> {
  return { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node };
}

async function currentLang(api: ApiService): Promise<Lang> {
  const response = await api.call('settings.get', {});
  return response.ok ? (response.result as { lang: Lang }).lang : langFromLocale(app.getLocale());
}

/**
 * The SQLite driver this process will load: unpackaged, the build made for Electron's ABI under
 * out/native (node_modules keeps the Node build for tests); packaged, the one electron-builder
 * rebuilt in node_modules (unpacked from the asar).
 */
function nativeModulePath(): string {
  if (IS_DEV) return join(OUT_DIR, 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return unpackedPath(join(APP_DIR, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
}

/** The store's threads, or null after telling the user why not: a refused database must never mean a blank window. */
async function openProjectStore(): Promise<ApiService | null> {
  const lang = langFromLocale(app.getLocale());
  const binding = nativeModulePath();
  // A driver built for another runtime would crash or refuse to load: say which build is wrong, before loading it.
  const check = checkNativeModule(binding, process.versions.modules);
  if (check.status === 'missing') return startupError(lang, 'startupErrorTitle', menuLabel(lang, 'nativeModuleMissing', { path: binding }));
  if (check.status === 'mismatch') {
    return startupError(
      lang,
      'startupErrorTitle',
      menuLabel(lang, 'nativeModuleWrongAbi', { path: binding, found: check.foundAbi ?? '?', expected: check.expectedAbi }),
    );
  }
  try {
    return await startApiService({
      dbPath: resolveDbPath(undefined),
      workerFile: join(__dirname, 'store-worker.cjs'),
      nativeBinding: IS_DEV ? binding : undefined,
      runtime: runtimeVersions(),
      log,
    });
  } catch (error) {
    const title = error instanceof StoreError ? 'storeErrorTitle' : 'startupErrorTitle';
    return startupError(lang, title, `${messageOf(error)}\n\n${menuLabel(lang, 'storeErrorClosing')}`, error);
  }
}

function rendererBuilt(): boolean {
  const index = join(RENDERER_DIR, 'index.html');
  if (existsSync(index)) return true;
  const lang = langFromLocale(app.getLocale());
  startupError(lang, 'startupErrorTitle', menuLabel(lang, 'rendererMissing', { path: index }));
  return false;
}

/** Anything unexpected during start-up is reported and ends the app, rather than leaving no window or a blank one. */
function failStartup(error: unknown): void {
  const lang = langFromLocale(app.getLocale());
  startupError(lang, 'startupErrorTitle', messageOf(error), error);
  app.quit();
}

function startupError(lang: Lang, title: 'startupErrorTitle' | 'storeErrorTitle', message: string, error?: unknown): null {
  log({ level: 'error', message: `start-up: ${message}`, stack: stackOf(error) });
  dialog.showErrorBox(menuLabel(lang, title), message);
  return null;
}

/** Help → Report a problem: the folder with the log files, to attach to a report. */
function openLogFolder(): void {
  void shell.openPath(LOG_DIR).then((failure) => {
    if (failure) log({ level: 'warn', message: `the log folder could not be opened: ${failure}` });
  });
}

/** Errors nobody caught in this process go to the log with their stacks; the app keeps running. */
function watchMainProcess(logger: Logger): void {
  process.on('uncaughtException', (error) =>
    logger({ level: 'error', message: `uncaught exception: ${messageOf(error)}`, stack: stackOf(error) }),
  );
  process.on('unhandledRejection', (reason) =>
    logger({ level: 'error', message: `unhandled rejection: ${messageOf(reason)}`, stack: stackOf(reason) }),
  );
}

/** A page that dies is reloaded, unless it keeps dying: then the user is told and pointed at the log. */
function watchRenderer(window: BrowserWindow, lang: () => Promise<Lang>): void {
  const recovery = new CrashRecovery();
  window.webContents.on('render-process-gone', (_event, details) => {
    log({ level: 'error', message: `the window's renderer is gone: ${details.reason} (exit code ${details.exitCode})` });
    if (!isFailure(details.reason) || window.isDestroyed()) return;
    if (recovery.recordCrash(Date.now())) {
      window.webContents.reload();
      return;
    }
    void lang().then(async (l) => {
      const choice = await dialog.showMessageBox(window, {
        type: 'error',
        title: menuLabel(l, 'rendererCrashedTitle'),
        message: menuLabel(l, 'rendererCrashedTitle'),
        detail: menuLabel(l, 'rendererCrashedDetail'),
        buttons: [menuLabel(l, 'reloadWindow'), menuLabel(l, 'reportProblem'), menuLabel(l, 'quit')],
        defaultId: 0,
        cancelId: 2,
      });
      if (choice.response === 0 && !window.isDestroyed()) window.webContents.reload();
      else if (choice.response === 1) openLogFolder();
      else app.quit();
    });
  });
  window.webContents.on('unresponsive', () => log({ level: 'warn', message: "the window's renderer is not responding" }));
  window.webContents.on('responsive', () => log({ level: 'info', message: "the window's renderer responds again" }));
}

/** Chromium restarts its helpers (GPU, network, utility) by itself; one that keeps failing is worth a warning. */
function watchChildProcesses(lang: () => Promise<Lang>): void {
  const recovery = new CrashRecovery();
  let warned = false;
  app.on('child-process-gone', (_event, details) => {
    log({
      level: 'error',
      message: `${details.type} process gone: ${details.reason} (exit code ${details.exitCode}${details.serviceName ? `, ${details.serviceName}` : ''})`,
    });
    if (!isFailure(details.reason) || recovery.recordCrash(Date.now()) || warned) return;
    warned = true;
    void lang().then((l) =>
      dialog.showErrorBox(menuLabel(l, 'helperCrashedTitle'), menuLabel(l, 'helperCrashedDetail', { folder: LOG_DIR })),
    );
  });
}

/** The window's page could not load (app:// refused it, a file is missing): logged and said, never a blank window. */
async function windowLoadFailed(error: unknown, lang: () => Promise<Lang>): Promise<void> {
  log({ level: 'error', message: `the window's page did not load: ${messageOf(error)}`, stack: stackOf(error) });
  const l = await lang();
  dialog.showErrorBox(menuLabel(l, 'startupErrorTitle'), menuLabel(l, 'windowLoadFailed', { reason: messageOf(error), folder: LOG_DIR }));
}
