/**
 * Everything the CLI says to a person goes to stderr through here, so that stdout carries only the
 * requested output (`--json -`). Colour only on a TTY and never with NO_COLOR.
 */
export interface Logger {
  info(message: string): void;
  verbose(message: string): void;
  /** False when `verbose` writes nothing: callers may skip building verbose messages. */
  readonly verboseOn?: boolean;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  quiet: boolean;
  verbose: boolean;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

const ignoreLogError = (): void => undefined;

/**
 * A reader of the log that goes away (`pilot-report analyze ... 2>&1 | head`) must not end the run:
 * the log is for a person, the outputs are the job. With no listener, the EPIPE of the next write to
 * stderr was an uncaught 'error' that killed the run with exit 1 and left its output folder's lock.
 * With this one the stream is closed at that error and later writes to it are dropped.
 */
export function keepRunningWhenLogReaderLeaves(stream: NodeJS.WritableStream = process.stderr): void {
  if (!stream.listeners('error').includes(ignoreLogError)) stream.on('error', ignoreLogError);
}

export function createLogger(options: LoggerOptions): Logger {
  const stream = options.stream ?? process.stderr;
  const colour = stream.isTTY === true && !process.env.NO_COLOR;
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  // Messages quote export content (a bad cell, a file name); its control characters would reach
  // the terminal as escape sequences, and its bidi controls (U+202E…) would reorder the rest of the
  // line (Trojan Source), so both are shown as U+FFFD. Our own colour codes are added after.
  const write = (line: string) => stream.write(`${line}\n`);
  const clean = (message: string) =>
    message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  return {
    verboseOn: options.verbose && !options.quiet,
    info: (message) => {
      if (!options.quiet) write(clean(message));
    },
    verbose: (message) => {
      if (options.verbose && !options.quiet) write(clean(message));
    },
    warn: (message) => {
      if (!options.quiet) write(`${paint('33', 'warning:')} ${clean(message)}`);
    },
    error: (message) => write(`${paint('31', 'error:')} ${clean(message)}`),
  };
}
