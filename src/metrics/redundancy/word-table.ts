/**
 * A hash table from words to numbers that looks a word up by its place in a longer string
 * (`s`, `start`, `end`), so that the millions of words of a pilot's texts are never cut into
 * strings of their own: only a word seen for the first time is. Open addressing, FNV-1a hash.
 */
export class WordTable {
  private words: string[] = [];
  private values: number[] = [];
  /** Entry index + 1 per slot (0: empty); the length is a power of two. */
  private slots = new Int32Array(1 << 12);

  /** Number of words held. */
  get size(): number {
    return this.words.length;
  }

  /** The value of the word `s.slice(start, end)`, or undefined. */
  get(s: string, start: number, end: number): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(s, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0) return undefined;
      if (sameWord(this.words[entry] ?? '', s, start, end)) return this.values[entry];
    }
  }

  /** Sets the value of `word`, which must not be held yet. */
  add(word: string, value: number): void {
    if ((this.words.length + 1) * 2 > this.slots.length) this.grow();
    this.words.push(word);
    this.values.push(value);
    this.place(this.words.length - 1);
  }

  private place(entry: number): void {
    const word = this.words[entry] ?? '';
    const mask = this.slots.length - 1;
    let slot = hashOf(word, 0, word.length) & mask;
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.words.length; entry += 1) this.place(entry);
  }
}

function hashOf(s: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < end; k += 1) hash = Math.imul(hash ^ s.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}

function sameWord(word: string, s: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k += 1) if (word.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}
