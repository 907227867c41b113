/**
 * The error model. Every error the user can see is a PilotError with an exit code; anything else
 * that reaches the CLI is an internal bug (exit 3). The first line of a message names the place
 * and the problem; a hint may follow on the next lines.
 */
export abstract class PilotError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: 2 | 3;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Wrong flags or arguments. */
export class UsageError extends PilotError {
  readonly code = 'usage';
  readonly exitCode = 2;
}

/** A config file, environment variable or option value that cannot be used. */
export class ConfigError extends PilotError {
  readonly code = 'config';
  readonly exitCode = 2;
}

/** An input that cannot be used at all (a single bad row is a Problem, not an InputError). */
export class InputError extends PilotError {
  readonly code = 'input';
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly line: number | null,
    problem: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(`${formatLocation(file, line)} ${problem}${options?.hint ? `\n  hint: ${options.hint}` : ''}`, options);
  }
}

/** A bug in pilot-report itself. */
export class InternalError extends PilotError {
  readonly code = 'internal';
  readonly exitCode = 3;
}

/** `file:line` or just `file` when the line is unknown; ends with a colon. */
export function formatLocation(file: string, line: number | null | undefined): string {
  return line === null || line === undefined ? `${file}:` : `${file}:${line}:`;
}
