/**
 * An Int32Array that doubles when full: bookkeeping of one or a few numbers per text or item,
 * for hundreds of thousands of them, without a JavaScript array's boxed numbers.
 */
export class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  /** The value at `index` (0 past the end). */
  at(index: number): number {
    return this.values[index] ?? 0;
  }

  /** The values pushed, without a copy (a view of the current buffer). */
  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}
