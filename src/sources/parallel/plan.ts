import type { SourceKind } from '../../model/types.js';
import { SOURCES } from '../registry.js';

/**
 * Who reads what: the main thread reads the costliest export straight into the dataset; every other
 * export goes, costliest first, to whichever thread is free first (a worker, or the main thread,
 * whose own engine load waits on DuckDB most of the time), each into a part of its own. Which thread
 * read a part does not show in the outputs: the parts are copied into the dataset in input order,
 * whoever read them.
 *
 * Why not a fixed plan per thread: the plan {Yammer} | {Slack, wiki} read the wiki only after Slack,
 * alone at the end of the three-export read with the other core idle, since the main thread's own
 * export (Yammer) runs on both cores at times and ended first (bench/README.md, s15-b).
 */

// Seconds per MB is each source's own figure (`Source.readSecondsPerMb`), the CPU of a read alone
// (bench/README.md, s15-b): it picks the export the main thread reads itself and the order of the
// others, so that the long reads start first and the short ones fill in around them.

/** Estimated work of reading `bytes` of an export of `kind`, for planning only. */
export function readCost(kind: SourceKind, bytes: number): number {
  return (bytes / 1e6) * SOURCES[kind].readSecondsPerMb;
}

/** An export to read, as a worker thread needs it. */
export interface PlannedExport {
  /** What `openInput` opens, with the detected kind forced: `yammer:/data/export`. */
  arg: string;
  /** Position among all exports of the run (the account's input index). */
  inputIndex: number;
  /** Estimated work of reading it (`readCost`). */
  cost: number;
}

/** The exports costliest first (ties: input order): the first is the main thread's own. */
export function readingOrder(exports: readonly PlannedExport[]): PlannedExport[] {
  return [...exports].sort((a, b) => b.cost - a.cost || a.inputIndex - b.inputIndex);
}

/** Worker threads to start when `threads` read at once, the main thread being one of them. */
export function workerCount(exports: number, threads: number): number {
  return Math.max(0, Math.min(threads, exports) - 1);
}

/**
 * Each export's part of the run's memory limit, by input index: its planned cost over the costs of
 * the `atOnce` costliest, the most that can be read at the same time, so that the exports read at
 * once never hold more than the limit together and the costly loads keep most of it (the three
 * bench exports, 768MB: Yammer 389MB, Slack 256MB, the wiki 122MB; bench/README.md, s15-b). Equal
 * parts when no export has a cost.
 */
export function memoryFractions(order: readonly PlannedExport[], atOnce: number): Map<number, number> {
  const costliest = [...order].sort((a, b) => b.cost - a.cost).slice(0, Math.max(1, atOnce));
  const total = costliest.reduce((sum, e) => sum + e.cost, 0);
  const equal = 1 / costliest.length;
  return new Map(order.map((e) => [e.inputIndex, total > 0 ? Math.min(1, e.cost / total) : equal]));
}
