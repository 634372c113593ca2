/**
 * The Electron main process: one instance, one window, the project store, and the whole API
 * contract on one IPC channel. Runs only as the CJS bundle out/main/main.cjs, so __dirname is
 * out/main in development and inside app.asar when packaged.
 */
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { IPC_CHANNELS } from '../api/bridge.js';
import { callApi, createApiContext, type ApiContext, type ApiResponse } from '../api/index.js';
import type { Lang } from '../engine/types.js';
import { langFromLocale, menuLabel } from '../i18n/menu-labels.js';
import { openStore, resolveDbPath, StoreError, userDataDir, type Store } from '../store/index.js';
import { registerFileDialogs } from './dialogs.js';
import { installMenu, type MenuContext } from './menu.js';
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
if (app.requestSingleInstanceLock()) start().catch(failStartup);
else app.quit();

async function start(): Promise<void> {
  app.on('second-instance', focusMainWindow);
  await app.whenReady();
  const store = rendererBuilt() ? openProjectStore() : null;
  if (!store) {
    app.quit();
    return;
  }
  app.on('will-quit', () => store.close());
  const ctx = createApiContext(store, runtimeVersions());
  const lang = () => currentLang(ctx);
  const menu: MenuContext = { appName: APP_NAME, versions: { version: packageJson.version, ...runtimeVersions() }, isDev: IS_DEV, getWindow: () => mainWindow };
  const refreshMenu = async () => installMenu(await lang(), menu);
  const isTrusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, mainWindow);

  secureSession(session.defaultSession, RENDERER_DIR);
  registerApi(ctx, isTrusted, refreshMenu);
  registerFileDialogs({ getWindow: () => mainWindow, isTrusted, lang });
  await refreshMenu();
  openMainWindow();

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

function openMainWindow(): void {
  const icon = join(APP_DIR, 'assets', 'icon.png');
  mainWindow = createMainWindow({
    title: APP_NAME,
    preloadPath: join(OUT_DIR, 'preload', 'preload.cjs'),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    isDev: IS_DEV,
    icon: existsSync(icon) ? icon : undefined,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * The whole API contract on one channel, no per-method code: callApi validates the method name and
 * input against the contract. Only our page may call; a settings change re-labels the menu.
 */
function registerApi(ctx: ApiContext, isTrusted: (event: IpcMainInvokeEvent) => boolean, onSettingsChanged: () => Promise<void>): void {
  ipcMain.handle(IPC_CHANNELS.apiCall, async (event, method: unknown, input: unknown): Promise<ApiResponse> => {
    if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'the request did not come from the app window' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad_request', message: 'the API method name must be a string' } };
    const response = await callApi(ctx, method, input);
    if (method === 'settings.set' && response.ok) await onSettingsChanged();
    return response;
  });
}

function runtimeVersions(): Record<'electron' | 'chrome' | 'node', string> {
  return { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node };
}

async function currentLang(ctx: ApiContext): Promise<Lang> {
  const response = await callApi(ctx, 'settings.get', {});
  return response.ok ? (response.result as { lang: Lang }).lang : langFromLocale(app.getLocale());
}

/**
 * Unpackaged, better-sqlite3 loads the build made for Electron's ABI under out/native (node_modules
 * keeps the Node build for tests); packaged, electron-builder has rebuilt node_modules for Electron.
 */
function nativeBinding(): string | undefined {
  return IS_DEV ? join(OUT_DIR, 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node') : undefined;
}

/** The store, or null after telling the user why not: a refused database must never mean a blank window. */
function openProjectStore(): Store | null {
  const lang = langFromLocale(app.getLocale());
  const binding = nativeBinding();
  if (binding && !existsSync(binding)) return startupError(lang, 'startupErrorTitle', menuLabel(lang, 'nativeModuleMissing', { path: binding }));
  try {
    return openStore(resolveDbPath(undefined), { nativeBinding: binding });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const title = error instanceof StoreError ? 'storeErrorTitle' : 'startupErrorTitle';
    return startupError(lang, title, `${message}\n\n${menuLabel(lang, 'storeErrorClosing')}`);
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
  startupError(lang, 'startupErrorTitle', error instanceof Error ? error.message : String(error));
  app.quit();
}

function startupError(lang: Lang, title: 'startupErrorTitle' | 'storeErrorTitle', message: string): null {
  dialog.showErrorBox(menuLabel(lang, title), message);
  return null;
}
