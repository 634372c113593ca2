import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { resolveDbPath } from '../store/paths.js';
import type { ParsedArgs } from './args.js';
import { both, CliError } from './errors.js';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Writes an export to --out without ever destroying what is there by accident: the project
 * database (and its -wal/-shm/-journal files) and any SQLite file are refused, so are folders,
 * devices, pipes and sockets; an existing file is replaced only with --force, and never when it
 * is read-only. The data goes to a temporary file in the same folder first, flushed to disk, then
 * moved into place in one step, so a crash leaves the old file or the new one, and a failure
 * leaves no temporary file behind. Returns the path written.
 */
export function writeOutputFile(args: ParsedArgs, data: string | Uint8Array): string {
  const path = args.flags.get('out');
  if (path === undefined) throw CliError.required('--out');
  if (path.trim() === '') throw refuse(path, both('an empty path; give a file name', 'um caminho vazio; informe o nome de um arquivo'));
  const force = args.switches.has('force');
  const target = resolve(path);
  const existing = statOrUndefined(target);
  checkNotTheDatabase(path, target, existing, args);
  if (existing) checkReplaceable(path, target, existing, force);
  const folder = dirname(existing ? realpathSync(target) : target);
  checkFolder(path, folder);
  const finalPath = existing ? realpathSync(target) : join(realpathSync(folder), basename(target));
  writeThroughTemporaryFile(path, finalPath, data, Boolean(existing));
  return path;
}

function refuse(path: string, reason: { en: string; 'pt-BR': string }): CliError {
  return new CliError(both(`--out: ${JSON.stringify(path)}: ${reason.en}`, `--out: ${JSON.stringify(path)}: ${reason['pt-BR']}`));
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The database this command would open (--db, SIZING_DB or the default), under any name that reaches it. */
function checkNotTheDatabase(path: string, target: string, existing: Stats | undefined, args: ParsedArgs): void {
  const db = resolve(resolveDbPath(args.flags.get('db')));
  for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
    const stats = statOrUndefined(file);
    const same = stats && existing ? stats.dev === existing.dev && stats.ino === existing.ino : sameLocation(file, target);
    if (same) {
      throw refuse(
        path,
        both(
          `is the project database (${file}); an export never replaces it. Choose another file name.`,
          `é o banco de projetos (${file}); uma exportação nunca o substitui. Escolha outro nome de arquivo.`,
        ),
      );
    }
  }
}

function sameLocation(a: string, b: string): boolean {
  const canonical = (p: string) => {
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return p;
    }
  };
  return canonical(a) === canonical(b);
}

function checkReplaceable(path: string, target: string, existing: Stats, force: boolean): void {
  if (existing.isDirectory())
    throw refuse(path, both('is a folder; give a file name inside it', 'é uma pasta; informe o nome de um arquivo dentro dela'));
  if (!existing.isFile())
    throw refuse(
      path,
      both(
        'is a device, pipe or socket, not a regular file; give a file name',
        'é um dispositivo, pipe ou socket, não um arquivo comum; informe o nome de um arquivo',
      ),
    );
  if (startsWithSqliteHeader(target)) {
    throw refuse(
      path,
      both(
        'is an SQLite database; an export never replaces one. Choose another file name.',
        'é um banco SQLite; uma exportação nunca substitui um. Escolha outro nome de arquivo.',
      ),
    );
  }
  if (!force) throw refuse(path, both('already exists; add --force to replace it', 'já existe; acrescente --force para substituí-lo'));
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw refuse(
      path,
      both(
        'is read-only; it was left as it is (make it writable to replace it)',
        'é somente leitura; ficou como estava (libere a escrita para substituí-lo)',
      ),
    );
  }
}

function startsWithSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function checkFolder(path: string, folder: string): void {
  const stats = statOrUndefined(folder);
  if (!stats)
    throw refuse(path, both(`the folder ${folder} does not exist; create it first`, `a pasta ${folder} não existe; crie-a antes`));
  if (!stats.isDirectory()) throw refuse(path, both(`${folder} is a file, not a folder`, `${folder} é um arquivo, não uma pasta`));
}

/** Errors while writing, named for a person: the folder, the disk, the permission. */
function writeFailure(path: string, folder: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'EACCES' || code === 'EPERM')
    return refuse(
      path,
      both(
        `cannot write in ${folder} (permission denied); choose another folder`,
        `não é possível gravar em ${folder} (permissão negada); escolha outra pasta`,
      ),
    );
  if (code === 'EROFS')
    return refuse(
      path,
      both(
        `${folder} is on a read-only file system; choose another folder`,
        `${folder} está num sistema de arquivos somente leitura; escolha outra pasta`,
      ),
    );
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return refuse(
      path,
      both(`the disk holding ${folder} is full; nothing was written`, `o disco de ${folder} está cheio; nada foi gravado`),
    );
  if (code === 'EEXIST')
    return refuse(
      path,
      both(
        'was created by another program meanwhile; it was left as it is (add --force to replace it)',
        'foi criado por outro programa enquanto isso; ficou como estava (acrescente --force para substituí-lo)',
      ),
    );
  return refuse(path, both(`could not be written (${code}); nothing was written`, `não pôde ser gravado (${code}); nada foi gravado`));
}

function writeThroughTemporaryFile(path: string, finalPath: string, data: string | Uint8Array, replace: boolean): void {
  const folder = dirname(finalPath);
  const temporary = join(folder, `.${basename(finalPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (replace) renameSync(temporary, finalPath);
    else placeWithoutReplacing(temporary, finalPath);
    syncFolder(folder);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already moved into place.
    }
    throw writeFailure(path, folder, error);
  }
}

/** A hard link never replaces a file that appeared meanwhile (EEXIST), where rename would; file systems without links get a rename. */
function placeWithoutReplacing(temporary: string, finalPath: string): void {
  try {
    linkSync(temporary, finalPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || statOrUndefined(finalPath))
      throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(temporary, finalPath);
    return;
  }
  unlinkSync(temporary);
}

/** The rename itself is durable only once the folder is flushed (POSIX; a no-op where folders cannot be opened). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (Windows): the file's own fsync already happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
