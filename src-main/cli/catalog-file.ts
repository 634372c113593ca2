import { readFileSync } from 'node:fs';
import { catalogIdClashes, overlayCatalog, type Catalog } from '../engine/index.js';
import { catalogFileSchema, describeZodIssue, type CatalogFile } from '../schemas/index.js';
import type { ParsedArgs } from './args.js';
import { both, CliError } from './errors.js';

/** Text of a file, decoded strictly as UTF-8 (a leading BOM set aside); one line naming the file when it cannot be read. */
function readText(flag: string, path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(both(`${flag}: cannot read ${path} (${code})`, `${flag}: não foi possível ler ${path} (${code})`));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(both(`${flag}: ${path} is not valid UTF-8 text`, `${flag}: ${path} não é texto UTF-8 válido`));
  }
}

/** A catalog file read and checked by the record schemas; problems name the path inside the file. */
export function readCatalogFile(flag: string, path: string): CatalogFile {
  let json: unknown;
  try {
    json = JSON.parse(readText(flag, path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      both(`${flag}: ${path} is not JSON (${(error as Error).message})`, `${flag}: ${path} não é JSON (${(error as Error).message})`),
    );
  }
  const parsed = catalogFileSchema.safeParse(json);
  if (!parsed.success) {
    const { field, message } = describeZodIssue(parsed.error);
    throw new CliError(both(`${flag}: ${path}: ${field || '(file)'}: ${message}`, `${flag}: ${path}: ${field || '(arquivo)'}: ${message}`));
  }
  return parsed.data;
}

/**
 * `--catalog FILE` for one run: the file's records over the catalog. A record may take an id the
 * catalog already has (a built-in one) only with --replace.
 */
export function catalogWithFile(args: ParsedArgs, base: Catalog): Catalog {
  const path = args.flags.get('catalog');
  if (path === undefined) return base;
  const file = readCatalogFile('--catalog', path);
  const clash = catalogIdClashes(base, file)[0];
  if (clash && !args.switches.has('replace')) {
    throw new CliError(
      both(
        `--catalog: ${path}: ${clash.path}: "${clash.id}" is already a ${clash.kind} in the catalog; choose another id, or pass --replace to use this record instead`,
        `--catalog: ${path}: ${clash.path}: "${clash.id}" já existe no catálogo; escolha outro id ou use --replace para usar este registro no lugar`,
      ),
    );
  }
  return overlayCatalog(base, file);
}
