import type { TermCorpus } from './term-corpus.js';

/**
 * Character n-grams of a text's words, for spelling variants: `colour` / `color`, `Portuguese` /
 * `portugues`, `pkgdown` / `pkg-down` share most of their trigrams but no word. Each word adds
 * the n-grams of ` word ` (spaces mark its ends) with the word's TF-IDF weight, so a rare word's
 * spelling counts as much as the word itself does in the rare-term score.
 *
 * Vectors are built on demand, for the texts of candidate pairs only, and kept (a text meets many
 * candidates).
 */
export class CharGrams {
  private readonly gramIdOf = new Map<string, number>();
  private readonly gramsOfTerm = new Map<number, Int32Array>();
  private readonly vectors = new Map<number, { ids: Int32Array; values: Float64Array }>();

  constructor(
    private readonly corpus: TermCorpus,
    private readonly weights: Float64Array,
    private readonly n = 3,
  ) {}

  /** Cosine (0–1) of texts i and j's n-gram vectors. */
  cosine(i: number, j: number): number {
    const a = this.vector(i);
    const b = this.vector(j);
    let dot = 0;
    let p = 0;
    let q = 0;
    while (p < a.ids.length && q < b.ids.length) {
      const x = a.ids[p] ?? 0;
      const y = b.ids[q] ?? 0;
      if (x === y) dot += (a.values[p++] ?? 0) * (b.values[q++] ?? 0);
      else if (x < y) p += 1;
      else q += 1;
    }
    return Math.max(0, Math.min(1, dot));
  }

  /** Text k's n-gram weights, sorted by n-gram id and L2-normalized. */
  private vector(k: number): { ids: Int32Array; values: Float64Array } {
    const known = this.vectors.get(k);
    if (known) return known;
    const sum = new Map<number, number>();
    for (let p = this.corpus.offsets[k] ?? 0; p < (this.corpus.offsets[k + 1] ?? 0); p += 1) {
      const w = this.weights[p] ?? 0;
      for (const g of this.gramsOf(this.corpus.termIds[p] ?? 0)) sum.set(g, (sum.get(g) ?? 0) + w);
    }
    const ids = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
    const values = Float64Array.from(ids, (g) => sum.get(g) ?? 0);
    let norm = 0;
    for (const v of values) norm += v * v;
    if (norm > 0) for (let p = 0; p < values.length; p += 1) values[p] = (values[p] ?? 0) / Math.sqrt(norm);
    const vector = { ids, values };
    this.vectors.set(k, vector);
    return vector;
  }

  /** The n-gram ids of term t (each once). */
  private gramsOf(t: number): Int32Array {
    const known = this.gramsOfTerm.get(t);
    if (known) return known;
    const padded = ` ${this.corpus.terms[t] ?? ''} `;
    const chars = [...padded];
    const ids = new Set<number>();
    for (let s = 0; s + this.n <= chars.length; s += 1) {
      const gram = chars.slice(s, s + this.n).join('');
      let id = this.gramIdOf.get(gram);
      if (id === undefined) {
        id = this.gramIdOf.size;
        this.gramIdOf.set(gram, id);
      }
      ids.add(id);
    }
    const grams = Int32Array.from(ids);
    this.gramsOfTerm.set(t, grams);
    return grams;
  }
}
