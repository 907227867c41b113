import type { ThreadRef } from '../../model/thread-ref.js';

/**
 * Links users paste to a thread or a message count as action when they come from elsewhere (a
 * wiki revision, a message in another thread), and the ideas ledger names ideas by link (spec §5).
 * Which URLs are thread links is each source's business (`Source.threadLink`); the metrics get
 * the parser as `MetricSettings.threadLink`.
 *
 * A key may name a reply rather than a starter; `resolveThread` maps it to its thread.
 */
export type { ThreadLinkParser, ThreadRef } from '../../model/thread-ref.js';

/** The thread id a ref points into, through `threadOf` (activity id -> thread id), or null. */
export function resolveThread(ref: ThreadRef, threadOf: ReadonlyMap<string, string>): string | null {
  return threadOf.get(ref.key) ?? null;
}
