import { contentWithSpaces, isIntroduction } from './clean-text.js';
import { IntList } from './int-list.js';
import { TermDictionary } from './term-corpus.js';
import { forEachWord } from './unicode-words.js';

/**
 * The per-character work on duplicate efforts' texts (cleaning, splitting into words, folding),
 * done for a batch of texts by a {@link TextTokenizer} in whichever thread has time, and its result
 * put into the one corpus in the texts' order by {@link TokenMapping} (`compared-items.ts`). The
 * terms are numbered by each tokenizer on its own (local ids); the corpus gives them its ids in
 * the order the texts reach it, so the corpus is the one `TermCorpusBuilder.add` of each text
 * in order builds, whichever tokenizer read which batch:
 *
 * - a term new to the corpus is met first in the batch being put in, and is new to that batch's
 *   tokenizer too (had it met the term in an earlier batch, that batch, put in earlier, would have
 *   brought the term): it is among the batch's `newTerms`, which list the tokenizer's new terms in
 *   the order they are first met, each with the raw word it was first met as;
 * - so giving the new terms corpus ids in that list's order numbers them in order of first
 *   occurrence, as `add` does, and shows each by the same raw word.
 */
export interface TokenizedTexts {
  /** Text i's terms, as local ids in order with repeats, are `terms[starts[i] .. starts[i + 1])`. */
  starts: Int32Array;
  terms: Int32Array;
  /** 1 when text i introduces its author (see `isIntroduction`). */
  introduction: Uint8Array;
  /** The tokenizer's terms first met in this batch, in the order of their local ids (which follow on from the earlier batches'). */
  newTerms: string[];
  /** The raw word each of `newTerms` was first met as. */
  newWords: string[];
}

/** Cleans (`contentWithSpaces`), splits and folds texts, one batch at a time, numbering the terms it meets. */
export class TextTokenizer {
  private readonly dictionary = new TermDictionary();

  tokenize(texts: readonly string[]): TokenizedTexts {
    const known = this.dictionary.terms.length;
    const starts = new Int32Array(texts.length + 1);
    const terms = new IntList();
    const introduction = new Uint8Array(texts.length);
    const push = (s: string, from: number, to: number): void => {
      const id = this.dictionary.idOfWord(s, from, to);
      if (id >= 0) terms.push(id);
    };
    for (let i = 0; i < texts.length; i += 1) {
      const text = texts[i] ?? '';
      forEachWord(contentWithSpaces(text), push);
      introduction[i] = isIntroduction(text) ? 1 : 0;
      starts[i + 1] = terms.length;
    }
    return {
      starts,
      terms: terms.view().slice(),
      introduction,
      newTerms: this.dictionary.terms.slice(known),
      newWords: this.dictionary.words.slice(known),
    };
  }
}

/** One tokenizer's local term ids -> the corpus's, filled batch after batch in the texts' order. */
export class TokenMapping {
  private readonly ids = new IntList();

  /**
   * Gives `batch`'s new terms their corpus ids (`idOfTerm`: the corpus's dictionary) and turns
   * `batch.terms` into corpus ids, in place. Call it for the batches in the texts' order.
   */
  toCorpusIds(batch: TokenizedTexts, idOfTerm: (term: string, word: string) => number): void {
    for (let j = 0; j < batch.newTerms.length; j += 1)
      this.ids.push(idOfTerm(batch.newTerms[j] ?? '', batch.newWords[j] ?? ''));
    const { terms } = batch;
    const ids = this.ids.values;
    for (let p = 0; p < terms.length; p += 1) terms[p] = ids[terms[p] ?? 0] ?? -1;
  }
}
