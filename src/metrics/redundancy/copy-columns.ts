import type { ItemCopy } from './queries.js';

/**
 * A batch of rows of `redundancyDistinctTexts` (queries.ts) as columns: how a batch is held while
 * its texts are tokenized (`text-tokens.ts`), in this thread or another, without an object per row.
 */
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

/** Row `i` of `columns`, as `redundancyDistinctTexts` gave it. */
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

/** The texts of the batch (its rows with a body, in order): what a tokenizer reads of it. */
export function textsOf(columns: CopyColumns): string[] {
  return columns.body.filter((body): body is string => body !== null);
}
