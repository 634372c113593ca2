#!/usr/bin/env node
import { formatUsdRange, PRECISIONS, planRegions, planScenario, storageName, TEMPLATES, type Catalog, type Lang } from '../engine/index.js';
import { toCsv } from '../export/csv.js';
import { resultsTable } from '../export/tables.js';
import { parseArgs, type ParsedArgs } from './args.js';
import { both, CliError, errorLang, EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK, oneOf } from './errors.js';
import { catalogWithFile } from './catalog-file.js';
import { cliCatalog, type CliCatalog } from './catalog-source.js';
import { HELP_EN, HELP_PT_BR } from './help.js';
import { planTextReport, textReport } from './report.js';
import { inputsFromArgs, NO_CALIBRATION, parseFormat, parseLang, parseTemplate, SIZING_FLAGS } from './sizing-flags.js';
import { OPTIMISE_FLAGS } from './optimise-flags.js';
import packageJson from '../../package.json' with { type: 'json' };

const VALUE_FLAGS = new Set([
  ...Object.keys(SIZING_FLAGS),
  'format',
  'lang',
  'template',
  'db',
  'out',
  'project',
  'name',
  'scenario',
  'port',
  'notes',
  'subject',
  'sweep',
  'from',
  'to',
  'points',
  'region',
  'new-name',
  'log-date',
  'catalog',
  ...OPTIMISE_FLAGS,
]);
const SWITCH_FLAGS = new Set(['help', 'version', 'bom', 'verbose', 'save', 'replace', 'only-differences', 'force', NO_CALIBRATION]);

export interface CommandContext {
  args: ParsedArgs;
  out: (text: string) => void;
}

type CommandModule = () => Promise<{ run: (ctx: CommandContext) => Promise<number> }>;

const SIZING = [...Object.keys(SIZING_FLAGS), NO_CALIBRATION];
const STORE = ['db', 'lang'];
/** A catalog file for one run (`--catalog FILE`), and whether its records may take built-in ids. */
const CATALOG_FILE = ['catalog', 'replace'];

/**
 * Sub-commands that need the store or the web host load them only when asked (fast start-up), with
 * the flags each accepts: a flag that does not apply is refused like an unknown one, not ignored.
 */
const LAZY_COMMANDS: Record<string, { load: CommandModule; flags: string[] | Record<string, string[]> }> = {
  project: {
    load: () => import('./project-commands.js'),
    flags: {
      list: [...STORE, 'format'],
      create: [...STORE, 'format'],
      rename: [...STORE, 'format'],
      delete: STORE,
      show: [...STORE, 'format'],
      export: [...STORE, 'out', 'force'],
      import: STORE,
    },
  },
  save: { load: () => import('./project-commands.js'), flags: [...STORE, ...SIZING, 'project', 'name', 'template', 'notes'] },
  show: { load: () => import('./project-commands.js'), flags: [...STORE, 'project', 'scenario', 'format'] },
  serve: { load: () => import('./serve-command.js'), flags: [...STORE, 'port', 'verbose'] },
  export: {
    load: () => import('./plan-commands.js'),
    flags: [...STORE, 'project', 'scenario', 'format', 'subject', 'out', 'force', 'bom'],
  },
  region: { load: () => import('./plan-commands.js'), flags: [...STORE, ...SIZING, 'project', 'scenario', 'region', 'new-name', 'format'] },
  compare: { load: () => import('./plan-commands.js'), flags: [...STORE, 'project', 'format', 'bom', 'only-differences', 'out', 'force'] },
  sweep: {
    load: () => import('./plan-commands.js'),
    flags: [...STORE, ...SIZING, 'template', 'sweep', 'from', 'to', 'points', 'format', 'out', 'force', 'bom', ...CATALOG_FILE],
  },
  calibrate: { load: () => import('./calibrate-command.js'), flags: [...STORE, 'model', 'server', 'log-date', 'save', 'format'] },
  calibration: { load: () => import('./calibrate-command.js'), flags: { list: [...STORE, 'format'], delete: STORE } },
  optimise: {
    load: () => import('./optimise-command.js'),
    flags: [...STORE, ...SIZING, ...OPTIMISE_FLAGS, 'format', 'bom', ...CATALOG_FILE],
  },
};

const OWN_FLAGS: Record<string, string[]> = {
  '': [...STORE, ...SIZING, 'template', 'format', 'bom', ...CATALOG_FILE],
  templates: ['lang', 'format'],
  catalog: [...STORE, 'format', ...CATALOG_FILE],
};

async function runCli(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const args = parseArgs(argv, VALUE_FLAGS, SWITCH_FLAGS);
  checkFlagsApply(args);
  if (args.switches.has('version')) {
    out(`sizing ${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (args.switches.has('help')) {
    out(parseLang(args) === 'pt-BR' ? HELP_PT_BR : HELP_EN);
    return EXIT_OK;
  }
  const command = args.positionals[0];
  if (command === 'templates') return listTemplates(args, out);
  if (command === 'catalog' && args.positionals[1] === 'import') return (await import('./catalog-commands.js')).run({ args, out });
  if (command === 'catalog') {
    const source = await cliCatalog(args);
    return listCatalog(args, out, { ...source, catalog: catalogWithFile(args, source.catalog) });
  }
  if (command !== undefined && command in LAZY_COMMANDS) {
    const module = await LAZY_COMMANDS[command]!.load();
    return module.run({ args, out });
  }
  if (command !== undefined) {
    const known = ['templates', 'catalog', ...Object.keys(LAZY_COMMANDS)].join(', ');
    throw new CliError(
      both(
        `${command}: unknown command; expected one of ${known}, or sizing flags (see sizing --help)`,
        `${command}: comando desconhecido; esperado um de ${known}, ou flags de dimensionamento (veja sizing --help)`,
      ),
    );
  }
  return sizeFromFlags(args, out, catalogWithFile(args, (await cliCatalog(args, parseTemplate(args))).catalog));
}

/** Refuses a flag the command does not use (`project list --concurrency 5`), naming the flags it does use. */
function checkFlagsApply(args: ParsedArgs): void {
  if (args.switches.has('help') || args.switches.has('version')) return;
  const [command = '', sub] = args.positionals;
  const spec = LAZY_COMMANDS[command]?.flags ?? OWN_FLAGS[command];
  // Unknown commands and sub-commands are reported by the command itself, with what is allowed.
  const allowed = Array.isArray(spec) ? spec : spec && sub !== undefined ? spec[sub] : undefined;
  if (!allowed) return;
  const given = [...args.flags.keys(), ...args.switches];
  const stray = given.find((flag) => !allowed.includes(flag));
  if (stray === undefined) return;
  const where = ['sizing', command, Array.isArray(spec) ? '' : sub].filter(Boolean).join(' ');
  const list = allowed
    .map((f) => `--${f}`)
    .sort()
    .join(', ');
  throw new CliError(
    both(
      `--${stray}: does not apply to ${where}; its flags are ${list}`,
      `--${stray}: não se aplica a ${where}; as flags dele são ${list}`,
    ),
  );
}

/** The original command: size one scenario (or a template, with its regions) and print it. */
function sizeFromFlags(args: ParsedArgs, out: (text: string) => void, catalog: Catalog): number {
  const lang = parseLang(args);
  const format = parseFormat(args, ['text', 'json', 'csv'] as const);
  const template = parseTemplate(args);
  const inputs = inputsFromArgs(args, catalog, template);
  if (template?.regions) {
    const plan = planRegions(inputs, template.regions, catalog);
    if (format === 'json') out(JSON.stringify({ template: template.id, ...plan }, null, 2) + '\n');
    else if (format === 'csv') out(toCsv(resultsTable([{ scenario: template.id, result: plan }]), { lang, bom: args.switches.has('bom') }));
    else out(planTextReport(plan, lang, template.name[lang]));
    return plan.feasible ? EXIT_OK : EXIT_INFEASIBLE;
  }
  const result = planScenario(inputs, catalog);
  if (format === 'json') out(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'csv')
    out(toCsv(resultsTable([{ scenario: template?.id ?? 'ad-hoc', result }]), { lang, bom: args.switches.has('bom') }));
  else out(textReport(result, lang, template ? `${template.name[lang]} (${template.id})` : undefined));
  return result.feasible ? EXIT_OK : EXIT_INFEASIBLE;
}

function listTemplates(args: ParsedArgs, out: (text: string) => void): number {
  const lang: Lang = parseLang(args);
  const format = parseFormat(args, ['text', 'json'] as const);
  if (format === 'json') {
    out(JSON.stringify(TEMPLATES, null, 2) + '\n');
    return EXIT_OK;
  }
  for (const t of TEMPLATES) {
    const regions = t.regions ? ` [${t.regions.map((r) => r.name).join(', ')}]` : '';
    out(`${t.id.padEnd(26)}${t.name[lang]}: ${t.description[lang]}${regions}\n`);
  }
  return EXIT_OK;
}

const CATALOG_KINDS = ['models', 'servers', 'storage', 'precisions'] as const;

/** Built-in records, and with --db (or SIZING_DB) the user's own, marked as such. */
function listCatalog(args: ParsedArgs, out: (text: string) => void, { catalog, customIds }: CliCatalog): number {
  const kind = args.positionals[1];
  if (!CATALOG_KINDS.includes(kind as (typeof CATALOG_KINDS)[number])) {
    throw CliError.badValue('catalog', kind ?? '', oneOf(CATALOG_KINDS));
  }
  const format = parseFormat(args, ['text', 'json'] as const);
  const lang = parseLang(args);
  const records = kind === 'precisions' ? PRECISIONS : catalog[kind as 'models' | 'servers' | 'storage'];
  if (format === 'json') {
    out(
      JSON.stringify(
        records.map((r) => (customIds.has(r.id) ? { ...r, custom: true } : r)),
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  const mine = both('  (your own record)', '  (registro próprio)')[lang];
  const names = records.map((r) => ('name' in r ? (kind === 'storage' ? storageName(r as never)[lang] : (r.name as string)) : ''));
  const widths = { id: Math.max(...records.map((r) => r.id.length)) + 2, name: Math.max(0, ...names.map((n) => n.length)) + 2 };
  for (const record of records) out(`${catalogLine(kind!, record, lang, widths)}${customIds.has(record.id) ? mine : ''}\n`);
  return EXIT_OK;
}

/** One catalog record per line, in the user's language; ids and names padded to the widest in the list. */
function catalogLine(kind: string, r: any, lang: Lang, widths: { id: number; name: number }): string {
  const num = (v: number, d = 2) => new Intl.NumberFormat(lang, { maximumFractionDigits: d }).format(v);
  const w = (en: string, pt: string) => (lang === 'pt-BR' ? pt : en);
  const id = r.id.padEnd(widths.id);
  switch (kind) {
    case 'models': {
      const attention =
        r.attention.kind === 'gqa'
          ? `GQA ${r.attention.kvHeads} ${w('KV heads', 'cabeças KV')} × ${r.attention.headDim}`
          : `MLA ${r.attention.kvLoraRank}+${r.attention.qkRopeHeadDim}`;
      const sliding = r.slidingWindow
        ? `, ${r.slidingWindow.layers} ${w('sliding', 'com janela deslizante')} (${num(r.slidingWindow.windowTokens, 0)})`
        : '';
      return `${id}${r.layers} ${w('layers', 'camadas')}${sliding}, ${attention}, ${w('weights', 'pesos')} ${num(r.weightsGiB, 1)} GiB (${r.weightsFormat}), ${w('max', 'máx.')} ${num(r.maxContextTokens, 0)} tokens`;
    }
    case 'servers': {
      const measured = r.measuredMiBPerGpu ? ` (${num(r.measuredMiBPerGpu, 0)} MiB ${w('measured', 'medidos')})` : '';
      return `${id}${r.name.padEnd(widths.name)}${r.gpus} × ${num(r.hbmGBPerGpu, 0)} GB${measured}, ${num(r.nodePowerKW, 1)} kW, ${formatUsdRange(r.priceLowUsd, r.priceHighUsd, lang)}`;
    }
    case 'storage':
      return `${id}${storageName(r)[lang].padEnd(widths.name)}${num(r.readThroughputGBps, 1)} GB/s, ${num(r.firstByteLatencyS * 1000, 1)} ms ${w('to the first byte', 'até o primeiro byte')}`;
    default:
      return `${id}${num(r.bytesPerValue, 4)} ${w(r.bytesPerValue === 1 ? 'byte per value' : 'bytes per value', r.bytesPerValue === 1 ? 'byte por valor' : 'bytes por valor')}`;
  }
}

/**
 * Standard output that goes quiet when its reader does (`sizing catalog models | head -1`): a
 * closed pipe is not a crash, and the command still ends with its own exit status.
 */
function pipeSafeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** Entry point: one line on stderr and exit 2 for bad input; never a stack trace. */
async function main(): Promise<void> {
  const out = pipeSafeWriter(process.stdout);
  const err = pipeSafeWriter(process.stderr);
  const lang = errorLang(process.argv.slice(2));
  try {
    process.exitCode = await runCli(process.argv.slice(2), out);
  } catch (error) {
    if (error instanceof CliError) {
      err(`sizing: ${error.render(lang)}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    } else {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      err(`sizing: ${both(`internal error: ${message}`, `erro interno: ${message}`)[lang]}\n`);
      process.exitCode = 1;
    }
  }
}

await main();
