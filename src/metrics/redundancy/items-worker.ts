/**
 * The worker thread of `items-in-thread.ts`: tokenizes the texts of each batch it is sent
 * (`text-tokens.ts`), in the order sent, and answers with their tokens.
 */
import { parentPort } from 'node:worker_threads';
import type { FromItemsThread, ToItemsThread } from './items-in-thread.js';
import { TextTokenizer } from './text-tokens.js';

const tokenizer = new TextTokenizer();

parentPort?.on('message', (m: ToItemsThread) => {
  const tokens = tokenizer.tokenize(m.texts);
  // The typed arrays are moved, not copied (each has a buffer of its own).
  const moved = [tokens.starts, tokens.terms, tokens.introduction].map((a) => a.buffer as ArrayBuffer);
  parentPort?.postMessage({ tokens } satisfies FromItemsThread, moved);
});
