import { formatNumber } from '../format.js';
import type { LocalizedText, ModelRecord, ServerRecord } from '../types.js';
import { BYTES_PER_GB, BYTES_PER_GIB } from '../units.js';
import type { StartupLog } from './types.js';

export type Match<T> = { ok: true; record: T } | { ok: false; message: LocalizedText };

/** The catalog's name for the open-weight gpt-oss family (the original document calls it opt-oss). */
const MODEL_ALIASES: [RegExp, string][] = [[/^gpt-oss-/, 'opt-oss-']];
/** Release suffixes that name the same weights for planning purposes: chat or instruction tuning, HF conversions. */
const SAME_WEIGHTS_SUFFIX = /-(instruct|chat|it|hf)$/;

/** "meta-llama/Meta-Llama-3.1-8B-Instruct" and "/models/Llama-3.1-8B-Instruct/" → "llama-3.1-8b". */
export function normalizeModelName(name: string): string {
  let key = name
    .trim()
    .replace(/[\\/]+$/, '')
    .split(/[\\/]/)
    .pop()!
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  key = key.replace(/^meta-(?=llama)/, '');
  while (SAME_WEIGHTS_SUFFIX.test(key)) key = key.replace(SAME_WEIGHTS_SUFFIX, '');
  for (const [pattern, replacement] of MODEL_ALIASES) key = key.replace(pattern, replacement);
  return key;
}

/**
 * The catalog model the log's model is: the Hugging Face name or local path, normalised, equal to a
 * record's id or name. A quantised or otherwise different release (e.g. "-FP8-dynamic") matches no
 * record on purpose: its weights differ, so it needs its own record.
 */
export function matchModel(logged: string | null, models: ModelRecord[]): Match<ModelRecord> {
  const ids = models.map((m) => m.id).join(', ');
  if (!logged) {
    return {
      ok: false,
      message: {
        en: `the log does not name the model; choose one of ${ids}`,
        'pt-BR': `o log não informa o modelo; escolha um de ${ids}`,
      },
    };
  }
  const key = normalizeModelName(logged);
  const found = models.find((m) => normalizeModelName(m.id) === key || normalizeModelName(m.name) === key);
  if (found) return { ok: true, record: found };
  return {
    ok: false,
    message: {
      en: `"${logged}" in the log matches no model record (read as "${key}"); choose one of ${ids}, or first add a model record for it on the Catalogs screen`,
      'pt-BR': `"${logged}" no log não corresponde a nenhum modelo do catálogo (lido como "${key}"); escolha um de ${ids}, ou antes adicione um registro de modelo para ele na tela Catálogos`,
    },
  };
}

/** The GPU a server record holds, as its name says it ("DGX H100" → "H100", "8× AMD MI300X" → "MI300X"). */
function gpuToken(name: string): string | null {
  return /\b(GB\d{3}|[HBAL]\d{2,3}S?|MI\d{3}X?)\b/i.exec(name)?.[1]!.toUpperCase() ?? null;
}

/** Memory per GPU an engine sees: the record's CUDA-visible figure, else nvidia-smi's, else the vendor's, in GiB. */
function capacityGiB(server: ServerRecord): number {
  if (server.engineVisibleGiBPerGpu) return server.engineVisibleGiBPerGpu;
  return server.measuredMiBPerGpu ? server.measuredMiBPerGpu / 1024 : (server.hbmGBPerGpu * BYTES_PER_GB) / BYTES_PER_GIB;
}

/**
 * vLLM logs the CUDA-visible total itself; SGLang logs what was free before the weights loaded, a little
 * less (the CUDA context and NCCL's buffers, up to a few GiB at TP 8). Never more than the total.
 */
const VISIBLE_SHARE_MIN = 0.95;
const VISIBLE_SHARE_MAX = 1.005;

/**
 * The catalog server the log ran on: by the GPU's name where the log gives one, then by the memory
 * the engine saw. Several servers fit (the same GPU in different chassis) or none: a message that
 * lists them and how to choose one.
 */
export function matchServer(log: StartupLog, servers: ServerRecord[]): Match<ServerRecord> {
  const ids = servers.map((s) => s.id).join(', ');
  // A GPU the log names but no server type has (an RTX card, say) keeps its full name, so it matches nothing.
  const token = log.gpuName ? (gpuToken(log.gpuName) ?? log.gpuName) : null;
  const visible = log.figures.visibleGiB?.value ?? null;
  let candidates = token ? servers.filter((s) => gpuToken(s.name) === token) : servers;
  if (visible !== null) {
    candidates = candidates.filter((s) => {
      const share = visible / capacityGiB(s);
      return share >= VISIBLE_SHARE_MIN && share <= VISIBLE_SHARE_MAX;
    });
  }
  if (candidates.length === 1 && (token || visible !== null)) return { ok: true, record: candidates[0]! };
  const seen = describeGpu(log, visible);
  if (!token && visible === null) {
    return {
      ok: false,
      message: {
        en: `the log does not say which GPU it ran on; choose the server it ran on, one of ${ids}`,
        'pt-BR': `o log não diz em qual GPU rodou; escolha o servidor em que rodou, um de ${ids}`,
      },
    };
  }
  if (candidates.length === 0) {
    return {
      ok: false,
      message: {
        en: `no server record has the log's GPU (${seen.en}); choose one of ${ids}, or first add a server record with that GPU on the Catalogs screen`,
        'pt-BR': `nenhum servidor do catálogo tem a GPU do log (${seen['pt-BR']}); escolha um de ${ids}, ou antes adicione um servidor com essa GPU na tela Catálogos`,
      },
    };
  }
  const fits = candidates.map((s) => s.id).join(', ');
  return {
    ok: false,
    message: {
      en: `several server records have the log's GPU (${seen.en}): ${fits}; choose one`,
      'pt-BR': `vários servidores do catálogo têm a GPU do log (${seen['pt-BR']}): ${fits}; escolha um`,
    },
  };
}

function describeGpu(log: StartupLog, visible: number | null): LocalizedText {
  const parts = (lang: 'en' | 'pt-BR') =>
    [log.gpuName, visible !== null ? `${formatNumber(visible, lang, 2)} GiB ${lang === 'en' ? 'visible' : 'visíveis'}` : null]
      .filter(Boolean)
      .join(', ');
  return { en: parts('en'), 'pt-BR': parts('pt-BR') };
}
