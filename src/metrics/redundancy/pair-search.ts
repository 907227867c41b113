import type { NearDuplicatePair, NearDuplicateThresholds } from './near-duplicates.js';
import type { TermCorpus } from './term-corpus.js';

/**
 * Postings (texts holding a term, ascending) of the terms held by 2 to `maxPostings` texts only:
 * a very common term alone never makes two texts near-duplicates, and skipping it keeps the work
 * far below N². Term t's texts are `items[starts[t] .. starts[t + 1])` (empty for other terms).
 */
export function rarePostings(corpus: TermCorpus, maxPostings: number): { starts: Int32Array; items: Int32Array } {
  const rare = (t: number): boolean => {
    const df = corpus.df[t] ?? 0;
    return df >= 2 && df <= maxPostings;
  };
  const starts = new Int32Array(corpus.terms.length + 1);
  for (let t = 0; t < corpus.terms.length; t += 1)
    starts[t + 1] = (starts[t] ?? 0) + (rare(t) ? (corpus.df[t] ?? 0) : 0);
  const filled = starts.slice(0, -1);
  const items = new Int32Array(starts[corpus.terms.length] ?? 0);
  for (let k = 0; k < corpus.size; k += 1) {
    for (let p = corpus.offsets[k] ?? 0; p < (corpus.offsets[k + 1] ?? 0); p += 1) {
      const t = corpus.termIds[p] ?? 0;
      if (!rare(t)) continue;
      items[filled[t] ?? 0] = k;
      filled[t] = (filled[t] ?? 0) + 1;
    }
  }
  return { starts, items };
}

/**
 * Every pair of texts sharing at least one term of 2 to `maxPostings` texts that passes all of
 * `thresholds`, ordered by i then j. Each candidate is scored once: for each i, the texts j > i
 * in its rare terms' postings are marked "last seen by i" in one Int32Array (no pair keys).
 * i's terms are spread into dense arrays by term id, so a candidate costs one pass over j.
 */
export function scoredPairs(
  corpus: TermCorpus,
  weights: Float64Array,
  thresholds: NearDuplicateThresholds,
  maxPostings = 200,
): NearDuplicatePair[] {
  const { starts, items } = rarePostings(corpus, maxPostings);
  const scorer = new PairScorer(corpus, weights);
  const seenBy = new Int32Array(corpus.size).fill(-1);
  const pairs: NearDuplicatePair[] = [];
  for (let i = 0; i < corpus.size; i += 1) {
    scorer.focus(i);
    const found: NearDuplicatePair[] = [];
    for (let p = corpus.offsets[i] ?? 0; p < (corpus.offsets[i + 1] ?? 0); p += 1) {
      const t = corpus.termIds[p] ?? 0;
      const end = starts[t + 1] ?? 0;
      for (let q = firstAbove(items, starts[t] ?? 0, end, i); q < end; q += 1) {
        const j = items[q] ?? 0;
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        const pair = scorer.score(j, thresholds);
        if (pair) found.push(pair);
      }
    }
    scorer.unfocus();
    for (const pair of found.sort((a, b) => a.j - b.j)) pairs.push(pair);
  }
  return pairs;
}

/** First position in the ascending `items[from .. to)` holding a value above `i`. */
function firstAbove(items: Int32Array, from: number, to: number, i: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((items[mid] ?? 0) <= i) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Scores pairs (i, j) for one focused text i. The cosine sums the products over the terms of the
 * text with fewer distinct terms (i on a tie), in that text's term order, adding 0 for a term the
 * other lacks: the order the Map-based cosine used, so each value is identical to the last bit.
 */
export class PairScorer {
  private readonly weightOf: Float64Array;
  private readonly otherWeightOf: Float64Array;
  private i = -1;

  constructor(
    private readonly corpus: TermCorpus,
    private readonly weights: Float64Array,
  ) {
    this.weightOf = new Float64Array(corpus.terms.length);
    this.otherWeightOf = new Float64Array(corpus.terms.length);
  }

  /** Spreads text i's weights by term id. */
  focus(i: number): void {
    this.i = i;
    this.spread(this.weightOf, i, true);
  }

  /** Clears what {@link focus} spread. */
  unfocus(): void {
    this.spread(this.weightOf, this.i, false);
  }

  /** The pair (focused i, j), or null when it misses a threshold. */
  score(j: number, thresholds: NearDuplicateThresholds): NearDuplicatePair | null {
    const { offsets, termIds } = this.corpus;
    const [iStart, iEnd, jStart, jEnd] = [
      offsets[this.i] ?? 0,
      offsets[this.i + 1] ?? 0,
      offsets[j] ?? 0,
      offsets[j + 1] ?? 0,
    ];
    let shared = 0;
    for (let p = jStart; p < jEnd; p += 1) if ((this.weightOf[termIds[p] ?? 0] ?? 0) > 0) shared += 1;
    const union = iEnd - iStart + (jEnd - jStart) - shared;
    const overlap = union === 0 ? 0 : shared / union;
    if (overlap < thresholds.wordOverlap || shared < thresholds.minSharedWords) return null;
    const similarity = iEnd - iStart <= jEnd - jStart ? this.dotOverFocused(j) : this.dotOver(j, this.weightOf);
    return similarity >= thresholds.cosine ? { i: this.i, j, similarity, overlap } : null;
  }

  /** Sum over j's terms, in j's order, of j's weight times `dense`'s. */
  private dotOver(j: number, dense: Float64Array): number {
    let dot = 0;
    for (let p = this.corpus.offsets[j] ?? 0; p < (this.corpus.offsets[j + 1] ?? 0); p += 1) {
      dot += (this.weights[p] ?? 0) * (dense[this.corpus.termIds[p] ?? 0] ?? 0);
    }
    return dot;
  }

  /** Sum over the focused text's terms, in its order, of its weight times j's. */
  private dotOverFocused(j: number): number {
    this.spread(this.otherWeightOf, j, true);
    const dot = this.dotOver(this.i, this.otherWeightOf);
    this.spread(this.otherWeightOf, j, false);
    return dot;
  }

  private spread(dense: Float64Array, k: number, on: boolean): void {
    for (let p = this.corpus.offsets[k] ?? 0; p < (this.corpus.offsets[k + 1] ?? 0); p += 1) {
      dense[this.corpus.termIds[p] ?? 0] = on ? (this.weights[p] ?? 0) : 0;
    }
  }
}
