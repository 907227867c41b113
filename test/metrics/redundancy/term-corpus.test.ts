import { describe, expect, it } from 'vitest';
import { TermCorpusBuilder, termCorpusOf, tfIdfWeights } from '../../../src/metrics/redundancy/term-corpus.js';

describe('TermCorpusBuilder', () => {
  it('keeps each text as its distinct term ids in order of first occurrence, with counts', () => {
    const corpus = termCorpusOf(['Apples, apple and bananas', 'cherry pie', 'banana apple banana']);
    // Folded ("apple" loses its final -e): {appl ×2, banana}, {cherry, pie}, {banana ×2, appl}.
    expect(corpus.terms).toEqual(['appl', 'banana', 'cherry', 'pie']);
    expect([...corpus.offsets]).toEqual([0, 2, 4, 6]);
    expect([...corpus.termIds]).toEqual([0, 1, 2, 3, 1, 0]);
    expect([...corpus.counts]).toEqual([2, 1, 1, 1, 2, 1]);
    expect([...corpus.df]).toEqual([2, 2, 1, 1]);
    expect(corpus.size).toBe(3);
  });

  it('leaves a text with too few distinct terms out of every count', () => {
    const builder = new TermCorpusBuilder();
    expect(builder.add('apple banana apple', 2)).toBe(0);
    // "the" and "a" are stop words: 1 distinct term ("pie" ×2) < 2.
    expect(builder.add('the pie, a pie', 2)).toBe(-1);
    expect(builder.add('pie banana', 2)).toBe(1);
    const corpus = builder.build();
    expect(corpus.size).toBe(2);
    expect([...corpus.offsets]).toEqual([0, 2, 4]);
    expect([...corpus.termIds]).toEqual([0, 1, 2, 1]);
    // "pie" got its id from the dropped text, but only the kept one counts: df 1, count 1.
    expect([...corpus.counts]).toEqual([2, 1, 1, 1]);
    expect([...corpus.df]).toEqual([1, 2, 1]);
  });

  it('reads the same word the same way in any text', () => {
    const corpus = termCorpusOf(['Mapping maps', 'mapped MAP']);
    // mapping, maps, mapped and map all fold to "map".
    expect(corpus.terms).toEqual(['map']);
    expect([...corpus.counts]).toEqual([2, 2]);
  });
});

describe('tfIdfWeights', () => {
  it('weighs (1 + ln tf) · (ln((1 + N) / (1 + df)) + 1), each text L2-normalized', () => {
    const corpus = termCorpusOf(['apple apple banana', 'apple cherry', 'cherry kiwi']);
    // N = 3. idf(apple) = idf(cherry) = ln(4/3) + 1 = 1.28768 (df 2); idf(banana) = idf(kiwi) =
    // ln 2 + 1 = 1.69315 (df 1). Text 0: apple (1 + ln 2) · 1.28768 = 2.18023, banana 1.69315,
    // norm √(4.75340 + 2.86675) = 2.76046, so 0.78981 and 0.61336. Text 1: two equal weights, 1/√2.
    const common = Math.log(4 / 3) + 1;
    const rare = Math.log(2) + 1;
    const apple0 = (1 + Math.log(2)) * common;
    const norm0 = Math.sqrt(apple0 * apple0 + rare * rare);
    const norm2 = Math.sqrt(common * common + rare * rare);
    const weights = [...tfIdfWeights(corpus)];
    expect(weights).toEqual([apple0 / norm0, rare / norm0, Math.SQRT1_2, Math.SQRT1_2, common / norm2, rare / norm2]);
    expect(weights.slice(0, 2).map((w) => w.toFixed(5))).toEqual(['0.78981', '0.61336']);
  });

  it('leaves an empty text without weights', () => {
    const corpus = termCorpusOf(['', 'apple']);
    expect([...corpus.offsets]).toEqual([0, 0, 1]);
    expect([...tfIdfWeights(corpus)]).toEqual([1]);
  });
});
