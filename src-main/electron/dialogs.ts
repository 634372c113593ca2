/** Native save and open dialogs behind IPC, for exports and project files. */
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IPC_CHANNELS, type FileFilter, type SaveFileRequest } from '../api/bridge.js';
import type { Lang } from '../engine/types.js';
import { menuLabel } from '../i18n/menu-labels.js';
import {
  filtersSchema,
  MAX_OPEN_BYTES,
  MAX_OPEN_MB,
  parseDialogInput,
  safeFileName,
  saveBytes,
  saveRequestSchema,
} from './dialog-requests.js';

interface DialogContext {
  getWindow: () => BrowserWindow | null;
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  lang: () => Promise<Lang>;
}

export function registerFileDialogs(context: DialogContext): void {
  ipcMain.handle(IPC_CHANNELS.saveFile, async (event, raw: unknown) => {
    requireTrusted(event, context);
    return saveFile(parseDialogInput(saveRequestSchema, raw, 'saveFile'), context);
  });
  ipcMain.handle(IPC_CHANNELS.openFile, async (event, raw: unknown) => {
    requireTrusted(event, context);
    return openFile(parseDialogInput(filtersSchema, raw, 'openFile'), context);
  });
}

function requireTrusted(event: IpcMainInvokeEvent, context: DialogContext): void {
  if (!context.isTrusted(event)) throw new Error('refused: the request did not come from the app window');
}

function ownerWindow(context: DialogContext): BrowserWindow {
  const window = context.getWindow();
  if (!window || window.isDestroyed()) throw new Error('no app window to attach the dialog to');
  return window;
}

async function saveFile(request: SaveFileRequest, context: DialogContext): Promise<{ saved: boolean; path?: string }> {
  const window = ownerWindow(context);
  const defaultPath = join(app.getPath('documents'), safeFileName(request.defaultName));
  const choice = await dialog.showSaveDialog(window, {
    defaultPath,
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  try {
    await writeFile(choice.filePath, saveBytes(request));
    return { saved: true, path: choice.filePath };
  } catch (error) {
    await showFileError(window, await context.lang(), 'saveFailedTitle', errorText(error));
    return { saved: false };
  }
}

async function openFile(filters: FileFilter[], context: DialogContext): Promise<{ name: string; text: string } | null> {
  const window = ownerWindow(context);
  const choice = await dialog.showOpenDialog(window, { filters, properties: ['openFile'] });
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return null;
  const name = basename(path);
  try {
    if ((await stat(path)).size > MAX_OPEN_BYTES) {
      const lang = await context.lang();
      await showFileError(window, lang, 'openFailedTitle', menuLabel(lang, 'fileTooLarge', { name, limit: MAX_OPEN_MB }));
      return null;
    }
    return { name, text: await readFile(path, 'utf8') };
  } catch (error) {
    await showFileError(window, await context.lang(), 'openFailedTitle', errorText(error));
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function showFileError(
  window: BrowserWindow,
  lang: Lang,
  title: 'saveFailedTitle' | 'openFailedTitle',
  detail: string,
): Promise<void> {
  await dialog.showMessageBox(window, {
    type: 'error',
    title: menuLabel(lang, title),
    message: menuLabel(lang, title),
    detail,
    buttons: [menuLabel(lang, 'ok')],
  });
}
