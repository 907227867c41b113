import { describe, expect, it } from 'vitest';
import { CharGrams } from '../../../src/metrics/redundancy/char-grams.js';
import { effortPairs, rareIdf, type MeaningScorer } from '../../../src/metrics/redundancy/effort-pairs.js';
import { lsaCosine, lsaSpace, lsaVector, symmetricEigen } from '../../../src/metrics/redundancy/lsa.js';
import { mulberry32 as seededRandom } from '../../../src/metrics/prng.js';
import { termCorpusOf, tfIdfWeights } from '../../../src/metrics/redundancy/term-corpus.js';

// Two topics; within each, two words that never meet in one text but keep the same company.
const texts = [
  'laptop battery drains overnight',
  'notebook battery drains overnight',
  'laptop charger battery',
  'notebook charger battery',
  'laptop screen flickers',
  'notebook screen flickers',
  'invoice payment overdue supplier',
  'invoice payment overdue vendor',
  'supplier contract invoice',
  'vendor contract invoice',
  'supplier payment terms',
  'vendor payment terms',
];
const options = { dims: 2, oversample: 4, powerIterations: 2, maxDocs: 1000, seed: 20 };

describe('symmetricEigen', () => {
  it('returns vectors v with M v = λ v, orthonormal', () => {
    const m = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = symmetricEigen(m, 3);
    for (let c = 0; c < 3; c += 1) {
      for (let r = 0; r < 3; r += 1) {
        let mv = 0;
        for (let k = 0; k < 3; k += 1) mv += (m[r * 3 + k] ?? 0) * (vectors[k * 3 + c] ?? 0);
        expect(mv).toBeCloseTo((values[c] ?? 0) * (vectors[r * 3 + c] ?? 0), 10);
      }
      for (let d = 0; d < 3; d += 1) {
        let dot = 0;
        for (let r = 0; r < 3; r += 1) dot += (vectors[r * 3 + c] ?? 0) * (vectors[r * 3 + d] ?? 0);
        expect(dot).toBeCloseTo(c === d ? 1 : 0, 10);
      }
    }
    // The trace is the sum of the eigenvalues.
    expect([...values].reduce((a, b) => a + b, 0)).toBeCloseTo(12, 10);
  });
});

describe('lsaSpace', () => {
  const corpus = termCorpusOf(texts);
  const weights = tfIdfWeights(corpus);

  it('learns right singular vectors of the TF-IDF matrix: XᵀX v = σ² v for each kept dimension', () => {
    // k + p >= the rank of X (12 texts): the range finder then holds the exact row space.
    const space = lsaSpace(corpus, weights, { ...options, oversample: 12 });
    expect(space?.dims).toBe(2);
    if (!space) return;
    // The dense X over the kept terms, built here from the corpus (an independent path).
    const kept = [...space.rowOf].filter((r) => r >= 0).length;
    const x = texts.map((_, k) => {
      const row = new Float64Array(kept);
      for (let p = corpus.offsets[k] ?? 0; p < (corpus.offsets[k + 1] ?? 0); p += 1) {
        const r = space.rowOf[corpus.termIds[p] ?? 0] ?? -1;
        if (r >= 0) row[r] = weights[p] ?? 0;
      }
      return row;
    });
    for (let d = 0; d < space.dims; d += 1) {
      const v = Float64Array.from({ length: kept }, (_, r) => space.termVectors[r * space.dims + d] ?? 0);
      const xv = x.map((row) => row.reduce((sum, value, r) => sum + value * (v[r] ?? 0), 0));
      const xtxv = Float64Array.from({ length: kept }, (_, r) =>
        x.reduce((sum, row, k) => sum + (row[r] ?? 0) * (xv[k] ?? 0), 0),
      );
      const sigma2 = xtxv.reduce((sum, value, r) => sum + value * (v[r] ?? 0), 0);
      expect(v.reduce((sum, value) => sum + value * value, 0)).toBeCloseTo(1, 8);
      for (let r = 0; r < kept; r += 1) expect(xtxv[r]).toBeCloseTo(sigma2 * (v[r] ?? 0), 6);
    }
  });

  it('brings together texts that share no content word but mean the same, and keeps topics apart', () => {
    const space = lsaSpace(corpus, weights, options);
    if (!space) throw new Error('no space');
    const v = (k: number): Float64Array => lsaVector(space, corpus, weights, k);
    // "laptop screen flickers" / "notebook screen flickers" share words; 2 and 3 share only "charger battery".
    expect(lsaCosine(v(4), v(5))).toBeGreaterThan(0.95);
    expect(lsaCosine(v(0), v(3))).toBeGreaterThan(0.9);
    expect(lsaCosine(v(0), v(9))).toBeLessThan(0.1);
  });

  it('is deterministic (seeded) and refuses a corpus too small to learn from', () => {
    expect(lsaSpace(corpus, weights, options)?.termVectors).toEqual(lsaSpace(corpus, weights, options)?.termVectors);
    const tiny = termCorpusOf(texts.slice(0, 3));
    expect(lsaSpace(tiny, tfIdfWeights(tiny), options)).toBeNull();
    const random = seededRandom(7);
    const again = seededRandom(7);
    expect([random(), random()]).toEqual([again(), again()]);
  });
});

describe('CharGrams', () => {
  it('scores spelling variants by their shared trigrams', () => {
    const corpus = termCorpusOf(['colour', 'color', 'flavour']);
    const grams = new CharGrams(corpus, tfIdfWeights(corpus));
    // " colour " has 6 trigrams, " color " 5; they share " co", "col", "olo".
    expect(grams.cosine(0, 1)).toBeCloseTo(3 / Math.sqrt(30), 12);
    // " flavour " shares "our" and "ur " with " colour ".
    expect(grams.cosine(0, 2)).toBeCloseTo(2 / Math.sqrt(6 * 7), 12);
    expect(grams.cosine(1, 2)).toBe(0);
  });
});

describe('effortPairs with a meaning scorer', () => {
  it('asks only pairs past the cheap gates, spelling only when meaning agrees, and keeps what both pass', () => {
    const corpus = termCorpusOf(['alpha beta gamma delta', 'alpha beta epsilon zeta', 'alpha eta theta iota']);
    const asked: string[] = [];
    const scorer: MeaningScorer = {
      meaning: (i, j) => {
        asked.push(`m${i}${j}`);
        return i === 0 && j === 1 ? 0.9 : 0.5;
      },
      spelling: (i, j) => {
        asked.push(`s${i}${j}`);
        return 0.6;
      },
      minRareShare: 0,
      minTerms: 4,
      minMeaning: 0.8,
      minSpelling: 0.5,
    };
    const idf = rareIdf(corpus);
    const pairs = effortPairs(corpus, tfIdfWeights(corpus), idf, {
      minRareShare: 2,
      minCosine: 2,
      minSharedRare: 1,
      minTerms: 0,
      rareIdf: 0,
      maxPostings: 200,
      meaning: scorer,
    });
    expect(asked).toEqual(['m01', 's01', 'm02', 'm12']);
    expect(pairs.map((p) => [p.i, p.j, p.meaning, p.spelling])).toEqual([[0, 1, 0.9, 0.6]]);
    asked.length = 0;
    expect(
      effortPairs(corpus, tfIdfWeights(corpus), idf, {
        minRareShare: 2,
        minCosine: 2,
        minSharedRare: 1,
        minTerms: 0,
        rareIdf: 0,
        maxPostings: 200,
        meaning: { ...scorer, minTerms: 5 },
      }),
    ).toEqual([]);
    expect(asked).toEqual([]);
  });
});
