import type { MeaningScorer } from './effort-pairs.js';
import type { SentenceEncoder } from './embedding-model.js';
import type { TermCorpus } from './term-corpus.js';

/** A configured sentence-embedding model and the cosine a pair of two people needs with it. */
export interface EmbeddingSetting {
  encoder: SentenceEncoder;
  /** Cosine of the two posts' embeddings a pair needs to match by meaning. */
  threshold: number;
}

/** The gates a pair passes before its embeddings are compared (those of the LSA rule). */
export interface EmbeddingGates {
  meaningRareShare: number;
  meaningMinWords: number;
}

/**
 * The items a pair by meaning can involve: those with `minWords` distinct terms (`effortPairs`
 * asks about no other), so a pilot's one-line replies are never run through the model.
 */
export function embeddedItems(corpus: TermCorpus, minWords: number): number[] {
  const wanted: number[] = [];
  for (let k = 0; k < corpus.size; k += 1)
    if ((corpus.offsets[k + 1] ?? 0) - (corpus.offsets[k] ?? 0) >= minWords) wanted.push(k);
  return wanted;
}

/**
 * The meaning channel of `effortPairs` with a sentence-embedding model in place of LSA: the
 * cosine of the two texts' embeddings (unit vectors, so their dot product; below 0 counts as 0).
 * The model reads spelling variants itself, so no character-trigram gate is added (spelling is 0
 * and its floor 0). `texts`: the content of each item to embed, by item index.
 */
export async function embeddingScorer(
  texts: ReadonlyMap<number, string>,
  setting: EmbeddingSetting,
  gates: EmbeddingGates,
): Promise<MeaningScorer> {
  const order = [...texts.keys()];
  const vectors = await setting.encoder.embed(order.map((k) => texts.get(k) ?? ''));
  const vectorOf = new Map(order.map((k, n) => [k, vectors[n]] as const));
  return {
    meaning: (i, j) => {
      const a = vectorOf.get(i);
      const b = vectorOf.get(j);
      if (!a || !b) return 0;
      let dot = 0;
      for (let d = 0; d < a.length; d += 1) dot += (a[d] ?? 0) * (b[d] ?? 0);
      return Math.min(1, Math.max(0, dot));
    },
    spelling: () => 0,
    minRareShare: gates.meaningRareShare,
    minTerms: gates.meaningMinWords,
    minMeaning: setting.threshold,
    minSpelling: 0,
  };
}
