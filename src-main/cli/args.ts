import { both, CliError, oneOf } from './errors.js';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string>;
  switches: Set<string>;
}

/**
 * Parses `--flag value`, `--flag=value` and bare switches. A value may start with "-" (so that
 * `--concurrency -5` reaches validation and is reported as a negative number, not a missing value).
 */
export function parseArgs(argv: string[], valueFlags: ReadonlySet<string>, switchFlags: ReadonlySet<string>): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (switchFlags.has(name)) {
      if (eq !== -1)
        throw new CliError(
          both(
            `--${name}=${arg.slice(eq + 1)}: --${name} is a switch and takes no value; write --${name} alone`,
            `--${name}=${arg.slice(eq + 1)}: --${name} é uma chave e não recebe valor; escreva só --${name}`,
          ),
        );
      parsed.switches.add(name);
      continue;
    }
    if (!valueFlags.has(name)) {
      const allowed = [...valueFlags, ...switchFlags]
        .map((f) => `--${f}`)
        .sort()
        .join(', ');
      throw new CliError(
        both(`--${name}: unknown flag; allowed flags: ${allowed}`, `--${name}: flag desconhecida; flags permitidas: ${allowed}`),
      );
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new CliError(both(`--${name}: a value is required`, `--${name}: um valor é obrigatório`));
    }
    if (parsed.flags.has(name))
      throw new CliError(
        both(
          `--${name}: given twice ("${parsed.flags.get(name)}" and "${value}"); give it once`,
          `--${name}: informado duas vezes ("${parsed.flags.get(name)}" e "${value}"); informe uma vez`,
        ),
      );
    parsed.flags.set(name, value);
  }
  return parsed;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number as people type it; rejects "", "abc", "0x10", "Infinity" and friends. */
export function parseNumber(flag: string, raw: string): number {
  const value = DECIMAL.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw CliError.badValue(`--${flag}`, raw, both('a number', 'um número'));
  return value;
}

export function parseChoice<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  if (!allowed.includes(raw as T)) throw CliError.badValue(`--${flag}`, raw, oneOf(allowed));
  return raw as T;
}
