/**
 * Which worker thread reads which export: the largest first, each to the thread with the fewest
 * bytes so far (ties to the lower thread), so two large exports land on different cores. The
 * plan depends only on the sizes and order, so a run is reproducible.
 */

/** An export to read, as a worker thread needs it. */
export interface PlannedExport {
  /** What `openInput` opens, with the detected kind forced: `yammer:/data/export`. */
  arg: string;
  /** Position among all exports of the run (the account's input index). */
  inputIndex: number;
  /** Bytes of its files (uncompressed when known). */
  bytes: number;
}

/** At most `threads` groups, none empty, each in input order. */
export function planGroups(exports: readonly PlannedExport[], threads: number): PlannedExport[][] {
  const count = Math.max(1, Math.min(threads, exports.length));
  const groups: PlannedExport[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const bySize = [...exports].sort((a, b) => b.bytes - a.bytes || a.inputIndex - b.inputIndex);
  for (const e of bySize) {
    const lightest = load.indexOf(Math.min(...load));
    groups[lightest]?.push(e);
    load[lightest] = (load[lightest] ?? 0) + e.bytes;
  }
  return groups.filter((g) => g.length > 0).map((g) => g.sort((a, b) => a.inputIndex - b.inputIndex));
}
