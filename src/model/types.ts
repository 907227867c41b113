/**
 * The normalized model every source adapter maps into (spec §1). Records carry provenance so
 * that every number can be traced back to a file and line.
 */

// The kinds are the keys of the source registry (one folder and one registry line per source);
// only the type crosses the layer, nothing runs.
import type { SourceKind } from '../sources/registry.js';

export type { SourceKind };

/**
 * What a source kind can record (spec §3), declared by each adapter: a kind of activity no loaded
 * source records is reported as null, not 0.
 */
export interface SourceCapabilities {
  /** Posts and replies (message threads). */
  messages: boolean;
  reactions: boolean;
  /** Wiki page creations and edits. */
  wiki: boolean;
}

export const ACTIVITY_KINDS = ['post', 'reply', 'reaction', 'page_create', 'page_edit'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Kinds that count as contributions (spec §1); reactions are engagement only. */
export const CONTRIBUTION_KINDS: readonly ActivityKind[] = ['post', 'reply', 'page_create', 'page_edit'];

/** Where a record came from: the display path of the file (`export.zip!Messages.csv`) and its line. */
export interface Provenance {
  file: string;
  /** 1-based line (CSV: the line the record starts on) or null when the format has no lines. */
  line: number | null;
}

/**
 * One account in one source, before identity resolution. Several identities may resolve to one
 * person (same lower-cased e-mail, or aliases from a people file).
 */
export interface Identity {
  /** `source:userId`, unique across sources, e.g. `yammer:1488` or `slack:U024BE7LH`. */
  id: string;
  source: SourceKind;
  name: string | null;
  email: string | null;
  department: string | null;
  /** Bots, integrations and system senders are not persons (spec §1). */
  isBot: boolean;
}

export type SpaceKind = 'group' | 'channel' | 'chat' | 'wiki' | 'other';

/** Where activities happen: a Yammer group, a Slack or Teams channel, a chat, a wiki. */
export interface Space {
  /** `source:spaceId`, unique across sources. */
  id: string;
  source: SourceKind;
  name: string;
  kind: SpaceKind;
  /** Private groups/channels are counted, but their text never appears in outputs. */
  isPrivate: boolean;
}

/** One dated act of one identity. */
export interface Activity {
  /** Unique across sources: `yammer:123`, `slack:C024BE91L:1355517523.000005`, `slack:...#react:+1:U1`. */
  id: string;
  source: SourceKind;
  kind: ActivityKind;
  /** The instant, in UTC milliseconds since the epoch. */
  at: number;
  /** Identity id (`source:userId`) of the actor. */
  identityId: string;
  /** Space id (`source:spaceId`). */
  spaceId: string;
  /** Activity id of the thread starter (for wiki: a stable page id); a lone message is its own thread. */
  threadId: string;
  /** For a reply: the message replied to (or the starter); for a reaction: the message reacted to. */
  parentId: string | null;
  /** Plain text (markup removed) or null. For wiki revisions: the edit summary. */
  text: string | null;
  /** Thread or page title when the source has one. */
  title: string | null;
  /** Emoji or reaction name for reactions. */
  reaction: string | null;
  /** Identity ids mentioned in the text. */
  mentions: readonly string[];
  /** A link target (URL) list found in the text, kept for idea-to-action evidence. */
  links: readonly string[];
  /**
   * The platform's own word on whether a thread starter asks (Yammer `message_type`): true for a
   * question, false for an announcement, poll or praise; absent when the export does not say.
   */
  platformQuestion?: boolean;
  provenance: Provenance;
}

/**
 * What an adapter yields. `activity` records are the records read from the export; a `derived`
 * activity (a reaction carried inside a message) is not a record of its own and does not count in
 * `records.read`.
 */
export type SourceRecord =
  | { type: 'identity'; identity: Identity }
  | { type: 'space'; space: Space }
  | { type: 'activity'; activity: Activity; derived?: boolean };

/** Roles a people file or config can give a person. */
export type PersonRole = 'moderator' | 'sponsor' | 'staff' | 'bot';

/**
 * One row of a people file (`--people`): identities that share no e-mail can be merged through
 * `aliases` (`slack:U123`, `yammer:1488`...), and the row gives a department and a role.
 */
export interface PeopleEntry {
  email: string | null;
  name: string | null;
  department: string | null;
  role: PersonRole | null;
  /** Identity ids (`source:userId`) that belong to this person. */
  aliases: readonly string[];
  /** For moderators: the day they started moderating, as an ISO date, when known. */
  since: string | null;
}
