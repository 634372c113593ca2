import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ExportedFile, ExportFormat, OptimiseRequestBody, PictureSubject, SweepRequest } from '../../src-main/api/types';
import { api, ApiCallError } from '../api';
import { currentLanguage } from '../i18n';
import { useNavigationStore } from '../stores/navigation';
import { useProjectsStore } from '../stores/projects';
import { useRegionsStore } from '../stores/regions';
import { useScenarioStore } from '../stores/scenario';
import { useUiStore } from '../stores/ui';
import { exportFileName } from '../../src-main/export/file-name';
import { errorMessage } from './api-errors';
import { pickTextFile, saveExportedFile } from './files';

/**
 * Every export and the project import, shared by the export menu, the panels' buttons and the
 * Electron menu. Exports read what is stored, so pending edits are saved first.
 */
export function useExports() {
  const { t } = useI18n();
  const ui = useUiStore();
  const scenario = useScenarioStore();
  const regions = useRegionsStore();
  const projects = useProjectsStore();
  const navigation = useNavigationStore();
  const busy = ref(false);

  async function deliver(make: () => Promise<ExportedFile | null>): Promise<void> {
    busy.value = true;
    try {
      const file = await make();
      if (!file) return;
      const outcome = await saveExportedFile(file);
      if (outcome.saved) ui.notify(t('exports.saved', { where: outcome.where ?? file.fileName }));
    } catch (error) {
      ui.notify(errorMessage(error, t), 'error');
    } finally {
      busy.value = false;
    }
  }

  /** Saves pending edits; edits that cannot be saved (an invalid input) are not in the file, and the user is told. */
  async function saveEdits(): Promise<void> {
    await Promise.all([scenario.flush(), regions.flush()]);
    if (scenario.saveState === 'invalid' || regions.saveState === 'invalid') ui.notify(t('exports.lastSaved'));
  }

  /** The open scenario (or its multi-region plan) as CSV, PDF, or a picture in SVG or PNG. */
  function scenarioFile(format: ExportFormat, subject?: PictureSubject): Promise<void> {
    return deliver(async () => {
      const row = scenario.scenario;
      if (navigation.route.name !== 'scenario' || !row) {
        ui.notify(t('menu.needScenario'));
        return null;
      }
      await saveEdits();
      return api().call('export.scenario', { scenarioId: row.id, format, ...(subject ? { subject } : {}), lang: currentLanguage() });
    });
  }

  function comparisonFile(scenarioIds: number[], options: { format?: 'csv' | 'xlsx'; onlyDifferences?: boolean } = {}): Promise<void> {
    return deliver(async () => {
      await saveEdits();
      return api().call('export.comparison', { scenarioIds, lang: currentLanguage(), ...options });
    });
  }

  function sweepFile(request: SweepRequest, format: 'csv' | 'xlsx' | 'svg' | 'png', name: string): Promise<void> {
    return deliver(() => api().call('export.sweep', { ...request, format, lang: currentLanguage(), name }));
  }

  /** The optimiser's ranked plans (every region searched) as CSV. */
  function optimiseFile(request: OptimiseRequestBody, name: string): Promise<void> {
    return deliver(() => api().call('export.optimise', { ...request, name, lang: currentLanguage() }));
  }

  /** The project in view (or the open scenario's) as a versioned JSON project file. */
  function projectFile(projectId = scenario.scenario?.projectId ?? projects.currentProjectId ?? undefined): Promise<void> {
    return deliver(async () => {
      if (projectId === undefined) {
        ui.notify(t('menu.needProject'));
        return null;
      }
      await saveEdits();
      const content = await api().call('projects.export', { id: projectId });
      const name = projects.projectById(projectId)?.name ?? 'project';
      return {
        fileName: exportFileName({ project: name }, 'json'),
        mimeType: 'application/json',
        encoding: 'utf8',
        data: `${JSON.stringify(content, null, 2)}\n`,
      };
    });
  }

  /** A project file chosen by the user becomes a new project; a refusal names the field at fault on the Projects screen. */
  async function importProject(): Promise<void> {
    const picked = await pickTextFile(['json']);
    if (!picked) return;
    busy.value = true;
    try {
      const answer = await projects.importFile(JSON.parse(picked.text) as unknown);
      ui.notify(t('exports.imported', { name: answer.name, n: answer.scenarios }));
      navigation.go({ name: 'project', id: answer.projectId });
    } catch (error) {
      const field = error instanceof ApiCallError ? error.field : undefined;
      const message = error instanceof SyntaxError ? t('exports.notJson', { message: error.message }) : errorMessage(error, t);
      projects.importProblem = { fileName: picked.name, message, ...(field ? { field } : {}) };
      navigation.go({ name: 'projects' });
    } finally {
      busy.value = false;
    }
  }

  return { busy, scenarioFile, comparisonFile, sweepFile, optimiseFile, projectFile, importProject };
}
