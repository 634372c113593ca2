import { formatNumber } from '../engine/index.js';
import { label } from '../i18n/labels.js';
import { both, CliError, EXIT_OK } from './errors.js';
import { readCatalogFile } from './catalog-file.js';
import type { CommandContext } from './main.js';
import { openCliApi } from './store-context.js';

/** `sizing catalog import FILE [--replace]`: a catalog file's records stored as your own, all or nothing. */
export async function run({ args, out }: CommandContext): Promise<number> {
  const path = args.positionals[2];
  if (path === undefined)
    throw CliError.required(
      'catalog import FILE',
      both(
        '(a JSON file { "models": [...], "servers": [...], "storage": [...] })',
        '(um arquivo JSON { "models": [...], "servers": [...], "storage": [...] })',
      ),
    );
  const file = readCatalogFile('catalog import', path);
  const api = openCliApi(args, 'write');
  try {
    let result;
    try {
      result = await api.call('catalog.import', { file, replace: args.switches.has('replace') });
    } catch (error) {
      if (error instanceof CliError)
        throw new CliError(both(`catalog import: ${path}: ${error.render('en')}`, `catalog import: ${path}: ${error.render('pt-BR')}`));
      throw error;
    }
    const { dbPath } = await api.call('app.info', {});
    out(
      `${path}: ${label(api.lang, 'catalogImported', { added: formatNumber(result.added, api.lang), replaced: formatNumber(result.replaced, api.lang) })} (${dbPath})\n`,
    );
    return EXIT_OK;
  } finally {
    api.close();
  }
}
