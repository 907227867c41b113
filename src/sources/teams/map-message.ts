import type { Activity, Space } from '../../model/types.js';
import { arrayField, isJsonObject, objectField, stringField } from '../shared/json-stream.js';
import { parseInstant } from '../shared/timestamps.js';
import type { SkipReason } from '../types.js';
import { bodyToText } from './html.js';

/** A Teams user seen in a message (author, mentioned, reacting); Graph messages carry no e-mail. */
export interface TeamsPerson {
  id: string;
  name: string | null;
}

/** A channel or chat a message belongs to. */
export interface TeamsConversation {
  id: string;
  kind: 'channel' | 'chat';
  name: string | null;
}

/** What one `chatMessage` becomes. */
export type TeamsOutcome =
  | {
      kind: 'activity';
      activity: Activity;
      reactions: Activity[];
      space: Space;
      people: TeamsPerson[];
      warnings: string[];
    }
  | { kind: 'skip'; reason: SkipReason; detail: string; problem: boolean };

/** Where the message was read and what the page tells when the message itself does not. */
export interface TeamsScope {
  file: string;
  line: number;
  includePrivate: boolean;
  /** Called only for a message that names no conversation: the page's `@odata.context` or the file name. */
  fallback: () => TeamsConversation;
}

/**
 * Maps one Graph `chatMessage`. Checks in order: chats are private (every chat message is skipped
 * unless `includePrivate`), system events, deleted messages, applications (bots, connectors,
 * webhooks), then the fields a message cannot do without.
 */
export function mapTeamsMessage(message: unknown, scope: TeamsScope): TeamsOutcome {
  if (!isJsonObject(message)) return skip('malformed', 'a message that is not a JSON object', true);
  const conversation = conversationOf(message) ?? scope.fallback();
  if (conversation.kind === 'chat' && !scope.includePrivate) return skip('private', '1:1 or group chat');
  const messageType = stringField(message, 'messageType');
  if (messageType === null) return skip('missingField', 'a message without "messageType"', true);
  if (messageType !== 'message') return skip('system', `messageType ${messageType}`);
  if (message.deletedDateTime !== null && message.deletedDateTime !== undefined)
    return skip('deleted', 'deletedDateTime is set');
  const from = objectField(message, 'from');
  if (from && objectField(from, 'application')) return skip('bot', 'posted by an application');
  const user = from ? objectField(from, 'user') : null;
  const userId = user ? stringField(user, 'id') : null;
  const id = idOf(message.id);
  const created = stringField(message, 'createdDateTime');
  if (userId === null || id === null || created === null) {
    return skip(
      'missingField',
      `a message without "${id === null ? 'id' : created === null ? 'createdDateTime' : 'from.user.id'}"`,
      true,
    );
  }
  const warnings: string[] = [];
  const at = parseTeamsInstant(created, warnings);
  if (at === null) return skip('malformed', `createdDateTime ${JSON.stringify(created)} is not a date`, true);
  const people: TeamsPerson[] = [{ id: userId, name: user ? stringField(user, 'displayName') : null }];
  const activity = buildActivity(message, scope, { id, at, userId, conversation, people });
  const reactions = mapReactions(message, activity, people, warnings);
  return { kind: 'activity', activity, reactions, space: spaceOf(conversation), people, warnings };
}

function skip(reason: SkipReason, detail: string, problem = false): TeamsOutcome {
  return { kind: 'skip', reason, detail, problem };
}

/** Graph ids are strings; a number (hand-made files) is accepted as its decimal text. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

/**
 * ISO 8601 instants; the Graph docs themselves hold `2021-03-1706:47:05.123Z` (no `T`), so a
 * missing `T` is put back, with a warning, rather than losing the message.
 */
export function parseTeamsInstant(text: string, warnings: string[]): number | null {
  const at = parseInstant(text);
  if (at !== null) return at;
  const repaired = /^(\d{4}-\d{2}-\d{2})(\d{2}:\d{2}.*)$/.exec(text.trim());
  const fixed = repaired ? parseInstant(`${repaired[1]}T${repaired[2]}`) : null;
  if (fixed !== null)
    warnings.push(
      `timestamp ${JSON.stringify(text)} lacks the "T" between date and time; read as ${new Date(fixed).toISOString()}`,
    );
  return fixed;
}

function conversationOf(message: Record<string, unknown>): TeamsConversation | null {
  const chatId = stringField(message, 'chatId');
  if (chatId !== null) return { id: chatId, kind: 'chat', name: null };
  const channel = objectField(message, 'channelIdentity');
  const channelId = channel ? stringField(channel, 'channelId') : null;
  if (channel === null || channelId === null) return null;
  return {
    id: channelId,
    kind: 'channel',
    name: stringField(channel, 'channelDisplayName') ?? stringField(channel, 'displayName'),
  };
}

function spaceOf(conversation: TeamsConversation): Space {
  return {
    id: `teams:${conversation.id}`,
    source: 'teams',
    name: conversation.name ?? conversation.id,
    kind: conversation.kind,
    isPrivate: conversation.kind === 'chat',
  };
}

interface MessageCore {
  id: string;
  at: number;
  userId: string;
  conversation: TeamsConversation;
  people: TeamsPerson[];
}

function buildActivity(message: Record<string, unknown>, scope: TeamsScope, core: MessageCore): Activity {
  const prefix = `teams:${core.conversation.id}`;
  const id = `${prefix}:${core.id}`;
  const replyTo = idOf(message.replyToId);
  const parentId = replyTo === null || replyTo === core.id ? null : `${prefix}:${replyTo}`;
  const body = objectField(message, 'body');
  const content = body && typeof body.content === 'string' ? body.content : '';
  const converted = bodyToText(body ? stringField(body, 'contentType') : null, content);
  return {
    id,
    source: 'teams',
    kind: parentId ? 'reply' : 'post',
    at: core.at,
    identityId: `teams:${core.userId}`,
    spaceId: `teams:${core.conversation.id}`,
    threadId: parentId ?? id,
    parentId,
    text: converted.text === '' ? null : converted.text,
    title: stringField(message, 'subject'),
    reaction: null,
    mentions: resolveMentions(message, converted.atIds, core.people),
    links: converted.links,
    provenance: { file: scope.file, line: scope.line },
  };
}

/**
 * `<at id="N">` tags resolved through `mentions[]` to users; mentions of channels, tags and
 * applications are not people. Users listed in `mentions[]` without a tag are kept too.
 */
function resolveMentions(message: Record<string, unknown>, atIds: readonly string[], people: TeamsPerson[]): string[] {
  const byAtId = new Map<string, TeamsPerson>();
  for (const mention of arrayField(message, 'mentions')) {
    if (!isJsonObject(mention)) continue;
    const mentioned = objectField(mention, 'mentioned');
    const user = mentioned ? objectField(mentioned, 'user') : null;
    const userId = user ? stringField(user, 'id') : null;
    if (user && userId !== null) byAtId.set(String(mention.id), { id: userId, name: stringField(user, 'displayName') });
  }
  const ordered = [...atIds.map((n) => byAtId.get(n)), ...byAtId.values()].filter(
    (p): p is TeamsPerson => p !== undefined,
  );
  const ids: string[] = [];
  for (const person of ordered) {
    if (ids.includes(`teams:${person.id}`)) continue;
    ids.push(`teams:${person.id}`);
    people.push(person);
  }
  return ids;
}

/** Reactions are dated when they were made (Graph records it), else at the message. */
function mapReactions(
  message: Record<string, unknown>,
  parent: Activity,
  people: TeamsPerson[],
  warnings: string[],
): Activity[] {
  const reactions = new Map<string, Activity>();
  for (const reaction of arrayField(message, 'reactions')) {
    if (!isJsonObject(reaction)) continue;
    const type = stringField(reaction, 'reactionType');
    const identity = objectField(reaction, 'user');
    const user = identity ? objectField(identity, 'user') : null;
    const userId = user ? stringField(user, 'id') : null;
    if (type === null || user === null || userId === null) continue;
    const created = stringField(reaction, 'createdDateTime');
    const at = (created === null ? null : parseTeamsInstant(created, warnings)) ?? parent.at;
    const id = `${parent.id}#${type}#${userId}`;
    people.push({ id: userId, name: stringField(user, 'displayName') });
    reactions.set(id, {
      ...parent,
      id,
      kind: 'reaction',
      at,
      identityId: `teams:${userId}`,
      parentId: parent.id,
      text: null,
      title: null,
      reaction: type,
      mentions: [],
      links: [],
    });
  }
  return [...reactions.values()];
}
