import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { formatNumber, type Lang, type SizingInputs } from '../engine/index.js';
import type { ApiContext, ProjectRow, ScenarioRow } from '../api/index.js';
import { MAX_PROJECT_FILE_BYTES } from '../store/project-file.js';
import { label } from '../i18n/labels.js';
import type { CommandContext } from './main.js';
import { both, CliError, EXIT_INFEASIBLE, EXIT_OK, oneOf } from './errors.js';
import { planTextReport, textReport } from './report.js';
import { inputsFromArgs, parseFormat, parseLang, parseTemplate } from './sizing-flags.js';
import { apiContext, call, openCliStore } from './store-context.js';

/** `sizing project …`, `sizing save`, `sizing show`: all through the API contract. */
export async function run({ args, out }: CommandContext): Promise<number> {
  const store = openCliStore(args);
  try {
    const ctx = apiContext(store);
    const [command, sub] = args.positionals;
    if (command === 'save') return await save(ctx, args, out);
    if (command === 'show') return await show(ctx, args, out);
    const handlers: Record<string, () => Promise<number>> = {
      list: () => listProjects(ctx, args, out),
      create: async () => printProject(await call(ctx, 'projects.create', { name: need(args, 2, 'NAME') }), args, out),
      rename: async () => printProject(await call(ctx, 'projects.rename', { id: projectByName(ctx, need(args, 2, 'NAME')).id, name: need(args, 3, 'NEW') }), args, out),
      delete: () => deleteProject(ctx, args, out),
      show: () => showProject(ctx, args, out),
      export: () => exportProjectFile(ctx, args, out),
      import: () => importProjectFile(ctx, args, out),
    };
    const handler = sub === undefined ? undefined : handlers[sub];
    if (!handler) throw CliError.badValue('project', sub ?? '', oneOf(Object.keys(handlers)));
    return await handler();
  } finally {
    store.close();
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

export function projectByName(ctx: ApiContext, name: string): ProjectRow {
  const project = ctx.store.projects.findByName(name);
  if (!project) {
    const names = ctx.store.projects.list().map((p) => p.name);
    throw CliError.badValue('project', name, names.length
        ? both(`an existing project: ${names.slice(0, 20).join(', ')}`, `um projeto existente: ${names.slice(0, 20).join(', ')}`)
        : both('an existing project (there are none yet: sizing project create NAME)', 'um projeto existente (ainda não há nenhum: sizing project create NOME)'));
  }
  return project;
}

export function scenarioByName(ctx: ApiContext, project: ProjectRow, name: string): ScenarioRow {
  const scenario = ctx.store.scenarios.findByName(project.id, name);
  if (!scenario) {
    const names = ctx.store.scenarios.list(project.id).map((s) => s.name);
    throw CliError.badValue('--scenario', name, names.length
        ? both(`a scenario of ${project.name}: ${names.slice(0, 20).join(', ')}`, `um cenário de ${project.name}: ${names.slice(0, 20).join(', ')}`)
        : both(`a scenario of ${project.name} (it has none)`, `um cenário de ${project.name} (ele não tem nenhum)`));
  }
  return scenario;
}

function printProject(project: ProjectRow, args: ParsedArgs, out: Out): number {
  if (parseFormat(args, ['text', 'json'] as const) === 'json') out(JSON.stringify(project, null, 2) + '\n');
  else out(`${project.name}\n`);
  return EXIT_OK;
}

async function listProjects(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const projects = await call(ctx, 'projects.list', {});
  if (parseFormat(args, ['text', 'json'] as const) === 'json') {
    out(JSON.stringify(projects, null, 2) + '\n');
    return EXIT_OK;
  }
  for (const p of projects) out(`${p.name.padEnd(32)} ${String(p.scenarioCount).padStart(5)} scenario(s)   updated ${p.updatedAt}\n`);
  return EXIT_OK;
}

async function deleteProject(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const project = projectByName(ctx, need(args, 2, 'NAME'));
  await call(ctx, 'projects.delete', { id: project.id });
  out(`deleted ${project.name}\n`);
  return EXIT_OK;
}

/** The project's scenarios with their key results, one line each. */
async function showProject(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const lang = parseLang(args);
  const project = projectByName(ctx, need(args, 2, 'NAME'));
  const rows = [];
  for (const s of await call(ctx, 'scenarios.list', { projectId: project.id })) {
    const sized = await call(ctx, 'sizing.stored', { scenarioId: s.id });
    const nodes = sized.plan ? sized.plan.totals.nodes : sized.result.nodes?.total ?? null;
    rows.push({ scenario: s, result: sized.result, plan: sized.plan, nodes });
  }
  if (parseFormat(args, ['text', 'json'] as const) === 'json') {
    out(JSON.stringify({ project, scenarios: rows.map((r) => ({ ...r.scenario, nodesTotal: r.nodes, sessionsPerNode: r.result.sessionsPerNode, feasible: r.plan ? r.plan.feasible : r.result.feasible })) }, null, 2) + '\n');
    return EXIT_OK;
  }
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  out(`${project.name}: ${rows.length} scenario(s)\n`);
  out(`  ${'scenario'.padEnd(34)}${'model'.padEnd(16)}${'server'.padEnd(10)}${label(lang, 'concurrency').padStart(12)}${label(lang, 'context').padStart(10)}${'KV'.padStart(6)}${label(lang, 'sessionsPerNode').padStart(20)}${label(lang, 'nodes').padStart(8)}\n`);
  for (const r of rows) {
    const i: SizingInputs = r.scenario.inputs;
    const name = `${r.scenario.variantOf ? '  ↳ ' : ''}${r.scenario.name}${r.scenario.regions.length ? ` [${r.scenario.regions.length} ${label(lang, 'regions').toLowerCase()}]` : ''}`;
    out(`  ${name.slice(0, 33).padEnd(34)}${i.modelId.padEnd(16)}${i.serverId.padEnd(10)}${n(r.plan?.totals.concurrency ?? i.concurrency).padStart(12)}${n(i.effectiveContextTokens).padStart(10)}${i.kvPrecision.padStart(6)}${n(r.result.sessionsPerNode).padStart(20)}${(r.nodes === null ? label(lang, 'infeasible') : n(r.nodes)).padStart(8)}\n`);
  }
  return EXIT_OK;
}

function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

async function exportProjectFile(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const project = projectByName(ctx, need(args, 2, 'NAME'));
  const path = needFlag(args, 'out');
  writeFileAtomically(path, JSON.stringify(await call(ctx, 'projects.export', { id: project.id }), null, 2) + '\n');
  out(`exported ${project.name} to ${path}\n`);
  return EXIT_OK;
}

async function importProjectFile(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const path = need(args, 2, 'FILE');
  let text: string;
  try {
    if (statSync(path).size > MAX_PROJECT_FILE_BYTES) throw new CliError(both(`${path}: larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB; not a project file`, `${path}: maior que ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB; não é um arquivo de projeto`));
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(both(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, `${path}: não pode ser lido (${(error as NodeJS.ErrnoException).code ?? 'erro'})`));
  }
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw new CliError(both(`${path}: not a project file (not JSON)`, `${path}: não é um arquivo de projeto (não é JSON)`));
  }
  const imported = await call(ctx, 'projects.import', { file });
  out(`imported ${imported.name} (${imported.scenarios} scenario(s))\n`);
  return EXIT_OK;
}

/** Saves the sizing flags (or a template) as a scenario; an existing name is updated. */
async function save(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const projectName = needFlag(args, 'project');
  const name = needFlag(args, 'name');
  const template = parseTemplate(args);
  const inputs = inputsFromArgs(args, ctx.store.catalog.effective(), template);
  const regions = template?.regions ?? [];
  const notes = args.flags.get('notes');
  const project = ctx.store.projects.findByName(projectName) ?? (await call(ctx, 'projects.create', { name: projectName }));
  const existing = ctx.store.scenarios.findByName(project.id, name);
  const saved = existing
    ? await call(ctx, 'scenarios.update', { id: existing.id, inputs, ...(template ? { regions } : {}), ...(notes !== undefined ? { notes } : {}) })
    : await call(ctx, 'scenarios.create', { projectId: project.id, name, inputs, regions, notes: notes ?? template?.notes[parseLang(args)] ?? '' });
  out(`${existing ? 'updated' : 'saved'} ${project.name} / ${saved.name}\n`);
  return EXIT_OK;
}

/** Sizes a stored scenario and prints it like the original command would. */
async function show(ctx: ApiContext, args: ParsedArgs, out: Out): Promise<number> {
  const lang: Lang = parseLang(args);
  const format = parseFormat(args, ['text', 'json'] as const);
  const project = projectByName(ctx, needFlag(args, 'project'));
  const scenario = scenarioByName(ctx, project, needFlag(args, 'scenario'));
  const sized = await call(ctx, 'sizing.stored', { scenarioId: scenario.id });
  const feasible = sized.plan ? sized.plan.feasible : sized.result.feasible;
  if (format === 'json') out(JSON.stringify(sized.plan ? { scenario: sized.scenario, ...sized.plan } : { scenario: sized.scenario, ...sized.result }, null, 2) + '\n');
  else if (sized.plan) out(planTextReport(sized.plan, lang, `${project.name} / ${scenario.name}`));
  else out(textReport(sized.result, lang, `${project.name} / ${scenario.name}`));
  return feasible ? EXIT_OK : EXIT_INFEASIBLE;
}

export { writeFileAtomically };
