import type { Activity, Identity, Space } from '../../model/types.js';
import { extractUrls } from '../shared/text.js';
import type { SkipReason } from '../types.js';
import type { CsvMapping } from './mapping.js';
import type { TimestampParser } from './timestamp-format.js';

/** What one CSV file's rows share while they are mapped. */
export interface RowContext {
  mapping: CsvMapping;
  parseTime: TimestampParser;
  /** Display path of the file (provenance) and its name inside the input (ids without `messageId`). */
  file: { displayPath: string; name: string };
  /** The space of rows without a `space` value: `spaceName`, else the file's base name. */
  defaultSpace: string;
  includePrivate: boolean;
  /** Thread of every message seen so far, so that a reply to a reply joins the right thread. */
  threadOf: Map<string, string>;
}

/** What becomes of one row. `problem` marks skips that are data errors, not policy. */
export type RowOutcome =
  | { use: true; activity: Activity; identity: Identity; space: Space }
  | { use: false; reason: SkipReason; detail: string; problem: boolean };

const TRUE_VALUES = new Set(['true', 'yes', 'y', '1', 'x']);

/**
 * Maps one row (fields keyed by lower-cased header) to an activity. A row with a `reactionTo`
 * value is a reaction, one with a `parentId` value or a `threadId` other than its own id a reply,
 * any other a post (a thread of one unless replies point at it). Rows flagged private are skipped
 * unless private content is included; then their space is marked private so that no text of it
 * is quoted.
 */
export function mapRow(fields: Record<string, string>, line: number, ctx: RowContext): RowOutcome {
  const m = ctx.mapping;
  const get = (col: string | undefined): string =>
    col === undefined ? '' : (fields[col.trim().toLowerCase()] ?? '').trim();
  const skip = (reason: SkipReason, detail: string, problem: boolean): RowOutcome => ({
    use: false,
    reason,
    detail,
    problem,
  });
  const author = get(m.author);
  if (author === '') return skip('missingField', `column "${m.author}" (author) is empty`, true);
  const rawTime = get(m.timestamp);
  if (rawTime === '') return skip('missingField', `column "${m.timestamp}" (timestamp) is empty`, true);
  const at = ctx.parseTime(rawTime);
  if (at === null)
    return skip(
      'malformed',
      `column "${m.timestamp}": "${rawTime}" is not a date (expected ${m.timestampFormat ?? 'iso'})`,
      true,
    );
  const isPrivate = TRUE_VALUES.has(get(m.private).toLowerCase());
  if (isPrivate && !ctx.includePrivate) return skip('private', 'private message', false);

  const spaceKey = get(m.space) || ctx.defaultSpace;
  const idOf = (value: string) => `csv:${spaceKey}:${value}`;
  const messageId = get(m.messageId);
  const ownId = idOf(messageId || `${ctx.file.name}:${line}`);
  const link = links(get(m.text), get(m.reactionTo), get(m.parentId), get(m.threadId), messageId);
  const { kind, parent, thread } =
    link.kind === 'reaction' || link.kind === 'reply'
      ? {
          kind: link.kind,
          parent: idOf(link.target),
          thread: link.thread ? idOf(link.thread) : (ctx.threadOf.get(idOf(link.target)) ?? idOf(link.target)),
        }
      : { kind: 'post' as const, parent: null, thread: ownId };
  const reaction = link.kind === 'reaction' ? link.reaction : null;
  const identity: Identity = {
    id: `csv:${author}`,
    source: 'csv',
    name: author,
    email: get(m.authorEmail).toLowerCase() || null,
    department: null,
    isBot: false,
  };
  const text = get(m.text);
  const activity: Activity = {
    id: reaction === null ? ownId : `${parent}#react:${reaction}:${identity.id}`,
    source: 'csv',
    kind,
    at,
    identityId: identity.id,
    spaceId: `csv:${spaceKey}`,
    threadId: thread,
    parentId: parent,
    text: kind === 'reaction' || text === '' ? null : text,
    title: null,
    reaction,
    mentions: [],
    links: kind === 'reaction' ? [] : extractUrls(text),
    provenance: { file: ctx.file.displayPath, line },
  };
  if (kind !== 'reaction') ctx.threadOf.set(ownId, thread);
  return {
    use: true,
    activity,
    identity,
    space: { id: activity.spaceId, source: 'csv', name: spaceKey, kind: 'channel', isPrivate },
  };
}

type Link =
  | { kind: 'post' }
  | { kind: 'reply'; target: string; thread: string | null }
  | { kind: 'reaction'; target: string; thread: string | null; reaction: string };

/** Which message a row points at, from its reaction, parent and thread columns. */
function links(text: string, reactionTo: string, parentId: string, threadId: string, messageId: string): Link {
  const thread = threadId !== '' && threadId !== messageId ? threadId : null;
  if (reactionTo !== '') return { kind: 'reaction', target: reactionTo, thread, reaction: text || 'like' };
  if (parentId !== '' && parentId !== messageId) return { kind: 'reply', target: parentId, thread };
  if (thread !== null) return { kind: 'reply', target: thread, thread };
  return { kind: 'post' };
}
