import { useI18n } from 'vue-i18n';
import type { MenuCommand } from '../../src-main/api/bridge';
import { api } from '../api';
import { useCatalogsStore } from '../stores/catalogs';
import { useNavigationStore } from '../stores/navigation';
import { useProjectsStore } from '../stores/projects';
import { useScenarioStore } from '../stores/scenario';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { errorMessage } from './api-errors';
import { blankScenarioInputs } from './blank-scenario';
import { useExports } from './exports';
import { freeName } from './names';

/** The application's commands, shared by buttons, keyboard shortcuts and the Electron menu. */
export function useAppCommands() {
  const { t } = useI18n();
  const navigation = useNavigationStore();
  const projects = useProjectsStore();
  const scenario = useScenarioStore();
  const catalogs = useCatalogsStore();
  const settings = useSettingsStore();
  const ui = useUiStore();
  const exports = useExports();

  async function guarded(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      ui.notify(errorMessage(error, t), 'error');
    }
  }

  /** A blank scenario (settings as defaults) in the project in view, opened at once. */
  function newScenario(projectId = projects.targetProject()?.id): Promise<void> {
    return guarded(async () => {
      if (projectId === undefined || !catalogs.catalog) {
        ui.notify(t('menu.needProject'));
        navigation.go({ name: 'projects' });
        return;
      }
      const taken = (await api().call('scenarios.list', { projectId })).map((s) => s.name);
      const inputs = blankScenarioInputs(catalogs.catalog, settings.settings);
      const row = await projects.createScenario(projectId, freeName(t('project.newScenarioName'), taken), inputs);
      navigation.go({ name: 'scenario', id: row.id });
    });
  }

  /** A copy of the open scenario (saved first), opened at once. */
  function duplicateScenario(): Promise<void> {
    return guarded(async () => {
      const current = scenario.scenario;
      if (navigation.route.name !== 'scenario' || !current) {
        ui.notify(t('menu.needScenario'));
        return;
      }
      await scenario.flush();
      const row = await projects.duplicateScenario(current.id);
      navigation.go({ name: 'scenario', id: row.id });
    });
  }

  function runMenuCommand(command: MenuCommand): void {
    switch (command) {
      case 'new-project':
        navigation.go({ name: 'projects' });
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="new-project-name"]')?.focus());
        return;
      case 'new-scenario':
        void newScenario();
        return;
      case 'duplicate-scenario':
        void duplicateScenario();
        return;
      case 'open-settings':
        navigation.go({ name: 'settings' });
        return;
      case 'about':
        ui.aboutOpen = true;
        return;
      case 'export-csv':
      case 'export-pdf':
        void exports.scenarioFile(command === 'export-csv' ? 'csv' : 'pdf');
        return;
      case 'export-svg':
      case 'export-png':
        void exports.scenarioFile(command === 'export-svg' ? 'svg' : 'png', 'diagram');
        return;
      case 'export-project':
        void exports.projectFile();
        return;
      case 'import-project':
        void exports.importProject();
        return;
    }
  }

  return { newScenario, duplicateScenario, runMenuCommand };
}

/** Ctrl/Cmd+N: new scenario; Ctrl/Cmd+D: duplicate the open scenario. Returns the remover. */
export function listenForShortcuts(commands: ReturnType<typeof useAppCommands>): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key === 'n') {
      event.preventDefault();
      void commands.newScenario();
    } else if (key === 'd') {
      event.preventDefault();
      void commands.duplicateScenario();
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
