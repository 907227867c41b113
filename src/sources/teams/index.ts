import type { SourceRecord } from '../../model/types.js';
import { firstJsonRecord, isJsonObject, JsonSyntaxError, readJsonEvents } from '../shared/json-stream.js';
import type { InputFile, InputTree, Source, SourceContext } from '../types.js';
import { safeDecodeUri } from '../shared/text.js';
import { mapTeamsMessage, type TeamsConversation } from './map-message.js';
import { teamsThreadLink } from './thread-link.js';
import { type EnginePerson, type LoadedPages, loadPagesInEngine, type PagesLoad } from './engine-read.js';

/** Pages, plain arrays, concatenated pages and NDJSON all end in one of these. */
const JSON_FILE = /\.(json|jsonl|ndjson)$/i;
/** Detection reads this much of a file at most: enough for the first message of a page. */
const DETECT_CHARS = 256 * 1024;
/** Detection looks at this many JSON files at most, so a folder of unrelated JSON stays cheap. */
const DETECT_FILES = 20;

/** A Graph `chatMessage`: what tells it from any other JSON object. */
function looksLikeMessage(value: unknown): boolean {
  return isJsonObject(value) && typeof value.messageType === 'string' && 'createdDateTime' in value;
}

/** A JSON file whose first record (`value[0]`, the first array element, or a lone object) is a chatMessage. */
async function detect(tree: InputTree): Promise<boolean> {
  for (const file of tree.files.filter((f) => JSON_FILE.test(f.name)).slice(0, DETECT_FILES)) {
    if (looksLikeMessage(await firstJsonRecord(await file.open(), DETECT_CHARS))) return true;
  }
  return false;
}

/** What the reader keeps across files: people are yielded once, at the end, with the best name seen. */
interface ReadState {
  people: Map<string, string | null>;
  spaces: Set<string>;
  /** SQL loads only: where JavaScript first gave a person's name (file index, message index). */
  namedAt: Map<string, { file: number; k: number }> | null;
}

/** Where the file being read stands in the reading order, and what JavaScript yielded where (SQL loads only). */
interface Placement {
  yielded: Map<string, { file: number; k: number }>;
  file: number;
  /** The message being mapped in the file. */
  k: number;
}

/** The JSON files of an input, in reading order. */
const jsonFiles = (tree: InputTree): InputFile[] => tree.files.filter((f) => JSON_FILE.test(f.name));

/**
 * Reads every JSON file of the input as Microsoft Graph `chatMessage` records (formats.md §3). A
 * file whose first record is not a chatMessage is reported and left out; a file that breaks
 * halfway keeps the messages read before the break and counts the rest as one skipped record
 * (`malformed`), since they cannot be counted. Pages of an export of 1 MiB or more are loaded by
 * SQL where DuckDB can read them (engine-read.ts); what SQL leaves is replayed here in order.
 */
async function* read(tree: InputTree, ctx: SourceContext, engineMinBytes?: number): AsyncIterable<SourceRecord> {
  const files = jsonFiles(tree);
  const inEngine = await loadPagesInEngine(files, ctx, engineMinBytes);
  const state: ReadState = { people: new Map(), spaces: new Set(), namedAt: inEngine ? new Map() : null };
  const place: Placement | null = inEngine ? { yielded: new Map(), file: 0, k: 0 } : null;
  try {
    for (const [index, file] of files.entries()) {
      if (place) place.file = index;
      const loaded = inEngine?.files.get(file);
      if (inEngine && loaded) yield* replayFile(file, loaded, inEngine, ctx, state, place);
      else yield* readFile(file, ctx, state, place);
    }
    await inEngine?.finish(place?.yielded ?? new Map());
  } finally {
    await inEngine?.close();
  }
  if (inEngine) mergePeople(state, inEngine.people);
  for (const [id, name] of [...state.people].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    yield {
      type: 'identity',
      identity: { id: `teams:${id}`, source: 'teams', name, email: null, department: null, isBot: false },
    };
  }
}

/** The people SQL saw join JavaScript's: a person's name is the first given in reading order. */
function mergePeople(state: ReadState, people: readonly EnginePerson[]): void {
  for (const person of people) {
    const known = state.people.get(person.id);
    const at = state.namedAt?.get(person.id);
    if (!state.people.has(person.id) || (person.name !== null && known === null))
      state.people.set(person.id, person.name);
    else if (
      person.name !== null &&
      at !== undefined &&
      (person.file < at.file || (person.file === at.file && person.k < at.k))
    )
      state.people.set(person.id, person.name);
  }
}

/** A message of a file as the JavaScript reader sees it: its value, line and its page's `@odata.context`. */
interface PageItem {
  value: unknown;
  line: number;
  context: unknown;
}

/**
 * A file the engine loaded: its inserted messages are counted, the spaces they show are yielded
 * where they first appear, and what SQL left is replayed in message order: skips SQL decided
 * (without a line: they report no problem), and messages JavaScript maps, taken from the file
 * read again by the JavaScript reader, which gives their lines. Should that reader not see the
 * same messages, the file's SQL rows are removed and the file is read by JavaScript alone.
 */
async function* replayFile(
  file: InputFile,
  loaded: LoadedPages,
  inEngine: PagesLoad,
  ctx: SourceContext,
  state: ReadState,
  place: Placement | null,
): AsyncIterable<SourceRecord> {
  const wanted = new Set(loaded.events.filter((e) => e.skip === null).map((e) => e.k));
  const read = wanted.size > 0 ? await pageItems(file, wanted) : null;
  if (read !== null && (read === 'broken' || read.count !== loaded.count)) {
    await inEngine.undo(file);
    yield* readFile(file, ctx, state, place);
    return;
  }
  ctx.fileRead(file.displayPath);
  ctx.engine?.inserted(loaded.inserted);
  const none = { file: file.displayPath, line: null };
  const spaces = [...loaded.spaces];
  const spacesUpTo = function* (k: number): Iterable<SourceRecord> {
    while (spaces.length > 0 && (spaces[0]?.k ?? 0) <= k) {
      const s = spaces.shift();
      if (s === undefined || state.spaces.has(`teams:${s.id}`)) continue;
      state.spaces.add(`teams:${s.id}`);
      yield {
        type: 'space',
        space: { id: `teams:${s.id}`, source: 'teams', name: s.name, kind: s.kind, isPrivate: s.kind === 'chat' },
      };
    }
  };
  let page: Record<string, unknown> = {};
  const fallback = fallbackFor(file, () => page, ctx);
  for (const event of loaded.events) {
    yield* spacesUpTo(event.k - 1);
    if (event.skip !== null) {
      ctx.skip(event.skip, none, event.detail);
      continue;
    }
    const item = read?.items.get(event.k);
    if (item === undefined) continue;
    if (place) place.k = event.k;
    page = { '@odata.context': item.context };
    yield* mapOne(item.value, item.line, file, fallback, ctx, state, place);
  }
  yield* spacesUpTo(Number.POSITIVE_INFINITY);
}

/** A message of a JSON file as read, with the members of its root object read so far. */
interface PageMessage {
  value: unknown;
  line: number;
  members: Record<string, unknown>;
}

/**
 * The messages of a JSON file in order: the elements of a root array or of a root object's
 * `value`, and a root object without `value` as one message (NDJSON, or a single saved message),
 * which is then its `members` itself. Throws JsonSyntaxError where the file breaks.
 */
async function* pageMessages(file: InputFile): AsyncGenerator<PageMessage> {
  let members: Record<string, unknown> = {};
  let hasValue = false;
  let rootLine = 1;
  for await (const event of readJsonEvents(await file.open())) {
    if (event.type === 'rootStart') {
      members = {};
      hasValue = event.kind === 'array';
      rootLine = event.line;
    } else if (event.type === 'valueStart') hasValue = true;
    else if (event.type === 'member') members[event.key] = event.value;
    else if (event.type === 'item') yield { value: event.value, line: event.line, members };
    else if (event.type === 'rootEnd' && !hasValue) yield { value: members, line: rootLine, members };
  }
}

/**
 * The messages `wanted` (their indexes) of a page file with their lines and page context, as
 * `readFile` sees them, and how many messages it holds; 'broken' when it is not valid JSON. Only
 * the wanted ones are kept: a file of concatenated pages may hold a hundred thousand messages.
 */
async function pageItems(
  file: InputFile,
  wanted: ReadonlySet<number>,
): Promise<{ count: number; items: Map<number, PageItem> } | 'broken'> {
  const items = new Map<number, PageItem>();
  let count = 0;
  try {
    for await (const m of pageMessages(file)) {
      if (wanted.has(count)) {
        // A lone root object (the message is its members) is kept as a copy.
        const value = m.value === m.members ? { ...m.members } : m.value;
        items.set(count, { value, line: m.line, context: m.members['@odata.context'] });
      }
      count += 1;
    }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return 'broken';
  }
  return { count, items };
}

async function* readFile(
  file: InputFile,
  ctx: SourceContext,
  state: ReadState,
  place: Placement | null,
): AsyncIterable<SourceRecord> {
  ctx.fileRead(file.displayPath);
  let shape: 'unknown' | 'messages' | 'other' = 'unknown';
  let members: Record<string, unknown> = {};
  let k = 0;
  const fallback = fallbackFor(file, () => members, ctx);
  // A function, so that TypeScript does not keep a narrowing of `shape` that `handle` changes.
  const ignored = (): boolean => shape === 'other';
  const handle = (value: unknown, line: number): SourceRecord[] => {
    if (shape === 'unknown') shape = looksLikeMessage(value) ? 'messages' : 'other';
    if (shape === 'other') return [];
    if (place) place.k = k;
    k += 1;
    return mapOne(value, line, file, fallback, ctx, state, place);
  };
  try {
    for await (const m of pageMessages(file)) {
      members = m.members;
      yield* handle(m.value, m.line);
      if (ignored()) break;
    }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    ctx.problem({
      file: file.displayPath,
      line: error.line,
      reason: 'malformed',
      detail: `is not valid JSON (${error.message}); the rest of the file is counted as one skipped record`,
    });
    ctx.skip('malformed', { file: file.displayPath, line: error.line }, 'unreadable rest of a file');
    return;
  }
  if (ignored()) {
    ctx.problem({
      file: file.displayPath,
      line: null,
      reason: 'unknownShape',
      detail:
        'is not Microsoft Graph chatMessage JSON (no "messageType" and "createdDateTime" in its first record); file ignored',
    });
  }
}

function mapOne(
  value: unknown,
  line: number,
  file: InputFile,
  fallback: () => TeamsConversation,
  ctx: SourceContext,
  state: ReadState,
  place: Placement | null,
): SourceRecord[] {
  const outcome = mapTeamsMessage(value, {
    file: file.displayPath,
    line,
    includePrivate: ctx.options.includePrivate,
    fallback,
  });
  if (outcome.kind === 'skip') {
    if (outcome.problem) ctx.problem({ file: file.displayPath, line, reason: outcome.reason, detail: outcome.detail });
    ctx.skip(outcome.reason, { file: file.displayPath, line }, outcome.detail);
    return [];
  }
  for (const warning of outcome.warnings)
    ctx.problem({ file: file.displayPath, line, reason: 'badDate', detail: warning });
  for (const person of outcome.people) {
    if (!state.people.has(person.id) || (state.people.get(person.id) === null && person.name !== null)) {
      state.people.set(person.id, person.name);
      if (person.name !== null && place) state.namedAt?.set(person.id, { file: place.file, k: place.k });
    }
  }
  const records: SourceRecord[] = [];
  if (!state.spaces.has(outcome.space.id)) {
    state.spaces.add(outcome.space.id);
    records.push({ type: 'space', space: outcome.space });
  }
  records.push({ type: 'activity', activity: outcome.activity });
  place?.yielded.set(outcome.activity.id, { file: place.file, k: place.k });
  for (const reaction of outcome.reactions) records.push({ type: 'activity', activity: reaction, derived: true });
  return records;
}

/**
 * The conversation of messages that name none (older beta responses lack `channelIdentity`): the
 * page's `@odata.context` names the channel or chat it was requested from; failing that, the file
 * name stands in, with one problem per file.
 */
function fallbackFor(
  file: InputFile,
  members: () => Record<string, unknown>,
  ctx: SourceContext,
): () => TeamsConversation {
  let warned = false;
  return () => {
    const context = members()['@odata.context'];
    const text = typeof context === 'string' ? context : '';
    const channel = /channels\('([^']+)'\)/.exec(text)?.[1];
    if (channel !== undefined) return { id: safeDecodeUri(channel), kind: 'channel', name: null };
    const chat = /chats\('([^']+)'\)/.exec(text)?.[1];
    if (chat !== undefined) return { id: safeDecodeUri(chat), kind: 'chat', name: null };
    const name = file.name.replace(/^.*\//, '').replace(JSON_FILE, '');
    if (!warned) {
      warned = true;
      ctx.problem({
        file: file.displayPath,
        line: null,
        reason: 'unknownChannel',
        detail: `messages name no channel or chat; they are grouped under the channel "${name}"`,
      });
    }
    return { id: name, kind: 'channel', name };
  };
}

/** An Entra user id (a GUID) lower-cased, as Graph writes it; any other id as written. */
function normalizeTeamsId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : id;
}

/** The Microsoft Teams adapter for Graph `chatMessage` JSON (formats.md §3). */
export const teamsSource: Source = teamsSourceWith();

/**
 * The adapter with another size from which pages are loaded by SQL (engine-read.ts): tests
 * compare both paths on the same files (0 always, Infinity never).
 */
export function teamsSourceWith(engineMinBytes?: number): Source {
  return {
    kind: 'teams',
    title: 'Microsoft Teams (Graph chatMessage JSON)',
    records: { messages: true, reactions: true, wiki: false },
    // JSON like Slack's day files.
    readSecondsPerMb: 0.025,
    folderExport: false,
    accounts: {
      label: 'Teams',
      adjective: 'Teams',
      userNames: false,
      handleIsEmailLocalPart: true,
      aliasPrefixes: ['msteams'],
      normalizeId: normalizeTeamsId,
    },
    threadLink: teamsThreadLink,
    detect,
    read: (input, ctx) => read(input, ctx, engineMinBytes),
  };
}
