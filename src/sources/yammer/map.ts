/**
 * One Messages.csv row -> one activity or one skip reason (formats.md §1, metrics.md §1).
 * Pure: lookups come in through `MessageContext`; the reader does the I/O and the accounting.
 */
import type { Activity, Space } from '../../model/types.js';
import { extractUrls } from '../shared/text.js';
import { parseInstant } from '../shared/timestamps.js';
import type { SkipReason } from '../types.js';
import { renderBody, stripHtml, type BodyNames } from './body.js';
import { cell, flag, optional, textCell } from './fields.js';

/** A Yammer group as Groups.csv describes it. */
export interface YammerGroup {
  name: string;
  isPrivate: boolean;
}

/** What mapping a row needs besides the row. */
export interface MessageContext {
  names: BodyNames;
  groups: ReadonlyMap<string, YammerGroup>;
  includePrivate: boolean;
  /**
   * Message id -> thread activity id, kept only for exports without a `thread_id` column, where
   * a reply's thread is found through the message it replies to.
   */
  threadOf: Map<string, string> | null;
}

/** The sender as the row names it, for identities Users.csv does not hold. */
export interface RowSender {
  id: string;
  name: string | null;
  email: string | null;
}

export type MappedMessage =
  | { type: 'skip'; reason: SkipReason; detail: string; isProblem: boolean }
  | { type: 'activity'; activity: Activity; space: Space; sender: RowSender };

/** The space of messages posted in no group. */
export const ALL_COMPANY: Space = {
  id: 'yammer:all-company',
  source: 'yammer',
  name: 'All Company',
  kind: 'group',
  isPrivate: false,
};

/**
 * Maps one row. Skip order: missing id or sender (`missingField`), `deleted_at` set (`deleted`),
 * `message_type` system (`system`), `sender_type` other than user (`bot`), a private
 * conversation without includePrivate (`private`), then an unparseable `created_at`
 * (`malformed`, also a problem). Only fields a kept row uses are validated.
 */
export function mapMessage(
  fields: Readonly<Record<string, string>>,
  file: string,
  line: number,
  ctx: MessageContext,
): MappedMessage {
  const id = cell(fields, 'id');
  const senderId = cell(fields, 'sender_id');
  if (id === '') return skip('missingField', 'the message has no id', false);
  if (senderId === '') return skip('missingField', `message ${id} has no sender_id`, false);
  const thread = threadOf(fields, id, ctx.threadOf);
  const reason = skipReason(fields, ctx.includePrivate);
  if (reason) return skip(reason, `message ${id}`, false);
  const createdAt = cell(fields, 'created_at');
  const at = parseInstant(createdAt);
  if (at === null) return skip('malformed', `column "created_at": "${createdAt}" is not a date`, true);
  const body = bodyText(fields, ctx.names);
  const space = spaceOf(fields, ctx, thread.threadId);
  const activity: Activity = {
    id: `yammer:${id}`,
    source: 'yammer',
    kind: thread.parentId === null ? 'post' : 'reply',
    at,
    identityId: `yammer:${senderId}`,
    spaceId: space.id,
    threadId: thread.threadId,
    parentId: thread.parentId,
    text: body.text === '' ? null : body.text,
    title: optional(fields, 'title'),
    reaction: null,
    mentions: body.mentions,
    links: [...new Set([...extractUrls(body.text), ...extractUrls(cell(fields, 'attachments'))])],
    ...platformQuestion(fields, thread.parentId === null),
    provenance: { file, line },
  };
  const sender = {
    id: `yammer:${senderId}`,
    name: optional(fields, 'sender_name'),
    email: optional(fields, 'sender_email'),
  };
  return { type: 'activity', activity, space, sender };
}

/** `message_type` types that are never a question, whatever the text says. */
const NOT_QUESTION_TYPES: ReadonlySet<string> = new Set(['announcement', 'poll', 'praise']);

/** A starter's `message_type` as a question verdict; nothing for replies and other types (`update`). */
function platformQuestion(
  fields: Readonly<Record<string, string>>,
  isStarter: boolean,
): { platformQuestion?: boolean } {
  const type = cell(fields, 'message_type').trim().toLowerCase();
  if (!isStarter) return {};
  if (type === 'question') return { platformQuestion: true };
  return NOT_QUESTION_TYPES.has(type) ? { platformQuestion: false } : {};
}

function skip(reason: SkipReason, detail: string, isProblem: boolean): MappedMessage {
  return { type: 'skip', reason, detail, isProblem };
}

function skipReason(fields: Readonly<Record<string, string>>, includePrivate: boolean): SkipReason | null {
  if (cell(fields, 'deleted_at') !== '') return 'deleted';
  if (cell(fields, 'message_type').toLowerCase() === 'system') return 'system';
  const senderType = cell(fields, 'sender_type').toLowerCase();
  if (senderType !== '' && senderType !== 'user') return 'bot';
  if (flag(fields, 'in_private_conversation') && !includePrivate) return 'private';
  return null;
}

/**
 * A starter has `thread_id == id`, or, without a thread id, no `replied_to_id`. A reply's parent
 * is the message it replies to, else the thread starter.
 */
function threadOf(
  fields: Readonly<Record<string, string>>,
  id: string,
  known: Map<string, string> | null,
): { threadId: string; parentId: string | null } {
  const threadRaw = cell(fields, 'thread_id');
  const repliedTo = cell(fields, 'replied_to_id');
  const isStarter = threadRaw !== '' ? threadRaw === id : repliedTo === '';
  let threadId: string;
  if (threadRaw !== '') threadId = `yammer:${threadRaw}`;
  else if (isStarter) threadId = `yammer:${id}`;
  else threadId = known?.get(repliedTo) ?? `yammer:${repliedTo}`;
  // Recorded for skipped rows too: a reply to a deleted reply still belongs to its thread.
  known?.set(id, threadId);
  if (isStarter) return { threadId, parentId: null };
  return { threadId, parentId: repliedTo !== '' ? `yammer:${repliedTo}` : threadId };
}

function bodyText(fields: Readonly<Record<string, string>>, names: BodyNames): { text: string; mentions: string[] } {
  const plain = textCell(fields, 'body');
  const source = plain.trim() !== '' ? plain : stripHtml(textCell(fields, 'html_body'));
  const rendered = renderBody(source, names);
  return { text: rendered.text.trim(), mentions: rendered.mentions };
}

function spaceOf(fields: Readonly<Record<string, string>>, ctx: MessageContext, threadId: string): Space {
  if (flag(fields, 'in_private_conversation')) {
    const conversation = cell(fields, 'conversation_id') || threadId.replace(/^yammer:/, 'thread-');
    return {
      id: `yammer:conversation:${conversation}`,
      source: 'yammer',
      name: 'Private conversation',
      kind: 'chat',
      isPrivate: true,
    };
  }
  const groupId = cell(fields, 'group_id');
  const inPrivateGroup = flag(fields, 'in_private_group');
  if (groupId === '') {
    // A private-group message without its group id must not land in the public All Company space.
    if (inPrivateGroup)
      return {
        id: 'yammer:group:unknown-private',
        source: 'yammer',
        name: 'Private group',
        kind: 'group',
        isPrivate: true,
      };
    return ALL_COMPANY;
  }
  const group = ctx.groups.get(groupId);
  const name = group?.name || cell(fields, 'group_name') || `Group ${groupId}`;
  return {
    id: `yammer:group:${groupId}`,
    source: 'yammer',
    name,
    kind: 'group',
    isPrivate: inPrivateGroup || (group?.isPrivate ?? false),
  };
}
