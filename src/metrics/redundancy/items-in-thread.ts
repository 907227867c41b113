import type { Query } from '../../model/query.js';
import type { Period } from '../types.js';
import { workerNextTo } from '../../model/worker-thread.js';
import { type ComparedItems, ComparedItemsBuilder } from './compared-items.js';
import { type CopyColumns, columnsOf, textsOf } from './copy-columns.js';
import { FirstTexts } from './first-texts.js';
import { itemNumbers } from './item-numbers.js';
import { redundancyOrderedTexts } from './queries.js';
import { TextTokenizer, type TokenizedTexts, TokenMapping } from './text-tokens.js';

/**
 * {@link comparedItems} on two cores. The texts' per-character work (cleaning, splitting, folding:
 * `text-tokens.ts`) took longer than reading them out of DuckDB (1M Yammer messages: 4.5 s of CPU
 * in the thread that did it against 2.1 s for the reading, bench/README.md s13-c), so it is shared:
 * a worker thread (`items-worker.ts`) tokenizes the batches it is sent, a few ahead at most, and
 * the main thread, between two readings, tokenizes the batches that come while the worker is busy.
 * Every batch is put into the one corpus here, in the rows' order, whoever tokenized it
 * (`TokenMapping`): the items are those of {@link comparedItems}, term ids included, whichever
 * thread took which batch.
 */

/** What the thread is told: a batch's texts to tokenize. */
export interface ToItemsThread {
  texts: string[];
}

/** What the thread answers, for the batches in the order it was sent them. */
export interface FromItemsThread {
  tokens: TokenizedTexts;
}

/** Batches sent ahead of the thread at most: past that, this thread tokenizes the batch itself. */
const AHEAD = 4;

/** A batch read, with its texts' tokens once made (null while the thread has them). */
interface Batch {
  columns: CopyColumns;
  tokens: TokenizedTexts | null;
  /** Whose local term ids `tokens` holds. */
  mapping: TokenMapping;
}

/**
 * {@link comparedItems}, the texts tokenized by two threads. A thread that fails leaves its batches to
 * this one. A text met again (`first-texts.ts`) is sent to neither.
 */
export async function comparedItemsInThread(
  query: Query,
  period: Period,
  cap: number,
  minWords: number,
): Promise<ComparedItems> {
  const worker = workerNextTo(import.meta.url, 'items-worker', {});
  const here = { tokenizer: new TextTokenizer(), mapping: new TokenMapping() };
  const there = new TokenMapping();
  /** Batches the thread has, oldest first (it answers in that order). */
  let sent: Batch[] = [];
  /** Every batch read and not yet put in, in order. */
  const waiting: Batch[] = [];
  let failed: unknown = null;
  let done = false;
  /** Called when the thread answers or fails: what a wait for it resumes. */
  let wake: () => void = () => {};
  /** The thread failed: this one tokenizes what it held. */
  const takeBack = (error: unknown): void => {
    failed ??= error;
    for (const batch of sent) {
      batch.tokens = here.tokenizer.tokenize(textsOf(batch.columns));
      batch.mapping = here.mapping;
    }
    sent = [];
    wake();
  };
  worker.on('message', (m: FromItemsThread) => {
    const batch = sent.shift();
    if (batch) batch.tokens = m.tokens;
    wake();
  });
  worker.on('error', takeBack);
  worker.on('exit', (code) => {
    if (!done) takeBack(new Error(`the duplicate-efforts thread stopped with exit code ${code}`));
  });
  const items = new ComparedItemsBuilder(minWords);
  const firstTexts = new FirstTexts();
  const putIn = (): void => {
    for (let next = waiting[0]; next?.tokens; next = waiting[0]) {
      waiting.shift();
      items.add(next.columns, next.tokens, next.mapping);
    }
  };
  try {
    const numbers = await itemNumbers(query);
    for await (const rows of redundancyOrderedTexts(query, period.since, period.until, cap, numbers)) {
      const columns = columnsOf(rows, firstTexts);
      const texts = textsOf(columns);
      let batch: Batch;
      if (failed === null && sent.length < AHEAD) {
        batch = { columns, tokens: null, mapping: there };
        sent.push(batch);
        worker.postMessage({ texts } satisfies ToItemsThread);
      } else batch = { columns, tokens: here.tokenizer.tokenize(texts), mapping: here.mapping };
      waiting.push(batch);
      putIn();
    }
    while (sent.length > 0) await new Promise<void>((resolve) => (wake = resolve));
    putIn();
    return items.build();
  } finally {
    done = true;
    await worker.terminate();
  }
}
