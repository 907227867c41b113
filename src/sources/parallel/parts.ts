/**
 * The exports of a parallel read that go into parts: handed out costliest first to whichever thread
 * asks, closed in any order, copied into the dataset in input order. So which thread read an export,
 * and when, never shows in the rows' order.
 */
import path from 'node:path';
import type { PartJob } from './messages.js';
import type { PlannedExport } from './plan.js';

interface Closing {
  closed: Promise<boolean>;
  settle: (closed: boolean) => void;
}

export class Parts {
  private readonly pending: PartJob[];
  private readonly jobs: PartJob[];
  private readonly closings = new Map<number, Closing>();

  /**
   * `exports` in the order they are to be handed out; their parts' files go in `folder`, each read
   * under `memoryLimitOf` it.
   */
  constructor(exports: readonly PlannedExport[], folder: string, memoryLimitOf: (e: PlannedExport) => string | null) {
    this.jobs = exports.map((e) => ({
      export: e,
      file: path.join(folder, `part-${e.inputIndex}.duckdb`),
      memoryLimit: memoryLimitOf(e),
    }));
    this.pending = [...this.jobs];
    for (const e of exports) {
      let settle: (closed: boolean) => void = () => undefined;
      const closed = new Promise<boolean>((resolve) => {
        settle = resolve;
      });
      this.closings.set(e.inputIndex, { closed, settle });
    }
  }

  /** The next export to read, or null once every one has been handed out. */
  take(): PartJob | null {
    return this.pending.shift() ?? null;
  }

  /** The part of the export of `inputIndex` is closed (true), or will never be: its reader failed (false). */
  settle(inputIndex: number, closed: boolean): void {
    this.closings.get(inputIndex)?.settle(closed);
  }

  /** Nothing more will be closed (a thread failed): every part still open is settled as never. */
  abandon(): void {
    this.pending.length = 0;
    for (const closing of this.closings.values()) closing.settle(false);
  }

  /** Every part in input order, each with whether it was closed (resolves once it is, or never will be). */
  inInputOrder(): { job: PartJob; closed: Promise<boolean> }[] {
    return [...this.jobs]
      .sort((a, b) => a.export.inputIndex - b.export.inputIndex)
      .map((job) => ({ job, closed: this.closings.get(job.export.inputIndex)?.closed ?? Promise.resolve(false) }));
  }
}
