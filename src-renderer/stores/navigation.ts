import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * A tiny hash router: "#/scenario/12" ↔ {name: 'scenario', id: 12}, with an optional query for the
 * screen's own state ("#/scenario/12?panel=regions"). Every screen is one row of
 * ROUTE_PATHS (and one row of views/registry.ts); a later screen adds its name here and there.
 */
const ROUTE_PATHS = {
  projects: 'projects',
  project: 'project/:id',
  scenario: 'scenario/:id',
  templates: 'templates',
  catalogs: 'catalogs',
  settings: 'settings',
} as const;

export type RouteName = keyof typeof ROUTE_PATHS | 'not-found';
interface Route {
  name: RouteName;
  id?: number;
}

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  if (path === '') return { name: 'projects' };
  const [head, idText, ...rest] = path.split('/');
  for (const [name, pattern] of Object.entries(ROUTE_PATHS) as [keyof typeof ROUTE_PATHS, string][]) {
    const [patternHead, patternId] = pattern.split('/');
    if (patternHead !== head || rest.length > 0) continue;
    if (!patternId && idText === undefined) return { name };
    const id = Number(idText);
    if (patternId && Number.isInteger(id) && id > 0) return { name, id };
  }
  return { name: 'not-found' };
}

/** The address's query ("#/scenario/4?panel=regions"): screen state worth a reload or a link, such as a tab. */
function routeQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

function routeHash(route: Route): string {
  if (route.name === 'not-found') return '#/';
  return `#/${ROUTE_PATHS[route.name].replace(':id', String(route.id ?? ''))}`;
}

export const useNavigationStore = defineStore('navigation', () => {
  const route = ref<Route>(parseRoute(window.location.hash));
  const query = ref(routeQuery(window.location.hash));

  function go(next: Route): void {
    route.value = next;
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
  }

  /** Follows the address bar (back/forward, typed URLs); returns the unsubscribe function. */
  function listen(): () => void {
    const sync = () => {
      route.value = parseRoute(window.location.hash);
      query.value = routeQuery(window.location.hash);
    };
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }

  /** Sets one query parameter of the current screen in place (no new history entry, no reload of the screen). */
  function setQuery(name: string, value: string | null): void {
    const params = routeQuery(window.location.hash);
    if (value === null) params.delete(name);
    else params.set(name, value);
    const text = params.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${routeHash(route.value)}${text ? `?${text}` : ''}`,
    );
    query.value = params;
  }

  return { route, query, go, listen, setQuery };
});
