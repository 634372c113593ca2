import { findModel, findServer } from '../catalogs/index.js';
import type { Catalog, LocalizedText } from '../types.js';
import { matchModel, matchServer, type Match } from './match.js';
import { parseStartupLog } from './parse-log.js';
import { predictLog, type LogPrediction } from './predict.js';
import { buildProfile, logDateOf, type CalendarDay, type CalibrationProfile, type LogDateFrom } from './profile.js';
import type { LogRefusal, StartupLog } from './types.js';

interface CalibrationRequest {
  text: string;
  /** Where the text came from (a file name, or "pasted text"), kept with the profile. */
  source: string;
  /** Catalog ids chosen by the user; otherwise matched from the log. */
  modelId?: string;
  serverId?: string;
  /** YYYY-MM-DD, when the user knows the log's date better than the log does. */
  logDate?: string;
  /** The day the log is read, to place a vLLM month-day stamp in a year. */
  today: CalendarDay;
}

/** A problem with one of the user's choices (or with matching the log to the catalog), named by field. */
interface ChoiceProblem {
  field: 'modelId' | 'serverId';
  message: LocalizedText;
}

/** What a log says and what it would calibrate: the profile, or why none can be made yet. */
export interface CalibrationReading {
  log: StartupLog;
  logDate: string;
  logDateFrom: LogDateFrom;
  modelId: string | null;
  serverId: string | null;
  /** The profile the log makes, when the model and server are known and the profile is usable. */
  profile: CalibrationProfile | null;
  problems: ChoiceProblem[];
  /** The engine method's formulas for the log's start-up beside each logged figure; null until the model and server are known. */
  prediction: LogPrediction | null;
}

type ReadOutcome = { ok: true; reading: CalibrationReading } | { ok: false; refusal: LogRefusal };

/** Parses a start-up log and turns it into a profile for catalog records: the one path the command line and the app share. */
export function readCalibration(request: CalibrationRequest, catalog: Catalog): ReadOutcome {
  const outcome = parseStartupLog(request.text);
  if (!outcome.ok) return outcome;
  const log = outcome.log;
  const problems: ChoiceProblem[] = [];
  const model = chosenOrMatched(
    'modelId',
    request.modelId,
    (id) => findModel(catalog, id),
    () => matchModel(log.model, catalog.models),
    catalog.models,
    problems,
  );
  const server = chosenOrMatched(
    'serverId',
    request.serverId,
    (id) => findServer(catalog, id),
    () => matchServer(log, catalog.servers),
    catalog.servers,
    problems,
  );
  const date = logDateOf(log.date, request.today, request.logDate);
  let profile: CalibrationProfile | null = null;
  if (model && server) {
    const built = buildProfile({ log, model, server, logDate: date.date, source: request.source });
    if (built.ok) profile = built.profile;
    else problems.push({ field: built.field, message: built.message });
  }
  return {
    ok: true,
    reading: {
      log,
      logDate: date.date,
      logDateFrom: date.from,
      modelId: model?.id ?? null,
      serverId: server?.id ?? null,
      profile,
      problems,
      prediction: model && server ? predictLog(log, model, server, catalog) : null,
    },
  };
}

function chosenOrMatched<T extends { id: string }>(
  field: ChoiceProblem['field'],
  chosen: string | undefined,
  find: (id: string) => T | undefined,
  match: () => Match<T>,
  records: T[],
  problems: ChoiceProblem[],
): T | null {
  if (chosen !== undefined) {
    const record = find(chosen);
    if (record) return record;
    const ids = records.map((r) => r.id).join(', ');
    const kind = field === 'modelId' ? { en: 'a model', pt: 'um modelo' } : { en: 'a server', pt: 'um servidor' };
    problems.push({
      field,
      message: {
        en: `"${chosen}" is not ${kind.en}; expected one of ${ids}`,
        'pt-BR': `"${chosen}" não é ${kind.pt}; esperado um de ${ids}`,
      },
    });
    return null;
  }
  const matched = match();
  if (matched.ok) return matched.record;
  problems.push({ field, message: matched.message });
  return null;
}
