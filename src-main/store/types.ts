import type { RegionSpec, SizingInputs } from '../engine/types.js';

export interface ProjectRow {
  id: number;
  name: string;
  scenarioCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioRow {
  id: number;
  projectId: number;
  /** Set for a what-if variant: the scenario it was cloned from. */
  variantOf: number | null;
  name: string;
  notes: string;
  inputs: SizingInputs;
  regions: RegionSpec[];
  createdAt: string;
  updatedAt: string;
}

export interface NewScenario {
  projectId: number;
  name: string;
  notes?: string;
  inputs: SizingInputs;
  regions?: RegionSpec[];
  variantOf?: number | null;
}

export interface ScenarioChanges {
  name?: string;
  notes?: string;
  inputs?: SizingInputs;
  regions?: RegionSpec[];
}
