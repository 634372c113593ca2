import { defineAsyncComponent, type Component } from 'vue';
import type { RouteName } from '../stores/navigation';
import ProjectsView from './ProjectsView.vue';

/**
 * Where screens plug in. A new screen (the multi-region planner, what-if comparison and sweep,
 * architecture diagram, exports) adds its path in stores/navigation.ts ROUTE_PATHS, its view
 * here (lazy, so the first load stays small) and, when it belongs in the header, a NAV_ENTRIES row.
 * Tools that work on the open scenario add a row to views/scenario-panels.ts instead: the scenario
 * screen shows one tab per panel.
 */
const lazy = (load: () => Promise<{ default: Component }>) => defineAsyncComponent(load);

export const VIEWS: Record<RouteName, Component> = {
  projects: ProjectsView,
  project: lazy(() => import('./ProjectView.vue')),
  scenario: lazy(() => import('./ScenarioView.vue')),
  templates: lazy(() => import('./TemplatesView.vue')),
  catalogs: lazy(() => import('./CatalogsView.vue')),
  settings: lazy(() => import('./SettingsView.vue')),
  'not-found': lazy(() => import('./NotFoundView.vue')),
};

export interface NavEntry {
  /** The path the entry opens (a ROUTE_PATHS value without an id). */
  target: string;
  labelKey: string;
  /** Screens under which the entry shows as current. */
  activeOn: RouteName[];
}

export const NAV_ENTRIES: NavEntry[] = [
  { target: 'projects', labelKey: 'nav.projects', activeOn: ['projects', 'project', 'scenario'] },
  { target: 'templates', labelKey: 'nav.templates', activeOn: ['templates'] },
  { target: 'catalogs', labelKey: 'nav.catalogs', activeOn: ['catalogs'] },
  { target: 'settings', labelKey: 'nav.settings', activeOn: ['settings'] },
];
