import type { Activity } from '../../model/types.js';
import { arrayField, isJsonObject, objectField, stringField } from '../shared/json-stream.js';
import type { SkipReason } from '../types.js';
import { blockMentions, convertMrkdwn } from './mrkdwn.js';
import { SLACKBOT_ID, type SlackUser } from './users.js';

/** What one message of a day file becomes. */
export type MessageOutcome =
  | { kind: 'activity'; activity: Activity; reactions: Activity[]; cappedReactions: boolean }
  | { kind: 'skip'; reason: SkipReason; detail: string; problem: boolean };

/** Subtypes that are a person's message (spec §1); `reply_broadcast` is thread_broadcast's 2017 name. */
export const ORDINARY_SUBTYPES: ReadonlySet<string> = new Set([
  '',
  'thread_broadcast',
  'reply_broadcast',
  'file_share',
  'file_comment',
  'file_mention',
  'me_message',
]);
const DELETED_SUBTYPES = new Set(['tombstone', 'message_deleted']);
export const BOT_SUBTYPES: ReadonlySet<string> = new Set(['bot_message', 'slackbot_response']);

/** Slack `ts`: epoch seconds and a 6-digit suffix; kept as a string, it is the message key. */
const TS = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

/** Epoch milliseconds of a Slack `ts`, computed on the digits so the microseconds never round. */
export function tsToMillis(ts: string): number | null {
  const m = TS.exec(ts);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').slice(0, 3).padEnd(3, '0'));
}

/** Where the message sits and what the mapper may look up. */
export interface MessageScope {
  channelId: string;
  spaceId: string;
  file: string;
  line: number;
  users: ReadonlyMap<string, SlackUser>;
  /** How a `<#C123|label>` reference reads: a public channel's name, never a private one's (see the adapter). */
  channelName?: (channelId: string) => string;
}

/**
 * Maps one day-file message. Order of the checks: deleted and edit events first (they are not
 * messages any more), then system subtypes (a `bot_add` carries a `bot_id` yet is an event), then
 * bots, then the fields a message cannot do without.
 */
export function mapMessage(message: unknown, scope: MessageScope): MessageOutcome {
  if (!isJsonObject(message)) return skip('malformed', 'a message that is not a JSON object', true);
  const subtype = typeof message.subtype === 'string' ? message.subtype : '';
  if (DELETED_SUBTYPES.has(subtype)) return skip('deleted', `subtype ${subtype}`);
  // Spec §1: edits are not activities and count under `deleted` in data quality.
  if (subtype === 'message_changed') return skip('deleted', 'an edit of an earlier message');
  if (!ORDINARY_SUBTYPES.has(subtype) && !BOT_SUBTYPES.has(subtype)) return skip('system', `subtype ${subtype}`);
  // Real exports carry `"bot_id": null` on ordinary messages: only a non-empty id marks a bot.
  if (BOT_SUBTYPES.has(subtype) || stringField(message, 'bot_id') !== null)
    return skip('bot', 'a bot or integration message');
  const ts = typeof message.ts === 'string' ? message.ts : typeof message.ts === 'number' ? String(message.ts) : null;
  // The legacy file_comment is the commenter's message, not the uploader's.
  const comment = objectField(message, 'comment');
  const userId =
    subtype === 'file_comment' ? (comment ? stringField(comment, 'user') : null) : stringField(message, 'user');
  if (ts === null || userId === null)
    return skip('missingField', `a message without "${ts === null ? 'ts' : 'user'}"`, true);
  const at = tsToMillis(ts);
  if (at === null) return skip('malformed', `"ts" ${JSON.stringify(ts)} is not a Slack timestamp`, true);
  if (userId === SLACKBOT_ID || scope.users.get(userId)?.isBot === true)
    return skip('bot', `a message by bot user ${userId}`);
  const activity = buildActivity(message, scope, { ts, at, userId, subtype, comment });
  const { reactions, capped } = mapReactions(message, activity);
  return { kind: 'activity', activity, reactions, cappedReactions: capped };
}

function skip(reason: SkipReason, detail: string, problem = false): MessageOutcome {
  return { kind: 'skip', reason, detail, problem };
}

interface MessageCore {
  ts: string;
  at: number;
  userId: string;
  subtype: string;
  comment: Record<string, unknown> | null;
}

function buildActivity(message: Record<string, unknown>, scope: MessageScope, core: MessageCore): Activity {
  const id = `slack:${scope.channelId}:${core.ts}`;
  const parentTs = threadTs(message);
  const isReply = parentTs !== null && parentTs !== core.ts;
  const parentId = isReply ? `slack:${scope.channelId}:${parentTs}` : null;
  const commentText = core.comment ? stringField(core.comment, 'comment') : null;
  const raw =
    (core.subtype === 'file_comment' ? commentText : null) ?? (typeof message.text === 'string' ? message.text : '');
  const converted = convertMrkdwn(raw, (userId) => scope.users.get(userId)?.name ?? null, scope.channelName);
  // File shares and comments open with a generated `<@author>`: mentioning oneself is no interaction.
  const mentioned = new Set([...converted.mentionedUserIds, ...blockMentions(message.blocks)]);
  mentioned.delete(core.userId);
  const mentions = [...mentioned].map((u) => `slack:${u}`);
  return {
    id,
    source: 'slack',
    kind: isReply ? 'reply' : 'post',
    at: core.at,
    identityId: `slack:${core.userId}`,
    spaceId: scope.spaceId,
    threadId: parentId ?? id,
    parentId,
    text: converted.text === '' ? null : converted.text,
    title: null,
    reaction: null,
    mentions,
    links: converted.links,
    provenance: { file: scope.file, line: scope.line },
  };
}

/** The parent's `ts`: `thread_ts`, or for a broadcast without it, its copy of the parent (`root`). */
function threadTs(message: Record<string, unknown>): string | null {
  const own = stringField(message, 'thread_ts');
  if (own !== null) return own;
  const root = objectField(message, 'root');
  return root ? (stringField(root, 'thread_ts') ?? stringField(root, 'ts')) : null;
}

/**
 * One reaction activity per (reaction name, user), dated at the message since Slack does not record
 * when a reaction was made (spec §1). `capped` tells when `count` exceeds the users listed: Slack
 * caps the list, and the missing reactors cannot be attributed.
 */
function mapReactions(message: Record<string, unknown>, parent: Activity): { reactions: Activity[]; capped: boolean } {
  const reactions: Activity[] = [];
  let capped = false;
  for (const reaction of arrayField(message, 'reactions')) {
    if (!isJsonObject(reaction)) continue;
    const name = stringField(reaction, 'name');
    if (name === null) continue;
    const users = [
      ...new Set(arrayField(reaction, 'users').filter((u): u is string => typeof u === 'string' && u !== '')),
    ];
    if (typeof reaction.count === 'number' && reaction.count > users.length) capped = true;
    for (const user of users) {
      reactions.push({
        ...parent,
        id: `${parent.id}#${name}#${user}`,
        kind: 'reaction',
        identityId: `slack:${user}`,
        parentId: parent.id,
        text: null,
        reaction: name,
        mentions: [],
        links: [],
      });
    }
  }
  return { reactions, capped };
}
