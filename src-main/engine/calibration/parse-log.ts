import { formatNumber } from '../format.js';
import type { LocalizedText } from '../types.js';
import {
  ANSI_ESCAPES,
  DATE_PATTERNS,
  ENGINE_LINES,
  GPU_NAME,
  rankOf,
  type LineRule,
  type LineSink,
  type ObservationKey,
  type SettingKey,
} from './log-lines.js';
import type { LogDate, LoggedEngine, LoggedFigure, LogFigureKey, LogParseOutcome, LogRefusal, StartupLog } from './types.js';

/** vLLM's CacheConfig.block_size default on CUDA (vllm/config.py): 16 tokens per KV block. */
const VLLM_DEFAULT_BLOCK_SIZE = 16;
const SHOWN_LINE_CHARS = 240;

export const ENGINE_NAMES: Record<LoggedEngine, string> = { vllm: 'vLLM', sglang: 'SGLang' };

interface Observation {
  key: ObservationKey;
  value: number;
  rank: string;
  line: number;
  text: string;
}

interface Scan {
  observations: Observation[];
  settings: Partial<Record<SettingKey, string | number>>;
  generations: Set<'v0' | 'v1'>;
  cudaGraphInBudget: boolean;
  date: LogDate | null;
  gpuName: string | null;
}

/**
 * Reads a vLLM or SGLang start-up log: whatever per-GPU memory figures, KV capacity and settings it
 * states, each with the line it came from. Pure: the text in, a result or a refusal out. A text that
 * is no such log, stops before the KV cache was sized, or records a failed start is refused with a
 * message that says what was missing.
 */
export function parseStartupLog(text: string): LogParseOutcome {
  const lines = text.replace(ANSI_ESCAPES, '').split(/\r?\n/);
  if (!lines.some((line) => line.trim() !== '')) {
    return refuse({ code: 'empty', missing: [], message: { en: 'the log is empty', 'pt-BR': 'o log está vazio' } });
  }
  const engine = detectEngine(lines);
  if (!engine) return refuse(foreign(lines.length));
  const log = assemble(engine, scan(lines, ENGINE_LINES[engine]), lines.length);
  const problem = unusable(log);
  return problem ? refuse(problem) : { ok: true, log };
}

function refuse(refusal: LogRefusal): LogParseOutcome {
  return { ok: false, refusal };
}

/** Physical lines, each split at carriage returns (progress bars redraw with \r): every segment keeps its line's number. */
function* segments(lines: string[]): Generator<{ text: string; line: number }> {
  for (let i = 0; i < lines.length; i++) {
    for (const part of lines[i]!.split('\r')) yield { text: part, line: i + 1 };
  }
}

/** The engine whose start-up lines the text has more of; null when it has none of either. */
function detectEngine(lines: string[]): LoggedEngine | null {
  const counts: Record<LoggedEngine, number> = { vllm: 0, sglang: 0 };
  for (const { text } of segments(lines)) {
    for (const engine of Object.keys(ENGINE_LINES) as LoggedEngine[]) {
      if (ENGINE_LINES[engine].some((r) => r.pattern.test(text))) counts[engine]++;
    }
  }
  if (counts.vllm === 0 && counts.sglang === 0) return null;
  return counts.sglang > counts.vllm ? 'sglang' : 'vllm';
}

function scan(lines: string[], rules: LineRule[]): Scan {
  const result: Scan = { observations: [], settings: {}, generations: new Set(), cudaGraphInBudget: false, date: null, gpuName: null };
  for (const { text, line } of segments(lines)) {
    const rank = rankOf(text);
    const shown = text.trim().slice(0, SHOWN_LINE_CHARS);
    const sink: LineSink = {
      figure: (key, value) => {
        if (Number.isFinite(value)) result.observations.push({ key, value, rank, line, text: shown });
      },
      // The first statement of a setting wins: the configuration dump comes first and is the most exact.
      setting: (key, value) => {
        if (!(key in result.settings)) result.settings[key] = value;
      },
      generation: (value) => result.generations.add(value),
      cudaGraphInBudget: () => {
        result.cudaGraphInBudget = true;
      },
    };
    for (const r of rules) {
      const match = r.pattern.exec(text);
      if (match) r.read(match, sink);
    }
    result.date ??= dateOf(text);
    result.gpuName ??= GPU_NAME.exec(text)?.[1]!.trim() ?? null;
  }
  return result;
}

function dateOf(text: string): LogDate | null {
  for (const d of DATE_PATTERNS) {
    const m = d.pattern.exec(text);
    if (!m) continue;
    const month = Number(m[d.month]);
    const day = Number(m[d.day]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return { year: d.year === null ? null : Number(m[d.year]), month, day };
  }
  return null;
}

/** Whether the smallest value across GPU ranks binds (KV capacity); for every other term the largest does. */
export function bindsAtSmallest(key: ObservationKey): boolean {
  return key === 'kvAvailableGiB' || key === 'kvTokens' || key === 'gpuBlocks' || key === 'maxConcurrency';
}

/**
 * Each rank's first statement of a figure, then across ranks the one that binds: the smallest KV
 * cache (the engine sizes every rank's cache to the smallest) and the largest of every other term.
 */
function figureOf(observations: Observation[], key: ObservationKey): LoggedFigure | undefined {
  const byRank = new Map<string, Observation>();
  for (const o of observations) if (o.key === key && !byRank.has(o.rank)) byRank.set(o.rank, o);
  if (byRank.size === 0) return undefined;
  const smallestBinds = bindsAtSmallest(key);
  const chosen = [...byRank.values()].reduce((a, b) => ((smallestBinds ? b.value < a.value : b.value > a.value) ? b : a));
  return { value: chosen.value, line: chosen.line, text: chosen.text, ranks: byRank.size };
}

function assemble(engine: LoggedEngine, s: Scan, lineCount: number): StartupLog {
  const number = (key: SettingKey) => (typeof s.settings[key] === 'number' ? (s.settings[key] as number) : null);
  const string = (key: SettingKey) => (s.settings[key] === undefined ? null : String(s.settings[key]));
  const figures: Partial<Record<LogFigureKey, LoggedFigure>> = {};
  const take = (key: ObservationKey) => figureOf(s.observations, key);
  const direct: LogFigureKey[] = [
    'visibleGiB',
    'weightsGiB',
    'activationPeakGiB',
    'nonTorchGiB',
    'kvAvailableGiB',
    'kvTokens',
    'maxConcurrency',
  ];
  for (const key of direct) {
    const figure = take(key);
    if (figure) figures[key] = figure;
  }
  const memoryFraction = number('memoryFraction');
  const blockSize = number('blockSize');
  deriveActivation(figures, take('peakTorchGiB'));
  deriveVisible(figures, take('requestedGiB'), memoryFraction);
  // An estimate is only logged by versions that budget graphs (its line sets cudaGraphInBudget).
  const graph = (s.cudaGraphInBudget ? take('cudaGraphEstimatedGiB') : undefined) ?? take('cudaGraphGiB');
  if (graph) figures.cudaGraphGiB = graph;
  // Only vLLM logs GPU blocks, so its default block size is the one a log that does not state one used.
  if (!figures.kvTokens) deriveKvTokens(figures, take('gpuBlocks'), blockSize ?? VLLM_DEFAULT_BLOCK_SIZE, blockSize !== null);
  const statedTp = number('tp');
  // A log that reaches the caller has a KV figure (unusable() refuses the others), so some rank logged.
  const ranksSeen = Math.max(0, ...Object.values(figures).map((f) => f.ranks));
  // Only vLLM's lines name a generation: an SGLang log has none.
  const generation = s.generations.has('v1') ? 'v1' : s.generations.has('v0') ? 'v0' : null;
  return {
    engine,
    engineVersion: string('engineVersion'),
    generation,
    model: string('model'),
    tp: statedTp ?? ranksSeen,
    tpFrom: statedTp !== null ? 'config' : 'ranks',
    memoryFraction,
    maxModelLen: number('maxModelLen'),
    kvCacheDtype: string('kvCacheDtype'),
    modelDtype: string('modelDtype'),
    blockSize,
    maxNumSeqs: number('maxNumSeqs'),
    maxNumBatchedTokens: number('maxNumBatchedTokens'),
    gpuName: s.gpuName,
    date: s.date,
    figures,
    cudaGraphInBudget: s.cudaGraphInBudget,
    lineCount,
  };
}

/** vLLM 0.6.4 logs the torch peak including the weights: the activation peak is the difference. */
function deriveActivation(figures: Partial<Record<LogFigureKey, LoggedFigure>>, peakTorch: LoggedFigure | undefined): void {
  const weights = figures.weightsGiB;
  if (figures.activationPeakGiB || !peakTorch || !weights) return;
  figures.activationPeakGiB = {
    ...peakTorch,
    value: peakTorch.value - weights.value,
    derived: { kind: 'peak-minus-weights', peakTorchGiB: peakTorch.value, weightsGiB: weights.value },
  };
}

/** vLLM V1's DEBUG line states the requested memory (visible × fraction), not the visible memory itself. */
function deriveVisible(
  figures: Partial<Record<LogFigureKey, LoggedFigure>>,
  requested: LoggedFigure | undefined,
  fraction: number | null,
): void {
  if (figures.visibleGiB || !requested || !fraction) return;
  figures.visibleGiB = {
    ...requested,
    value: requested.value / fraction,
    derived: { kind: 'requested-over-fraction', requestedGiB: requested.value, fraction },
  };
}

function deriveKvTokens(
  figures: Partial<Record<LogFigureKey, LoggedFigure>>,
  blocks: LoggedFigure | undefined,
  blockSize: number,
  blockSizeLogged: boolean,
): void {
  if (!blocks) return;
  figures.kvTokens = {
    ...blocks,
    value: blocks.value * blockSize,
    derived: { kind: 'blocks', blocks: blocks.value, blockSize, blockSizeLogged },
  };
}

function foreign(lineCount: number): LogRefusal {
  const n = (lang: 'en' | 'pt-BR') => formatNumber(lineCount, lang);
  const examples = '"Available KV cache memory: … GiB", "# GPU blocks: …", "KV Cache is allocated. #tokens: …"';
  return {
    code: 'foreign',
    missing: ['engine start-up lines'],
    message: {
      en: `not a vLLM or SGLang start-up log: none of its ${n('en')} lines is one these engines write while starting (such as ${examples})`,
      'pt-BR': `não é um log de inicialização do vLLM nem do SGLang: nenhuma das suas ${n('pt-BR')} linhas é das que esses engines escrevem ao iniciar (como ${examples})`,
    },
  };
}

/** The lines a usable log must reach, per engine, as the engine writes them. */
const KV_LINES: Record<LoggedEngine, LocalizedText> = {
  vllm: {
    en: '"Available KV cache memory", "GPU KV cache size", "# GPU blocks" or "reserved for KV Cache" line',
    'pt-BR': 'linha "Available KV cache memory", "GPU KV cache size", "# GPU blocks" ou "reserved for KV Cache"',
  },
  sglang: {
    en: '"KV Cache is allocated" or "max_total_num_tokens" line',
    'pt-BR': 'linha "KV Cache is allocated" ou "max_total_num_tokens"',
  },
};

const FIGURE_NAMES: Record<LogFigureKey, LocalizedText> = {
  visibleGiB: { en: 'visible memory', 'pt-BR': 'memória visível' },
  weightsGiB: { en: 'weights', 'pt-BR': 'pesos' },
  activationPeakGiB: { en: 'activation peak', 'pt-BR': 'pico de ativação' },
  nonTorchGiB: { en: 'memory outside PyTorch', 'pt-BR': 'memória fora do PyTorch' },
  cudaGraphGiB: { en: 'CUDA-graph memory', 'pt-BR': 'memória de CUDA graphs' },
  kvAvailableGiB: { en: 'available KV memory', 'pt-BR': 'memória disponível para KV' },
  kvTokens: { en: 'KV tokens', 'pt-BR': 'tokens de KV' },
  maxConcurrency: { en: 'maximum concurrency', 'pt-BR': 'concorrência máxima' },
};

/** SGLang logs no total: its "Load weight begin. avail mem" is the memory free before loading, the base of its fraction. */
const SGLANG_FREE_BEFORE_LOADING: LocalizedText = { en: 'free before loading', 'pt-BR': 'livre antes do carregamento' };

export function figureName(key: LogFigureKey, lang: 'en' | 'pt-BR', engine?: LoggedEngine): string {
  if (key === 'visibleGiB' && engine === 'sglang') return SGLANG_FREE_BEFORE_LOADING[lang];
  return FIGURE_NAMES[key][lang];
}

/** A log that cannot calibrate: one that stops before the KV cache was sized, or whose start-up failed. */
function unusable(log: StartupLog): LogRefusal | null {
  const name = ENGINE_NAMES[log.engine];
  const kv = log.figures.kvAvailableGiB ?? log.figures.kvTokens;
  if (!kv) {
    const missing = (Object.keys(FIGURE_NAMES) as LogFigureKey[]).filter((k) => !log.figures[k]);
    const list = (lang: 'en' | 'pt-BR') => missing.map((k) => figureName(k, lang)).join(', ');
    return {
      code: 'truncated',
      missing,
      message: {
        en: `this ${name} log stops before the engine sized its KV cache: it has no ${KV_LINES[log.engine].en} (missing: ${list('en')}); give the log up to the end of start-up`,
        'pt-BR': `este log do ${name} termina antes de o engine dimensionar o cache KV: não tem ${KV_LINES[log.engine]['pt-BR']} (faltam: ${list('pt-BR')}); forneça o log até o fim da inicialização`,
      },
    };
  }
  if (kv.value <= 0) {
    const shown = (lang: 'en' | 'pt-BR') =>
      kv === log.figures.kvAvailableGiB ? `${formatNumber(kv.value, lang, 2)} GiB` : `${formatNumber(kv.value, lang)} tokens`;
    return {
      code: 'failed-start',
      missing: ['kvAvailableGiB'],
      message: {
        en: `this ${name} start-up failed: the engine had ${shown('en')} for the KV cache (line ${kv.line}), so it measured nothing to calibrate against; use the log of a start-up that succeeded`,
        'pt-BR': `esta inicialização do ${name} falhou: o engine ficou com ${shown('pt-BR')} para o cache KV (linha ${kv.line}), então não mediu nada que sirva de calibração; use o log de uma inicialização bem-sucedida`,
      },
    };
  }
  return null;
}
