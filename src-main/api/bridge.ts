/**
 * The one narrow bridge the Electron preload exposes to the renderer as `window.sizingApi`.
 * Under the web host there is no bridge and the renderer uses fetch() with the token instead.
 * Pure types: shared by preload (implements), renderer (uses) and main (IPC channel names).
 */
import type { ApiResponse } from './types.js';

export const IPC_CHANNELS = {
  apiCall: 'sizing:api-call',
  saveFile: 'sizing:save-file',
  openFile: 'sizing:open-file',
  menuCommand: 'sizing:menu-command',
} as const;

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  defaultName: string;
  /** Text (CSV, SVG, JSON) or base64 of binary content (PDF, PNG). */
  data: string;
  encoding: 'utf8' | 'base64';
  filters: FileFilter[];
}

export type MenuCommand =
  | 'new-project'
  | 'new-scenario'
  | 'duplicate-scenario'
  | 'import-project'
  | 'export-project'
  | 'export-csv'
  | 'export-pdf'
  | 'export-svg'
  | 'export-png'
  | 'open-settings'
  | 'about';

export interface SizingBridge {
  /** `lang` is the language an error message comes back in. */
  call(method: string, input: unknown, lang?: string): Promise<ApiResponse>;
  saveFile(request: SaveFileRequest): Promise<{ saved: boolean; path?: string }>;
  openFile(filters: FileFilter[]): Promise<{ name: string; text: string } | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
}
