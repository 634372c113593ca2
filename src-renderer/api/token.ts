/**
 * The web host's per-run token arrives once in the URL (`#token=…`, or `#/route?token=…`). It is
 * moved to sessionStorage, so a reload keeps working, and removed from the address bar, so it is not
 * bookmarked, shown or sent anywhere.
 */
const TOKEN_KEY = 'sizing.token';

export function takeTokenFromLocation(location: Location, storage: Storage, history: History): string | null {
  const { token, rest } = splitToken(location.hash);
  if (token) {
    storage.setItem(TOKEN_KEY, token);
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return token;
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * A new address pasted into the open tab (the web host restarted with a new token) changes only the
 * fragment, so the page would carry on with the old token: the new one replaces it and the page
 * reloads with it. Registered before the router's own listener, so the router never sees the token.
 */
export function reloadOnNewToken(win: Window): void {
  win.addEventListener('hashchange', (event) => {
    const { token } = splitToken(win.location.hash);
    if (!token) return;
    event.stopImmediatePropagation();
    takeTokenFromLocation(win.location, win.sessionStorage, win.history);
    win.location.reload();
  });
}

/** "#token=abc" → {token: abc, rest: ''}; "#/scenario/4?token=abc" → {token: abc, rest: '/scenario/4'}. */
export function splitToken(hash: string): { token: string | null; rest: string } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const isRoute = raw === '' || raw.startsWith('/');
  const queryAt = raw.indexOf('?');
  const path = !isRoute ? '' : queryAt < 0 ? raw : raw.slice(0, queryAt);
  const query = !isRoute ? raw : queryAt < 0 ? '' : raw.slice(queryAt + 1);
  const params = new URLSearchParams(query);
  const token = params.get('token');
  params.delete('token');
  const remaining = params.toString();
  return { token: token || null, rest: remaining ? `${path}?${remaining}` : path };
}
