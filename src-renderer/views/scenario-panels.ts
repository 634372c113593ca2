import { defineAsyncComponent, type Component } from 'vue';
import ResultsPanel from '../components/results/ResultsPanel.vue';

export interface ScenarioPanel {
  id: string;
  labelKey: string;
  component: Component;
}

const lazy = (load: () => Promise<{ default: Component }>) => defineAsyncComponent(load);

/**
 * Views of the open scenario, one tab each (the tab strip shows once there are two). Results load
 * with the screen; the other panels load when first opened, so the scenario screen stays quick to open.
 */
export const SCENARIO_PANELS: ScenarioPanel[] = [
  { id: 'results', labelKey: 'panels.results', component: ResultsPanel },
  { id: 'regions', labelKey: 'panels.regions', component: lazy(() => import('../components/regions/RegionsPanel.vue')) },
  { id: 'what-if', labelKey: 'panels.whatIf', component: lazy(() => import('../components/whatif/WhatIfPanel.vue')) },
  { id: 'sweep', labelKey: 'panels.sweep', component: lazy(() => import('../components/sweep/SweepPanel.vue')) },
  { id: 'diagram', labelKey: 'panels.diagram', component: lazy(() => import('../components/diagram/DiagramPanel.vue')) },
  { id: 'optimise', labelKey: 'panels.optimise', component: lazy(() => import('../components/optimise/OptimisePanel.vue')) },
];
