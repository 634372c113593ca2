import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  callApi,
  createApiContext,
  type ApiContext,
  type ApiInput,
  type ApiMethodName,
  type ApiResult,
  type CalibrationReadResult,
} from '../api/index.js';
import {
  BUILT_IN_CATALOG,
  bindsAtSmallest,
  describeKey,
  ENGINE_NAMES,
  figureName,
  findModel,
  findServer,
  isCalendarDay,
  startOfLog,
  type Catalog,
  formatNumber,
  LOG_FIGURE_KEYS,
  type CalibrationKey,
  type Lang,
  type LogFigureKey,
  type LogPrediction,
  type StoredCalibrationProfile,
  FRACTION_FIELD,
  SERVING_ENGINE_NAMES,
} from '../engine/index.js';
import { calibrationLabel as L, describeDerivation } from '../i18n/calibration-labels.js';
import type { ParsedArgs } from './args.js';
import { both, CliError, errorLang, EXIT_OK, oneOf } from './errors.js';
import type { CommandContext } from './main.js';
import { parseFormat, parseLang } from './sizing-flags.js';
import { openCliStore } from './store-context.js';

/** A log file larger than this is not a start-up log someone means to read. */
const MAX_LOG_FILE_BYTES = 512 * 1024 * 1024;
/** The API's field names as the command line's flags. */
const FLAG_OF_FIELD: Record<string, string> = { modelId: '--model', serverId: '--server', logDate: '--log-date', id: 'ID' };

/** `sizing calibrate LOGFILE …` and `sizing calibration list|delete ID`: through the API contract, like every stored action. */
export async function run({ args, out }: CommandContext): Promise<number> {
  const [command, sub] = args.positionals;
  const writes = command === 'calibration' ? sub === 'delete' : args.switches.has('save');
  const store = openCliStore(args, writes ? 'write' : 'read');
  try {
    const ctx = createApiContext(store);
    if (args.positionals[0] === 'calibration') return await manage(ctx, args, out);
    return await calibrate(ctx, args, out);
  } finally {
    store.close();
  }
}

interface LogFile {
  text: string;
  source: string;
  /** Set when only the start of a longer file was read. */
  trimmed: { lines: number; chars: number } | null;
}

function readLogFile(path: string | undefined): LogFile {
  if (path === undefined)
    throw CliError.required(
      'LOGFILE',
      both('(sizing calibrate LOGFILE; see sizing --help)', '(sizing calibrate ARQUIVO_DE_LOG; veja sizing --help)'),
    );
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw CliError.badValue('LOGFILE', path, both('a log file', 'um arquivo de log'));
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException)?.code;
    const reason =
      code === 'ENOENT'
        ? both('no such file', 'arquivo inexistente')
        : code === 'EACCES'
          ? both('permission denied', 'sem permissão de leitura')
          : both(String(code ?? error), String(code ?? error));
    throw new CliError(
      both(`LOGFILE: "${path}" cannot be read (${reason.en})`, `LOGFILE: "${path}" não pode ser lido (${reason['pt-BR']})`),
    );
  }
  if (size > MAX_LOG_FILE_BYTES) {
    throw new CliError(
      both(
        `LOGFILE: "${path}" is ${formatNumber(size / 2 ** 20, 'en')} MiB; expected a start-up log of at most 512 MiB`,
        `LOGFILE: "${path}" tem ${formatNumber(size / 2 ** 20, 'pt-BR')} MiB; esperado um log de inicialização de no máximo 512 MiB`,
      ),
    );
  }
  const start = startOfLog(readFileSync(path, 'utf8'));
  return { text: start.text, source: basename(path), trimmed: start.trimmed ? { lines: start.lines, chars: start.text.length } : null };
}

/** Calls the contract; an error becomes one line naming the flag (or the log file) at fault. */
async function call<M extends ApiMethodName>(ctx: ApiContext, method: M, input: ApiInput<M>, logPath?: string): Promise<ApiResult<M>> {
  const response = await callApi(ctx, method, input, { lang: errorLang(process.argv.slice(2)) });
  if (response.ok) return response.result as ApiResult<M>;
  const { field, message } = response.error;
  const text = field ? message.replace(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: `), '') : message;
  const name = field === 'text' ? `LOGFILE ${logPath ?? ''}`.trim() : field ? (FLAG_OF_FIELD[field] ?? field) : '';
  throw new CliError(name ? `${name}: ${text}` : text);
}

async function calibrate(ctx: ApiContext, args: ParsedArgs, out: (text: string) => void): Promise<number> {
  const lang = parseLang(args);
  const format = parseFormat(args, ['text', 'json'] as const);
  const path = args.positionals[1];
  const logDate = args.flags.get('log-date');
  if (logDate !== undefined && !isCalendarDay(logDate))
    throw CliError.badValue('--log-date', logDate, both('a date as YYYY-MM-DD', 'uma data no formato AAAA-MM-DD'));
  const file = readLogFile(path);
  const input = {
    text: file.text,
    source: file.source,
    modelId: args.flags.get('model'),
    serverId: args.flags.get('server'),
    logDate,
    lang,
  };
  const reading = await call(ctx, 'calibration.read', input, path);
  const saved = args.switches.has('save') ? await call(ctx, 'calibration.save', input, path) : null;
  if (format === 'json') {
    out(
      JSON.stringify({ ...reading, trimmed: file.trimmed, saved: saved?.saved ?? null, replaced: saved?.replaced ?? null }, null, 2) + '\n',
    );
  } else {
    const chosen = { model: input.modelId !== undefined, server: input.serverId !== undefined };
    // The records the report names (custom ones included) come through the contract, like every other read.
    const catalog = await call(ctx, 'catalog.list', {});
    out(calibrationReport(reading, lang, { source: file.source, trimmed: file.trimmed, saved, chosen }, catalog));
  }
  return EXIT_OK;
}

const LABEL_WIDTH = 30;
const row = (name: string, value: string, note = '') => `  ${name.padEnd(LABEL_WIDTH)}${value}${note ? `   (${note})` : ''}`;

/** The readable report: what the log says, what it matched, and the profile it makes. */
export function calibrationReport(
  reading: CalibrationReadResult,
  lang: Lang,
  extras: {
    source: string;
    trimmed: LogFile['trimmed'];
    saved: { saved: StoredCalibrationProfile; replaced: StoredCalibrationProfile | null } | null;
    chosen: { model: boolean; server: boolean };
  },
  catalog: Catalog = BUILT_IN_CATALOG,
): string {
  const log = reading.log;
  const n = (v: number, digits = 0) => formatNumber(v, lang, digits);
  const generation = log.generation ? ` (${L(lang, log.generation === 'v1' ? 'engineV1' : 'engineV0')})` : '';
  const engine = `${ENGINE_NAMES[log.engine]}${log.engineVersion ? ` ${log.engineVersion}` : ''}${generation}`;
  const lines = [L(lang, 'title', { engine }), ''];
  lines.push(
    row(
      L(lang, 'log'),
      L(lang, 'logLines', { source: extras.source, lines: n(log.lineCount) }),
      extras.trimmed ? L(lang, 'trimmed', { lines: n(extras.trimmed.lines), chars: n(extras.trimmed.chars) }) : '',
    ),
  );
  const dateNote = { log: 'dateFromLog', 'log-without-year': 'dateWithoutYear', given: 'dateGiven', today: 'dateToday' } as const;
  lines.push(row(L(lang, 'logDate'), reading.logDate, L(lang, dateNote[reading.logDateFrom])));
  const model = reading.modelId ? findModel(catalog, reading.modelId) : undefined;
  const modelNote = extras.chosen.model
    ? L(lang, 'chosen')
    : log.model
      ? L(lang, model ? 'matchedFrom' : 'namedInLog', { logged: log.model })
      : '';
  lines.push(row(L(lang, 'model'), model ? `${model.id} (${model.name})` : (reading.modelId ?? L(lang, 'notMatched')), modelNote));
  const server = reading.serverId ? findServer(catalog, reading.serverId) : undefined;
  const visible = log.figures.visibleGiB ? L(lang, 'visible', { gib: n(log.figures.visibleGiB.value, 2) }) : null;
  const gpu = [log.gpuName, visible].filter(Boolean).join(', ');
  const serverNote = extras.chosen.server ? L(lang, 'chosen') : server && gpu ? L(lang, 'matchedGpu', { gpu }) : gpu;
  lines.push(row(L(lang, 'server'), server ? `${server.id} (${server.name})` : (reading.serverId ?? L(lang, 'notMatched')), serverNote));
  lines.push(
    row(
      L(lang, 'tp'),
      log.tp === null ? L(lang, 'notInLog') : n(log.tp),
      log.tpFrom ? L(lang, log.tpFrom === 'config' ? 'tpFromConfig' : 'tpFromRanks') : '',
    ),
  );
  const fractionName = log.engine === 'vllm' ? 'gpu_memory_utilization' : 'mem_fraction_static';
  lines.push(row(L(lang, 'memoryFraction'), log.memoryFraction === null ? L(lang, 'notInLog') : n(log.memoryFraction, 3), fractionName));
  lines.push(row(L(lang, 'maxModelLen'), log.maxModelLen === null ? L(lang, 'notInLog') : `${n(log.maxModelLen)} ${L(lang, 'tokens')}`));
  lines.push(
    row(
      L(lang, 'kvCacheDtype'),
      log.kvCacheDtype ?? L(lang, 'notInLog'),
      log.modelDtype ? L(lang, 'modelDtype', { dtype: log.modelDtype }) : '',
    ),
  );
  lines.push('', L(lang, 'figures'));
  lines.push(`  ${L(lang, 'figure').padEnd(LABEL_WIDTH)}${L(lang, 'logged').padStart(14)}   ${L(lang, 'line')}`);
  for (const key of LOG_FIGURE_KEYS) lines.push(figureRow(reading, key, lang));
  lines.push('', ...predictionTable(reading.prediction, lang));
  lines.push('', `${L(lang, 'profile')}: ${profileLine(reading, lang, extras.saved)}`);
  return lines.join('\n') + '\n';
}

/** A figure as the table shows it: GiB with two decimals, tokens whole, concurrency as a multiple. */
function figureText(key: LogFigureKey, value: number | null, lang: Lang): string {
  if (value === null) return '—';
  if (key === 'kvTokens') return formatNumber(value, lang);
  return key === 'maxConcurrency' ? `${formatNumber(value, lang, 2, 2)}×` : `${formatNumber(value, lang, 2, 2)} GiB`;
}

/** Each term as the engine method's formulas predict it for the log's own start-up, beside the log, with the error. */
function predictionTable(prediction: LogPrediction | null, lang: Lang): string[] {
  if (!prediction) return [L(lang, 'predictionPending')];
  if (!prediction.ok) return [L(lang, 'predictionNone', { problem: prediction.message[lang] })];
  const i = prediction.inputs;
  const engine = i.servingEngine ?? 'vllm';
  const fraction = i[FRACTION_FIELD[engine]];
  const title = L(lang, 'prediction', {
    engine: SERVING_ENGINE_NAMES[engine],
    version: i.engineVersion ?? '',
    tp: i.tp ?? 1,
    fraction: fraction === undefined ? '—' : formatNumber(fraction, lang, 3),
    tokens: formatNumber(i.effectiveContextTokens, lang),
  });
  const header = `  ${L(lang, 'figure').padEnd(LABEL_WIDTH)}${L(lang, 'predicted').padStart(14)}${L(lang, 'logged').padStart(14)}${L(lang, 'error').padStart(10)}`;
  const rows = prediction.rows.map((r) => {
    const label = figureName(r.key, lang, engine === 'trtllm' ? undefined : engine);
    const error = r.errorRatio === null ? '—' : `${r.errorRatio >= 0 ? '+' : ''}${formatNumber(r.errorRatio * 100, lang, 1, 1)}%`;
    return `  ${(label[0]!.toUpperCase() + label.slice(1)).padEnd(LABEL_WIDTH)}${figureText(r.key, r.predicted, lang).padStart(14)}${figureText(r.key, r.logged, lang).padStart(14)}${error.padStart(10)}`;
  });
  return [title, header, ...rows];
}

function figureRow(reading: CalibrationReadResult, key: LogFigureKey, lang: Lang): string {
  const figure = reading.log.figures[key];
  const label = figureName(key, lang, reading.log.engine);
  const name = `  ${(label[0]!.toUpperCase() + label.slice(1)).padEnd(LABEL_WIDTH)}`;
  if (!figure) return `${name}${'—'.padStart(14)}`;
  const value = figureText(key, figure.value, lang);
  const notes = [
    figure.derived ? describeDerivation(figure.derived, lang) : null,
    figure.ranks > 1 ? L(lang, bindsAtSmallest(key) ? 'ranksSmallest' : 'ranksLargest', { ranks: figure.ranks }) : null,
    key === 'cudaGraphGiB' && reading.log.cudaGraphInBudget ? L(lang, 'graphInBudget') : null,
  ].filter(Boolean);
  return `${name}${value.padStart(14)}   ${String(figure.line).padEnd(6)}${notes.length ? `(${notes.join('; ')})` : ''}`.trimEnd();
}

function profileLine(
  reading: CalibrationReadResult,
  lang: Lang,
  saved: { saved: StoredCalibrationProfile; replaced: StoredCalibrationProfile | null } | null,
): string {
  const key = (k: CalibrationKey) => describeKey(k, lang);
  if (saved) {
    const params = { key: key(saved.saved), id: saved.saved.id, date: saved.replaced?.logDate ?? '' };
    return L(lang, saved.replaced ? 'profileReplaced' : 'profileSaved', params);
  }
  if (reading.profile) {
    return reading.replaces
      ? L(lang, 'profileWouldReplace', { key: key(reading.profile), date: reading.replaces.logDate })
      : L(lang, 'profileWouldSave', { key: key(reading.profile) });
  }
  const problem = reading.problems[0];
  const flag = problem ? FLAG_OF_FIELD[problem.field] : '';
  return L(lang, 'profileNone', { problem: problem ? `${flag}: ${problem.message[lang]}` : '' });
}

/** `sizing calibration list` and `sizing calibration delete ID`. */
async function manage(ctx: ApiContext, args: ParsedArgs, out: (text: string) => void): Promise<number> {
  const lang = parseLang(args);
  const [, sub, idText] = args.positionals;
  if (sub === 'delete') {
    const id = Number(idText);
    if (idText === undefined || !Number.isInteger(id) || id < 1)
      throw CliError.badValue(
        'ID',
        idText ?? '',
        both('the id of a stored profile (sizing calibration list)', 'o id de um perfil salvo (sizing calibration list)'),
      );
    await call(ctx, 'calibration.delete', { id });
    out(`${L(lang, 'deleted', { id })}\n`);
    return EXIT_OK;
  }
  if (sub !== 'list') throw CliError.badValue('calibration', sub ?? '', oneOf(['list', 'delete']));
  const profiles = await call(ctx, 'calibration.list', {});
  if (parseFormat(args, ['text', 'json'] as const) === 'json') {
    out(JSON.stringify(profiles, null, 2) + '\n');
    return EXIT_OK;
  }
  if (profiles.length === 0) {
    out(`${L(lang, 'listEmpty')}\n`);
    return EXIT_OK;
  }
  out(`${L(lang, 'listHeader')}\n`);
  for (const p of profiles) {
    const kv = p.measured.kvAvailableGiB === null ? '' : `, KV ${formatNumber(p.measured.kvAvailableGiB, lang, 2, 2)} GiB`;
    out(`  ${String(p.id).padStart(4)}  ${describeKey(p, lang)}: ${L(lang, 'calibratedFrom', { date: p.logDate })}${kv} (${p.source})\n`);
  }
  return EXIT_OK;
}
