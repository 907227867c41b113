import { csvSource } from './csv/index.js';
import { mediawikiSource } from './mediawiki/index.js';
import { slackSource } from './slack/index.js';
import { teamsSource } from './teams/index.js';
import type { AccountTraitsByKind } from '../model/account-traits.js';
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

/** What every kind's accounts are like (for the setup checks, which import no source). */
export const ACCOUNT_TRAITS: AccountTraitsByKind = Object.fromEntries(
  SOURCE_KINDS.map((kind) => {
    const { label, adjective, userNames, handleIsEmailLocalPart } = SOURCES[kind].accounts;
    return [kind, { label, adjective, userNames, handleIsEmailLocalPart }];
  }),
);

/** The kind a people-file alias prefix names (`engage` -> yammer, `Wiki` -> mediawiki), or null. */
export function kindOfAliasPrefix(prefix: string): SourceKind | null {
  const word = prefix.trim().toLowerCase();
  return SOURCE_KINDS.find((kind) => kind === word || SOURCES[kind].accounts.aliasPrefixes.includes(word)) ?? null;
}
