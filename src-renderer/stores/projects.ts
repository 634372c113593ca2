import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ProjectRow, ScenarioRow } from '../../src-main/api/types';
import type { Lang, SizingInputs } from '../../src-main/engine/index';
import { api } from '../api';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** Why the last project file was refused: the message and, when the file was read, the field at fault. */
interface ImportProblem {
  fileName: string;
  message: string;
  field?: string;
}

const CURRENT_PROJECT_KEY = 'sizing.currentProject';

/** Projects and the scenarios of the project in view. */
export const useProjectsStore = defineStore('projects', () => {
  const projects = ref<ProjectRow[]>([]);
  const search = ref('');
  const listState = ref<LoadState>('idle');
  const listError = ref<unknown>(null);
  const currentProjectId = ref<number | null>(readCurrentProject());
  const scenarios = ref<ScenarioRow[]>([]);
  const scenariosState = ref<LoadState>('idle');
  const scenariosError = ref<unknown>(null);
  const importProblem = ref<ImportProblem | null>(null);
  let listSeq = 0;

  async function load(): Promise<void> {
    const seq = ++listSeq;
    listState.value = 'loading';
    try {
      const rows = await api().call('projects.list', search.value.trim() ? { search: search.value.trim() } : {});
      if (seq !== listSeq) return;
      projects.value = rows;
      listState.value = 'ready';
      listError.value = null;
    } catch (error) {
      if (seq !== listSeq) return;
      listError.value = error;
      listState.value = 'error';
    }
  }

  async function create(name: string): Promise<ProjectRow> {
    const row = await api().call('projects.create', { name });
    setCurrentProject(row.id);
    await load();
    return row;
  }

  async function rename(id: number, name: string): Promise<void> {
    await api().call('projects.rename', { id, name });
    await load();
  }

  async function remove(id: number): Promise<void> {
    await api().call('projects.delete', { id });
    if (currentProjectId.value === id) setCurrentProject(null);
    await load();
  }

  function projectById(id: number): ProjectRow | undefined {
    return projects.value.find((p) => p.id === id);
  }

  /** The project new scenarios go to: the one last opened, else the most recently updated. */
  function targetProject(): ProjectRow | undefined {
    return (currentProjectId.value !== null ? projectById(currentProjectId.value) : undefined) ?? projects.value[0];
  }

  function setCurrentProject(id: number | null): void {
    currentProjectId.value = id;
    try {
      if (id === null) localStorage.removeItem(CURRENT_PROJECT_KEY);
      else localStorage.setItem(CURRENT_PROJECT_KEY, String(id));
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }

  async function loadScenarios(projectId: number): Promise<void> {
    setCurrentProject(projectId);
    scenariosState.value = 'loading';
    try {
      scenarios.value = await api().call('scenarios.list', { projectId });
      scenariosState.value = 'ready';
      scenariosError.value = null;
    } catch (error) {
      scenariosError.value = error;
      scenariosState.value = 'error';
    }
  }

  async function createScenario(projectId: number, name: string, inputs: SizingInputs): Promise<ScenarioRow> {
    const row = await api().call('scenarios.create', { projectId, name, inputs });
    setCurrentProject(projectId);
    return row;
  }

  /** A project file's content as a new project; the list is reloaded. */
  async function importFile(file: unknown) {
    const answer = await api().call('projects.import', { file });
    importProblem.value = null;
    await load();
    return answer;
  }

  async function createFromTemplate(projectId: number, templateId: string, name: string, lang: Lang): Promise<ScenarioRow> {
    const row = await api().call('templates.createScenario', { projectId, templateId, name, lang });
    setCurrentProject(projectId);
    return row;
  }

  async function duplicateScenario(id: number): Promise<ScenarioRow> {
    return api().call('scenarios.duplicate', { id });
  }

  async function deleteScenario(id: number): Promise<void> {
    await api().call('scenarios.delete', { id });
    scenarios.value = scenarios.value.filter((s) => s.id !== id);
  }

  return {
    projects,
    search,
    listState,
    listError,
    currentProjectId,
    scenarios,
    scenariosState,
    scenariosError,
    importProblem,
    load,
    create,
    rename,
    remove,
    projectById,
    targetProject,
    setCurrentProject,
    loadScenarios,
    createScenario,
    createFromTemplate,
    importFile,
    duplicateScenario,
    deleteScenario,
  };
});

function readCurrentProject(): number | null {
  try {
    const id = Number(localStorage.getItem(CURRENT_PROJECT_KEY));
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}
