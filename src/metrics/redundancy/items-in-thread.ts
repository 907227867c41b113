import type { Query } from '../../model/query.js';
import type { Period } from '../types.js';
import { workerNextTo } from '../../model/worker-thread.js';
import { type ComparedItems, comparedItems } from './compared-items.js';
import { type ItemCopy, redundancyDistinctTexts } from './queries.js';

/**
 * {@link comparedItems} on two cores: the main thread reads the rows out of DuckDB (a native call
 * and a string per text) while a worker thread (`items-worker.ts`) cleans each text, splits it
 * into words and builds the corpus, which took as long again on one core (1M Yammer messages,
 * bench/README.md s11-b). The thread gets the rows in their order and builds them with the same
 * {@link ComparedItemsBuilder}, so the items are the same, term ids included.
 */

/** A batch of rows of {@link redundancyDistinctTexts} as columns: what crosses to the thread (no object per row). */
export interface CopyColumns {
  body: (string | null)[];
  copies: Int32Array;
  sharedKey: (string | number | null)[];
  firstKey: (string | number | null)[];
  itemId: string[];
  isPage: Uint8Array;
  spaceNo: Float64Array;
  active: Uint8Array;
  authorNo: Float64Array;
  atMs: Float64Array;
}

/** What the thread is told: a batch, or that the rows are all sent. */
export type ToItemsThread = { batch: CopyColumns } | { end: true };

/** What the thread answers: a batch done (the main thread sends a few ahead, no more), or the items. */
export type FromItemsThread = { done: true } | { items: ComparedItems };

/** Batches (of ~2,048 rows) sent ahead of the thread at most: the texts waiting for it stay few. */
const AHEAD = 4;

export function columnsOf(batch: readonly ItemCopy[]): CopyColumns {
  const n = batch.length;
  const columns: CopyColumns = {
    body: new Array(n),
    copies: new Int32Array(n),
    sharedKey: new Array(n),
    firstKey: new Array(n),
    itemId: new Array(n),
    isPage: new Uint8Array(n),
    spaceNo: new Float64Array(n),
    active: new Uint8Array(n),
    authorNo: new Float64Array(n),
    atMs: new Float64Array(n),
  };
  batch.forEach((row, i) => {
    columns.body[i] = row.body;
    columns.copies[i] = row.copies;
    columns.sharedKey[i] = row.shared_key;
    columns.firstKey[i] = row.first_key;
    columns.itemId[i] = row.item_id;
    columns.isPage[i] = row.is_page ? 1 : 0;
    columns.spaceNo[i] = row.space_no;
    columns.active[i] = row.active ? 1 : 0;
    columns.authorNo[i] = row.author_no;
    columns.atMs[i] = row.at_ms;
  });
  return columns;
}

/** Row `i` of `columns`, as {@link redundancyDistinctTexts} gave it. */
export function rowOf(columns: CopyColumns, i: number): ItemCopy {
  return {
    body: columns.body[i] ?? null,
    copies: columns.copies[i] ?? 0,
    shared_key: columns.sharedKey[i] ?? null,
    first_key: columns.firstKey[i] ?? null,
    item_id: columns.itemId[i] ?? '',
    is_page: columns.isPage[i] === 1,
    space_no: columns.spaceNo[i] ?? 0,
    active: columns.active[i] === 1,
    author_no: columns.authorNo[i] ?? 0,
    at_ms: columns.atMs[i] ?? 0,
  };
}

/** The typed arrays' buffers of `columns`: moved to the thread, not copied. */
function buffersOf(columns: CopyColumns): ArrayBuffer[] {
  const { copies, isPage, spaceNo, active, authorNo, atMs } = columns;
  return [copies, isPage, spaceNo, active, authorNo, atMs].map((a) => a.buffer as ArrayBuffer);
}

/**
 * {@link comparedItems}, the texts cleaned and split in a worker thread. A thread that fails
 * (it could not start, or two hashed keys clashed: see `RepeatKeys`) leaves the work to this one:
 * the query is then read again.
 */
export async function comparedItemsInThread(
  query: Query,
  period: Period,
  cap: number,
  minWords: number,
): Promise<ComparedItems> {
  const worker = workerNextTo(import.meta.url, 'items-worker', { minWords });
  let failed: unknown = null;
  let items: ComparedItems | null = null;
  /** Called when the thread answers or fails: what a wait for it resumes. */
  let wake: () => void = () => {};
  let ahead = 0;
  worker.on('message', (m: FromItemsThread) => {
    if ('items' in m) items = m.items;
    else ahead -= 1;
    wake();
  });
  worker.on('error', (error) => {
    failed ??= error;
    wake();
  });
  worker.on('exit', (code) => {
    failed ??= items ? null : new Error(`the duplicate-efforts thread stopped with exit code ${code}`);
    wake();
  });
  const until = async (ready: () => boolean): Promise<void> => {
    while (!ready() && failed === null) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    for await (const batch of redundancyDistinctTexts(query, period.since, period.until, cap, 'hashed')) {
      await until(() => ahead < AHEAD);
      if (failed !== null) break;
      const columns = columnsOf(batch);
      worker.postMessage({ batch: columns } satisfies ToItemsThread, buffersOf(columns));
      ahead += 1;
    }
    if (failed === null) worker.postMessage({ end: true } satisfies ToItemsThread);
    await until(() => items !== null);
  } finally {
    if (items === null) await worker.terminate();
  }
  return items ?? comparedItems(query, period, cap, minWords);
}
