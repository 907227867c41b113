import type { SourceKind } from '../model/types.js';
import type { SourceCapabilities } from './types.js';

/**
 * What each source kind can record (spec §3): a kind no loaded source records is reported as
 * null, not 0. Yammer network exports carry no likes, so Yammer records messages only.
 */
const CAPABILITIES_BY_KIND = {
  yammer: { messages: true, reactions: false, wiki: false },
  slack: { messages: true, reactions: true, wiki: false },
  teams: { messages: true, reactions: true, wiki: false },
  csv: { messages: true, reactions: true, wiki: false },
  mediawiki: { messages: false, reactions: false, wiki: true },
} satisfies Record<SourceKind, SourceCapabilities>;

/**
 * The union of what the loaded sources (accounts or anything with a `kind`) can record; a source
 * may say it records no reactions although its kind can (a CSV mapped without a reaction column).
 */
export function capabilitiesOf(sources: readonly { kind: SourceKind; recordsReactions?: boolean }[]): SourceCapabilities {
  const result: SourceCapabilities = { messages: false, reactions: false, wiki: false };
  for (const { kind, recordsReactions } of sources) {
    const c = CAPABILITIES_BY_KIND[kind];
    result.messages ||= c.messages;
    result.reactions ||= c.reactions && recordsReactions !== false;
    result.wiki ||= c.wiki;
  }
  return result;
}
