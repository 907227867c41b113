import type { TextCopy } from './queries.js';

/**
 * What the first item of a text several items share left for the items that repeat it (rows of
 * `redundancyDistinctTexts` in queries.ts whose `body` is null), held only until its last repeat is read.
 */
export class TextRepeats<T> {
  private readonly open = new Map<string, { value: T; left: number }>();

  /** Notes `value` for the later items with `row`'s text (none when it has one copy). */
  note(row: TextCopy, value: T): void {
    if (row.shared_key !== null) this.open.set(row.shared_key, { value, left: row.copies - 1 });
  }

  /** What the first item with the text of `row` (a repeat) left. */
  repeat(row: TextCopy): T {
    const first = this.open.get(row.first_key ?? '');
    if (!first) throw new Error(`duplicate efforts: a text repeats an item not read (${row.first_key})`);
    first.left -= 1;
    if (first.left === 0) this.open.delete(row.first_key ?? '');
    return first.value;
  }
}
