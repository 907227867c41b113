import type { SourceKind } from '../../model/types.js';

/**
 * Which worker thread reads which export: the costliest first, each to the thread with the least
 * work so far (ties to the lower thread), so two large exports land on different cores. The plan
 * depends only on sizes, kinds and order, so a run is reproducible.
 */

/**
 * Seconds per MB of each kind of export, measured by `npm run bench` (2-vCPU machine, one export
 * per thread): Yammer CSV 32.2 s for 323 MB, Slack JSON 25.6 s for 1,044 MB, a MediaWiki dump
 * 4.7 s for 133 MB. Only their ratios matter: a CSV byte costs four JSON bytes, so planning by
 * bytes alone put the wiki dump behind the Yammer export and finished 4 s later.
 */
const SECONDS_PER_MB: Record<SourceKind, number> = {
  yammer: 0.1,
  csv: 0.1,
  slack: 0.025,
  teams: 0.025,
  mediawiki: 0.035,
};

/** Estimated work of reading `bytes` of an export of `kind`, for planning only. */
export function readCost(kind: SourceKind, bytes: number): number {
  return (bytes / 1e6) * SECONDS_PER_MB[kind];
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
