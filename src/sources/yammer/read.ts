/**
 * Streams a Yammer / Viva Engage network data export: side files first, then Messages.csv row
 * by row. Every data row of Messages.csv ends as one yielded activity or one `ctx.skip`.
 */
import { InputError } from '../../errors.js';
import type { Identity, SourceRecord } from '../../model/types.js';
import { openCsv, type CsvTable } from '../shared/csv-records.js';
import type { InputFile, InputTree, SourceContext } from '../types.js';
import { findYammerRoots } from './detect.js';
import {
  emptyLookups,
  groupMentionName,
  readGroups,
  readTopics,
  readUsers,
  sideFile,
  type YammerLookups,
} from './lookups.js';
import { ENGINE_LOAD_SIZES, readMessagesInEngine, type EngineLoadSizes } from './engine-read.js';
import { mapMessage, type MessageContext, type RowSender } from './map.js';

/** The data-quality note every Yammer read adds once (metrics.md §1). */
export const NO_REACTIONS_NOTE = 'Yammer network exports carry no likes or reactions; reactions are not measured';

/** Columns Messages.csv cannot do without; `thread_id` may be replaced by `replied_to_id`. */
const REQUIRED_COLUMNS = ['id', 'sender_id', 'created_at'] as const;

/**
 * Reads every network export found in the input (the root and/or one folder per network). The
 * lookups are shared between networks: Yammer ids are global, and a sender known from one
 * network's Users.csv must not be emitted again, without e-mail or department, from another's rows.
 */
export async function* readYammer(
  input: InputTree,
  ctx: SourceContext,
  engineSizes: EngineLoadSizes = ENGINE_LOAD_SIZES,
): AsyncGenerator<SourceRecord> {
  ctx.note(NO_REACTIONS_NOTE);
  const lookups = emptyLookups();
  for (const root of findYammerRoots(input)) {
    const messages = sideFile(input, root, 'Messages.csv');
    if (messages) yield* readNetwork(input, root, messages, lookups, ctx, engineSizes);
  }
}

async function* readNetwork(
  input: InputTree,
  root: string,
  messages: InputFile,
  lookups: YammerLookups,
  ctx: SourceContext,
  engineSizes: EngineLoadSizes,
): AsyncGenerator<SourceRecord> {
  const users = sideFile(input, root, 'Users.csv');
  if (users) for await (const identity of readUsers(users, lookups, ctx)) yield { type: 'identity', identity };
  const groups = sideFile(input, root, 'Groups.csv');
  if (groups) await readGroups(groups, lookups, ctx);
  const topics = sideFile(input, root, 'Topics.csv');
  if (topics) await readTopics(topics, lookups, ctx);

  ctx.fileRead(messages.displayPath);
  // A plain UTF-8 file of a known vintage is parsed and mapped in SQL; anything else is read here.
  const inEngine = await readMessagesInEngine(messages, lookups, ctx, engineSizes);
  if (inEngine) {
    yield* inEngine;
    return;
  }
  const table = await openCsv(messages, (p) => ctx.problem(p));
  if (table.columns.length === 0) return; // empty file: reported by the CSV reader, nothing to count
  try {
    checkColumns(table);
  } catch (error) {
    await table.close();
    throw error;
  }
  yield* readMessages(table, lookups, ctx);
}

function checkColumns(table: CsvTable): void {
  const missing =
    REQUIRED_COLUMNS.find((c) => !table.has(c)) ??
    (table.has('thread_id') || table.has('replied_to_id') ? undefined : 'thread_id');
  if (missing === undefined) return;
  const found = table.columns.slice(0, 12).join(', ') + (table.columns.length > 12 ? ', ...' : '');
  throw new InputError(table.file.displayPath, table.headerLine, `required column "${missing}" is missing`, {
    hint: `a Yammer Messages.csv needs id, sender_id, created_at and thread_id or replied_to_id; this header has: ${found}`,
  });
}

async function* readMessages(
  table: CsvTable,
  lookups: YammerLookups,
  ctx: SourceContext,
): AsyncGenerator<SourceRecord> {
  const file = table.file.displayPath;
  const mapping: MessageContext = {
    names: {
      user: (id) => lookups.userNames.get(id) ?? null,
      topic: (id) => lookups.topics.get(id) ?? null,
      group: (id) => groupMentionName(lookups.groups, id),
    },
    groups: lookups.groups,
    includePrivate: ctx.options.includePrivate,
    threadOf: table.has('thread_id') ? null : new Map(),
  };
  // Space id -> privacy last emitted; a space is emitted again only if it turns out private.
  const spaces = new Map<string, boolean>();
  for await (const item of table.rows()) {
    if (item.type === 'malformed') {
      ctx.skip('malformed', { file, line: item.line }, item.detail);
      continue;
    }
    const mapped = mapMessage(item.fields, file, item.line, mapping);
    if (mapped.type === 'skip') {
      if (mapped.isProblem) ctx.problem({ file, line: item.line, reason: mapped.reason, detail: mapped.detail });
      ctx.skip(mapped.reason, { file, line: item.line }, mapped.detail);
      continue;
    }
    const identity = senderIdentity(mapped.sender, lookups);
    if (identity) yield { type: 'identity', identity };
    const emitted = spaces.get(mapped.space.id);
    if (emitted === undefined || (!emitted && mapped.space.isPrivate)) {
      spaces.set(mapped.space.id, mapped.space.isPrivate);
      yield { type: 'space', space: mapped.space };
    }
    yield { type: 'activity', activity: mapped.activity };
  }
}

/** An identity for a sender Users.csv did not list, the first time they are seen. */
function senderIdentity(sender: RowSender, lookups: YammerLookups): Identity | null {
  const userId = sender.id.slice('yammer:'.length);
  if (sender.name && !lookups.userNames.has(userId)) lookups.userNames.set(userId, sender.name);
  if (lookups.knownUsers.has(userId)) return null;
  lookups.knownUsers.add(userId);
  return { id: sender.id, source: 'yammer', name: sender.name, email: sender.email, department: null, isBot: false };
}
