import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NearDuplicatePair, NearDuplicateThresholds } from '../../../src/metrics/redundancy/near-duplicates.js';
import { rarePostings, scoredPairs } from '../../../src/metrics/redundancy/pair-search.js';
import { termCorpusOf, tfIdfWeights } from '../../../src/metrics/redundancy/term-corpus.js';
import { tokenize } from '../../../src/metrics/redundancy/tokenize.js';

const ANY: NearDuplicateThresholds = { cosine: 0, wordOverlap: 0, minSharedWords: 0 };
const pairsOf = (texts: string[], thresholds = ANY, maxPostings = 200) => {
  const corpus = termCorpusOf(texts);
  return scoredPairs(corpus, tfIdfWeights(corpus), thresholds, maxPostings);
};

/**
 * The Map-based computation the typed arrays replaced, kept verbatim: the pair search must give
 * the same pairs with the same scores, to the last bit.
 */
function mapBasedPairs(texts: string[], thresholds: NearDuplicateThresholds, maxPostings = 200): NearDuplicatePair[] {
  const counts = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const term of tokenize(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = counts.map((tf) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * (Math.log((1 + texts.length) / (1 + (df.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    for (const [term, weight] of vector) vector.set(term, weight / Math.sqrt(norm));
    return vector;
  });
  const postings = new Map<string, number[]>();
  vectors.forEach((v, index) => v.forEach((_, term) => postings.set(term, [...(postings.get(term) ?? []), index])));
  const seen = new Set<string>();
  const pairs: NearDuplicatePair[] = [];
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPostings) continue;
    for (const [x, i] of list.entries()) {
      for (const j of list.slice(x + 1)) {
        if (seen.has(`${i}:${j}`)) continue;
        seen.add(`${i}:${j}`);
        const [small, large] =
          vectors[i]!.size <= vectors[j]!.size ? [vectors[i]!, vectors[j]!] : [vectors[j]!, vectors[i]!];
        let similarity = 0;
        for (const [term, weight] of small) similarity += weight * (large.get(term) ?? 0);
        let shared = 0;
        for (const term of small.keys()) if (large.has(term)) shared += 1;
        const union = small.size + large.size - shared;
        const overlap = union === 0 ? 0 : shared / union;
        if (similarity >= thresholds.cosine && overlap >= thresholds.wordOverlap && shared >= thresholds.minSharedWords)
          pairs.push({ i, j, similarity, overlap });
      }
    }
  }
  return pairs.sort((a, b) => a.i - b.i || a.j - b.j);
}

describe('rarePostings', () => {
  it('lists, per term held by 2 to maxPostings texts, those texts in order', () => {
    // Terms: appl (texts 0, 1, 2), banana (0, 2), cherry (1). With maxPostings 2 only banana is rare.
    const corpus = termCorpusOf(['apple banana', 'apple cherry', 'banana apple']);
    expect(corpus.terms).toEqual(['appl', 'banana', 'cherry']);
    const { starts, items } = rarePostings(corpus, 2);
    expect([...starts]).toEqual([0, 0, 2, 2]);
    expect([...items]).toEqual([0, 2]);
    expect([...rarePostings(corpus, 3).items]).toEqual([0, 1, 2, 0, 2]);
  });
});

describe('scoredPairs', () => {
  it('pairs only texts sharing a term of 2 to maxPostings texts', () => {
    const texts = ['apple banana', 'apple cherry', 'banana apple'];
    // 0 and 1 share only "appl", held by 3 texts > 2: not a candidate, whatever their cosine.
    expect(pairsOf(texts, ANY, 2).map((p) => [p.i, p.j])).toEqual([[0, 2]]);
    expect(pairsOf(texts, ANY, 3).map((p) => [p.i, p.j])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('scores the cosine and the word Jaccard of a pair', () => {
    const [pair] = pairsOf(['apple banana', 'apple cherry', 'banana apple'], ANY, 2);
    // Texts 0 and 2 hold the same two words (Jaccard 2/2), so the same normalized vector: cosine 1.
    expect(pair).toMatchObject({ i: 0, j: 2, overlap: 1 });
    expect(pair?.similarity).toBeCloseTo(1, 12);
    // {kiwi, mango, papaya} and {kiwi, mango, guava}: 2 shared of 4, Jaccard 0.5; idf 1 + ln(4/3)
    // for the shared words, 1 + ln 2 for the others: cosine = 2·1.28768² / (2·1.28768² + 1.69315²) = 0.5363.
    const [fruit] = pairsOf(['kiwi mango papaya', 'kiwi mango guava', 'lemon lime']);
    expect(fruit).toMatchObject({ i: 0, j: 1, overlap: 0.5 });
    expect(fruit?.similarity).toBeCloseTo(0.5363, 4);
  });

  it('scores a pair once however many rare terms it shares', () => {
    expect(pairsOf(['kiwi mango papaya', 'kiwi mango papaya guava', 'lemon lime']).map((p) => [p.i, p.j])).toEqual([
      [0, 1],
    ]);
  });

  it('applies each threshold', () => {
    const texts = ['kiwi mango papaya', 'kiwi mango guava', 'lemon lime'];
    expect(pairsOf(texts, { ...ANY, cosine: 0.54 })).toEqual([]);
    expect(pairsOf(texts, { ...ANY, wordOverlap: 0.51 })).toEqual([]);
    expect(pairsOf(texts, { ...ANY, minSharedWords: 3 })).toEqual([]);
    expect(pairsOf(texts, { cosine: 0.53, wordOverlap: 0.5, minSharedWords: 2 })).toHaveLength(1);
  });

  it('gives the Map-based pairs and scores, to the last bit, on the labelled fixture', () => {
    const fixture: { pairs: { a: string; b: string }[] } = JSON.parse(
      readFileSync(new URL('../../fixtures/redundancy/labelled-pairs.json', import.meta.url), 'utf8'),
    );
    const texts = [...new Set(fixture.pairs.flatMap((p) => [p.a, p.b]))];
    const expected = mapBasedPairs(texts, ANY);
    expect(expected.length).toBeGreaterThan(500);
    expect(pairsOf(texts, ANY)).toEqual(expected);
  });

  it('gives the Map-based pairs and scores, to the last bit, on any small corpus', () => {
    const word = fc.constantFrom(
      'kiwi',
      'mango',
      'papaya',
      'guava',
      'lemon',
      'lime',
      'plum',
      'pear',
      'fig',
      'date',
      'the',
      'apples',
    );
    const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 14 }), fc.integer({ min: 2, max: 6 }), (texts, maxPostings) => {
        expect(pairsOf(texts, ANY, maxPostings)).toEqual(mapBasedPairs(texts, ANY, maxPostings));
      }),
      { numRuns: 300 },
    );
  });
});
