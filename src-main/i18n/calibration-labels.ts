import { formatNumber, type Derivation } from '../engine/index.js';
import type { Lang } from '../engine/types.js';
import { fillPlaceholders } from './labels.js';

/** Wording of calibration output (the `sizing calibrate` report and the exports' calibration lines). */
const en = {
  title: 'Calibration from a start-up log of {engine}',
  engineV0: 'V0 engine',
  engineV1: 'V1 engine',
  visible: '{gib} GiB visible',
  log: 'Log',
  logLines: '{source}, {lines} lines',
  logDate: 'Log date',
  dateFromLog: 'from the log',
  dateWithoutYear: 'month and day from the log, year assumed; set it with --log-date',
  dateGiven: 'as given',
  dateToday: 'the log has no date: today; set it with --log-date',
  model: 'Model',
  server: 'Server',
  matchedFrom: 'matched from "{logged}"',
  namedInLog: 'the log names it "{logged}"',
  matchedGpu: "matched from the log's GPU ({gpu})",
  chosen: 'as chosen',
  notMatched: 'not known',
  tp: 'Tensor parallel (TP)',
  tpFromConfig: "from the engine's configuration",
  tpFromRanks: 'counted from the GPU ranks that logged',
  memoryFraction: 'Memory fraction',
  maxModelLen: 'Max model length',
  kvCacheDtype: 'KV cache dtype',
  modelDtype: 'model dtype {dtype}',
  notInLog: 'not in the log',
  tokens: 'tokens',
  figures: 'Per-GPU figures',
  figure: 'figure',
  logged: 'logged',
  line: 'line',
  ranksSmallest: 'the smallest of {ranks} ranks',
  ranksLargest: 'the largest of {ranks} ranks',
  graphInBudget: 'counted inside the memory budget',
  profile: 'Profile',
  profileWouldSave: '{key}: save it with --save',
  profileSaved: 'saved {key} (id {id})',
  profileReplaced: 'saved {key} (id {id}), replacing the profile from the log of {date}',
  profileWouldReplace: '{key}: --save would replace the profile from the log of {date}',
  profileNone: 'none yet: {problem}',
  calibratedFrom: 'calibrated from a log of {date}',
  listEmpty: 'No calibration profiles stored yet (sizing calibrate LOGFILE --save).',
  listHeader: 'Calibration profiles',
  deleted: 'deleted calibration profile {id}',
  trimmed: 'read the first {lines} lines ({chars} characters): the start-up part of a longer log',
  derivedBlocks: '{blocks} blocks × {size} tokens, the logged block size',
  derivedBlocksDefault: "{blocks} blocks × {size} tokens, vLLM's default block size",
  derivedPeak: 'peak_torch_memory {peak} GiB − weights {weights} GiB',
  derivedRequested: 'requested {requested} GiB ÷ {fraction}',
  prediction: 'Engine method (formulas, no calibration) vs the log, for {engine} {version}, TP {tp}, fraction {fraction}, {tokens} tokens',
  predicted: 'predicted',
  error: 'error',
  predictionNone: 'No prediction beside the log: {problem}',
  predictionPending: 'No prediction beside the log until the model and server are known (--model, --server).',
};

type CalibrationLabelKey = keyof typeof en;

const ptBR: Record<CalibrationLabelKey, string> = {
  title: 'Calibração a partir de um log de inicialização do {engine}',
  engineV0: 'engine V0',
  engineV1: 'engine V1',
  visible: '{gib} GiB visíveis',
  log: 'Log',
  logLines: '{source}, {lines} linhas',
  logDate: 'Data do log',
  dateFromLog: 'do log',
  dateWithoutYear: 'mês e dia do log, ano presumido; informe com --log-date',
  dateGiven: 'informada',
  dateToday: 'o log não tem data: hoje; informe com --log-date',
  model: 'Modelo',
  server: 'Servidor',
  matchedFrom: 'identificado a partir de "{logged}"',
  namedInLog: 'o log o chama de "{logged}"',
  matchedGpu: 'identificado pela GPU do log ({gpu})',
  chosen: 'escolhido',
  notMatched: 'não identificado',
  tp: 'Paralelismo de tensor (TP)',
  tpFromConfig: 'da configuração do engine',
  tpFromRanks: 'contado pelos ranks de GPU que registraram',
  memoryFraction: 'Fração de memória',
  maxModelLen: 'Comprimento máximo do modelo',
  kvCacheDtype: 'Dtype do cache KV',
  modelDtype: 'dtype do modelo {dtype}',
  notInLog: 'não consta no log',
  tokens: 'tokens',
  figures: 'Valores por GPU',
  figure: 'valor',
  logged: 'no log',
  line: 'linha',
  ranksSmallest: 'o menor de {ranks} ranks',
  ranksLargest: 'o maior de {ranks} ranks',
  graphInBudget: 'contada dentro do orçamento de memória',
  profile: 'Perfil',
  profileWouldSave: '{key}: salve com --save',
  profileSaved: '{key} salvo (id {id})',
  profileReplaced: '{key} salvo (id {id}), substituindo o perfil do log de {date}',
  profileWouldReplace: '{key}: --save substituiria o perfil do log de {date}',
  profileNone: 'ainda nenhum: {problem}',
  calibratedFrom: 'calibrado a partir de um log de {date}',
  listEmpty: 'Nenhum perfil de calibração salvo ainda (sizing calibrate ARQUIVO_DE_LOG --save).',
  listHeader: 'Perfis de calibração',
  deleted: 'perfil de calibração {id} excluído',
  trimmed: 'lidas as primeiras {lines} linhas ({chars} caracteres): a parte de inicialização de um log maior',
  derivedBlocks: '{blocks} blocos × {size} tokens, o tamanho de bloco do log',
  derivedBlocksDefault: '{blocks} blocos × {size} tokens, o tamanho de bloco padrão do vLLM',
  derivedPeak: 'peak_torch_memory {peak} GiB − pesos {weights} GiB',
  derivedRequested: 'memória solicitada {requested} GiB ÷ {fraction}',
  prediction: 'Método engine (fórmulas, sem calibração) vs o log, para {engine} {version}, TP {tp}, fração {fraction}, {tokens} tokens',
  predicted: 'previsto',
  error: 'erro',
  predictionNone: 'Sem previsão ao lado do log: {problem}',
  predictionPending: 'Sem previsão ao lado do log enquanto o modelo e o servidor não forem conhecidos (--model, --server).',
};

const LABELS: Record<Lang, Record<CalibrationLabelKey, string>> = { en, 'pt-BR': ptBR };

export function calibrationLabel(lang: Lang, key: CalibrationLabelKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(LABELS[lang][key], params);
}

/** How a figure the log only implies was computed, in the reader's language. */
export function describeDerivation(d: Derivation, lang: Lang): string {
  const n = (v: number, digits = 0) => formatNumber(v, lang, digits, digits);
  switch (d.kind) {
    case 'blocks':
      return calibrationLabel(lang, d.blockSizeLogged ? 'derivedBlocks' : 'derivedBlocksDefault', {
        blocks: n(d.blocks),
        size: n(d.blockSize),
      });
    case 'peak-minus-weights':
      return calibrationLabel(lang, 'derivedPeak', { peak: n(d.peakTorchGiB, 2), weights: n(d.weightsGiB, 2) });
    case 'requested-over-fraction':
      return calibrationLabel(lang, 'derivedRequested', { requested: n(d.requestedGiB, 2), fraction: formatNumber(d.fraction, lang, 3) });
  }
}
