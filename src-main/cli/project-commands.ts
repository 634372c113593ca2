import { readFileSync, statSync } from 'node:fs';
import { formatNumber, type Lang, type SizingInputs } from '../engine/index.js';
import type { ProjectRow, ScenarioRow } from '../api/index.js';
import { decodeProjectFile, MAX_PROJECT_FILE_BYTES } from '../store/project-file.js';
import { StoreError } from '../store/errors.js';
import { countLabel, label } from '../i18n/labels.js';
import { mapText } from '../i18n/text.js';
import type { CommandContext } from './main.js';
import { both, CliError, EXIT_INFEASIBLE, EXIT_OK, oneOf } from './errors.js';
import { writeOutputFile } from './output-file.js';
import { planTextReport, textReport } from './report.js';
import { inputsFromArgs, parseFormat, parseTemplate } from './sizing-flags.js';
import { openCliApi, type CliApi } from './store-context.js';

/** `sizing project …`, `sizing save`, `sizing show`: all through the API contract. */
export async function run({ args, out }: CommandContext): Promise<number> {
  const [command, sub] = args.positionals;
  const reads = command === 'show' || (command === 'project' && (sub === 'list' || sub === 'show' || sub === 'export'));
  const api = openCliApi(args, reads ? 'read' : 'write');
  try {
    if (command === 'save') return await save(api, args, out);
    if (command === 'show') return await show(api, args, out);
    const handlers: Record<string, () => Promise<number>> = {
      list: () => listProjects(api, args, out),
      create: async () => printProject(await api.call('projects.create', { name: need(args, 2, 'NAME') }), args, out),
      rename: async () =>
        printProject(
          await api.call('projects.rename', { id: (await projectByName(api, need(args, 2, 'NAME'))).id, name: need(args, 3, 'NEW') }),
          args,
          out,
        ),
      delete: () => deleteProject(api, args, out),
      show: () => showProject(api, args, out),
      export: () => exportProjectFile(api, args, out),
      import: () => importProjectFile(api, args, out),
    };
    const handler = sub === undefined ? undefined : handlers[sub];
    if (!handler) throw CliError.badValue('project', sub ?? '', oneOf(Object.keys(handlers)));
    return await handler();
  } finally {
    api.close();
  }
}

type ParsedArgs = CommandContext['args'];
type Out = CommandContext['out'];

function need(args: ParsedArgs, index: number, what: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw CliError.required(what, both('(see sizing --help)', '(veja sizing --help)'));
  return value;
}

function needFlag(args: ParsedArgs, flag: string): string {
  const value = args.flags.get(flag);
  if (value === undefined) throw CliError.required(`--${flag}`);
  return value;
}

export async function projectByName(api: CliApi, name: string): Promise<ProjectRow> {
  const project = await api.call('projects.find', { name });
  if (project) return project;
  const names = (await api.call('projects.list', {}))
    .map((p) => p.name)
    .slice(0, 20)
    .join(', ');
  throw CliError.badValue(
    '--project',
    name,
    names
      ? both(`an existing project: ${names}`, `um projeto existente: ${names}`)
      : both(
          'an existing project (there are none yet: sizing project create NAME)',
          'um projeto existente (ainda não há nenhum: sizing project create NOME)',
        ),
  );
}

export async function scenarioByName(api: CliApi, project: ProjectRow, name: string): Promise<ScenarioRow> {
  const scenario = await api.call('scenarios.find', { projectId: project.id, name });
  if (scenario) return scenario;
  const names = (await api.call('scenarios.list', { projectId: project.id }))
    .map((s) => s.name)
    .slice(0, 20)
    .join(', ');
  throw CliError.badValue(
    '--scenario',
    name,
    names
      ? both(`a scenario of ${project.name}: ${names}`, `um cenário de ${project.name}: ${names}`)
      : both(`a scenario of ${project.name} (it has none)`, `um cenário de ${project.name} (ele não tem nenhum)`),
  );
}

function printProject(project: ProjectRow, args: ParsedArgs, out: Out): number {
  if (parseFormat(args, ['text', 'json'] as const) === 'json') out(JSON.stringify(project, null, 2) + '\n');
  else out(`${project.name}\n`);
  return EXIT_OK;
}

async function listProjects(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const projects = await api.call('projects.list', {});
  if (parseFormat(args, ['text', 'json'] as const) === 'json') {
    out(JSON.stringify(projects, null, 2) + '\n');
    return EXIT_OK;
  }
  const { lang } = api;
  const width = Math.max(32, ...projects.map((p) => p.name.length));
  for (const p of projects) {
    const count = countLabel(lang, 'scenariosCount', p.scenarioCount, formatNumber(p.scenarioCount, lang));
    out(`${p.name.padEnd(width)} ${count.padStart(14)}   ${label(lang, 'updatedOn', { date: formatDateTime(p.updatedAt, lang) })}\n`);
  }
  return EXIT_OK;
}

/** A stored ISO time as the user's language writes a date and time, in the local time zone (the app's short form). */
function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

async function deleteProject(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const project = await projectByName(api, need(args, 2, 'NAME'));
  await api.call('projects.delete', { id: project.id });
  out(`${both('deleted', 'excluído:')[api.lang]} ${project.name}\n`);
  return EXIT_OK;
}

/** The project's scenarios with their key results, one line each; names are never cut. */
async function showProject(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const { lang } = api;
  const project = await projectByName(api, need(args, 2, 'NAME'));
  const rows = [];
  for (const s of await api.call('scenarios.list', { projectId: project.id })) {
    const sized = await api.call('sizing.stored', { scenarioId: s.id });
    const nodes = sized.plan ? sized.plan.totals.nodes : (sized.result.nodes?.total ?? null);
    rows.push({ scenario: s, result: sized.result, plan: sized.plan, nodes });
  }
  if (parseFormat(args, ['text', 'json'] as const) === 'json') {
    out(
      JSON.stringify(
        {
          project,
          scenarios: rows.map((r) => ({
            ...r.scenario,
            nodesTotal: r.nodes,
            sessionsPerNode: r.result.sessionsPerNode,
            feasible: r.plan ? r.plan.feasible : r.result.feasible,
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  const n = (v: number) => formatNumber(v, lang);
  const table = rows.map((r) => {
    const i: SizingInputs = r.scenario.inputs;
    const regions = r.scenario.regions.length
      ? ` [${countLabel(lang, 'regionsCount', r.scenario.regions.length, n(r.scenario.regions.length))}]`
      : '';
    return [
      `${r.scenario.variantOf ? '  ↳ ' : ''}${r.scenario.name}${regions}`,
      i.modelId,
      i.serverId,
      n(r.plan?.totals.concurrency ?? i.concurrency),
      n(i.effectiveContextTokens),
      i.kvPrecision,
      n(r.result.sessionsPerNode),
      r.nodes === null ? label(lang, 'infeasible') : n(r.nodes),
    ];
  });
  const header = [
    label(lang, 'scenario'),
    label(lang, 'model'),
    label(lang, 'server'),
    label(lang, 'concurrency'),
    label(lang, 'context'),
    'KV',
    label(lang, 'sessionsPerNode'),
    label(lang, 'nodes'),
  ];
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((cells) => cells[c]!.length)));
  // Text columns align left, figures right.
  const line = (cells: string[]) =>
    `  ${cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}\n`;
  out(`${project.name}: ${countLabel(lang, 'scenariosCount', rows.length, n(rows.length))}\n`);
  out(line(header));
  for (const cells of table) out(line(cells));
  return EXIT_OK;
}

async function exportProjectFile(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const project = await projectByName(api, need(args, 2, 'NAME'));
  const file = await api.call('projects.export', { id: project.id });
  const path = writeOutputFile(args, JSON.stringify(file, null, 2) + '\n');
  out(`${both(`exported ${project.name} to`, `${project.name} exportado para`)[api.lang]} ${path}\n`);
  return EXIT_OK;
}

/** The file's bytes are decoded strictly here; the API parses and checks the text with the same reader the app uses. */
async function importProjectFile(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const path = need(args, 2, 'FILE');
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_PROJECT_FILE_BYTES)
      throw new CliError(
        both(
          `${path}: larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB; not a project file`,
          `${path}: maior que ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB; não é um arquivo de projeto`,
        ),
      );
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(both(`${path}: cannot be read (${code})`, `${path}: não pode ser lido (${code})`));
  }
  const named = (error: unknown): never => {
    if (error instanceof StoreError) throw new CliError(mapText(error.text, (text) => `${path}: ${text}`));
    if (error instanceof CliError) throw new CliError(`${path}: ${error.render(api.lang)}`);
    throw error;
  };
  let text = '';
  try {
    text = decodeProjectFile(bytes);
  } catch (error) {
    named(error);
  }
  const imported = await api.call('projects.import', { text }).catch(named);
  const count = countLabel(api.lang, 'scenariosCount', imported.scenarios, formatNumber(imported.scenarios, api.lang));
  out(`${both('imported', 'importado:')[api.lang]} ${imported.name} (${count})\n`);
  return EXIT_OK;
}

/** Saves the sizing flags (or a template) as a scenario: create-or-update in one transaction. */
async function save(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const projectName = needFlag(args, 'project');
  const name = needFlag(args, 'name');
  const template = parseTemplate(args);
  const inputs = inputsFromArgs(args, await api.call('catalog.list', {}), template);
  const notes = args.flags.get('notes');
  const saved = await api.call('scenarios.save', {
    projectName,
    name,
    inputs,
    ...(template ? { regions: template.regions ?? [] } : {}),
    ...(notes !== undefined ? { notes } : {}),
    ...(template ? { notesIfNew: template.notes[api.lang] } : {}),
  });
  const verb = saved.created ? both('saved', 'salvo:') : both('updated', 'atualizado:');
  out(`${verb[api.lang]} ${saved.project.name} / ${saved.scenario.name}\n`);
  return EXIT_OK;
}

/** Sizes a stored scenario and prints it like the original command would. */
async function show(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const lang: Lang = api.lang;
  const format = parseFormat(args, ['text', 'json'] as const);
  const project = await projectByName(api, needFlag(args, 'project'));
  const scenario = await scenarioByName(api, project, needFlag(args, 'scenario'));
  const sized = await api.call('sizing.stored', { scenarioId: scenario.id });
  const feasible = sized.plan ? sized.plan.feasible : sized.result.feasible;
  if (format === 'json')
    out(
      JSON.stringify(sized.plan ? { scenario: sized.scenario, ...sized.plan } : { scenario: sized.scenario, ...sized.result }, null, 2) +
        '\n',
    );
  else if (sized.plan) out(planTextReport(sized.plan, lang, `${project.name} / ${scenario.name}`));
  else out(textReport(sized.result, lang, `${project.name} / ${scenario.name}`));
  return feasible ? EXIT_OK : EXIT_INFEASIBLE;
}
