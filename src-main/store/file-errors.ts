import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { LocalizedText } from '../engine/types.js';
import { both } from '../i18n/text.js';
import { StoreError } from './errors.js';

/**
 * Telling a healthy database that cannot be used right now (read-only, locked, disk full) from a
 * damaged one: SQLite's result codes (https://www.sqlite.org/rescode.html) and Node's errno codes
 * become one-line StoreErrors that name the file or folder and what to do.
 */

/** What the failing operation was doing, for the end of the message. */
export type Operation = 'open' | 'read' | 'write';

function errorCode(error: unknown): string {
  return typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
}

export function isBusy(error: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(errorCode(error));
}

const NOTHING_SAVED: Record<Operation, LocalizedText> = {
  open: both('', ''),
  read: both('', ''),
  write: both(' Nothing was saved.', ' Nada foi salvo.'),
};

/** A StoreError for a SQLite or file-system failure on `path`, or undefined when it is neither. */
export function storeErrorFor(error: unknown, path: string, operation: Operation): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  const saved = NOTHING_SAVED[operation];
  if (isBusy(error)) return lockedError(path, 0, operation);
  if (/^SQLITE_(READONLY|PERM|AUTH)/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return readOnlyError(path, operation);
  if (code.startsWith('SQLITE_CANTOPEN')) return cannotOpenError(path, operation);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new StoreError(
      'disk-full',
      both(
        `the disk holding ${path} is full.${saved.en} Free some space and try again.`,
        `o disco de ${path} está cheio.${saved['pt-BR']} Libere espaço e tente de novo.`,
      ),
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new StoreError(
      'io-error',
      both(
        `${path} could not be ${operation === 'write' ? 'written' : 'read'} (disk error ${code}).${saved.en} Check the disk, then try again.`,
        `${path} não pôde ser ${operation === 'write' ? 'gravado' : 'lido'} (erro de disco ${code}).${saved['pt-BR']} Verifique o disco e tente de novo.`,
      ),
    );
  }
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return corruptError(path, error instanceof Error ? error.message : code);
  return undefined;
}

export function corruptError(path: string, reason: string): StoreError {
  // One line, whatever SQLite reported: quick_check lists every problem, one per line, under a "*** in database main ***" heading.
  const problems = reason
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('***'));
  const first = (problems[0] ?? reason).slice(0, 200);
  const more = problems.length - 1;
  return new StoreError(
    'corrupt',
    both(
      `${path} is damaged or truncated (${first}${more > 0 ? `, and ${more} more problem${more > 1 ? 's' : ''}` : ''}); it was left untouched. Restore it from a backup.`,
      `${path} está danificado ou truncado (${first}${more > 0 ? `, e mais ${more} problema${more > 1 ? 's' : ''}` : ''}); o arquivo não foi alterado. Restaure-o de um backup.`,
    ),
  );
}

/** Read-only: the file itself, its folder, or the whole file system; reading stays possible. */
export function readOnlyError(path: string, operation: Operation): StoreError {
  const folder = dirname(path);
  const canRead = both(
    ' Listing, showing and exporting can still read it (sizing project list/show/export, sizing show, sizing export).',
    ' Listar, mostrar e exportar ainda conseguem lê-lo (sizing project list/show/export, sizing show, sizing export).',
  );
  const saved = NOTHING_SAVED[operation];
  if (!writable(folder)) {
    return new StoreError(
      'read-only',
      both(
        `the folder ${folder} is read-only, and SQLite writes its journal beside ${path}, so it cannot be changed there.${saved.en}${canRead.en} To save, copy it to a writable folder or make the folder writable.`,
        `a pasta ${folder} é somente leitura, e o SQLite grava seu journal ao lado de ${path}, então ele não pode ser alterado ali.${saved['pt-BR']}${canRead['pt-BR']} Para salvar, copie-o para uma pasta com permissão de escrita ou libere a escrita na pasta.`,
      ),
    );
  }
  return new StoreError(
    'read-only',
    both(
      `${path} is read-only.${saved.en}${canRead.en} To save, make the file writable (chmod u+w).`,
      `${path} é somente leitura.${saved['pt-BR']}${canRead['pt-BR']} Para salvar, libere a escrita no arquivo (chmod u+w).`,
    ),
  );
}

function cannotOpenError(path: string, operation: Operation): StoreError {
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (errorCode(error) === 'EACCES') {
      return new StoreError(
        'unusable-path',
        both(
          `${path} cannot be read (permission denied); ask its owner for access or use a copy.`,
          `${path} não pode ser lido (permissão negada); peça acesso ao dono do arquivo ou use uma cópia.`,
        ),
      );
    }
  }
  return readOnlyError(path, operation);
}

export function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Another program holds the database's lock: who (where the system says), for how long we waited, what to do. */
export function lockedError(path: string, waitedMs: number, operation: Operation): StoreError {
  const holders = lockHolders(path);
  const who = holders.length > 0 ? ` (${holders.join('; ')})` : '';
  const waited = waitedMs > 0 ? Math.round(waitedMs / 1000) : 0;
  const saved = NOTHING_SAVED[operation];
  return new StoreError(
    'locked',
    both(
      `another program${who} is holding a lock on ${path}${waited ? `; gave up after ${waited} s` : ''}.${saved.en} Close it (the desktop app, sizing serve or an sqlite3 shell) or try again when it has finished.`,
      `outro programa${who} está com ${path} bloqueado${waited ? `; desisti depois de ${waited} s` : ''}.${saved['pt-BR']} Feche-o (o app, o sizing serve ou um shell sqlite3) ou tente de novo quando ele terminar.`,
    ),
  );
}

export const LOCK_WAIT_NOTICE: Record<Operation, LocalizedText> = {
  open: both('another program is using this project database; waiting…', 'outro programa está usando este banco de projetos; aguardando…'),
  read: both('another program is using this project database; waiting…', 'outro programa está usando este banco de projetos; aguardando…'),
  write: both(
    'another program is writing this project database; retrying…',
    'outro programa está gravando neste banco de projetos; tentando de novo…',
  ),
};

/**
 * Processes holding POSIX locks on the database or its -wal/-shm files, from Linux's /proc/locks
 * (https://man7.org/linux/man-pages/man5/proc.5.html); empty where the system does not say.
 */
function lockHolders(path: string): string[] {
  let table: string;
  try {
    table = readFileSync('/proc/locks', 'utf8');
  } catch {
    return [];
  }
  const inodes = new Set<number>();
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      inodes.add(statSync(file).ino);
    } catch {
      // Not there: nothing to hold.
    }
  }
  const pids = new Set<number>();
  for (const line of table.split('\n')) {
    const fields = line.replace(/^\d+:\s+(->\s+)?/, '').split(/\s+/);
    const pid = Number(fields[3]);
    const inode = Number(fields[4]?.split(':')[2]);
    if (fields[0] === 'POSIX' && inodes.has(inode) && pid !== process.pid) pids.add(pid);
  }
  return [...pids].slice(0, 3).map((pid) => `pid ${pid}${commandOf(pid)}`);
}

function commandOf(pid: number): string {
  try {
    const [program, ...rest] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const shown = [basename(program ?? ''), ...rest].join(' ').trim().slice(0, 80);
    return shown ? `: ${shown}` : '';
  } catch {
    return '';
  }
}
