import {
  formatNumber,
  formatPercent,
  formatUsd,
  formatUsdRange,
  storageName,
  sweep,
  SWEEP_FIELDS,
  SweepRangeError,
  type CompareValue,
  type HaPolicy,
  type Lang,
  type RegionSpec,
  type SizingInputs,
  type StorageRecord,
  type SweepField,
  type SweepResult,
} from '../engine/index.js';
import { formatHa } from '../i18n/cases.js';
import type { Comparison, ExportedFile, ExportFormat, PictureSubject } from '../api/index.js';
import { EXPORT_FORMATS, PICTURE_SUBJECTS } from '../export/files.js';
import { countLabel, label, type LabelKey } from '../i18n/labels.js';
import { mapText } from '../i18n/text.js';
import { normalizeName } from '../schemas/index.js';
import { parseChoice, parseNumber, type ParsedArgs } from './args.js';
import { both, CliError, EXIT_OK, oneOf } from './errors.js';
import type { CommandContext } from './main.js';
import { writeOutputFile } from './output-file.js';
import { projectByName, scenarioByName } from './project-commands.js';
import { catalogWithFile } from './catalog-file.js';
import { cliCatalog } from './catalog-source.js';
import { FLAG_OF_FIELD, inputsFromArgs, overridesFromArgs, parseFormat, parseLang, parseTemplate, SIZING_FLAGS } from './sizing-flags.js';
import { openCliApi, type CliApi } from './store-context.js';

type Out = CommandContext['out'];

/** `sizing export`, `sizing region …`, `sizing compare` (stored scenarios) and `sizing sweep` (ad hoc). */
export async function run({ args, out }: CommandContext): Promise<number> {
  const command = args.positionals[0];
  if (command === 'sweep') return sweepCommand(args, out);
  const reads = command !== 'region' || args.positionals[1] === 'list';
  const api = openCliApi(args, reads ? 'read' : 'write');
  try {
    if (command === 'export') return await exportCommand(api, args, out);
    if (command === 'compare') return await compareCommand(api, args, out);
    return await regionCommand(api, args, out);
  } finally {
    api.close();
  }
}

function flag(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (value === undefined) throw CliError.required(`--${name}`);
  return value;
}

async function storedScenario(api: CliApi, args: ParsedArgs) {
  const project = await projectByName(api, flag(args, 'project'));
  return { project, scenario: await scenarioByName(api, project, flag(args, 'scenario')) };
}

/** Writes a file the API produced to --out: text as UTF-8, binary from base64. */
function writeExported(args: ParsedArgs, file: { encoding: 'utf8' | 'base64'; data: string }): string {
  return writeOutputFile(args, file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : file.data);
}

function wrote(lang: Lang, path: string): string {
  return `${both('wrote', 'gravado:')[lang]} ${path}\n`;
}

async function exportCommand(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const { scenario } = await storedScenario(api, args);
  const format = parseChoice('format', flag(args, 'format'), EXPORT_FORMATS) as ExportFormat;
  const subjectFlag = args.flags.get('subject');
  const subject = subjectFlag === undefined ? undefined : (parseChoice('subject', subjectFlag, PICTURE_SUBJECTS) as PictureSubject);
  flag(args, 'out');
  const file = await api.call('export.scenario', {
    scenarioId: scenario.id,
    format,
    subject,
    lang: api.lang,
    bom: args.switches.has('bom'),
  });
  out(wrote(api.lang, writeExported(args, file)));
  return EXIT_OK;
}

/** The comparison of cases for scenarios named after --project: `sizing compare --project P A B`. */
async function compareCommand(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const project = await projectByName(api, flag(args, 'project'));
  const names = args.positionals.slice(1);
  if (names.length === 0)
    throw new CliError(
      both(
        'compare: name at least one scenario after the flags (sizing compare --project P A B)',
        'compare: informe ao menos um cenário depois das flags (sizing compare --project P A B)',
      ),
    );
  const ids: number[] = [];
  for (const name of names) ids.push((await scenarioByName(api, project, name)).id);
  const lang = api.lang;
  const format = parseFormat(args, ['text', 'json', 'csv', 'xlsx'] as const);
  const onlyDifferences = args.switches.has('only-differences');
  if (format === 'csv' || format === 'xlsx') {
    const file = await api.call('export.comparison', { scenarioIds: ids, lang, bom: args.switches.has('bom'), format, onlyDifferences });
    return writeOrPrint(args, file, format, out);
  }
  const comparison = await api.call('sizing.compare', { scenarioIds: ids, lang });
  if (format === 'json') {
    out(JSON.stringify(comparison, null, 2) + '\n');
    return EXIT_OK;
  }
  const { storage } = await api.call('catalog.list', {});
  out(comparisonText(comparison, lang, storage));
  return EXIT_OK;
}

/** The comparison of cases, then every input or figure that differs (a multi-region plan by its totals), then each plan's regions. */
function comparisonText(comparison: Comparison, lang: Lang, storage: StorageRecord[]): string {
  const L = (key: LabelKey) => label(lang, key);
  const header = [L('case'), L('model'), L('nodes'), L('approxCost'), L('context'), L('ha'), L('usage')];
  const rows = comparison.table.map((r) => [r.case, r.model, r.nodes, r.approxCost, r.context, r.ha, r.usage]);
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i]!)).join('  ')}\n`;
  const parts = [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
  const differing = comparison.rows.filter((r) => r.differs);
  if (differing.length > 0) {
    parts.push(`\n  ${L('differences')}:\n`);
    const nameWidth = Math.max(...differing.map((r) => L(r.key).length)) + 2;
    for (const r of differing)
      parts.push(`  ${L(r.key).padEnd(nameWidth)}${r.values.map((v) => compareValueText(r.key, v, lang, storage)).join('  |  ')}\n`);
  }
  comparison.regions.forEach((regions, i) => {
    if (!regions) return;
    parts.push(`\n  ${comparison.names[i]}, ${L('regions').toLowerCase()}:\n`);
    for (const r of regions) {
      const nodes =
        r.nodesTotal === null ? L('infeasibleShort') : countLabel(lang, 'nodesCount', r.nodesTotal, formatNumber(r.nodesTotal, lang));
      const capex = r.capexLowUsd === null || r.capexHighUsd === null ? '' : `, ${formatUsdRange(r.capexLowUsd, r.capexHighUsd, lang)}`;
      parts.push(
        `    ${r.name}: ${countLabel(lang, 'sessionsCount', r.concurrency, formatNumber(r.concurrency, lang))}, ${nodes}${capex}\n`,
      );
    }
  });
  return parts.join('');
}

/** Choices that read as words in the user's language rather than as the flag's value. */
const CHOICE_LABELS: Record<string, Record<string, LabelKey>> = {
  method: { pooled: 'methodPooledShort', engine: 'methodEngineShort' },
  memoryBasis: { nominal: 'basisNominalShort', measured: 'basisMeasuredShort' },
};

/** Figures shown to the precision the report uses: a tenth of a second or millisecond, KV per session to four places. */
const FIGURE_DIGITS: Record<string, number> = { kvPerSessionGiB: 4, coldStartS: 1, tpotAtLoadMs: 1 };

/** A compared value as a person reads it: money as USD, ratios as per cent, counts grouped, choices in words. */
function compareValueText(key: string, value: CompareValue, lang: Lang, storage: StorageRecord[]): string {
  if (value === null) return '—';
  if (typeof value !== 'number') {
    if (key === 'ha') return formatHa(value as HaPolicy, lang);
    if (key === 'storageId') {
      const record = storage.find((s) => s.id === value);
      return record ? storageName(record)[lang] : value;
    }
    const choice = CHOICE_LABELS[key]?.[value];
    return choice ? label(lang, choice) : value;
  }
  if (/Usd$/.test(key)) return formatUsd(value, lang);
  if (/Ratio$/.test(key) || key === 'availabilityTarget') return formatPercent(value, lang, 2);
  const digits = FIGURE_DIGITS[key];
  return digits === undefined ? formatNumber(value, lang, 4) : formatNumber(value, lang, digits, digits);
}

/** Writes an exported file to --out, or prints a text one; a binary one needs --out. */
function writeOrPrint(args: ParsedArgs, file: ExportedFile, format: string, out: Out): number {
  if (args.flags.has('out')) out(wrote(parseLang(args), writeExported(args, file)));
  else if (file.encoding === 'base64') throw CliError.required('--out', both(`for --format ${format}`, `para --format ${format}`));
  else out(file.data);
  return EXIT_OK;
}

/** `sizing region list|add|remove|rename --project P --scenario S --region NAME …` */
async function regionCommand(api: CliApi, args: ParsedArgs, out: Out): Promise<number> {
  const action = args.positionals[1];
  const { project, scenario } = await storedScenario(api, args);
  let regions: RegionSpec[] = scenario.regions;
  const name = () => flag(args, 'region');
  const index = () => {
    const i = regions.findIndex((r) => r.name === normalizeName(name()));
    if (i === -1)
      throw CliError.badValue(
        '--region',
        name(),
        regions.length
          ? oneOf(regions.map((r) => r.name))
          : both('an existing region (this scenario has none)', 'uma região existente (este cenário não tem nenhuma)'),
      );
    return i;
  };
  switch (action) {
    case 'list':
      break;
    case 'add':
      if (regions.some((r) => r.name === normalizeName(name())))
        throw CliError.badValue('--region', name(), both('a name not used yet in this scenario', 'um nome ainda não usado neste cenário'));
      regions = [
        ...regions,
        { name: name(), concurrency: parseNumber('concurrency', flag(args, 'concurrency')), overrides: overridesFromArgs(args) },
      ];
      break;
    case 'set': {
      const i = index();
      const concurrency = args.flags.get('concurrency');
      regions = regions.map((r, j) =>
        j === i
          ? {
              ...r,
              concurrency: concurrency === undefined ? r.concurrency : parseNumber('concurrency', concurrency),
              overrides: { ...r.overrides, ...overridesFromArgs(args) },
            }
          : r,
      );
      break;
    }
    case 'rename': {
      const i = index();
      regions = regions.map((r, j) => (j === i ? { ...r, name: flag(args, 'new-name') } : r));
      break;
    }
    case 'remove': {
      const i = index();
      regions = regions.filter((_, j) => j !== i);
      break;
    }
    default:
      throw CliError.badValue('region', action ?? '', oneOf(['list', 'add', 'set', 'rename', 'remove']));
  }
  if (action !== 'list') regions = (await api.call('regions.set', { scenarioId: scenario.id, regions })).regions;
  const lang = api.lang;
  out(`${project.name} / ${scenario.name}: ${regions.length} ${label(lang, 'regions').toLowerCase()}\n`);
  for (const r of regions) {
    // Overrides as the flags that set them: the same in both languages, and what `region set` accepts.
    const overrides = Object.entries(r.overrides)
      .map(([field, v]) => `${FLAG_OF_FIELD.get(field as keyof SizingInputs) ?? field} ${v}`)
      .join(', ');
    out(
      `  ${r.name.padEnd(20)}${formatNumber(r.concurrency, lang).padStart(10)} ${label(lang, 'sessions')}${overrides ? `   (${overrides})` : ''}\n`,
    );
  }
  return EXIT_OK;
}

/** The swept input, by its field name (peakHeadroomRatio) or its flag's spelling (peak-headroom-ratio). */
function parseSweepField(raw: string): SweepField {
  if ((SWEEP_FIELDS as string[]).includes(raw)) return raw as SweepField;
  const byFlag = SIZING_FLAGS[raw.replace(/^--/, '')]?.field;
  if (byFlag && (SWEEP_FIELDS as string[]).includes(byFlag)) return byFlag as SweepField;
  const flags = SWEEP_FIELDS.map((field) => FLAG_OF_FIELD.get(field)!.slice(2));
  throw CliError.badValue(
    '--sweep',
    raw,
    both(`one of ${flags.join(', ')} (or ${SWEEP_FIELDS.join(', ')})`, `um de ${flags.join(', ')} (ou ${SWEEP_FIELDS.join(', ')})`),
  );
}

/** Ad-hoc sweep from sizing flags: nodes and CapEx against one input, with the node thresholds. */
async function sweepCommand(args: ParsedArgs, out: Out): Promise<number> {
  const field = parseSweepField(flag(args, 'sweep'));
  const from = parseNumber('from', flag(args, 'from'));
  const to = parseNumber('to', flag(args, 'to'));
  const points = parseNumber('points', args.flags.get('points') ?? '50');
  const template = parseTemplate(args);
  const catalog = catalogWithFile(args, (await cliCatalog(args, template)).catalog);
  const inputs = inputsFromArgs(args, catalog, template);
  let result;
  try {
    result = sweep({ inputs, catalog, field, from, to, points });
  } catch (error) {
    if (error instanceof SweepRangeError)
      throw new CliError(mapText(error.text, (text) => `--${error.argument === 'field' ? 'sweep' : error.argument}: ${text}`));
    throw error;
  }
  const lang: Lang = parseLang(args);
  const format = parseFormat(args, ['text', 'json', 'csv', 'xlsx', 'svg', 'png'] as const);
  if (format !== 'text' && format !== 'json') {
    const { exportSweep } = await import('../export/files.js');
    return writeOrPrint(args, await exportSweep(result, format, lang, 'sizing'), format, out);
  }
  if (format === 'json') {
    out(JSON.stringify(result, null, 2) + '\n');
    return EXIT_OK;
  }
  out(sweepText(result, lang));
  return EXIT_OK;
}

/** The swept input in words, the node thresholds, then one line per point: value, nodes, CapEx. */
function sweepText(result: SweepResult, lang: Lang): string {
  const n = (v: number) => (/Ratio$/.test(result.field) ? formatPercent(v, lang, 2) : formatNumber(v, lang, 4));
  const values = result.points.map((p) => p.value);
  const lines = [
    label(lang, 'sweepSummary', {
      field: label(lang, result.field),
      from: n(values[0]!),
      to: n(values.at(-1)!),
      points: formatNumber(values.length, lang),
    }),
    `  ${label(lang, 'sweepThresholds', { values: result.thresholds.map(n).join(', ') || '—' })}`,
    `  ${label(lang, result.field).padStart(26)}  ${label(lang, 'nodes').padStart(5)}  ${label(lang, 'capex')}`,
  ];
  for (const p of result.points) {
    const capex = p.capexLowUsd === null ? label(lang, 'infeasibleShort') : formatUsdRange(p.capexLowUsd, p.capexHighUsd!, lang);
    const nodes = p.nodesTotal === null ? '—' : formatNumber(p.nodesTotal, lang);
    lines.push(`  ${n(p.value).padStart(26)}  ${nodes.padStart(5)}  ${capex}`);
  }
  return lines.join('\n') + '\n';
}
