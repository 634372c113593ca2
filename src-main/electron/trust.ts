/**
 * What the desktop shell trusts, as pure functions (no Electron import, so Vitest covers them):
 * the renderer's own origin, a tiny allow-list of external pages, and the CSP its pages run under.
 */

/** The renderer is served from app://planner/, a privileged standard scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Exact https origins a link may open in the user's browser. Everything else stays closed. */
const EXTERNAL_ORIGINS: readonly string[] = ['https://github.com'];

/**
 * No inline script, no eval, nothing remote. Images and fonts may be data:/blob: because chart
 * and diagram exports are built in the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Schemes the renderer may request at all: its own files, in-page data, and DevTools in development. */
const REQUESTABLE_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://planner/… with no port or credentials. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** True for https URLs on an allow-listed origin (default port, no credentials). */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && EXTERNAL_ORIGINS.includes(u.origin);
}

/** Whether the session lets a request leave the page: never to the network or the file system. */
export function isAllowedRequestUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && REQUESTABLE_SCHEMES.has(u.protocol) && (u.protocol !== `${APP_SCHEME}:` || isAppUrl(url));
}
