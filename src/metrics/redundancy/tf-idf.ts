import { tokenize } from './tokenize.js';

/**
 * TF-IDF vectors and cosine similarity. Term weight = (1 + ln tf) · idf with the smoothed
 * idf = ln((1 + N) / (1 + df)) + 1 (scikit-learn's default), vectors L2-normalized, so the cosine
 * is a dot product in [0, 1].
 */

/** A sparse, L2-normalized vector: term -> weight. */
export type Vector = ReadonlyMap<string, number>;

/** Vectors of `texts` (in order), weighted over this corpus. */
export function tfIdfVectors(texts: readonly string[]): Vector[] {
  const counts = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const term of tokenize(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  return counts.map((tf) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / length);
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
 * Pairs with cosine >= `threshold` for which `allowed(i, j)` holds. Candidates come from an
 * inverted index over terms shared by at most `maxPostings` vectors: a very common term alone
 * never makes two texts near-duplicates, and skipping it keeps the work far below N².
 */
export function similarPairs(vectors: readonly Vector[], threshold: number, allowed: (i: number, j: number) => boolean, maxPostings = 200): SimilarPair[] {
  const postings = new Map<string, number[]>();
  vectors.forEach((v, index) => {
    for (const term of v.keys()) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  const seen = new Set<string>();
  const pairs: SimilarPair[] = [];
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPostings) continue;
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x]!;
        const j = list[y]!;
        const key = `${i}:${j}`;
        if (seen.has(key) || !allowed(i, j)) continue;
        seen.add(key);
        const similarity = cosine(vectors[i]!, vectors[j]!);
        if (similarity >= threshold) pairs.push({ i, j, similarity });
      }
    }
  }
  return pairs.sort((a, b) => a.i - b.i || a.j - b.j);
}
