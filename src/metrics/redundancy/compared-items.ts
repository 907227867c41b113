import type { Query } from '../../model/query.js';
import type { Period } from '../types.js';
import { type CopyColumns, columnsOf, rowOf, textsOf } from './copy-columns.js';
import { FirstTexts } from './first-texts.js';
import { IntList } from './int-list.js';
import { itemNumbers } from './item-numbers.js';
import { type ItemColumnsRow, redundancyOrderedTexts } from './queries.js';
import { TermCorpusBuilder, type TermCorpus } from './term-corpus.js';
import { TextTokenizer, type TokenizedTexts, TokenMapping } from './text-tokens.js';

/**
 * The items long enough to compare, in comparison order (first instant, then id), held compactly:
 * their texts as term ids, not as strings. What a cluster shows is read again for its items only.
 */
export interface ComparedItems {
  /** Item k's words: text k of the corpus. */
  corpus: TermCorpus;
  /** Item k's id (thread starter or wiki page). */
  ids: string[];
  /** Item k's kind: 1 for a wiki page, 0 for a thread. */
  isPage: Uint8Array;
  /** Item k's space, as a number (equal numbers, same space). */
  space: Int32Array;
  /** Item k's starter (thread) or first editor (page), as a number (equal numbers, same person). */
  author: Int32Array;
  /** Item k's first instant, in milliseconds since 1970. */
  atMs: Float64Array;
  /** 1 when item k introduces its author (never a duplicate effort; see {@link isIntroduction}). */
  introduction: Uint8Array;
  /** 1 when item k's last instant is in the period (on or after its start). */
  active: Uint8Array;
}

/**
 * Streams the items' texts out of DuckDB and turns the content of each (see `contentOf`)
 * into term ids at once, keeping only the items with at least `minWords` distinct words (see
 * `redundancyTexts`). A text several items share is cleaned and split once (`first-texts.ts`):
 * the later ones repeat its terms.
 */
export async function comparedItems(
  query: Query,
  period: Period,
  cap: number,
  minWords: number,
): Promise<ComparedItems> {
  const items = new ComparedItemsBuilder(minWords);
  const tokenizer = new TextTokenizer();
  const mapping = new TokenMapping();
  const texts = new FirstTexts();
  const numbers = await itemNumbers(query);
  for await (const batch of redundancyOrderedTexts(query, period.since, period.until, cap, numbers)) {
    const columns = columnsOf(batch, texts);
    items.add(columns, tokenizer.tokenize(textsOf(columns)), mapping);
  }
  return items.build();
}

/**
 * {@link ComparedItems} built one batch of rows of {@link redundancyOrderedTexts} at a time, in
 * its order, each batch's texts tokenized beforehand (`text-tokens.ts`, in this thread or another).
 */
export class ComparedItemsBuilder {
  private readonly corpus = new TermCorpusBuilder();
  private readonly columns = new ItemColumns();
  /** Per text, by its number (`first-texts.ts`): its first item's index in the corpus (-1: too short). */
  private readonly firstItem = new IntList();
  /** Per text, by its number: 1 when it introduces its author. */
  private readonly introduces = new IntList();
  private readonly idOfTerm = (term: string, word: string): number => this.corpus.idOfTerm(term, word);

  constructor(private readonly minWords: number) {}

  /**
   * Adds the rows of `columns`, whose texts (the rows with a body, in order) are `tokens`, made by
   * the tokenizer whose ids `mapping` turns into the corpus's. The batches come in their order, so
   * the texts are added in the order `FirstTexts` numbered them.
   */
  add(columns: CopyColumns, tokens: TokenizedTexts, mapping: TokenMapping): void {
    mapping.toCorpusIds(tokens, this.idOfTerm);
    let text = 0;
    for (let i = 0; i < columns.body.length; i += 1) {
      const row = rowOf(columns, i);
      const repeated = columns.repeatOf[i] ?? -1;
      if (repeated >= 0) {
        const k = this.firstItem.at(repeated);
        if (k < 0) continue;
        this.corpus.repeat(k);
        this.columns.push(row, this.introduces.at(repeated) === 1);
        continue;
      }
      const k = this.corpus.addTermIds(
        tokens.terms,
        tokens.starts[text] ?? 0,
        tokens.starts[text + 1] ?? 0,
        this.minWords,
      );
      const introduction = k >= 0 && tokens.introduction[text] === 1;
      text += 1;
      this.firstItem.push(k);
      this.introduces.push(introduction ? 1 : 0);
      if (k >= 0) this.columns.push(row, introduction);
    }
  }

  build(): ComparedItems {
    return this.columns.finish(this.corpus.build());
  }
}

/** The per-item columns of {@link ComparedItems} besides the corpus, gathered one kept row at a time. */
export class ItemColumns {
  private readonly ids: string[] = [];
  private readonly isPage: number[] = [];
  private readonly space: number[] = [];
  private readonly author: number[] = [];
  private readonly atMs: number[] = [];
  private readonly active: number[] = [];
  private readonly introduction: number[] = [];

  /** Adds the row's item; `introduction`: whether its text introduces its author (see {@link isIntroduction}). */
  push(row: ItemColumnsRow, introduction: boolean): void {
    this.ids.push(row.item_id);
    this.isPage.push(row.is_page ? 1 : 0);
    this.space.push(row.space_no);
    this.author.push(row.author_no);
    this.atMs.push(row.at_ms);
    this.active.push(row.active ? 1 : 0);
    this.introduction.push(introduction ? 1 : 0);
  }

  finish(corpus: TermCorpus): ComparedItems {
    return {
      corpus,
      ids: this.ids,
      isPage: Uint8Array.from(this.isPage),
      space: Int32Array.from(this.space),
      author: Int32Array.from(this.author),
      atMs: Float64Array.from(this.atMs),
      active: Uint8Array.from(this.active),
      introduction: Uint8Array.from(this.introduction),
    };
  }
}
