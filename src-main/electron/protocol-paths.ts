import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './trust.js';

export { mimeTypeFor } from '../mime.js';

interface AppFileTarget {
  /** Absolute path strictly inside the root folder. */
  path: string;
  /** An extensionless path is a client-side route: when no such file exists, index.html answers. */
  isRoute: boolean;
}

/**
 * Maps app://planner/<path> to a file under rootDir, or null when the URL is foreign or tries to
 * leave the folder (dot segments, encoded slashes, backslashes, drive letters, NUL bytes).
 */
export function resolveAppFile(url: string, rootDir: string): AppFileTarget | null {
  const pathname = decodedPath(url);
  if (pathname === null || /[\0\\:]/.test(pathname)) return null;
  const root = resolve(rootDir);
  const wanted = pathname === '/' ? '/index.html' : pathname;
  const path = resolve(root, `.${wanted}`);
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return { path, isRoute: extname(path) === '' };
}

function decodedPath(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
    return decodeURIComponent(u.pathname || '/');
  } catch {
    return null;
  }
}
