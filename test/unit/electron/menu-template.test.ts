import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../src-main/api/bridge.js';
import { aboutText, buildMenuTemplate, type MenuItemSpec, type MenuOptions } from '../../../src-main/electron/menu-template.js';

const base: MenuOptions = { lang: 'en', platform: 'linux', isDev: false, appName: 'LLM Sizing Planner' };

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function commands(items: MenuItemSpec[]): MenuCommand[] {
  return flatten(items).flatMap((item) => (item.command ? [item.command] : []));
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help in English', () => {
    expect(buildMenuTemplate(base).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('follows the language setting into Brazilian Portuguese', () => {
    const menu = buildMenuTemplate({ ...base, lang: 'pt-BR' });
    expect(menu.map((m) => m.label)).toEqual(['Arquivo', 'Editar', 'Exibir', 'Ajuda']);
    const labels = flatten(menu).map((i) => i.label);
    expect(labels).toContain('Importar projeto…');
    expect(labels).toContain('Sobre o LLM Sizing Planner');
    expect(labels).toContain('Sair');
  });

  it('labels every item (roles too) differently in each language, except proper names', () => {
    const en = flatten(buildMenuTemplate(base));
    const pt = flatten(buildMenuTemplate({ ...base, lang: 'pt-BR' }));
    expect(pt).toHaveLength(en.length);
    for (const [i, item] of en.entries()) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toBeTruthy();
      if (!['Export CSV…'].includes(item.label!)) expect(pt[i]!.label, item.label).not.toBe(item.label);
    }
  });

  it('File sends the project, scenario and export commands, then offers Quit', () => {
    const file = buildMenuTemplate(base)[0]!;
    expect(commands([file])).toEqual([
      'new-project',
      'new-scenario',
      'duplicate-scenario',
      'import-project',
      'export-project',
      'export-csv',
      'export-pdf',
      'export-svg',
      'export-png',
      'open-settings',
    ]);
    expect(file.submenu!.at(-1)).toMatchObject({ role: 'quit', label: 'Quit' });
  });

  it('Help offers Report a problem (the log folder) and About, both handled natively, not sent to the renderer', () => {
    const help = buildMenuTemplate(base)[3]!;
    expect(help.submenu).toEqual([
      { reportProblem: true, label: 'Report a problem…' },
      { type: 'separator' },
      { about: true, label: 'About LLM Sizing Planner' },
    ]);
    expect(buildMenuTemplate({ ...base, lang: 'pt-BR' })[3]!.submenu![0]!.label).toBe('Relatar um problema…');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate({ ...base, isDev })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('uses the standard Edit roles', () => {
    const edit = buildMenuTemplate(base)[1]!;
    expect(edit.submenu!.filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('on macOS puts About, Settings and Quit in the app menu, each once', () => {
    const menu = buildMenuTemplate({ ...base, platform: 'darwin' });
    expect(menu[0]!.label).toBe('LLM Sizing Planner');
    const all = flatten(menu);
    expect(all.filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(all.filter((i) => i.about)).toHaveLength(1);
    expect(commands(menu).filter((c) => c === 'open-settings')).toHaveLength(1);
    expect(menu.at(-1)).toEqual({ label: 'Help', submenu: [{ reportProblem: true, label: 'Report a problem…' }] });
  });

  it('gives no two items the same accelerator', () => {
    const accelerators = flatten(buildMenuTemplate(base)).flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

describe('aboutText', () => {
  const versions = { version: '0.1.0', electron: '45.3.4', chrome: '142.0.1', node: '22.20.0' };

  it('names the app and every runtime version', () => {
    const text = aboutText('en', 'LLM Sizing Planner', versions);
    expect(text.title).toBe('About LLM Sizing Planner');
    expect(text.detail).toBe('Version 0.1.0\n\nElectron 45.3.4\nChrome 142.0.1\nNode.js 22.20.0');
  });

  it('speaks Portuguese', () => {
    expect(aboutText('pt-BR', 'LLM Sizing Planner', versions).detail).toMatch(/^Versão 0\.1\.0/);
  });
});
