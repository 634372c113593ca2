import type { Component } from 'vue';
import type { RouteName } from '../stores/navigation';
import { lazyScreen } from './lazy';
import ProjectsView from './ProjectsView.vue';

/**
 * Where screens plug in. A new screen (the multi-region planner, what-if comparison and sweep,
 * architecture diagram, exports) adds its path in stores/navigation.ts ROUTE_PATHS, its view
 * here (lazy, so the first load stays small) and, when it belongs in the header, a NAV_ENTRIES row.
 * Tools that work on the open scenario add a row to views/scenario-panels.ts instead: the scenario
 * screen shows one tab per panel.
 */

export const VIEWS: Record<RouteName, Component> = {
  projects: ProjectsView,
  project: lazyScreen(() => import('./ProjectView.vue')),
  scenario: lazyScreen(() => import('./ScenarioView.vue')),
  templates: lazyScreen(() => import('./TemplatesView.vue')),
  catalogs: lazyScreen(() => import('./CatalogsView.vue')),
  settings: lazyScreen(() => import('./SettingsView.vue')),
  'not-found': lazyScreen(() => import('./NotFoundView.vue')),
};

interface NavEntry {
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
