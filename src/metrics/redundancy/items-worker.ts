/**
 * The worker thread of `items-in-thread.ts`: builds the compared items from the rows the main
 * thread reads, batch after batch, in their order, then sends them back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ComparedItemsBuilder } from './compared-items.js';
import { type FromItemsThread, rowOf, type ToItemsThread } from './items-in-thread.js';

const items = new ComparedItemsBuilder((workerData as { minWords: number }).minWords);

parentPort?.on('message', (m: ToItemsThread) => {
  if ('batch' in m) {
    for (let i = 0; i < m.batch.body.length; i += 1) items.add(rowOf(m.batch, i));
    parentPort?.postMessage({ done: true } satisfies FromItemsThread);
    return;
  }
  const built = items.build();
  const { corpus } = built;
  // Every typed array of the items is moved, not copied (each has a buffer of its own).
  const arrays: ArrayBufferView[] = [corpus.offsets, corpus.termIds, corpus.counts, corpus.df];
  arrays.push(built.isPage, built.space, built.author, built.atMs, built.introduction, built.active);
  const moved = arrays.map((a) => a.buffer as ArrayBuffer);
  parentPort?.postMessage({ items: built } satisfies FromItemsThread, moved);
  parentPort?.close();
});
