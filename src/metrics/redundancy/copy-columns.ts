import type { FirstTexts } from './first-texts.js';
import type { HashedText, ItemColumnsRow } from './queries.js';

/**
 * A batch of rows of `redundancyOrderedTexts` (queries.ts) as columns, each text met before
 * (`first-texts.ts`) named by its number instead of held: how a batch is held while its texts are
 * tokenized (`text-tokens.ts`), in this thread or another, without an object per row.
 */
export interface CopyColumns {
  /** The row's text, or null when an earlier row has it (see {@link repeatOf}). */
  body: (string | null)[];
  /** -1 for a row with a text of its own, else the number of the earlier text it repeats. */
  repeatOf: Int32Array;
  itemId: string[];
  isPage: Uint8Array;
  spaceNo: Float64Array;
  active: Uint8Array;
  authorNo: Float64Array;
  atMs: Float64Array;
}

/** The rows of `batch` as columns, their texts numbered by `texts` (which holds every batch's, in order). */
export function columnsOf(batch: readonly HashedText[], texts: FirstTexts): CopyColumns {
  const n = batch.length;
  const columns: CopyColumns = {
    body: new Array(n),
    repeatOf: new Int32Array(n),
    itemId: new Array(n),
    isPage: new Uint8Array(n),
    spaceNo: new Float64Array(n),
    active: new Uint8Array(n),
    authorNo: new Float64Array(n),
    atMs: new Float64Array(n),
  };
  batch.forEach((row, i) => {
    const first = texts.repeatOf(row.body, row.body_hash);
    columns.body[i] = first < 0 ? row.body : null;
    columns.repeatOf[i] = first;
    columns.itemId[i] = row.item_id;
    columns.isPage[i] = row.is_page ? 1 : 0;
    columns.spaceNo[i] = row.space_no;
    columns.active[i] = row.active ? 1 : 0;
    columns.authorNo[i] = row.author_no;
    columns.atMs[i] = row.at_ms;
  });
  return columns;
}

/** Row `i` of `columns`: what the comparison keeps of an item besides its text. */
export function rowOf(columns: CopyColumns, i: number): ItemColumnsRow {
  return {
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
