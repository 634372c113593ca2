import type { Component } from 'vue';
import ResultsPanel from '../components/results/ResultsPanel.vue';

export interface ScenarioPanel {
  id: string;
  labelKey: string;
  component: Component;
}

/**
 * Views of the open scenario, one tab each (the tab strip shows once there are two). Results today;
 * the regions planner, what-if comparison and sweep, diagram and exports plug in here later, lazily
 * (defineAsyncComponent) so the scenario screen stays quick to open.
 */
export const SCENARIO_PANELS: ScenarioPanel[] = [{ id: 'results', labelKey: 'results.title', component: ResultsPanel }];
