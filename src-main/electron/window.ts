import { BrowserWindow, screen } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { secureWebPreferences } from './security.js';
import { APP_START_URL } from './trust.js';
import { MIN_WINDOW_SIZE, parseWindowState, placeWindow, type WindowState } from './window-state.js';

interface MainWindowOptions {
  title: string;
  preloadPath: string;
  /** JSON file in userData holding the last size, position and maximized state. */
  stateFile: string;
  isDev: boolean;
  icon?: string;
  /** The start page did not load (loadURL rejected): the caller logs it and tells the user. */
  onLoadFailed: (error: unknown) => void;
}

/** The one app window: remembered placement, hardened preferences, shown only once it has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const placement = placeWindow(readWindowState(options.stateFile), displays, screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    icon: options.icon,
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: secureWebPreferences(options.preloadPath, options.isDev),
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => writeWindowState(options.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  window.loadURL(APP_START_URL).catch(options.onLoadFailed);
  return window;
}

/** A missing or damaged file just means default placement. */
function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Written to a temporary file then renamed, so a crash mid-write never leaves half a file. */
function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.warn(`window state not saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
