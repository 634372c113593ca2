import type { Component } from 'vue';
import ResultsPanel from '../components/results/ResultsPanel.vue';
import { lazyScreen } from './lazy';

interface ScenarioPanel {
  id: string;
  labelKey: string;
  component: Component;
}

/**
 * Views of the open scenario, one tab each (the tab strip shows once there are two). Results load
 * with the screen; the other panels load when first opened, so the scenario screen stays quick to open.
 */
export const SCENARIO_PANELS: ScenarioPanel[] = [
  { id: 'results', labelKey: 'panels.results', component: ResultsPanel },
  { id: 'regions', labelKey: 'panels.regions', component: lazyScreen(() => import('../components/regions/RegionsPanel.vue')) },
  { id: 'what-if', labelKey: 'panels.whatIf', component: lazyScreen(() => import('../components/whatif/WhatIfPanel.vue')) },
  { id: 'sweep', labelKey: 'panels.sweep', component: lazyScreen(() => import('../components/sweep/SweepPanel.vue')) },
  { id: 'diagram', labelKey: 'panels.diagram', component: lazyScreen(() => import('../components/diagram/DiagramPanel.vue')) },
  { id: 'optimise', labelKey: 'panels.optimise', component: lazyScreen(() => import('../components/optimise/OptimisePanel.vue')) },
];
