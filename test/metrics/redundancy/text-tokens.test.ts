import { describe, expect, it } from 'vitest';
import { contentWithSpaces } from '../../../src/metrics/redundancy/clean-text.js';
import { TermCorpusBuilder, termCorpusOf, type TermCorpus } from '../../../src/metrics/redundancy/term-corpus.js';
import { TextTokenizer, TokenMapping } from '../../../src/metrics/redundancy/text-tokens.js';

/**
 * Texts tokenized in batches by several tokenizers, each numbering the terms it meets, and put
 * into one corpus in order (text-tokens.ts): the corpus `TermCorpusBuilder.add` of each text in
 * order builds, term ids and shown words included, whichever tokenizer took which batch.
 */

/** The corpus of `batches` (texts in order), batch b tokenized by tokenizer `who[b]`. */
function tokenized(batches: string[][], who: number[], minWords = 0): TermCorpus {
  const tokenizers = [new TextTokenizer(), new TextTokenizer(), new TextTokenizer()];
  const mappings = [new TokenMapping(), new TokenMapping(), new TokenMapping()];
  const builder = new TermCorpusBuilder();
  // Every batch is tokenized first (as threads would, ahead of the corpus), then put in, in order.
  const tokens = batches.map((texts, b) => (tokenizers[who[b] ?? 0] as TextTokenizer).tokenize(texts));
  tokens.forEach((batch, b) => {
    (mappings[who[b] ?? 0] as TokenMapping).toCorpusIds(batch, (term, word) => builder.idOfTerm(term, word));
    for (let i = 0; i + 1 < batch.starts.length; i += 1)
      builder.addTermIds(batch.terms, batch.starts[i] ?? 0, batch.starts[i + 1] ?? 0, minWords);
  });
  return builder.build();
}

/** The corpus of adding each text in order, cleaned as the tokenizer cleans it (`contentWithSpaces`). */
function added(batches: string[][], minWords = 0): TermCorpus {
  const builder = new TermCorpusBuilder();
  for (const text of batches.flat()) builder.add(contentWithSpaces(text), minWords);
  return builder.build();
}

describe('texts tokenized by several tokenizers', () => {
  it('numbers a term where the texts first hold it, shown by that first raw word', () => {
    // "mapping", "maps", "mapped" and "map" all fold to "map"; "apples" and "apple" to "appl".
    // Tokenizer 1 meets "map" first as "mapped" (its own first), but the corpus met it as "mapping".
    const corpus = tokenized([['Mapping maps'], ['mapped MAP apples', 'apple']], [0, 1]);
    expect(corpus.terms).toEqual(['map', 'appl']);
    expect(corpus.words).toEqual(['mapping', 'apples']);
    expect([...corpus.offsets]).toEqual([0, 1, 3, 4]);
    expect([...corpus.termIds]).toEqual([0, 0, 1, 1]);
    expect([...corpus.counts]).toEqual([2, 2, 1, 1]);
    expect([...corpus.df]).toEqual([2, 2]);
    expect(corpus).toEqual(termCorpusOf(['Mapping maps', 'mapped MAP apples', 'apple']));
  });

  it('gives the corpus of adding each text in order, whichever tokenizer took which batch', () => {
    const batches = [
      ['Hi all, the forklift slots are double-booked again', 'Café crème brûlée für alle'],
      ['Forklift booking: slots double booked', 'thanks!', '東京 office forklift'],
      ['Crème brûlée recipe, café style', 'The DOUBLE-booked slots again: forklifts'],
      ['new words only here: pallet wrapping', 'pallets wrapped', 'Cafe creme'],
    ];
    const reference = added(batches, 2);
    // Every text but "thanks!" (a sign-off alone: no term left) has two distinct terms or more.
    expect(reference.size).toBe(9);
    expect(reference.words.slice(0, 6)).toEqual(['forklift', 'slots', 'double', 'booked', 'cafe', 'creme']);
    for (const who of [
      [0, 0, 0, 0],
      [0, 1, 0, 1],
      [1, 1, 0, 0],
      [2, 0, 1, 2],
    ])
      expect(tokenized(batches, who, 2)).toEqual(reference);
  });

  it('marks the texts that introduce their author', () => {
    const tokens = new TextTokenizer().tokenize(['My name is Ana, I run the forklift team', 'Forklift slots again']);
    expect([...tokens.introduction]).toEqual([1, 0]);
  });
});
