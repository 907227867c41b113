/**
 * `--verbose` timings: how long each step of a run took and the process's memory after it, plus
 * every slow query. They tell a user with a large export where the time goes without a profiler,
 * and the benchmark (bench/) reads them to split a run into phases.
 */
import type { QueryObserver } from '../model/query.js';

export interface Stopwatch {
  /** Runs `work` and logs `timing: <name> <seconds> s, rss <MiB> MiB`. */
  phase<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Logs queries that took at least `slowQueryMs`. */
  readonly query: QueryObserver;
}

export interface StopwatchOptions {
  /** Default 500. */
  slowQueryMs?: number;
  /** Milliseconds clock; default performance.now. */
  now?: () => number;
  /** Bytes of resident memory; default process.memoryUsage.rss. */
  rss?: () => number;
}

export function stopwatch(log: { verbose(message: string): void }, options: StopwatchOptions = {}): Stopwatch {
  const now = options.now ?? (() => performance.now());
  const rss = options.rss ?? (() => process.memoryUsage.rss());
  const slowQueryMs = options.slowQueryMs ?? 500;
  const mib = () => Math.round(rss() / 2 ** 20).toLocaleString('en-US');
  return {
    async phase(name, work) {
      const started = now();
      const result = await work();
      log.verbose(`timing: ${name} ${seconds(now() - started)} s, rss ${mib()} MiB`);
      return result;
    },
    query(sql, ms, rows) {
      if (ms < slowQueryMs) return;
      const text = sql
        .replace(/--[^\n]*/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const shown = text.length > 100 ? `${text.slice(0, 99)}…` : text;
      log.verbose(
        `timing: query ${seconds(ms)} s${rows === null ? '' : `, ${rows.toLocaleString('en-US')} rows`}: ${shown}`,
      );
    },
  };
}

/** A stopwatch that says nothing (tests, library callers). */
export const SILENT_STOPWATCH: Stopwatch = { phase: (_name, work) => work(), query: () => undefined };

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
