import { describe, expect, it } from 'vitest';
import { classifyPairs, type ClassifyOptions } from '../../../src/metrics/redundancy/classify-pairs.js';
import {
  effortPairs,
  rareIdf,
  sharedRareTerms,
  type EffortPair,
} from '../../../src/metrics/redundancy/effort-pairs.js';
import { termCorpusOf, tfIdfWeights } from '../../../src/metrics/redundancy/term-corpus.js';
import { cosine, tfIdfVectors } from '../../../src/metrics/redundancy/tf-idf.js';

describe('effortPairs', () => {
  // N = 3; alpha and beta are in 2 texts (idf a = ln(4/3) + 1), every other word in 1 (b = ln 2 + 1).
  const texts = ['alpha beta gamma', 'alpha beta delta epsilon', 'zeta eta theta'];
  const corpus = termCorpusOf(texts);
  const idf = rareIdf(corpus);
  const a = Math.log(4 / 3) + 1;
  const b = Math.log(2) + 1;

  it("scores the share of the shorter text's rare-term weight found in the other", () => {
    const pairs = effortPairs(corpus, tfIdfWeights(corpus), idf, {
      minRareShare: 0,
      minCosine: 0,
      minSharedRare: 0,
      minTerms: 0,
      rareIdf: a,
      maxPostings: 200,
    });
    // Text 2 shares no word: never a candidate. Shared {alpha, beta}: 2a²; text 0 weighs 2a² + b².
    expect(pairs.map((p) => [p.i, p.j])).toEqual([[0, 1]]);
    expect(pairs[0]?.rareShare).toBeCloseTo((2 * a * a) / (2 * a * a + b * b), 12);
    expect(pairs[0]?.sharedRare).toBe(2);
    const [v0, v1] = tfIdfVectors(texts);
    expect(pairs[0]?.cosine).toBeCloseTo(cosine(v0!, v1!), 12);
  });

  it('keeps a pair that reaches either floor, and drops one below both', () => {
    const share = (2 * a * a) / (2 * a * a + b * b);
    const options = { rareIdf: a, maxPostings: 200, minSharedRare: 0, minTerms: 0 };
    expect(
      effortPairs(corpus, tfIdfWeights(corpus), idf, { ...options, minRareShare: share + 0.01, minCosine: 0.99 }),
    ).toEqual([]);
    expect(
      effortPairs(corpus, tfIdfWeights(corpus), idf, { ...options, minRareShare: share - 0.01, minCosine: 0.99 }),
    ).toHaveLength(1);
  });

  it('keeps a possible effort only with enough shared rare terms and words on both sides', () => {
    const options = { minRareShare: 0, minCosine: 2, rareIdf: a, maxPostings: 200 };
    expect(effortPairs(corpus, tfIdfWeights(corpus), idf, { ...options, minSharedRare: 3, minTerms: 0 })).toEqual([]);
    // Text 0 has 3 distinct terms.
    expect(effortPairs(corpus, tfIdfWeights(corpus), idf, { ...options, minSharedRare: 2, minTerms: 4 })).toEqual([]);
    expect(effortPairs(corpus, tfIdfWeights(corpus), idf, { ...options, minSharedRare: 2, minTerms: 3 })).toHaveLength(
      1,
    );
  });

  it('never compares texts whose only shared terms are in more than maxPostings texts (blocking)', () => {
    expect(
      effortPairs(corpus, tfIdfWeights(corpus), idf, {
        minRareShare: 0,
        minCosine: 0,
        minSharedRare: 0,
        minTerms: 0,
        rareIdf: a,
        maxPostings: 1,
      }),
    ).toEqual([]);
  });

  it('names the shared rare terms by a raw word a reader knows, rarest first', () => {
    const folded = termCorpusOf([
      'Building liblzma fails on macs',
      'builds of liblzma fail on a mac',
      'macs everywhere',
      'nothing shared here',
    ]);
    // build, liblzma, fail and mac are shared; mac is also in text 2, so it is less rare.
    expect(sharedRareTerms(folded, rareIdf(folded), 0, 1, 0, 6)).toEqual([
      'Building'.toLowerCase(),
      'fails',
      'liblzma',
      'macs',
    ]);
    expect(sharedRareTerms(folded, rareIdf(folded), 0, 1, 0, 2)).toEqual(['building', 'fails']);
  });
});

describe('classifyPairs', () => {
  const options: ClassifyOptions = {
    minRareShare: 0.6,
    minCosine: 0.4,
    minSharedRare: 2,
    minEffortTerms: 5,
    minDaysApartInOneSpace: 30,
    copyCosine: 0.5,
    crossPostDays: 30,
  };
  const day = 86_400_000;
  // author, space, day; items 5, 6 and 7 are one person's monthly announcement.
  const rows: [number, number, number][] = [
    [1, 1, 0],
    [2, 2, 40],
    [1, 2, 0.01],
    [2, 1, 10],
    [3, 1, 400],
    [4, 1, 0],
    [4, 1, 30],
    [4, 2, 61],
    [5, 2, 90],
  ];
  const items = {
    author: Int32Array.from(rows, (r) => r[0]),
    space: Int32Array.from(rows, (r) => r[1]),
    atMs: Float64Array.from(rows, (r) => r[2] * day),
    terms: Int32Array.from(rows, (_, k) => (k === 4 ? 3 : 10)),
    introduction: new Uint8Array(rows.length),
  };
  const pair = (
    i: number,
    j: number,
    rareShare = 0.8,
    cosine = 0.6,
    sharedRare = 3,
    meaning = 0,
    spelling = 0,
  ): EffortPair => ({ i, j, rareShare, cosine, sharedRare, meaning, spelling });

  it('makes an effort of two people in two spaces, never of one person', () => {
    const sorted = classifyPairs([pair(0, 1), pair(0, 2)], items, options);
    expect(sorted.efforts.map((p) => [p.i, p.j])).toEqual([[0, 1]]);
    // Item 2 is item 0's author again, in another space, 15 minutes later: a cross-post.
    expect(sorted.crossPosts.map((p) => [p.i, p.j])).toEqual([[0, 2]]);
  });

  it('needs 30 days in one space, enough words on both sides, and every threshold', () => {
    expect(classifyPairs([pair(0, 3)], items, options).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 4)], items, options).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.59)], items, options).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.8, 0.39)], items, options).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.8, 0.6, 1)], items, options).efforts).toEqual([]);
    expect(
      classifyPairs(
        [pair(0, 1)],
        { ...items, introduction: Uint8Array.from(rows, (_, k) => (k === 1 ? 1 : 0)) },
        options,
      ).efforts,
    ).toEqual([]);
  });

  it('leaves out a recurring template: its author posted two other copies', () => {
    const copies = [pair(5, 6, 0.9, 0.9), pair(5, 7, 0.9, 0.9), pair(6, 7, 0.9, 0.9)];
    const sorted = classifyPairs([...copies, pair(7, 8)], items, options);
    expect([...sorted.template]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0]);
    // Item 8 (another person, another space) would match item 7, but 7 is a template.
    expect(sorted.efforts).toEqual([]);
    // 7 is in another space 31 days after 6: beyond the 30 days of a cross-post.
    expect(sorted.crossPosts).toEqual([]);
  });

  it('takes a pair by meaning instead: a much lower rareShare and one rare word, with LSA and spelling agreeing', () => {
    const meaning = { minMeaning: 0.8, minSpelling: 0.5, minRareShare: 0.3, minTerms: 5 };
    const withMeaning = { ...options, meaning };
    // rareShare 0.35, cosine 0.2, one rare word: below the rare-term rule, met by meaning.
    expect(classifyPairs([pair(0, 1, 0.35, 0.2, 1, 0.85, 0.55)], items, options).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.35, 0.2, 1, 0.85, 0.55)], items, withMeaning).efforts).toHaveLength(1);
    // Each floor of the meaning rule on its own.
    expect(classifyPairs([pair(0, 1, 0.35, 0.2, 1, 0.79, 0.55)], items, withMeaning).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.35, 0.2, 1, 0.85, 0.49)], items, withMeaning).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.29, 0.2, 1, 0.85, 0.55)], items, withMeaning).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 1, 0.35, 0.2, 0, 0.85, 0.55)], items, withMeaning).efforts).toEqual([]);
    // Item 4 has 3 terms (< 5); one person's pair never counts, by meaning or not.
    expect(classifyPairs([pair(0, 4, 0.35, 0.2, 1, 0.85, 0.55)], items, withMeaning).efforts).toEqual([]);
    expect(classifyPairs([pair(0, 2, 0.35, 0.2, 1, 0.85, 0.55)], items, withMeaning).efforts).toEqual([]);
  });
});
