import type { ThreadLinkParser, ThreadRef } from '../model/thread-ref.js';
import { SOURCES, SOURCE_KINDS } from './registry.js';
import type { Source } from './types.js';

// Sentence punctuation and brackets around a pasted link are not part of it.
const TRAILING_JUNK = /[)\]>.,;:!?'"]+$/;

/**
 * A parser of pasted URLs that asks each of `sources`, in order, whether the URL is one of its
 * tool's thread links (`Source.threadLink`).
 */
export function threadLinkParser(sources: readonly Pick<Source, 'kind' | 'threadLink'>[]): ThreadLinkParser {
  return (raw: string): ThreadRef | null => {
    let url: URL;
    try {
      url = new URL(raw.trim().replace(TRAILING_JUNK, ''));
    } catch {
      return null;
    }
    for (const source of sources) {
      const key = source.threadLink?.(url) ?? null;
      if (key !== null) return { source: source.kind, key };
    }
    return null;
  };
}

/** Parses one pasted URL into the thread or message it points at, by the registry's sources; null when none knows it. */
export const parseThreadLink: ThreadLinkParser = threadLinkParser(SOURCE_KINDS.map((kind) => SOURCES[kind]));
