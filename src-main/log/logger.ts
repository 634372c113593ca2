import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

type LogLevel = 'error' | 'warn' | 'info';

/** One thing worth telling whoever diagnoses a problem: what happened, and the stack when there is one. */
export interface LogEntry {
  level: LogLevel;
  message: string;
  stack?: string;
}

export type Logger = (entry: LogEntry) => void;

interface FileLoggerOptions {
  folder: string;
  fileName?: string;
  /** A file that would grow past this is renamed aside (main.1.log, main.2.log, …). */
  maxFileBytes?: number;
  /** How many files are kept, the current one included. */
  keepFiles?: number;
  /** Values never to be written, such as the web host's token. */
  secrets?: readonly string[];
  now?: () => Date;
}

const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
const DEFAULT_KEEP_FILES = 3;
/** A message or stack is cut here: enough to diagnose, never a dump of someone's data. */
const MAX_TEXT_CHARS = 4000;

/**
 * Removes what must never reach a log: bearer tokens, `token=` parameters and the given secrets.
 * Anything else a caller logs is its own choice: method names, ids, durations, errors and stacks.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/(bearer\s+)[\w.~+/=-]+/gi, '$1[redacted]').replace(/(token=)[^&\s#"']+/gi, '$1[redacted]');
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out.length > MAX_TEXT_CHARS ? `${out.slice(0, MAX_TEXT_CHARS)}… (${out.length - MAX_TEXT_CHARS} more characters)` : out;
}

/** One entry as one line (its stack indented below it), redacted. */
export function formatEntry(entry: LogEntry, at: Date, secrets: readonly string[] = []): string {
  const head = `${at.toISOString()} ${entry.level.toUpperCase().padEnd(5)} ${redact(entry.message, secrets).replace(/\r?\n/g, ' ')}`;
  const stack = entry.stack
    ? `\n${redact(entry.stack, secrets)
        .split(/\r?\n/)
        .map((l) => `    ${l.trim()}`)
        .join('\n')}`
    : '';
  return `${head}${stack}\n`;
}

/**
 * A log file that rotates by size in `folder`. Writes are synchronous and small, so the line about
 * a crash is on disk before the crash ends the process. A log that cannot be written never breaks the app.
 */
export function createFileLogger(options: FileLoggerOptions): Logger & { file: string } {
  const file = join(options.folder, options.fileName ?? 'main.log');
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const keepFiles = Math.max(1, options.keepFiles ?? DEFAULT_KEEP_FILES);
  const now = options.now ?? (() => new Date());
  const logger = (entry: LogEntry) => {
    const line = formatEntry(entry, now(), options.secrets);
    try {
      mkdirSync(options.folder, { recursive: true });
      if (existsSync(file) && statSync(file).size + Buffer.byteLength(line) > maxFileBytes) rotate(file, keepFiles);
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Nowhere better to say it: the app goes on without its log.
    }
  };
  return Object.assign(logger, { file });
}

/** main.log → main.1.log → main.2.log …; the oldest beyond keepFiles is removed. */
function rotate(file: string, keepFiles: number): void {
  const numbered = (n: number) => file.replace(/(\.log)?$/, `.${n}$1`);
  if (keepFiles === 1) return void rmSync(file, { force: true });
  rmSync(numbered(keepFiles - 1), { force: true });
  for (let n = keepFiles - 2; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(file, numbered(1));
}

/** The stack of a thrown value, when it has one. */
export function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}

/** A thrown value's first line, for the log's message. */
export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Entries as lines on a stream (stderr for `sizing serve`), from `minLevel` up. */
export function createStreamLogger(
  write: (text: string) => void,
  options: { minLevel?: LogLevel; secrets?: readonly string[] } = {},
): Logger {
  const ranks: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };
  const min = ranks[options.minLevel ?? 'info'];
  return (entry) => {
    if (ranks[entry.level] >= min) write(formatEntry(entry, new Date(), options.secrets));
  };
}
