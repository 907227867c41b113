import { scoredPairs } from './pair-search.js';
import { termCorpusOf, tfIdfWeights } from './term-corpus.js';

/**
 * When two texts count as near-duplicates. All three tests must pass, because each one alone is
 * fooled by short posts:
 * - TF-IDF cosine alone is dominated by rare words, so two short posts that share a rare topic
 *   phrase ("the NPS follow-ups") score 0.7–0.8 whatever else they say;
 * - word Jaccard alone counts every word the same, so two posts written from one sentence
 *   template ("Heads up: … slips a week, … people asked for time") on different subjects score
 *   0.5–0.65;
 * - together, a pair must share most of its words (Jaccard) and most of its weight must sit in
 *   words that are rare in the pilot (cosine): a reworded copy of one text.
 */
export interface NearDuplicateThresholds {
  /** Minimum TF-IDF cosine (0–1). */
  cosine: number;
  /** Minimum word Jaccard: distinct words shared / distinct words of either text (0–1). */
  wordOverlap: number;
  /** Minimum number of distinct words shared. */
  minSharedWords: number;
}

/** A near-duplicate pair of text indexes (i < j) with its two scores. */
export interface NearDuplicatePair {
  i: number;
  j: number;
  /** TF-IDF cosine. */
  similarity: number;
  /** Word Jaccard. */
  overlap: number;
}

/** Distinct words shared by two word sets and their Jaccard index (0 for two empty sets). */
export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; jaccard: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return { shared, jaccard: union === 0 ? 0 : shared / union };
}

/**
 * Every pair of `texts` (in any spaces: the clustering needs same-space pairs too) that passes
 * all of `thresholds`, ordered by i then j. IDF comes from `texts` themselves.
 */
export function nearDuplicatePairs(texts: readonly string[], thresholds: NearDuplicateThresholds): NearDuplicatePair[] {
  const corpus = termCorpusOf(texts);
  return scoredPairs(corpus, tfIdfWeights(corpus), thresholds);
}
