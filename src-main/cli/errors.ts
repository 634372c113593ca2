import type { Lang, LocalizedText } from '../engine/types.js';
import { both, inLang, notAllowed } from '../i18n/text.js';

export { both };

/** Text in both languages; a plain string is shown as it is in both (a message already in the user's language). */
type CliText = LocalizedText | string;

/** Bad command-line input: printed as one line on stderr, exit status 2, never a stack trace. */
export class CliError extends Error {
  constructor(readonly text: CliText) {
    super(inLang(text, 'en'));
  }

  /** The one line to print, in the language the user asked for with --lang. */
  render(lang: Lang): string {
    return inLang(this.text, lang);
  }

  static badValue(flag: string, value: unknown, allowed: CliText): CliError {
    const text = notAllowed(value, typeof allowed === 'string' ? both(allowed, allowed) : allowed);
    return new CliError(both(`${flag}: ${text.en}`, `${flag}: ${text['pt-BR']}`));
  }

  static required(what: string, hint: CliText = ''): CliError {
    const extra = (lang: Lang) => (inLang(hint, lang) ? ` ${inLang(hint, lang)}` : '');
    return new CliError(both(`${what}: required${extra('en')}`, `${what}: obrigatório${extra('pt-BR')}`));
  }
}

/** `one of a, b, c` in both languages. */
export function oneOf(values: readonly string[]): LocalizedText {
  return both(`one of ${values.join(', ')}`, `um de ${values.join(', ')}`);
}

/** The language errors are printed in: read straight from argv, so even a parse error honours --lang. */
export function errorLang(argv: string[]): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at === -1) return 'en';
  const value = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value === 'pt-BR' ? 'pt-BR' : 'en';
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INFEASIBLE = 3;
