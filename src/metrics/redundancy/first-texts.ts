/**
 * The texts of duplicate efforts' items numbered in the order they are first met, a text met
 * again named by the number of its first meeting: how the JS path finds a template, a cross-post
 * or a "+1" posted again, so that its text is cleaned and split into words once. DuckDB marked
 * them before, with a window over every text (`PARTITION BY body`, then a sort on each text): the
 * largest piece of the engine's part of the metric (bench/README.md s15-c). A text comes with a
 * number hashed from it in DuckDB (a number is read and looked up for a fraction of a string's
 * cost: a map keyed by the strings themselves hashed each in V8, ~1 µs a text); equal numbers are
 * then checked on the strings, so two texts are one only when they are equal strings.
 */
export class FirstTexts {
  /** The number of the first text met with each hash. */
  private readonly byHash = new Map<number, number>();
  /** Each text met, by its number: what a text of the same hash is checked against. */
  private readonly texts: string[] = [];
  /** The texts whose hash an earlier, different text has (1 in 2^53 for two texts): by their strings. */
  private readonly clashed = new Map<string, number>();

  /** -1 when `text` (hashed to `hash`) is met for the first time (it takes the next number), else its number. */
  repeatOf(text: string, hash: number): number {
    const known = this.byHash.get(hash);
    if (known === undefined) {
      this.byHash.set(hash, this.texts.length);
      return this.next(text);
    }
    if (this.texts[known] === text) return known;
    return this.clashed.get(text) ?? this.next(text, this.clashed);
  }

  /** Distinct texts met so far (the next number given). */
  get size(): number {
    return this.texts.length;
  }

  private next(text: string, clashed?: Map<string, number>): number {
    clashed?.set(text, this.texts.length);
    this.texts.push(text);
    return -1;
  }
}
