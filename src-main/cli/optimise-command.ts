import {
  formatNumber,
  formatSeconds,
  formatUsd,
  OPTIMISE_OBJECTIVES,
  optimise,
  SERVING_ENGINES,
  type ServingEngine,
  type Catalog,
  type Lang,
  type OptimiseResult,
  type RuledOutReason,
} from '../engine/index.js';
import { optimiseCalibrationLine, optimiseCsv } from '../export/optimise.js';
import { bindingLabel, label, type LabelKey } from '../i18n/labels.js';
import { parseChoice, parseNumber, type ParsedArgs } from './args.js';
import { both, CliError, EXIT_INFEASIBLE, EXIT_OK } from './errors.js';
import type { CommandContext } from './main.js';
import { catalogWithFile } from './catalog-file.js';
import { cliCatalog } from './catalog-source.js';
import { inputsFromArgs, parseFormat, parseLang } from './sizing-flags.js';

/**
 * `sizing optimise`: the cheapest plans that meet the service targets, across the catalog's servers.
 * The catalog is the one `sizing` sizes against: the user's own records and calibration profiles
 * from --db, SIZING_DB or the default database (profiles unless --no-calibration), and --catalog FILE.
 */
export async function run({ args, out }: CommandContext): Promise<number> {
  const searched = withSearchMethod(args);
  const { catalog } = await cliCatalog(searched);
  return optimiseCommand(searched, out, catalogWithFile(args, catalog));
}

/** The search places replicas: the engine-aware method unless another is asked for. */
function withSearchMethod(args: ParsedArgs): ParsedArgs {
  return args.flags.has('method') ? args : { ...args, flags: new Map([...args.flags, ['method', 'engine']]) };
}

function parseServers(args: ParsedArgs, catalog: Catalog): string[] | undefined {
  const raw = args.flags.get('servers');
  if (raw === undefined) return undefined;
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const known = catalog.servers.map((s) => s.id);
  const unknown = ids.find((id) => !known.includes(id));
  if (ids.length === 0 || unknown !== undefined) {
    throw CliError.badValue(
      '--servers',
      unknown ?? raw,
      both(`a comma-separated list of ${known.join(', ')}`, `uma lista separada por vírgulas de ${known.join(', ')}`),
    );
  }
  return ids;
}

/** --engines vllm,sglang: the serving engines the search varies (the engine method's). */
function parseEngines(args: ParsedArgs): ServingEngine[] | undefined {
  const raw = args.flags.get('engines');
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((s) => s.trim());
  const unknown = names.find((n) => !(SERVING_ENGINES as string[]).includes(n));
  if (unknown !== undefined || names.length === 0)
    throw CliError.badValue(
      '--engines',
      unknown ?? raw,
      both(`a comma-separated list of ${SERVING_ENGINES.join(', ')}`, `uma lista separada por vírgulas de ${SERVING_ENGINES.join(', ')}`),
    );
  return names as ServingEngine[];
}

function parseTop(args: ParsedArgs): number {
  const raw = args.flags.get('top');
  if (raw === undefined) return 10;
  const top = parseNumber('top', raw);
  if (!Number.isInteger(top) || top < 1 || top > 1000)
    throw CliError.badValue('--top', raw, both('a whole number from 1 to 1000', 'um número inteiro de 1 a 1000'));
  return top;
}

function parseMaxCapex(args: ParsedArgs): number | undefined {
  const raw = args.flags.get('max-capex-usd');
  if (raw === undefined) return undefined;
  const value = parseNumber('max-capex-usd', raw);
  if (!(value > 0) || value > 1e12)
    throw CliError.badValue(
      '--max-capex-usd',
      raw,
      both('a number greater than 0 and at most 1e12', 'um número maior que 0 e no máximo 1e12'),
    );
  return value;
}

function optimiseCommand(args: ParsedArgs, out: CommandContext['out'], catalog: Catalog): number {
  const lang = parseLang(args);
  const format = parseFormat(args, ['text', 'json', 'csv'] as const);
  const serverIds = parseServers(args, catalog);
  const engines = parseEngines(args);
  const objective = parseChoice('objective', args.flags.get('objective') ?? 'tco', OPTIMISE_OBJECTIVES);
  const top = parseTop(args);
  const maxCapexUsd = parseMaxCapex(args);
  // Inputs are checked as for `sizing`, against the first server searched; the search then varies it.
  const flags = new Map(args.flags);
  if (!flags.has('server')) flags.set('server', serverIds?.[0] ?? catalog.servers[0]!.id);
  const base = inputsFromArgs({ ...args, flags }, catalog);
  const result = optimise(
    { base, serverIds, engines, maxCapexUsd, objective, top, keepRuntimeOverhead: args.flags.has('runtime-overhead-gib') },
    catalog,
  );
  if (format === 'json') out(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'csv') out(optimiseCsv([{ name: null, result }], { lang, bom: args.switches.has('bom') }));
  else out(optimiseText(result, lang));
  return result.feasible > 0 ? EXIT_OK : EXIT_INFEASIBLE;
}

const REASON_TEXT: Record<RuledOutReason, { en: string; 'pt-BR': string }> = {
  memory: { en: 'memory (the weights or one session do not fit)', 'pt-BR': 'memória (os pesos ou uma sessão não cabem)' },
  tpot: { en: 'the TPOT target (--tpot-ms)', 'pt-BR': 'a meta de TPOT (--tpot-ms)' },
  ttft: { en: 'the TTFT target (--ttft-s)', 'pt-BR': 'a meta de TTFT (--ttft-s)' },
  capex: { en: 'the CapEx ceiling (--max-capex-usd)', 'pt-BR': 'o teto de CapEx (--max-capex-usd)' },
  records: { en: 'records without the latency figures', 'pt-BR': 'registros sem os dados de latência' },
  unsupported: { en: 'combinations the GPU or engine does not run', 'pt-BR': 'combinações que a GPU ou o engine não executam' },
};

export function optimiseText(result: OptimiseResult, lang: Lang): string {
  const n = (v: number, digits = 0, min = 0) => formatNumber(v, lang, digits, min);
  const L = (key: LabelKey, params?: Record<string, string | number>) => label(lang, key, params);
  const lines: string[] = [L('candidatesSummary', { candidates: n(result.candidatesEvaluated), feasible: n(result.feasible) })];
  if (result.plans.length === 0) {
    const reason = result.mostRestrictive ? REASON_TEXT[result.mostRestrictive][lang] : '—';
    lines.push(L('optimiseNoPlan', { reason, count: n(result.ruledOut[result.mostRestrictive ?? 'memory']) }));
    return lines.join('\n') + '\n';
  }
  const header = [
    '#',
    L('server'),
    L('engineShort'),
    'TP',
    'KV',
    L('weightsShort'),
    L('nodes'),
    L('tcoHighShort'),
    'TPOT ms',
    'TTFT s',
    L('bindingShort'),
    L('usdPerMillionTokensShort'),
  ];
  const rows = result.plans.map((p, i) => [
    String(i + 1),
    p.serverId,
    p.engine ?? '—',
    String(p.tp),
    p.kvPrecision,
    p.weightsPrecision,
    n(p.nodes.total),
    formatUsd(p.cost.tcoHighUsd, lang),
    p.tpotMs === null ? '—' : n(p.tpotMs, 1, 1),
    p.ttftS === null ? '—' : formatSeconds(p.ttftS, lang),
    bindingLabel(lang, p.bindingLimit, true),
    p.tcoPerMillionTokensUsd === null ? '—' : n(p.tcoPerMillionTokensUsd, 2, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 1 || i === 2 || i >= 10 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  lines.push('', line(header), ...rows.map(line));
  const calibration = optimiseCalibrationLine(result, lang);
  lines.push('', ...(calibration === null ? [] : [calibration]), L('optimiseFootnote'));
  return lines.join('\n') + '\n';
}
