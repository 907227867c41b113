import type { Source } from '../types.js';
import { detectYammer } from './detect.js';
import { readYammer } from './read.js';
import { yammerThreadLink } from './thread-link.js';

/** Yammer / Microsoft Viva Engage network data export (CSV files, see formats.md §1). */
export const yammerSource: Source = yammerSourceWith();

/**
 * The adapter with another size from which Messages.csv is loaded by SQL (engine-read.ts):
 * tests compare both paths on the same files (0 always, Infinity never), with smaller
 * batches of rows per SQL insert (their edges), and with small files parsed as two halves.
 */
export function yammerSourceWith(
  engineMinBytes?: number,
  engineBatchRows?: number,
  engineSplitMinBytes?: number,
): Source {
  return {
    kind: 'yammer',
    title: 'Yammer / Viva Engage',
    // Network data exports carry no likes.
    records: { messages: true, reactions: false, wiki: false },
    // Yammer CSV: 32.2 s for 323 MB in `npm run bench` (a CSV byte costs four JSON bytes).
    readSecondsPerMb: 0.1,
    folderExport: true,
    accounts: {
      label: 'Yammer',
      adjective: 'Yammer',
      userNames: false,
      handleIsEmailLocalPart: false,
      aliasPrefixes: ['engage', 'viva-engage'],
      normalizeId: (id) => id,
    },
    threadLink: yammerThreadLink,
    detect: detectYammer,
    read: (input, ctx) => readYammer(input, ctx, engineMinBytes, engineBatchRows, engineSplitMinBytes),
  };
}
