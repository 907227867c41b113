import { termCorpusOf, tfIdfWeights } from './term-corpus.js';

/**
 * TF-IDF vectors and cosine similarity as Maps keyed by term: the readable form of what
 * {@link tfIdfWeights} and the pair search compute over typed arrays (the metric uses those; these
 * suit small inputs and tests). Term weight = (1 + ln tf) · idf with the smoothed
 * idf = ln((1 + N) / (1 + df)) + 1 (scikit-learn's default), vectors L2-normalized, so the cosine
 * is a dot product in [0, 1].
 */

/** A sparse, L2-normalized vector: term -> weight, terms in order of first occurrence. */
export type Vector = ReadonlyMap<string, number>;

/** Vectors of `texts` (in order), weighted over this corpus. */
export function tfIdfVectors(texts: readonly string[]): Vector[] {
  const corpus = termCorpusOf(texts);
  const weights = tfIdfWeights(corpus);
  return Array.from({ length: corpus.size }, (_, k) => {
    const vector = new Map<string, number>();
    for (let p = corpus.offsets[k] ?? 0; p < (corpus.offsets[k + 1] ?? 0); p += 1) {
      vector.set(corpus.terms[corpus.termIds[p] ?? 0] ?? '', weights[p] ?? 0);
    }
    return vector;
  });
}

/** Cosine of two normalized vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** A pair of vector indexes (i < j) and their cosine. */
export interface SimilarPair {
  i: number;
  j: number;
  similarity: number;
}

/**
 * Pairs with cosine >= `threshold` for which `allowed(i, j)` holds, ordered by i then j.
 * Candidates share a term held by 2 to `maxPostings` vectors: a very common term alone never
 * makes two texts near-duplicates, and skipping it keeps the work far below N². Each candidate
 * is looked at once: for each i, the j > i met in its terms' postings are marked in an Int32Array.
 */
export function similarPairs(
  vectors: readonly Vector[],
  threshold: number,
  allowed: (i: number, j: number) => boolean,
  maxPostings = 200,
): SimilarPair[] {
  const postings = new Map<string, number[]>();
  vectors.forEach((v, index) => {
    for (const term of v.keys()) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  const seenBy = new Int32Array(vectors.length).fill(-1);
  const pairs: SimilarPair[] = [];
  vectors.forEach((v, i) => {
    for (const term of v.keys()) {
      const list = postings.get(term) ?? [];
      if (list.length < 2 || list.length > maxPostings) continue;
      for (const j of list) {
        if (j <= i || seenBy[j] === i || !allowed(i, j)) continue;
        seenBy[j] = i;
        const similarity = cosine(v, vectors[j] ?? new Map());
        if (similarity >= threshold) pairs.push({ i, j, similarity });
      }
    }
  });
  return pairs.sort((a, b) => a.i - b.i || a.j - b.j);
}
