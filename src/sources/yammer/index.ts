import type { Source } from '../types.js';
import { detectYammer } from './detect.js';
import { ENGINE_LOAD_SIZES, type EngineLoadSizes } from './engine-read.js';
import { readYammer } from './read.js';
import { yammerThreadLink } from './thread-link.js';

/** Yammer / Microsoft Viva Engage network data export (CSV files, see formats.md §1). */
export const yammerSource: Source = yammerSourceWith();

/**
 * The adapter with other sizes for the SQL load of Messages.csv (engine-read.ts): tests compare
 * both paths on the same files (`minBytes` 0 always, Infinity never), with smaller batches of rows
 * per SQL insert (their edges), and with small files parsed as two halves.
 */
export function yammerSourceWith(sizes: Partial<EngineLoadSizes> = {}): Source {
  const engineSizes: EngineLoadSizes = {
    minBytes: sizes.minBytes ?? ENGINE_LOAD_SIZES.minBytes,
    batchRows: sizes.batchRows ?? ENGINE_LOAD_SIZES.batchRows,
    splitMinBytes: sizes.splitMinBytes ?? ENGINE_LOAD_SIZES.splitMinBytes,
  };
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
    read: (input, ctx) => readYammer(input, ctx, engineSizes),
  };
}
