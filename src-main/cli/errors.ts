/** Bad command-line input: printed as one line on stderr, exit status 2, never a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
  }

  static badValue(flag: string, value: unknown, allowed: string): CliError {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    return new CliError(`${flag}: ${shown} is not allowed; expected ${allowed}`);
  }
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INFEASIBLE = 3;
