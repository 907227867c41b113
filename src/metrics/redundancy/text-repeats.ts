import type { TextCopy } from './queries.js';

/**
 * What the first item of a text several items share left for the items that repeat it (rows of
 * `redundancyDistinctTexts` in queries.ts whose `body` is null), held only until its last repeat is read.
 */
export class TextRepeats<T> {
  private readonly open = new Map<number, { value: T; left: number }>();

  /** Notes `value` for the later items with the text of `row`, read at `place` (none when it has one copy). */
  note(place: number, row: TextCopy, value: T): void {
    if (row.copies > 1) this.open.set(place, { value, left: row.copies - 1 });
  }

  /** What the first item with the text of `row` (a repeat) left. */
  repeat(row: TextCopy): T {
    const place = row.first_pos ?? -1;
    const first = this.open.get(place);
    if (!first) throw new Error(`duplicate efforts: a text repeats the item at ${place}, not read`);
    first.left -= 1;
    if (first.left === 0) this.open.delete(place);
    return first.value;
  }
}
