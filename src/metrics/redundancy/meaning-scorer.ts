import { CharGrams } from './char-grams.js';
import type { MeaningScorer } from './effort-pairs.js';
import { DEFAULT_LSA_OPTIONS, hasLsaSpace, type LsaSpace, lsaCosine, lsaSpace, lsaVector } from './lsa.js';
import type { TermCorpus } from './term-corpus.js';

/** The thresholds of the meaning rule (see `RedundancyConfig`). */
export interface MeaningSettings {
  meaningSimilarity: number;
  spellingSimilarity: number;
  meaningRareShare: number;
  meaningMinWords: number;
  lsaDimensions: number;
  /** Texts the LSA space is learned from at most (default `DEFAULT_LSA_OPTIONS.maxDocs`; tests set fewer). */
  lsaMaxDocs?: number;
}

/**
 * The meaning channel of `effortPairs` over `corpus` (weights: `tfIdfWeights`), or undefined when
 * the export is too small to learn a space from. Each text's LSA vector is folded in once, when
 * first asked for.
 */
export function meaningScorer(
  corpus: TermCorpus,
  weights: Float64Array,
  settings: MeaningSettings,
): MeaningScorer | undefined {
  const options = {
    ...DEFAULT_LSA_OPTIONS,
    dims: settings.lsaDimensions,
    maxDocs: settings.lsaMaxDocs ?? DEFAULT_LSA_OPTIONS.maxDocs,
  };
  if (!hasLsaSpace(corpus, options)) return undefined;
  // Fitted when a pair first asks for a meaning: a pilot whose candidates all miss the cheaper
  // gates (shared rare weight, words) never needs the space (its eigen-decomposition included).
  let space: LsaSpace | null = null;
  const spaceOf = (): LsaSpace => {
    space ??= lsaSpace(corpus, weights, options);
    if (!space) throw new Error('duplicate efforts: the LSA space could not be learned after all');
    return space;
  };
  const vectors = new Map<number, Float64Array>();
  const vectorOf = (k: number): Float64Array => {
    let v = vectors.get(k);
    if (!v) {
      v = lsaVector(spaceOf(), corpus, weights, k);
      vectors.set(k, v);
    }
    return v;
  };
  const grams = new CharGrams(corpus, weights);
  return {
    meaning: (i, j) => lsaCosine(vectorOf(i), vectorOf(j)),
    spelling: (i, j) => grams.cosine(i, j),
    minRareShare: settings.meaningRareShare,
    minTerms: settings.meaningMinWords,
    minMeaning: settings.meaningSimilarity,
    minSpelling: settings.spellingSimilarity,
  };
}
