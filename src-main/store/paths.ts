import { homedir, platform } from 'node:os';
import { join } from 'node:path';

const APP_DIR_NAME = 'llm-sizing-planner';
const DB_FILE_NAME = 'projects.db';

/** The platform's per-user data folder (XDG on Linux), as Electron's userData would be. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP_DIR_NAME);
  }
}

/**
 * --db PATH wins, then SIZING_DB, then the user data folder. Creates nothing: opening the store
 * for writing creates the folder; reading a database that does not exist yet shows it empty.
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.SIZING_DB || join(userDataDir(env), DB_FILE_NAME));
}
