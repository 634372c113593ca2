/**
 * The sandboxed preload: exposes exactly SizingBridge as window.sizingApi. It may import only
 * 'electron' and pure code (it is bundled to CJS); the renderer never sees ipcRenderer, and it
 * cannot name a channel: each function is wired to its one channel here.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type MenuCommand, type SizingBridge } from '../api/bridge.js';

/** Every MenuCommand, checked by the compiler: a command the main process may send. */
const MENU_COMMANDS: Record<MenuCommand, true> = {
  'new-project': true,
  'new-scenario': true,
  'duplicate-scenario': true,
  'import-project': true,
  'export-project': true,
  'export-csv': true,
  'export-pdf': true,
  'export-svg': true,
  'export-png': true,
  'open-settings': true,
  about: true,
};

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && Object.hasOwn(MENU_COMMANDS, value);
}

const bridge: SizingBridge = {
  call: (method, input, lang) => ipcRenderer.invoke(IPC_CHANNELS.apiCall, method, input, lang),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
  openFile: (filters) => ipcRenderer.invoke(IPC_CHANNELS.openFile, filters),
  onMenuCommand(handler) {
    // The IPC event (which holds ipcRenderer) stays here; only a known command string crosses over.
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) handler(command);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, listener);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, listener);
    };
  },
};

contextBridge.exposeInMainWorld('sizingApi', bridge);
