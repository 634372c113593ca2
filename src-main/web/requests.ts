/** Header checks of the loopback web host, as pure functions. */

/** True when a Host header (or an Origin's host part) names this server on the loopback address. */
export function isLoopbackAuthority(authority: string | undefined, port: number): boolean {
  return authority === `127.0.0.1:${port}` || authority === `localhost:${port}`;
}

/**
 * Only `application/json`, optionally with `charset=utf-8`: not `application/json-seq`, not
 * `text/plain` (which a cross-site form could send without a preflight), not another charset.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [mediaType, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((p) => p === '' || p.replace(/\s*=\s*/, '=').replace(/"/g, '') === 'charset=utf-8');
}
