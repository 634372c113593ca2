import type { Lang } from '../engine/types.js';
import { fillPlaceholders } from './labels.js';

/** Strings of the desktop shell: application menu and native dialogs, in every app language. */
const en = {
  file: 'File',
  newProject: 'New project',
  newScenario: 'New scenario',
  duplicateScenario: 'Duplicate scenario',
  importProject: 'Import project…',
  exportProject: 'Export project…',
  exportCsv: 'Export CSV…',
  exportPdf: 'Export PDF report…',
  exportSvg: 'Export diagram as SVG…',
  exportPng: 'Export diagram as PNG…',
  settings: 'Settings…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Toggle developer tools',
  resetZoom: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  toggleFullScreen: 'Toggle full screen',
  window: 'Window',
  minimize: 'Minimize',
  zoomWindow: 'Zoom',
  bringAllToFront: 'Bring all to front',
  help: 'Help',
  about: 'About {app}',
  services: 'Services',
  hide: 'Hide {app}',
  hideOthers: 'Hide others',
  showAll: 'Show all',
  ok: 'OK',
  aboutDetail: 'Version {version}\n\nElectron {electron}\nChrome {chrome}\nNode.js {node}',
  storeErrorTitle: 'The project database cannot be opened',
  storeErrorClosing: 'The app will close now.',
  startupErrorTitle: 'The app cannot start',
  nativeModuleMissing:
    'The database module for Electron is not built ({path}). Run "node build.config.mjs electron-native" (npm start does it), then start again.',
  rendererMissing: 'The planner interface is not built ({path}). Run "npm run build", then start again.',
  saveFailedTitle: 'The file could not be saved',
  openFailedTitle: 'The file could not be opened',
  fileTooLarge: '{name} is larger than {limit} MB.',
  reportProblem: 'Report a problem…',
  nativeModuleWrongAbi:
    'The database module {path} was built for another runtime (ABI {found}; this Electron needs {expected}). Run "node build.config.mjs electron-native" (npm start does it) to rebuild it, then start again.',
  rendererCrashedTitle: 'The planner window keeps stopping',
  rendererCrashedDetail:
    'It stopped several times in the last minute. Your saved projects are safe. Reload the window, or open the log folder to report the problem.',
  reloadWindow: 'Reload',
  helperCrashedTitle: 'Part of the app keeps stopping',
  helperCrashedDetail:
    'A helper process of the app stopped several times in the last minute. The log in {folder} says which; attach it when you report the problem.',
  windowLoadFailed: 'The planner window could not load its page ({reason}). The log in {folder} has the details.',
};

export type MenuLabelKey = keyof typeof en;

const ptBR: Record<MenuLabelKey, string> = {
  file: 'Arquivo',
  newProject: 'Novo projeto',
  newScenario: 'Novo cenário',
  duplicateScenario: 'Duplicar cenário',
  importProject: 'Importar projeto…',
  exportProject: 'Exportar projeto…',
  exportCsv: 'Exportar CSV…',
  exportPdf: 'Exportar relatório PDF…',
  exportSvg: 'Exportar diagrama como SVG…',
  exportPng: 'Exportar diagrama como PNG…',
  settings: 'Configurações…',
  quit: 'Sair',
  edit: 'Editar',
  undo: 'Desfazer',
  redo: 'Refazer',
  cut: 'Recortar',
  copy: 'Copiar',
  paste: 'Colar',
  selectAll: 'Selecionar tudo',
  view: 'Exibir',
  reload: 'Recarregar',
  toggleDevTools: 'Alternar ferramentas do desenvolvedor',
  resetZoom: 'Tamanho real',
  zoomIn: 'Aumentar zoom',
  zoomOut: 'Diminuir zoom',
  toggleFullScreen: 'Alternar tela cheia',
  window: 'Janela',
  minimize: 'Minimizar',
  zoomWindow: 'Zoom',
  bringAllToFront: 'Trazer tudo para a frente',
  help: 'Ajuda',
  about: 'Sobre o {app}',
  services: 'Serviços',
  hide: 'Ocultar {app}',
  hideOthers: 'Ocultar outros',
  showAll: 'Mostrar tudo',
  ok: 'OK',
  aboutDetail: 'Versão {version}\n\nElectron {electron}\nChrome {chrome}\nNode.js {node}',
  storeErrorTitle: 'Não foi possível abrir o banco de dados de projetos',
  storeErrorClosing: 'O aplicativo será fechado agora.',
  startupErrorTitle: 'O aplicativo não pode iniciar',
  nativeModuleMissing:
    'O módulo de banco de dados para o Electron não foi compilado ({path}). Execute "node build.config.mjs electron-native" (o npm start faz isso) e inicie novamente.',
  rendererMissing: 'A interface do planejador não foi compilada ({path}). Execute "npm run build" e inicie novamente.',
  saveFailedTitle: 'Não foi possível salvar o arquivo',
  openFailedTitle: 'Não foi possível abrir o arquivo',
  fileTooLarge: '{name} tem mais de {limit} MB.',
  reportProblem: 'Relatar um problema…',
  nativeModuleWrongAbi:
    'O módulo de banco de dados {path} foi compilado para outro runtime (ABI {found}; este Electron precisa da {expected}). Execute "node build.config.mjs electron-native" (o npm start faz isso) para recompilá-lo e inicie novamente.',
  rendererCrashedTitle: 'A janela do planejador continua parando',
  rendererCrashedDetail:
    'Ela parou várias vezes no último minuto. Seus projetos salvos estão seguros. Recarregue a janela ou abra a pasta de logs para relatar o problema.',
  reloadWindow: 'Recarregar',
  helperCrashedTitle: 'Uma parte do aplicativo continua parando',
  helperCrashedDetail:
    'Um processo auxiliar do aplicativo parou várias vezes no último minuto. O log em {folder} diz qual; anexe-o ao relatar o problema.',
  windowLoadFailed: 'A janela do planejador não conseguiu carregar a página ({reason}). O log em {folder} tem os detalhes.',
};

const MENU_LABELS: Record<Lang, Record<MenuLabelKey, string>> = { en, 'pt-BR': ptBR };

/** A shell string in the given language, with {placeholders} filled in. */
export function menuLabel(lang: Lang, key: MenuLabelKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(MENU_LABELS[lang][key], params);
}

/** The app language for an OS locale ("pt-BR", "pt_PT", "en-US"), used before settings can be read. */
export function langFromLocale(locale: string): Lang {
  return locale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}
