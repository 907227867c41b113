/**
 * The source-neutral story the writers serialize: people, spaces and threads with absolute times.
 * Text uses two placeholders that each writer renders in its own syntax: `{@person-key}` for a
 * mention and `{#topic}` for a hashtag or Yammer topic.
 */

/** One of the six departments of the fictional company. */
export type Department = 'Sales' | 'Engineering' | 'Operations' | 'Finance' | 'HR' | 'Customer Success';

/** The departments in a fixed order (stable output). */
export const DEPARTMENTS: readonly Department[] = [
  'Sales',
  'Engineering',
  'Operations',
  'Finance',
  'HR',
  'Customer Success',
];

/** A person of the fictional company and their accounts in each tool. */
export interface Person {
  /** Stable key used in mention placeholders (`{@olena}`). */
  key: string;
  name: string;
  email: string;
  department: Department;
  jobTitle: string;
  location: string;
  /** Yammer user id (16 digits or less, a string), or null when the person is not on Yammer. */
  yammerId: string | null;
  /** Slack user id, or null when the person is not on Slack. */
  slackId: string | null;
  /** Whether the Slack profile carries the e-mail (most do; one does not, to test aliases). */
  slackEmail: boolean;
  /** Wiki user name, or null when the person never edits the wiki. */
  wikiUser: string | null;
  role: 'moderator' | 'sponsor' | null;
  /** ISO day the person started moderating, when known. */
  moderatorSince: string | null;
  /** Month index (0 = first month of the pilot) from which the person takes part. */
  joinMonth: number;
  /** Relative activity level (some people post a lot, most a little). */
  weight: number;
}

/** Where a thread lives, in one source. */
export interface SpaceSpec {
  source: 'yammer' | 'slack';
  /** Yammer group id, Slack channel/DM id. */
  id: string;
  name: string;
  /** `group`/`channel` are public, `private` is a private group or channel, `dm` a direct conversation. */
  kind: 'group' | 'channel' | 'private' | 'dm';
  description: string;
  /** Department whose people post here most, or null for company-wide spaces. */
  department: Department | null;
  /** Members for DMs (participants) and Slack channel member lists. */
  members: readonly Person[];
  createdAt: number;
  createdBy: Person;
}

/** An emoji reaction (Slack only; Yammer exports carry no likes). */
export interface ReactionSpec {
  name: string;
  by: readonly Person[];
}

/** One message of a thread. */
export interface PostSpec {
  author: Person;
  /** UTC milliseconds, whole seconds. */
  at: number;
  text: string;
  /** Index in the thread's posts of the message this replies to (0 = the starter); starters: null. */
  replyTo: number | null;
  reactions?: readonly ReactionSpec[];
  /** Soft-deleted (Yammer keeps the row with deleted_at; Slack drops the message). */
  deleted?: { by: Person; at: number };
  /**
   * `system` (Yammer system message / Slack channel_join), `broadcast` (Slack thread_broadcast),
   * `bot` (Slack bot_message by the world's integration; `author` is then ignored).
   */
  special?: 'system' | 'broadcast' | 'bot';
  /** Yammer attachments column value, already in export syntax. */
  attachments?: string;
}

/** A conversation: posts[0] is the starter, the rest are replies, in time order. */
export interface ThreadSpec {
  /** Name of a planted thread, so its exported id can be looked up (wiki links, ledger). */
  key?: string;
  space: SpaceSpec;
  /** Yammer `message_type` of the starter (update, question, announcement, system). */
  messageType?: string;
  title?: string;
  posts: readonly PostSpec[];
}

/** A wiki editor: a registered user name, or an IP address for anonymous edits. */
export type WikiContributor = { user: string; userId: number } | { ip: string };

/** One wiki revision, before ids are assigned. */
export interface RevisionSpec {
  at: number;
  contributor: WikiContributor;
  comment: string;
  text: string;
  minor?: boolean;
}

/** A wiki page with its full history. */
export interface PageSpec {
  title: string;
  ns: number;
  revisions: readonly RevisionSpec[];
}

/** Milliseconds per hour and per day, for readable time arithmetic. */
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** UTC milliseconds of an ISO instant written without a zone (`2026-03-02T09:15`). */
export function utc(iso: string): number {
  const ms = Date.parse(`${iso}${iso.length <= 10 ? 'T00:00:00' : ''}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad instant in generator: ${iso}`);
  return ms;
}
