import type { MeaningScorer } from './effort-pairs.js';
import type { SentenceEncoder } from './embedding-model.js';

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

export interface EmbeddingScorerInput {
  setting: EmbeddingSetting;
  gates: EmbeddingGates;
  /** Runs `effortPairs` with the given scorer (its results are not needed, only its questions). */
  probe: (scorer: MeaningScorer) => void;
  /** The compared content of the given items, by item index. */
  textsOf: (items: readonly number[]) => Promise<ReadonlyMap<number, string>>;
}

/**
 * The meaning channel of `effortPairs` with a sentence-embedding model in place of LSA: the
 * cosine of the two texts' embeddings (unit vectors, so their dot product; below 0 counts as 0).
 * The model reads spelling variants itself, so no character-trigram gate is added (spelling is 0
 * and its floor 0).
 *
 * A model costs tens of milliseconds a text on one core, so only the texts `effortPairs` will
 * actually ask about are embedded: a first pass records the pairs that pass the cheap gates (a
 * rare term shared, rareShare, words), the second (the caller's) gets their cosines. On the
 * sample pilot 72 of the 292 texts long enough to be asked about are.
 */
export async function embeddingScorer(input: EmbeddingScorerInput): Promise<MeaningScorer> {
  const { setting, gates } = input;
  const floors = {
    minRareShare: gates.meaningRareShare,
    minTerms: gates.meaningMinWords,
    minMeaning: setting.threshold,
    minSpelling: 0,
  };
  const asked = new Set<number>();
  input.probe({
    ...floors,
    meaning: (i, j) => {
      asked.add(i);
      asked.add(j);
      return 0;
    },
    spelling: () => 0,
  });
  const order = [...asked].sort((a, b) => a - b);
  const texts = order.length === 0 ? new Map<number, string>() : await input.textsOf(order);
  const vectors = await setting.encoder.embed(order.map((k) => texts.get(k) ?? ''));
  const vectorOf = new Map(order.map((k, n) => [k, vectors[n]] as const));
  return {
    ...floors,
    meaning: (i, j) => {
      const a = vectorOf.get(i);
      const b = vectorOf.get(j);
      if (!a || !b) return 0;
      let dot = 0;
      for (let d = 0; d < a.length; d += 1) dot += (a[d] ?? 0) * (b[d] ?? 0);
      return Math.min(1, Math.max(0, dot));
    },
    spelling: () => 0,
  };
}
