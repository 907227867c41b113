import { csvSource } from './csv/index.js';
import { mediawikiSource } from './mediawiki/index.js';
import { slackSource } from './slack/index.js';
import { teamsSource } from './teams/index.js';
import type { Source } from './types.js';
import { yammerSource } from './yammer/index.js';

/**
 * Every source adapter, in the order detection tries them: the most specific markers first (a
 * generic CSV last). Adding a source is one folder and one line here; the kinds, the detection
 * order and what each kind records all derive from this list (test/sources/registry.test.ts checks
 * it against the folders).
 */
export const SOURCES = {
  yammer: yammerSource,
  slack: slackSource,
  mediawiki: mediawikiSource,
  teams: teamsSource,
  csv: csvSource,
} satisfies Record<string, Source>;

/** A source kind: a key of the registry (`yammer`, `slack`, ...). */
export type SourceKind = keyof typeof SOURCES;

/** Object.keys types its result as string[]; the keys of SOURCES are exactly its kinds. */
function keysOf<T extends object>(object: T): (keyof T & string)[] {
  return Object.keys(object) as (keyof T & string)[];
}

/** Every source kind, in registry order. */
export const SOURCE_KINDS: readonly SourceKind[] = keysOf(SOURCES);

/** The order detection tries adapters in: the registry's. */
export const DETECTION_ORDER: readonly SourceKind[] = SOURCE_KINDS;
