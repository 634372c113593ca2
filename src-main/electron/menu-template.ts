/**
 * The application menu as plain data, built from the language, platform and build kind. menu.ts
 * turns it into Electron menu items; keeping this pure lets Vitest check every label and command.
 */
import type { MenuCommand } from '../api/bridge.js';
import type { Lang } from '../engine/types.js';
import { menuLabel, type MenuLabelKey } from '../i18n/menu-labels.js';

/** The Electron roles this menu uses (a subset of Electron's MenuItemConstructorOptions['role']). */
type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'minimize'
  | 'zoom'
  | 'front';

export interface MenuItemSpec {
  type?: 'separator';
  label?: string;
  role?: MenuRole;
  accelerator?: string;
  /** Sent to the renderer, which owns the action (dialogs, navigation, exports). */
  command?: MenuCommand;
  /** Handled in the main process with a native dialog. */
  about?: true;
  /** Opens the folder of the log files (Help → Report a problem). */
  reportProblem?: true;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  lang: Lang;
  platform: NodeJS.Platform;
  /** Unpackaged run: adds reload and developer tools. */
  isDev: boolean;
  appName: string;
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

export function buildMenuTemplate(options: MenuOptions): MenuItemSpec[] {
  const t = (key: MenuLabelKey) => menuLabel(options.lang, key, { app: options.appName });
  const mac = options.platform === 'darwin';
  const role = (r: MenuRole, key: MenuLabelKey, accelerator?: string): MenuItemSpec => ({
    role: r,
    label: t(key),
    ...(accelerator ? { accelerator } : {}),
  });
  const command = (c: MenuCommand, key: MenuLabelKey, accelerator?: string): MenuItemSpec => ({
    command: c,
    label: t(key),
    ...(accelerator ? { accelerator } : {}),
  });
  const settings = command('open-settings', 'settings', 'CmdOrCtrl+,');
  const about: MenuItemSpec = { about: true, label: t('about') };
  const reportProblem: MenuItemSpec = { reportProblem: true, label: t('reportProblem') };

  const appMenu: MenuItemSpec = {
    label: options.appName,
    submenu: [
      about,
      SEPARATOR,
      settings,
      SEPARATOR,
      role('services', 'services'),
      SEPARATOR,
      role('hide', 'hide'),
      role('hideOthers', 'hideOthers'),
      role('unhide', 'showAll'),
      SEPARATOR,
      role('quit', 'quit'),
    ],
  };
  const file: MenuItemSpec = {
    label: t('file'),
    submenu: [
      command('new-project', 'newProject', 'CmdOrCtrl+Shift+N'),
      command('new-scenario', 'newScenario', 'CmdOrCtrl+N'),
      command('duplicate-scenario', 'duplicateScenario', 'CmdOrCtrl+D'),
      SEPARATOR,
      command('import-project', 'importProject', 'CmdOrCtrl+O'),
      command('export-project', 'exportProject', 'CmdOrCtrl+S'),
      SEPARATOR,
      command('export-csv', 'exportCsv'),
      command('export-pdf', 'exportPdf'),
      command('export-svg', 'exportSvg'),
      command('export-png', 'exportPng'),
      ...(mac ? [] : [SEPARATOR, settings, SEPARATOR, role('quit', 'quit', 'CmdOrCtrl+Q')]),
    ],
  };
  const edit: MenuItemSpec = {
    label: t('edit'),
    submenu: [
      role('undo', 'undo'),
      role('redo', 'redo'),
      SEPARATOR,
      role('cut', 'cut'),
      role('copy', 'copy'),
      role('paste', 'paste'),
      role('selectAll', 'selectAll'),
    ],
  };
  const devItems = options.isDev ? [role('reload', 'reload'), role('toggleDevTools', 'toggleDevTools'), SEPARATOR] : [];
  const view: MenuItemSpec = {
    label: t('view'),
    submenu: [
      ...devItems,
      role('resetZoom', 'resetZoom'),
      role('zoomIn', 'zoomIn'),
      role('zoomOut', 'zoomOut'),
      SEPARATOR,
      role('togglefullscreen', 'toggleFullScreen'),
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: t('window'),
    submenu: [role('minimize', 'minimize'), role('zoom', 'zoomWindow'), SEPARATOR, role('front', 'bringAllToFront')],
  };
  // On macOS About lives in the app menu; Help keeps Report a problem.
  const help: MenuItemSpec = { label: t('help'), submenu: mac ? [reportProblem] : [reportProblem, SEPARATOR, about] };

  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}

export interface AppVersions {
  version: string;
  electron: string;
  chrome: string;
  node: string;
}

/** The About dialog's text: app name and version, then the runtime versions a bug report needs. */
export function aboutText(
  lang: Lang,
  appName: string,
  versions: AppVersions,
): { title: string; message: string; detail: string; button: string } {
  return {
    title: menuLabel(lang, 'about', { app: appName }),
    message: appName,
    detail: menuLabel(lang, 'aboutDetail', { ...versions }),
    button: menuLabel(lang, 'ok'),
  };
}
