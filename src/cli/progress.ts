/**
 * A progress line for long reads: records read per source and the rate, redrawn in place on
 * stderr. Only on a terminal and never with --quiet: in CI logs and pipes a line rewritten with
 * carriage returns is noise, so there is no output at all there.
 */
import type { SourceKind } from '../model/types.js';
import type { Logger } from './output.js';

/** Fewest milliseconds between two redraws. */
const REDRAW_INTERVAL_MS = 100;
/** Clears the terminal line and returns to its start (no colour: NO_COLOR does not concern it). */
const CLEAR_LINE = '\r\u001b[2K';

/** A terminal-like stream: the progress line needs `isTTY`, and uses `columns` to stay on one line. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface ProgressOptions {
  quiet: boolean;
  /** Default: process.stderr. */
  stream?: ProgressStream;
  /** Milliseconds clock, for tests. Default: Date.now. */
  now?: () => number;
}

/** A logger that may also show load progress (the shape `LoadLog.progress` expects). */
export type ProgressLogger = Logger & {
  progress?(kind: SourceKind, read: number, done?: boolean): void;
};

/**
 * Adds a progress line to `log` when `stream` is a TTY and not quiet; otherwise returns `log`
 * unchanged, so that loading skips progress entirely. Every message written through the returned
 * logger first clears the progress line, so warnings never end up glued to it.
 */
export function withProgress(log: Logger, options: ProgressOptions): ProgressLogger {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true || options.quiet) return log;
  const line = progressLine(stream, options.now ?? Date.now);
  const clearing =
    (write: (message: string) => void) =>
    (message: string): void => {
      line.clear();
      write(message);
    };
  return {
    ...(log.verboseOn === undefined ? {} : { verboseOn: log.verboseOn }),
    info: clearing((m) => log.info(m)),
    verbose: clearing((m) => log.verbose(m)),
    warn: clearing((m) => log.warn(m)),
    error: clearing((m) => log.error(m)),
    progress: (kind, read, done) => (done === true ? line.end(kind) : line.update(kind, read)),
  };
}

interface ProgressLine {
  update(kind: SourceKind, read: number): void;
  /** A read ended: its part goes away (the summary after the run says what was read). */
  end(kind: SourceKind): void;
  clear(): void;
}

/**
 * One line for every read in progress: several exports are read at once in worker threads, so
 * each kind keeps its own count and rate (`reading yammer: 1,000 records (900/s); slack: ...`).
 */
function progressLine(stream: ProgressStream, now: () => number): ProgressLine {
  let shown = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  // A rate is measured from the first report of its read, which comes some way into it.
  const reads = new Map<SourceKind, { first: { at: number; read: number }; read: number; at: number }>();
  const clear = (): void => {
    if (shown) stream.write(CLEAR_LINE);
    shown = false;
  };
  const part = (kind: SourceKind): string => {
    const r = reads.get(kind);
    if (!r) return '';
    const seconds = (r.at - r.first.at) / 1000;
    const rate = seconds > 0 ? ` (${formatCount(Math.round((r.read - r.first.read) / seconds))}/s)` : '';
    return `${kind}: ${formatCount(r.read)} records${rate}`;
  };
  return {
    update(kind, read) {
      const at = now();
      const current = reads.get(kind);
      if (current) Object.assign(current, { read, at });
      else reads.set(kind, { first: { at, read }, read, at });
      if (at - lastDraw < REDRAW_INTERVAL_MS) return;
      lastDraw = at;
      stream.write(`${CLEAR_LINE}${fit(`reading ${[...reads.keys()].map(part).join('; ')}`, stream.columns)}`);
      shown = true;
    },
    end(kind) {
      reads.delete(kind);
      if (reads.size > 0) return;
      clear();
      lastDraw = Number.NEGATIVE_INFINITY;
    },
    clear,
  };
}

/** `12345` -> `12,345`: fixed locale, so the line does not depend on the machine's settings. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Keeps the line shorter than the terminal, or it would wrap and `\r` would no longer reach its start. */
function fit(text: string, columns: number | undefined): string {
  return columns !== undefined && columns > 1 && text.length >= columns ? text.slice(0, columns - 1) : text;
}
