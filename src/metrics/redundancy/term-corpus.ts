import { IntList } from './int-list.js';
import { foldWord } from './tokenize.js';
import { forEachWord } from './unicode-words.js';
import { WordTable } from './word-table.js';

/**
 * Texts as integer term ids over one shared dictionary, in flat typed arrays: hundreds of
 * thousands of texts cost a few bytes per distinct word instead of a Map or Set per text.
 */
export interface TermCorpus {
  /** Number of texts. */
  size: number;
  /** The dictionary: term id -> folded term. */
  terms: readonly string[];
  /** Term id -> the first raw word seen that folds to it: how a reason shows the term to a reader. */
  words: readonly string[];
  /**
   * Text k's distinct terms sit at positions `offsets[k]` to `offsets[k + 1]` (exclusive) of
   * `termIds` and `counts`, in the order of their first occurrence in the text (the order the
   * TF-IDF norm and the cosine sum in, so results match the Map-based vectors to the last bit).
   */
  offsets: Int32Array;
  /** Term id at each position. */
  termIds: Int32Array;
  /** How often the term occurs in its text. */
  counts: Int32Array;
  /** Texts holding each term (document frequency), by term id. */
  df: Int32Array;
  /**
   * Set when the corpus holds only some texts of a larger set (the engine path of
   * `engine-items.ts`): `df` is then over that whole set, and so is every IDF.
   */
  whole?: WholeCorpus;
}

/** The larger set a partial {@link TermCorpus} was taken from. */
export interface WholeCorpus {
  /** Number of texts in the whole set. */
  size: number;
  /** Terms of the whole set held by two texts or more. */
  heldTwice: number;
  /** Text k's index in the whole set (ascending). */
  index: Int32Array;
}

/** Number of texts the corpus's IDF is over: the whole set's when it is partial. */
export function populationOf(corpus: TermCorpus): number {
  return corpus.whole?.size ?? corpus.size;
}

/**
 * Builds a {@link TermCorpus} one text at a time, so texts can stream in and be dropped. Each
 * distinct raw word is folded once (a cache), since a pilot repeats the same words endlessly.
 */
export class TermCorpusBuilder {
  private readonly dictionary = new TermDictionary();
  private readonly offsets = new IntList();
  private readonly termIds = new IntList();
  private readonly counts = new IntList();
  private readonly df = new IntList();
  /** Per term id: the text being added (+1) when it was last seen, and its position there. */
  private readonly lastText = new IntList();
  private readonly slot = new IntList();
  private size = 0;

  constructor() {
    this.offsets.push(0);
  }

  /**
   * Adds `text` when it has at least `minDistinct` distinct terms; returns its index in the
   * corpus, or -1 when it was too short (it is then left out of every count, IDF included).
   */
  add(text: string, minDistinct = 0): number {
    const start = this.termIds.length;
    const serial = this.size + 1;
    forEachWord(text, (s, from, to) => this.count(this.dictionary.idOfWord(s, from, to), serial));
    return this.close(start, minDistinct);
  }

  /**
   * Adds a text given as the ids of its terms, in order, repeats kept (`ids[from .. to)`, each an
   * id {@link idOfTerm} gave): what `add` of the text does, its words looked up elsewhere
   * (`text-tokens.ts`). Returns its index, or -1 when it has fewer than `minDistinct` distinct terms.
   */
  addTermIds(ids: Int32Array, from: number, to: number, minDistinct: number): number {
    const start = this.termIds.length;
    const serial = this.size + 1;
    for (let p = from; p < to; p += 1) this.count(ids[p] ?? -1, serial);
    return this.close(start, minDistinct);
  }

  /** The id of the folded term `term`, numbered now when new (shown as `word`, the raw word it was met as). */
  idOfTerm(term: string, word: string): number {
    return this.dictionary.idOfTerm(term, word);
  }

  /** Ends the text being added from position `start`: kept with its counts, or forgotten when too short. */
  private close(start: number, minDistinct: number): number {
    if (this.termIds.length - start < minDistinct) {
      // Forget the text: the next text reuses its positions and its serial.
      this.rollback(start);
      return -1;
    }
    for (let p = start; p < this.termIds.length; p += 1) {
      const id = this.termIds.values[p] ?? 0;
      this.df.values[id] = (this.df.values[id] ?? 0) + 1;
    }
    this.offsets.push(this.termIds.length);
    this.size += 1;
    return this.size - 1;
  }

  /**
   * Adds text `k` (an index `add` returned) again, as a new text: what `add` of the same string
   * would do (the same terms in the same order, the same counts, each document frequency one
   * more), without reading it again. Returns the new text's index.
   */
  repeat(k: number): number {
    const from = this.offsets.values[k] ?? 0;
    const to = this.offsets.values[k + 1] ?? 0;
    for (let p = from; p < to; p += 1) {
      const id = this.termIds.values[p] ?? 0;
      const count = this.counts.values[p] ?? 0;
      this.termIds.push(id);
      this.counts.push(count);
      this.df.values[id] = (this.df.values[id] ?? 0) + 1;
    }
    this.offsets.push(this.termIds.length);
    this.size += 1;
    return this.size - 1;
  }

  /**
   * Counts `text` as `copies` texts without keeping it (the first pass of `blocked-items.ts`):
   * the dictionary and every document frequency change exactly as `copies` calls of `add` would,
   * but no position is kept. Returns the text's distinct term ids in order of first occurrence (a
   * view, valid until the next call), or null when it has fewer than `minDistinct` (then nothing
   * is counted, as `add` counts nothing).
   */
  tally(text: string, minDistinct: number, copies: number): Int32Array | null {
    const start = this.termIds.length;
    const serial = this.size + 1;
    forEachWord(text, (s, from, to) => this.count(this.dictionary.idOfWord(s, from, to), serial));
    const ids = this.termIds.view().subarray(start);
    this.rollback(start);
    if (ids.length < minDistinct) return null;
    for (const id of ids) this.df.values[id] = (this.df.values[id] ?? 0) + copies;
    return ids;
  }

  /** The document frequencies counted so far, by term id (a copy). */
  documentFrequencies(): Int32Array {
    this.reach(this.dictionary.terms.length);
    return this.df.view().slice();
  }

  /** The document frequency of term `id` counted so far. */
  frequencyOf(id: number): number {
    return this.df.values[id] ?? 0;
  }

  /** How many distinct terms text `k` (an index `add` returned) holds. */
  distinctTerms(k: number): number {
    return (this.offsets.values[k + 1] ?? 0) - (this.offsets.values[k] ?? 0);
  }

  /**
   * The corpus of the texts added. Its arrays are views of the builder's, not copies (on a large
   * pilot, tens of megabytes at the peak of memory use): add no text after building.
   */
  build(): TermCorpus {
    this.reach(this.dictionary.terms.length);
    return {
      size: this.size,
      terms: this.dictionary.terms,
      words: this.dictionary.words,
      offsets: this.offsets.view(),
      termIds: this.termIds.view(),
      counts: this.counts.view(),
      df: this.df.view(),
    };
  }

  private rollback(start: number): void {
    for (let p = start; p < this.termIds.length; p += 1) this.lastText.values[this.termIds.values[p] ?? 0] = 0;
    this.termIds.length = start;
    this.counts.length = start;
  }

  /** Per-term bookkeeping for the first `terms` term ids: the dictionary numbers terms before they are counted. */
  private reach(terms: number): void {
    while (this.df.length < terms) {
      this.df.push(0);
      this.lastText.push(0);
      this.slot.push(0);
    }
  }

  /** Counts term `id` (-1: none) in the text being added, numbered `serial`. */
  private count(id: number, serial: number): void {
    if (id < 0) return;
    if (id >= this.df.length) this.reach(id + 1);
    if (this.lastText.values[id] === serial) {
      const position = this.slot.values[id] ?? 0;
      this.counts.values[position] = (this.counts.values[position] ?? 0) + 1;
      return;
    }
    this.lastText.values[id] = serial;
    this.slot.values[id] = this.termIds.length;
    this.termIds.push(id);
    this.counts.push(1);
  }
}

/**
 * Raw words to folded terms, numbered in the order they are first met, each term shown by the
 * first raw word that folds to it. Each distinct raw word is folded once (a cache), since a pilot
 * repeats the same words endlessly; words are looked up by their place in the text, never cut.
 */
export class TermDictionary {
  /** Term id -> folded term. */
  readonly terms: string[] = [];
  /** Term id -> the first raw word met that folds to it. */
  readonly words: string[] = [];
  private readonly termIdOf = new Map<string, number>();
  /** Raw word -> term id, or -1 for a word that is no term. */
  private readonly foldedOf = new WordTable();

  /** Term id of the raw word `s.slice(from, to)` (numbered now when new), or -1 when it is no term. */
  idOfWord(s: string, from: number, to: number): number {
    const known = this.foldedOf.get(s, from, to);
    if (known !== undefined) return known;
    const word = s.slice(from, to);
    const term = foldWord(word);
    const id = term === null ? -1 : this.idOfTerm(term, word);
    this.foldedOf.add(word, id);
    return id;
  }

  /** The id of `term`, numbered now (shown as `word`) when new. */
  idOfTerm(term: string, word: string): number {
    const known = this.termIdOf.get(term);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.terms.push(term);
    this.words.push(word);
    this.termIdOf.set(term, id);
    return id;
  }
}

/** The corpus of `texts`, every text kept (index k is `texts[k]`). */
export function termCorpusOf(texts: readonly string[]): TermCorpus {
  const builder = new TermCorpusBuilder();
  for (const text of texts) builder.add(text);
  return builder.build();
}

/**
 * TF-IDF weights, one per position of `corpus.termIds`: (1 + ln tf) · idf with the smoothed
 * idf = ln((1 + N) / (1 + df)) + 1 (scikit-learn's default), each text L2-normalized so a cosine
 * is a dot product in [0, 1]. The arithmetic is the same, in the same order, as the Map-based
 * vectors this replaced, so every similarity in metrics.json is unchanged to the last digit.
 */
export function tfIdfWeights(corpus: TermCorpus): Float64Array {
  const n = populationOf(corpus);
  const idf = new Float64Array(corpus.terms.length);
  for (let t = 0; t < idf.length; t += 1) idf[t] = Math.log((1 + n) / (1 + (corpus.df[t] ?? 0))) + 1;
  const weights = new Float64Array(corpus.termIds.length);
  for (let k = 0; k < corpus.size; k += 1) {
    const start = corpus.offsets[k] ?? 0;
    const end = corpus.offsets[k + 1] ?? 0;
    let norm = 0;
    for (let p = start; p < end; p += 1) {
      const weight = (1 + Math.log(corpus.counts[p] ?? 1)) * (idf[corpus.termIds[p] ?? 0] ?? 1);
      weights[p] = weight;
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    for (let p = start; p < end; p += 1) weights[p] = (weights[p] ?? 0) / length;
  }
  return weights;
}
