import type { SourceKind } from './types.js';

/** Where a pasted link points: the source and the activity id (thread starter or any message). */
export interface ThreadRef {
  source: SourceKind;
  /** Activity id of the linked thread or message, e.g. `yammer:123`, `slack:C1:1355517523.000005`. */
  key: string;
}

/**
 * Parses a pasted URL into a ThreadRef, or null. The sources know their tools' link forms
 * (`sources/thread-links.ts`); the metrics get this function from the run's settings, so that
 * they depend on no source.
 */
export type ThreadLinkParser = (raw: string) => ThreadRef | null;
