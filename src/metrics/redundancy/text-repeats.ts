import type { RepeatKeys, TextCopy } from './queries.js';

/**
 * Two texts awaited at once whose first items' keys share a hash (see `RepeatKeys` in
 * queries.ts): the reading cannot tell their repeats apart and must be done again with exact keys.
 */
export class RepeatKeyClash extends Error {
  constructor(key: string | number) {
    super(`duplicate efforts: two texts awaited at once share the key ${key}`);
    this.name = 'RepeatKeyClash';
  }
}

/**
 * What the first item of a text several items share left for the items that repeat it (rows of
 * `redundancyDistinctTexts` in queries.ts whose `body` is null), held only until its last repeat is read.
 */
export class TextRepeats<T> {
  private readonly open = new Map<string | number, { value: T; left: number }>();

  /**
   * Notes `value` for the later items with `row`'s text (none when it has one copy). Throws
   * {@link RepeatKeyClash} when another text still awaited has its key.
   */
  note(row: TextCopy, value: T): void {
    if (row.shared_key === null) return;
    if (this.open.has(row.shared_key)) throw new RepeatKeyClash(row.shared_key);
    this.open.set(row.shared_key, { value, left: row.copies - 1 });
  }

  /** What the first item with the text of `row` (a repeat) left. */
  repeat(row: TextCopy): T {
    const key = row.first_key ?? '';
    const first = this.open.get(key);
    if (!first) throw new Error(`duplicate efforts: a text repeats an item not read (${row.first_key})`);
    first.left -= 1;
    if (first.left === 0) this.open.delete(key);
    return first.value;
  }
}

/**
 * `read(keys)` with hashed keys, or, when two of them clash ({@link RepeatKeyClash}), again with
 * exact ones: what every reading of `redundancyDistinctTexts` does.
 */
export async function withRepeatKeys<R>(read: (keys: RepeatKeys) => Promise<R>): Promise<R> {
  try {
    return await read('hashed');
  } catch (error) {
    if (!(error instanceof RepeatKeyClash)) throw error;
    return read('exact');
  }
}
