import type { SourceCapabilities, SourceKind } from '../model/types.js';
import { SOURCES } from './registry.js';

/**
 * The union of what the loaded sources (accounts or anything with a `kind`) can record, from what
 * each kind declares in the registry; a source may say it records no reactions although its kind
 * can (a CSV mapped without a reaction column).
 */
export function capabilitiesOf(
  sources: readonly { kind: SourceKind; recordsReactions?: boolean }[],
): SourceCapabilities {
  const result: SourceCapabilities = { messages: false, reactions: false, wiki: false };
  for (const { kind, recordsReactions } of sources) {
    const c = SOURCES[kind].records;
    result.messages ||= c.messages;
    result.reactions ||= c.reactions && recordsReactions !== false;
    result.wiki ||= c.wiki;
  }
  return result;
}
