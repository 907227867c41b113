import type { Space } from '../../model/types.js';
import { arrayField, isJsonObject, readJsonArray, stringField } from '../shared/json-stream.js';
import type { InputFile, InputTree, SourceContext } from '../types.js';
import type { SlackUser } from './users.js';

/** One conversation of the export and the day files that hold its messages. */
export interface Conversation {
  /** Slack channel id (`C…`, `G…`, `D…`). */
  id: string;
  space: Space;
  /** DMs and group DMs: skipped as `private` unless `includePrivate` (spec §1). */
  isDirect: boolean;
  /** The folder its day files are in (relative to the export root), or null when it has none. */
  folder: string | null;
  dayFiles: InputFile[];
  /** Files in its folder that look like JSON but are no day file pilot-report can read. */
  strayFiles: InputFile[];
}

/**
 * A day file: `<folder>/YYYY-MM-DD.json`, also gzipped (`.json.gz`), with the month and day
 * unpadded (`2026-3-6.json`, as some re-exporters write them), or one or more folders deeper
 * (`general/2026/2026-03-06.json`): the first folder is the conversation. The date in the name is
 * never used as a time, so its spelling does not matter.
 */
const DAY_FILE = /^([^/]+)\/(?:[^/]+\/)*\d{4}-\d{1,2}-\d{1,2}\.json(?:\.gz)?$/i;
/** A file in a conversation folder that may hold messages but is no readable day file. */
const STRAY_FILE = /^([^/]+)\/.*\.(?:json|gz|json\.[a-z0-9]+)$/i;

/** A conversation folder's files: the day files it holds and the JSON-looking files it cannot read. */
export interface FolderFiles {
  dayFiles: InputFile[];
  strayFiles: InputFile[];
}

/**
 * Where the export starts inside the tree: `''`, or `name/` when the archive wraps everything in
 * one folder (zips made by hand from an unpacked export often do).
 */
export function exportRoot(tree: InputTree): string | null {
  if (tree.find('channels.json')) return '';
  const nested = tree.files.filter((f) => /^[^/]+\/channels\.json$/i.test(f.name));
  const first = nested[0];
  return nested.length === 1 && first ? first.name.slice(0, -'channels.json'.length) : null;
}

/** Day files grouped by the conversation folder they sit in, relative to the export root. */
export function dayFilesByFolder(tree: InputTree, root: string): Map<string, InputFile[]> {
  const byFolder = new Map<string, InputFile[]>();
  for (const [folder, files] of conversationFolders(tree, root))
    if (files.dayFiles.length > 0) byFolder.set(folder, files.dayFiles);
  return byFolder;
}

/** Every conversation folder's day files and stray files, in name order. */
export function conversationFolders(tree: InputTree, root: string): Map<string, FolderFiles> {
  const byFolder = new Map<string, FolderFiles>();
  for (const file of tree.files) {
    if (!file.name.startsWith(root)) continue;
    const name = file.name.slice(root.length);
    const day = DAY_FILE.exec(name)?.[1];
    const stray = day === undefined ? STRAY_FILE.exec(name)?.[1] : undefined;
    const folder = day ?? stray;
    if (folder === undefined) continue;
    const files = byFolder.get(folder) ?? { dayFiles: [], strayFiles: [] };
    (day !== undefined ? files.dayFiles : files.strayFiles).push(file);
    byFolder.set(folder, files);
  }
  return byFolder;
}

type ListKind = 'public' | 'private' | 'dm' | 'mpim';

const LISTS: readonly { file: string; kind: ListKind }[] = [
  { file: 'channels.json', kind: 'public' },
  { file: 'groups.json', kind: 'private' },
  { file: 'dms.json', kind: 'dm' },
  { file: 'mpims.json', kind: 'mpim' },
];

/**
 * Reads the conversation lists and pairs each with its folder: channels, private channels and
 * group DMs by name, DMs by id; any of them by id too, as some exporters (slackdump) name folders
 * by id. A folder no list mentions is still read, so that no message is dropped silently: as a
 * direct conversation when its name looks like one (`D…`, `mpdm-…`), else as a private channel,
 * the safe default for text of unknown visibility.
 */
export async function readConversations(
  tree: InputTree,
  root: string,
  users: ReadonlyMap<string, SlackUser>,
  ctx: SourceContext,
): Promise<Conversation[]> {
  const folders = conversationFolders(tree, root);
  const conversations: Conversation[] = [];
  const claimed = new Set<string>();
  for (const list of LISTS) {
    const file = tree.find(`${root}${list.file}`);
    if (!file) continue;
    for (const entry of await readList(file, ctx)) {
      const name = stringField(entry.value, 'name');
      const id = stringField(entry.value, 'id');
      if (id === null || (name === null && list.kind !== 'dm')) {
        ctx.problem({
          file: file.displayPath,
          line: entry.line,
          reason: 'missingField',
          detail: `a conversation without ${id === null ? '"id"' : '"name"'} is ignored`,
        });
        continue;
      }
      const folder = [name, id].find(
        (candidate) => candidate !== null && folders.has(candidate) && !claimed.has(candidate),
      );
      if (folder) claimed.add(folder);
      const displayName = name ?? directName(entry.value, users) ?? id;
      conversations.push(
        makeConversation(id, displayName, list.kind, folder ?? null, folder ? folders.get(folder) : undefined),
      );
    }
  }
  for (const [folder, files] of folders) {
    if (claimed.has(folder)) continue;
    const looksDirect = /^D[A-Z0-9]+$/.test(folder) || folder.startsWith('mpdm-');
    const first = [...files.dayFiles, ...files.strayFiles][0];
    const shown = first
      ? first.displayPath.slice(0, first.displayPath.length - first.name.length) + root + folder
      : folder;
    ctx.problem({
      file: shown,
      line: null,
      reason: 'unlistedConversation',
      detail: `folder "${folder}" is in no conversation list; read as a ${looksDirect ? 'direct conversation' : 'private channel'}`,
    });
    conversations.push(makeConversation(folder, folder, looksDirect ? 'dm' : 'private', folder, files));
  }
  return conversations.sort((a, b) => (a.space.name < b.space.name ? -1 : a.space.name > b.space.name ? 1 : 0));
}

async function readList(
  file: InputFile,
  ctx: SourceContext,
): Promise<{ value: Record<string, unknown>; line: number }[]> {
  ctx.fileRead(file.displayPath);
  const result = await readJsonArray(await file.open());
  if ('failure' in result) {
    ctx.problem({
      file: file.displayPath,
      line: result.failure.line,
      reason: 'malformed',
      detail: `${file.name} ${result.failure.detail}; its conversations are read as unlisted folders`,
    });
    return [];
  }
  const entries: { value: Record<string, unknown>; line: number }[] = [];
  for (const { value, line } of result.items) {
    if (isJsonObject(value)) entries.push({ value, line });
    else
      ctx.problem({
        file: file.displayPath,
        line,
        reason: 'malformed',
        detail: 'a conversation that is not a JSON object is ignored',
      });
  }
  return entries;
}

/** A DM is named by its members (`DM: Ana, Bo`); private spaces never show names in reports anyway. */
function directName(entry: Record<string, unknown>, users: ReadonlyMap<string, SlackUser>): string | null {
  const members = arrayField(entry, 'members').filter((m): m is string => typeof m === 'string');
  if (members.length === 0) return null;
  const names = [...new Set(members)].map((m) => users.get(m)?.name ?? m);
  return `DM: ${names.join(', ')}`;
}

function makeConversation(
  id: string,
  name: string,
  kind: ListKind,
  folder: string | null,
  files: FolderFiles | undefined,
): Conversation {
  const isDirect = kind === 'dm' || kind === 'mpim';
  return {
    id,
    isDirect,
    folder,
    dayFiles: files?.dayFiles ?? [],
    strayFiles: files?.strayFiles ?? [],
    space: {
      id: `slack:${id}`,
      source: 'slack',
      name,
      kind: isDirect ? 'chat' : 'channel',
      isPrivate: kind !== 'public',
    },
  };
}
