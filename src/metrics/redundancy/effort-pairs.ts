import { rarePostings } from './pair-search.js';
import { populationOf, type TermCorpus } from './term-corpus.js';

/**
 * Pair scores for duplicate efforts. Real duplicates written by two people share few words
 * (word Jaccard 0.05 to 0.4 on the labelled Slack pairs): the second one is longer, says it
 * another way, and what they share is a handful of rare terms (`liblzma`, `mac`, `build`). So
 * the score is the share of the shorter text's rare meaning found in the other one:
 *
 *   rareShare = Σ_{t ∈ A ∩ B} idf(t)² / min(Σ_{t ∈ A} idf(t)², Σ_{t ∈ B} idf(t)²)
 *
 * with the smoothed idf = ln((1 + N) / (1 + df)) + 1, each term
 * counted once per text. A long answer cannot dilute it the way it dilutes a cosine, and ten
 * common words weigh less than one rare one.
 */
export interface EffortPair {
  i: number;
  j: number;
  /** See {@link EffortPair}: 0–1. */
  rareShare: number;
  /** TF-IDF cosine of the two contents (0–1): how close to a copy the pair is. */
  cosine: number;
  /** Distinct terms shared whose idf is at least the rare-term floor. */
  sharedRare: number;
  /**
   * Cosine (0–1) of the two texts in the pilot's LSA space (`lsa.ts`), measured only for a pair
   * that may match by meaning (see {@link MeaningScorer}); 0 otherwise.
   */
  meaning: number;
  /** Cosine (0–1) of their character trigrams (`char-grams.ts`), measured only when `meaning` reaches its floor; 0 otherwise. */
  spelling: number;
}

/**
 * The second channel: pairs that say the same in other words or other spellings. It is asked
 * only about pairs that passed the cheap gates (some rare meaning shared, enough words), LSA
 * first, character n-grams only when LSA agrees, so most candidates cost nothing more.
 */
export interface MeaningScorer {
  /** LSA cosine of texts i and j. */
  meaning(i: number, j: number): number;
  /** Character-trigram cosine of texts i and j. */
  spelling(i: number, j: number): number;
  /** A pair is measured when its rareShare reaches this and both texts have `minTerms` terms. */
  minRareShare: number;
  minTerms: number;
  /** And kept when its meaning reaches this and its spelling `minSpelling`. */
  minMeaning: number;
  minSpelling: number;
}

/** What a pair needs to be kept, and what counts as a rare term. */
export interface EffortPairOptions {
  /**
   * A pair is kept when its cosine reaches `minCosine` (a copy: templates, cross-posts), or when
   * its rareShare reaches `minRareShare`, it shares `minSharedRare` rare terms and both texts
   * have `minTerms` distinct terms (a possible effort). Dropping the rest at once keeps memory
   * bounded on a large pilot, where short posts sharing one rare word are legion.
   */
  minRareShare: number;
  minCosine: number;
  minSharedRare: number;
  minTerms: number;
  /** A term is rare when its idf is at least this (see {@link rareIdf}). */
  rareIdf: number;
  /** Terms held by more texts than this never make two texts candidates (blocking). */
  maxPostings: number;
  /** Also keep pairs that match by meaning (see {@link MeaningScorer}); none when absent. */
  meaning?: MeaningScorer;
}

/** Smoothed idf = ln((1 + N) / (1 + df)) + 1 per term id (scikit-learn's; a two-text corpus still weighs its words). */
export function rareIdf(corpus: TermCorpus): Float64Array {
  const idf = new Float64Array(corpus.terms.length);
  const n = populationOf(corpus);
  for (let t = 0; t < idf.length; t += 1) idf[t] = Math.log((1 + n) / (1 + (corpus.df[t] ?? 0))) + 1;
  return idf;
}

/**
 * Every pair of texts sharing a term held by 2 to `maxPostings` texts (never all N² pairs) that
 * passes {@link EffortPairOptions}, ordered by i then j. `weights`: L2-normalized TF-IDF
 * weights per position (see `tfIdfWeights`); `idf`: {@link rareIdf}.
 */
export function effortPairs(
  corpus: TermCorpus,
  weights: Float64Array,
  idf: Float64Array,
  options: EffortPairOptions,
): EffortPair[] {
  const mass = new Float64Array(corpus.size);
  for (let k = 0; k < corpus.size; k += 1) {
    let sum = 0;
    for (let p = corpus.offsets[k] ?? 0; p < (corpus.offsets[k + 1] ?? 0); p += 1)
      sum += (idf[corpus.termIds[p] ?? 0] ?? 0) ** 2;
    mass[k] = sum;
  }
  const { starts, items } = rarePostings(corpus, options.maxPostings);
  const weightOf = new Float64Array(corpus.terms.length);
  const seenBy = new Int32Array(corpus.size).fill(-1);
  const pairs: EffortPair[] = [];
  for (let i = 0; i < corpus.size; i += 1) {
    const [iStart, iEnd] = [corpus.offsets[i] ?? 0, corpus.offsets[i + 1] ?? 0];
    for (let p = iStart; p < iEnd; p += 1) weightOf[corpus.termIds[p] ?? 0] = weights[p] ?? 0;
    const found: EffortPair[] = [];
    for (let p = iStart; p < iEnd; p += 1) {
      const t = corpus.termIds[p] ?? 0;
      for (let q = starts[t] ?? 0; q < (starts[t + 1] ?? 0); q += 1) {
        const j = items[q] ?? 0;
        if (j <= i || seenBy[j] === i) continue;
        seenBy[j] = i;
        const [jStart, jEnd] = [corpus.offsets[j] ?? 0, corpus.offsets[j + 1] ?? 0];
        let shared = 0;
        let sharedRare = 0;
        let dot = 0;
        for (let r = jStart; r < jEnd; r += 1) {
          const term = corpus.termIds[r] ?? 0;
          const w = weightOf[term] ?? 0;
          if (w === 0) continue;
          dot += w * (weights[r] ?? 0);
          const termIdf = idf[term] ?? 0;
          shared += termIdf * termIdf;
          if (termIdf >= options.rareIdf) sharedRare += 1;
        }
        const smaller = Math.min(mass[i] ?? 0, mass[j] ?? 0);
        const rareShare = smaller > 0 ? Math.min(1, shared / smaller) : 0;
        const fewest = Math.min(iEnd - iStart, jEnd - jStart);
        const effort =
          rareShare >= options.minRareShare && sharedRare >= options.minSharedRare && fewest >= options.minTerms;
        const scorer = options.meaning;
        let meaning = 0;
        let spelling = 0;
        if (scorer && sharedRare >= 1 && rareShare >= scorer.minRareShare && fewest >= scorer.minTerms) {
          meaning = scorer.meaning(i, j);
          if (meaning >= scorer.minMeaning) spelling = scorer.spelling(i, j);
        }
        const meant = scorer !== undefined && meaning >= scorer.minMeaning && spelling >= scorer.minSpelling;
        if (effort || meant || dot >= options.minCosine)
          found.push({ i, j, rareShare, cosine: Math.min(1, dot), sharedRare, meaning, spelling });
      }
    }
    for (let p = iStart; p < iEnd; p += 1) weightOf[corpus.termIds[p] ?? 0] = 0;
    for (const pair of found.sort((a, b) => a.j - b.j)) pairs.push(pair);
  }
  return pairs;
}

/**
 * The rare terms two texts share, rarest first (then alphabetically), as a reader would know
 * them (the first raw word seen for each): the reason a pair is shown.
 */
export function sharedRareTerms(
  corpus: TermCorpus,
  idf: Float64Array,
  i: number,
  j: number,
  minIdf: number,
  limit: number,
): string[] {
  const inI = new Set<number>();
  for (let p = corpus.offsets[i] ?? 0; p < (corpus.offsets[i + 1] ?? 0); p += 1) inI.add(corpus.termIds[p] ?? 0);
  const shared: number[] = [];
  for (let p = corpus.offsets[j] ?? 0; p < (corpus.offsets[j + 1] ?? 0); p += 1) {
    const t = corpus.termIds[p] ?? 0;
    if (inI.has(t) && (idf[t] ?? 0) >= minIdf) shared.push(t);
  }
  const word = (t: number): string => corpus.words[t] ?? corpus.terms[t] ?? '';
  return shared
    .sort((a, b) => (idf[b] ?? 0) - (idf[a] ?? 0) || (word(a) < word(b) ? -1 : word(a) > word(b) ? 1 : 0))
    .slice(0, limit)
    .map(word);
}
