import type { SourceKind } from '../../model/types.js';
import { SOURCES } from '../registry.js';

/**
 * Which worker thread reads which export: the costliest first, each to the thread with the least
 * work so far (ties to the lower thread), so two large exports land on different cores. The plan
 * depends only on sizes, kinds and order, so a run is reproducible.
 */

// Seconds per MB is each source's own figure (`Source.readSecondsPerMb`), measured by
// `npm run bench`: planning by bytes alone put the wiki dump behind the Yammer export and
// finished 4 s later, since a CSV byte costs about four JSON bytes.

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

/** At most `threads` groups, none empty, each in input order. */
export function planGroups(exports: readonly PlannedExport[], threads: number): PlannedExport[][] {
  const count = Math.max(1, Math.min(threads, exports.length));
  const groups: PlannedExport[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const byCost = [...exports].sort((a, b) => b.cost - a.cost || a.inputIndex - b.inputIndex);
  for (const e of byCost) {
    const lightest = load.indexOf(Math.min(...load));
    groups[lightest]?.push(e);
    load[lightest] = (load[lightest] ?? 0) + e.cost;
  }
  return groups.filter((g) => g.length > 0).map((g) => g.sort((a, b) => a.inputIndex - b.inputIndex));
}
