import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNELS, type MenuCommand } from '../api/bridge.js';
import type { Lang } from '../engine/types.js';
import { aboutText, buildMenuTemplate, type AppVersions, type MenuItemSpec } from './menu-template.js';

export interface MenuContext {
  appName: string;
  versions: AppVersions;
  isDev: boolean;
  getWindow: () => BrowserWindow | null;
  openLogFolder: () => void;
}

/** Sets (or replaces, after a language change) the application menu. */
export function installMenu(lang: Lang, context: MenuContext): void {
  const template = buildMenuTemplate({ lang, platform: process.platform, isDev: context.isDev, appName: context.appName });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((item) => toElectron(item, lang, context))));
}

function toElectron(item: MenuItemSpec, lang: Lang, context: MenuContext): MenuItemConstructorOptions {
  const { command, about, reportProblem, submenu, ...rest } = item;
  return {
    ...rest,
    ...(submenu ? { submenu: submenu.map((child) => toElectron(child, lang, context)) } : {}),
    ...(command ? { click: () => sendCommand(command, context) } : {}),
    ...(about ? { click: () => void showAbout(lang, context) } : {}),
    ...(reportProblem ? { click: () => context.openLogFolder() } : {}),
  };
}

/** The renderer owns every File action; the menu only tells it which one. */
function sendCommand(command: MenuCommand, context: MenuContext): void {
  const window = context.getWindow();
  if (window && !window.isDestroyed()) window.webContents.send(IPC_CHANNELS.menuCommand, command);
}

async function showAbout(lang: Lang, context: MenuContext): Promise<void> {
  const text = aboutText(lang, context.appName, context.versions);
  const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: [text.button] };
  const window = context.getWindow();
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
