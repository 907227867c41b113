import type { Activity, Identity, Space } from '../../model/types.js';
import { parseInstant } from '../shared/timestamps.js';
import type { SkipReason } from '../types.js';
import type { DumpSite, RawRevision } from './dump-parser.js';
import { wikitextLinks } from './wiki-links.js';
import { isTemporaryAccount, normalizeWikiUsername, wikiIdentityId } from './usernames.js';

/** The wiki a dump belongs to: one space per wiki (spec §1). */
export interface Wiki {
  /** dbname, else sitename, else the file's base name: the `<db>` in every id. */
  key: string;
  space: Space;
  /**
   * Whether a missing `<parentid>` means "first revision of the page". Schemas before 0.7 have no
   * `<parentid>` at all, so there a lone revision may be a current-only export of an old page.
   */
  knowsPageCreation: boolean;
}

/** The oldest schema that writes `<parentid>` (0.7). */
const FIRST_SCHEMA_WITH_PARENTID = 7;

/** The wiki described by a dump's siteinfo; `fileStem` names it when siteinfo is missing. */
export function wikiOf(site: DumpSite, fileStem: string): Wiki {
  const key = site.dbname ?? site.sitename ?? fileStem;
  return {
    key,
    space: { id: `mediawiki:${key}`, source: 'mediawiki', name: site.sitename ?? key, kind: 'wiki', isPrivate: false },
    knowsPageCreation: site.schemaMinor === null || site.schemaMinor >= FIRST_SCHEMA_WITH_PARENTID,
  };
}

/** What becomes of one revision. `problem` marks skips that are data errors, not policy. */
export type RevisionOutcome =
  | { use: true; activity: Activity; identity: Identity }
  | { use: false; reason: SkipReason; detail: string; problem: boolean; namedBot?: string };

/** Facts about a revision that come from outside it. */
export interface RevisionContext {
  wiki: Wiki;
  file: string;
  /** The revision is the first of its page in the dump (spec §1: only then may it be a creation). */
  firstInPage: boolean;
  isBot(username: string): BotDecision;
}

/** Why a wiki account is a bot: listed in `botAccounts`, or named like one; null for a person. */
export type BotDecision = 'listed' | 'named' | null;

/**
 * Maps one revision to a `page_create` / `page_edit` activity, or says why it is skipped:
 * IP editors and temporary accounts (`~2024-…`) are `anonymous`, suppressed contributors
 * `deleted`, configured bot accounts `bot`; a missing id, date or contributor is a data error.
 */
export function mapRevision(rev: RawRevision, ctx: RevisionContext): RevisionOutcome {
  const skip = (reason: SkipReason, detail: string, problem: boolean): RevisionOutcome => ({
    use: false,
    reason,
    detail,
    problem,
  });
  const id = rev.id;
  if (id === null) return skip('missingField', 'a <revision> has no <id>', true);
  if (rev.timestamp === null) return skip('missingField', `revision ${id} has no <timestamp>`, true);
  const at = parseInstant(rev.timestamp);
  if (at === null) return skip('malformed', `revision ${id}: <timestamp> "${rev.timestamp}" is not a date`, true);
  const who = rev.contributor;
  if (who?.deleted) return skip('deleted', `revision ${id}: the contributor is suppressed`, false);
  if (who?.ip) return skip('anonymous', `revision ${id} by IP ${who.ip}`, false);
  if (!who?.username) return skip('missingField', `revision ${id} has no <contributor> user name or IP`, true);
  const username = normalizeWikiUsername(who.username);
  if (isTemporaryAccount(username)) return skip('anonymous', `revision ${id} by temporary account ${username}`, false);
  const bot = ctx.isBot(username);
  if (bot === 'named')
    return {
      use: false,
      reason: 'bot',
      detail: `revision ${id} by ${username}, named like a bot`,
      problem: false,
      namedBot: username,
    };
  if (bot === 'listed') return skip('bot', `revision ${id} by bot account ${username}`, false);
  const page = rev.pageId === null ? (rev.pageTitle === null ? null : `title:${rev.pageTitle}`) : `page:${rev.pageId}`;
  if (page === null) return skip('missingField', `revision ${id}: its <page> has neither <id> nor <title>`, true);
  const isRoot = rev.parentId === null || rev.parentId === '0';
  const identity: Identity = {
    id: wikiIdentityId(username),
    source: 'mediawiki',
    name: username,
    email: null,
    department: null,
    isBot: false,
  };
  // Summaries may link too (`see [https://… the ticket]`); they are wikitext like the page.
  const links = rev.comment ? [...new Set([...rev.links, ...wikitextLinks(rev.comment)])] : rev.links;
  const activity: Activity = {
    id: `mediawiki:${ctx.wiki.key}:rev:${id}`,
    source: 'mediawiki',
    kind: isRoot && ctx.firstInPage && ctx.wiki.knowsPageCreation ? 'page_create' : 'page_edit',
    at,
    identityId: identity.id,
    spaceId: ctx.wiki.space.id,
    threadId: `mediawiki:${ctx.wiki.key}:${page}`,
    parentId: isRoot ? null : `mediawiki:${ctx.wiki.key}:rev:${rev.parentId}`,
    text: rev.comment,
    title: rev.pageTitle,
    reaction: null,
    mentions: [],
    links,
    provenance: { file: ctx.file, line: rev.line },
  };
  return { use: true, activity, identity };
}

/**
 * A user name that reads as a bot's: `bot` at the end of a word, in any case (`AuroraBot`,
 * `Maintenance bot`, `sync-bot`, `Bot 2`), not inside one (`Botany`). Bots on MediaWiki are
 * registered accounts named so by convention; the bot user group is not in XML dumps.
 */
export const NAMED_LIKE_BOT = /bot(?!\p{L})/iu;

/**
 * Bot accounts from config are lower-cased names; accept them with or without the `mediawiki:`
 * prefix and with underscores or spaces, as people copy them from URLs. An entry starting with `!`
 * says the account is a person although its name reads as a bot's (the CLI adds one for every wiki
 * alias of a people-file row whose role is not `bot`); a listed bot stays a bot.
 */
export function botMatcher(botAccounts: readonly string[]): (username: string) => BotDecision {
  const clean = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/_/g, ' ')
      .replace(/^mediawiki:/, '');
  const bots = new Set(botAccounts.filter((name) => !name.startsWith('!')).map(clean));
  const persons = new Set(botAccounts.filter((name) => name.startsWith('!')).map((name) => clean(name.slice(1))));
  return (username) => {
    const name = username.toLowerCase();
    if (bots.has(name)) return 'listed';
    if (persons.has(name)) return null;
    return NAMED_LIKE_BOT.test(username) ? 'named' : null;
  };
}
