import { Readable } from 'node:stream';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { SourceRecord } from '../../model/types.js';
import { readJsonArray } from '../shared/json-stream.js';
import type { InputFile, InputTree, Source, SourceContext } from '../types.js';
import { type Conversation, dayFilesByFolder, exportRoot, readConversations } from './layout.js';
import { type DayFileTask, type EngineLoad, type LoadedFile, loadDayFilesInEngine } from './engine-read.js';
import { mapMessage } from './map-message.js';
import { readUsers, type SlackUser } from './users.js';
import { slackThreadLink } from './thread-link.js';

/**
 * A Slack export is `channels.json` beside `users.json` or beside conversation folders of
 * `YYYY-MM-DD.json` day files (formats.md §2.1). Only names are looked at.
 */
async function detect(tree: InputTree): Promise<boolean> {
  const root = exportRoot(tree);
  if (root === null) return false;
  return (
    tree.find(`${root}users.json`) !== undefined ||
    tree.find(`${root}org_users.json`) !== undefined ||
    dayFilesByFolder(tree, root).size > 0
  );
}

/**
 * Reads a Slack workspace export (zip or folder): users, then every conversation's day files in
 * name order. Every message ends used (a post or reply) or skipped with a reason; reactions are
 * derived from the messages that are used. Reactions to skipped messages (a bot notification, a
 * deleted message, a DM) are dropped with their message, since what they react to is not in the
 * dataset.
 */
async function* read(tree: InputTree, ctx: SourceContext, engineMinBytes?: number): AsyncIterable<SourceRecord> {
  const root = exportRoot(tree) ?? '';
  const users = await loadUsers(tree, root, ctx);
  for (const identity of users.identities) yield { type: 'identity', identity };
  const conversations = await readConversations(tree, root, users.users, ctx);
  const channelName = channelNamer(conversations);
  const lookups = { users: users.users, channelName };
  const tasks: DayFileTask[] = conversations.flatMap((conversation) =>
    conversation.dayFiles.map((file) => ({
      file,
      conversation,
      shown: shownPath(file, conversation, root),
      skipPrivate: conversation.isDirect && !ctx.options.includePrivate,
    })),
  );
  const inEngine = await loadDayFilesInEngine(tasks, users.users, conversations, ctx, engineMinBytes);
  // Activity id -> where JavaScript last yielded it, for the later message to win over SQL's rows.
  const yielded = new Map<string, { file: number; k: number }>();
  const place: Placement | null = inEngine ? { yielded, file: 0 } : null;
  let capped = inEngine?.capped ?? false;
  try {
    for (const conversation of conversations) {
      const readable = !conversation.isDirect || ctx.options.includePrivate;
      if (readable && conversation.dayFiles.length > 0) yield { type: 'space', space: conversation.space };
      for (const file of conversation.strayFiles) skipStrayFile(file, conversation, root, ctx);
      for (const file of conversation.dayFiles) {
        const task = tasks[place?.file ?? 0];
        const loaded = inEngine?.files.get(file);
        const records =
          inEngine && task && loaded
            ? replayDayFile(task, loaded, inEngine, lookups, ctx, place)
            : readDayFile(file, conversation, root, lookups, ctx, place);
        for await (const record of records) {
          if (record === 'capped') capped = true;
          else yield record;
        }
        if (place) place.file += 1;
      }
    }
    await inEngine?.finish(yielded);
  } finally {
    await inEngine?.close();
  }
  if (capped)
    ctx.note(
      'Slack lists at most a few users per reaction: reactions beyond the list cannot be attributed and are not counted',
    );
}

/** Where the file being read stands in the reading order, and what JavaScript yielded where (engine loads only). */
interface Placement {
  yielded: Map<string, { file: number; k: number }>;
  file: number;
}

async function loadUsers(
  tree: InputTree,
  root: string,
  ctx: SourceContext,
): Promise<Awaited<ReturnType<typeof readUsers>>> {
  const file = tree.find(`${root}users.json`) ?? tree.find(`${root}org_users.json`);
  if (file) return readUsers(file, ctx);
  ctx.problem({
    file: tree.displayPath,
    line: null,
    reason: 'missingFile',
    detail:
      'this Slack export has no users.json: people are identified by their Slack id only, without names or e-mails',
  });
  return { users: new Map(), identities: [] };
}

/** One day file's messages; yields `'capped'` when a reaction's user list was cut short. */
/** What mapping a day file's messages looks up: people, and how channel references read. */
interface Lookups {
  users: ReadonlyMap<string, SlackUser>;
  channelName: (channelId: string) => string;
}

/**
 * A channel reference `<#C123|label>` reads as the channel's name when the export lists it as a
 * public channel. A private channel's name is private text, and a channel the export does not list
 * may well be private (a standard export holds public channels only), so neither shows its name
 * or the label the message carries.
 */
function channelNamer(conversations: readonly Conversation[]): (channelId: string) => string {
  const byId = new Map(conversations.map((c) => [c.id, c]));
  return (channelId) => {
    const known = byId.get(channelId);
    if (known === undefined) return 'channel';
    return known.space.isPrivate ? 'private-channel' : known.space.name;
  };
}

async function* readDayFile(
  dayFile: InputFile,
  conversation: Conversation,
  root: string,
  lookups: Lookups,
  ctx: SourceContext,
  place: Placement | null,
): AsyncIterable<SourceRecord | 'capped'> {
  const file = { ...dayFile, displayPath: shownPath(dayFile, conversation, root) };
  ctx.fileRead(file.displayPath);
  yield* mapDayFile(await readDayFileArray(file), file.displayPath, conversation, lookups, ctx, place);
}

/** A day file's messages as the JavaScript reader gives them, every one used or skipped. */
async function* mapDayFile(
  result: Awaited<ReturnType<typeof readDayFileArray>>,
  shown: string,
  conversation: Conversation,
  lookups: Lookups,
  ctx: SourceContext,
  place: Placement | null,
): AsyncIterable<SourceRecord | 'capped'> {
  if ('failure' in result) {
    ctx.problem({
      file: shown,
      line: result.failure.line,
      reason: 'malformed',
      detail: `day file ${result.failure.detail}`,
    });
    // Its messages cannot be counted, so the file counts as one record read and skipped: the
    // loss shows in data quality instead of vanishing from read = used + skipped.
    ctx.skip('malformed', { file: shown, line: result.failure.line }, 'unreadable day file');
    return;
  }
  const skipPrivate = conversation.isDirect && !ctx.options.includePrivate;
  for (const [k, { value, line }] of result.items.entries()) {
    if (skipPrivate) {
      ctx.skip('private', { file: shown, line });
      continue;
    }
    yield* mapItem(value, line, k, shown, conversation, lookups, ctx, place);
  }
}

/** One message mapped by `mapMessage`: skipped (with a problem when it is malformed) or yielded with its reactions. */
function* mapItem(
  value: unknown,
  line: number,
  k: number,
  shown: string,
  conversation: Conversation,
  lookups: Lookups,
  ctx: SourceContext,
  place: Placement | null,
): Iterable<SourceRecord | 'capped'> {
  const outcome = mapMessage(value, {
    channelId: conversation.id,
    spaceId: conversation.space.id,
    file: shown,
    line,
    ...lookups,
  });
  if (outcome.kind === 'skip') {
    if (outcome.problem) ctx.problem({ file: shown, line, reason: outcome.reason, detail: outcome.detail });
    ctx.skip(outcome.reason, { file: shown, line }, outcome.detail);
    return;
  }
  place?.yielded.set(outcome.activity.id, { file: place.file, k });
  yield { type: 'activity', activity: outcome.activity };
  for (const reaction of outcome.reactions) yield { type: 'activity', activity: reaction, derived: true };
  if (outcome.cappedReactions) yield 'capped';
}

/**
 * A day file the engine loaded: its inserted messages are counted, and what SQL left is replayed
 * in message order: skips SQL decided (without a line: they report no problem), and messages
 * JavaScript maps, taken from the file read again by the JavaScript reader, which gives their
 * lines. Should that reader not see the same messages, the file's SQL rows are removed and the
 * file is read by JavaScript alone.
 */
async function* replayDayFile(
  task: DayFileTask,
  loaded: LoadedFile,
  inEngine: EngineLoad,
  lookups: Lookups,
  ctx: SourceContext,
  place: Placement | null,
): AsyncIterable<SourceRecord | 'capped'> {
  ctx.fileRead(task.shown);
  const none = { file: task.shown, line: null };
  if (task.skipPrivate) {
    for (let k = 0; k < loaded.count; k += 1) ctx.skip('private', none);
    return;
  }
  const result = loaded.events.some((e) => e.skip === null)
    ? await readDayFileArray({ ...task.file, displayPath: task.shown })
    : null;
  if (result !== null && ('failure' in result || result.items.length !== loaded.count)) {
    await inEngine.undo(task.file);
    yield* mapDayFile(result, task.shown, task.conversation, lookups, ctx, place);
    return;
  }
  ctx.engine?.inserted(loaded.inserted);
  for (const event of loaded.events) {
    const item = result?.items[event.k];
    if (event.skip !== null) ctx.skip(event.skip, none, event.detail ?? undefined);
    else if (item !== undefined)
      yield* mapItem(item.value, item.line, event.k, task.shown, task.conversation, lookups, ctx, place);
  }
}

/** A gzipped day file inflating beyond this is not read: no real day file comes near it (a gzip bomb would). */
const MAX_GUNZIPPED_BYTES = 256 * 1024 * 1024;

/** A day file's array, gunzipped first when its name ends in `.gz`; a file that does not inflate is a failure like bad JSON. */
async function readDayFileArray(file: InputFile): ReturnType<typeof readJsonArray> {
  if (!/\.gz$/i.test(file.name)) return readJsonArray(await file.open());
  const chunks: Buffer[] = [];
  const stream = await file.open();
  try {
    for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  } finally {
    stream.destroy();
  }
  try {
    const inflated = await promisify(gunzip)(Buffer.concat(chunks), { maxOutputLength: MAX_GUNZIPPED_BYTES });
    return readJsonArray(Readable.from([inflated]));
  } catch (error) {
    return {
      failure: {
        line: null,
        detail: `is not a readable gzip file (${error instanceof Error ? error.message : String(error)})`,
      },
    };
  }
}

/**
 * A JSON-looking file in a conversation folder that is no day file (`notes.json`,
 * `2026-03-06.json.bz2`): its messages, if any, cannot be read, so like an unreadable day file it
 * counts as one record read and skipped, with a problem naming it.
 */
function skipStrayFile(stray: InputFile, conversation: Conversation, root: string, ctx: SourceContext): void {
  const shown = shownPath(stray, conversation, root);
  ctx.fileRead(shown);
  ctx.problem({
    file: shown,
    line: null,
    reason: 'malformed',
    detail: 'is no Slack day file pilot-report can read (expected YYYY-MM-DD.json or .json.gz); not read',
  });
  ctx.skip('malformed', { file: shown, line: null }, 'not a day file');
}

/** The Slack workspace export adapter (formats.md §2). */
export const slackSource: Source = slackSourceWith();

/**
 * The adapter with another size from which day files are loaded by SQL (engine-read.ts): tests
 * compare both paths on the same files (0 always, Infinity never).
 */
export function slackSourceWith(engineMinBytes?: number): Source {
  return {
    kind: 'slack',
    title: 'Slack workspace export',
    records: { messages: true, reactions: true, wiki: false },
    // Slack JSON: 25.6 s for 1,044 MB in `npm run bench`.
    readSecondsPerMb: 0.025,
    folderExport: true,
    accounts: {
      label: 'Slack',
      adjective: 'Slack',
      userNames: false,
      handleIsEmailLocalPart: true,
      aliasPrefixes: [],
      normalizeId: (id) => id.toUpperCase(),
    },
    threadLink: slackThreadLink,
    detect,
    read: (input, ctx) => read(input, ctx, engineMinBytes),
  };
}

/**
 * A day file's path as warnings show it. A private channel's or group DM's folder is named after
 * the conversation, and private spaces' names never appear in outputs: its id stands in for it.
 */
function shownPath(file: InputFile, conversation: Conversation, root: string): string {
  const { displayPath, name } = file;
  const folder = conversation.folder;
  if (!conversation.space.isPrivate) return displayPath;
  if (folder === null || !displayPath.endsWith(name)) {
    const parts = displayPath.split('/');
    if (parts.length >= 2) parts[parts.length - 2] = conversation.id;
    return parts.join('/');
  }
  const prefix = displayPath.slice(0, displayPath.length - name.length);
  return `${prefix}${root}${conversation.id}${name.slice(root.length + folder.length)}`;
}
