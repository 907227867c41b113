/**
 * Writes a Yammer network data export folder (not zipped): Messages.csv, Users.csv, Groups.csv and
 * Topics.csv with the column names of formats.md §1.3, UTF-8 with BOM, CRLF, RFC 4180 quoting.
 * Messages stream to disk in time order; ids grow with time like real Yammer ids.
 */
import { join } from 'node:path';
import { backgroundThreads } from './background.js';
import type { Person, ThreadSpec } from './model.js';
import { BOM, FileSink, csvRow, yammerTime } from './output.js';
import { Rng } from './prng.js';
import { emptyStats, tallied, type ExportStats } from './stats.js';
import { renderText, TextFactory } from './text.js';
import { mergeByStart, postsInTimeOrder } from './timeline.js';
import { yammerWorld, type YammerWorld } from './world.js';
import { syntheticPeople } from './people.js';
import { PILOT_END, PILOT_MONTH_WEIGHTS, PILOT_START } from './calendar.js';

/** Messages.csv columns, in the order this writer emits them (readers map by name). */
export const MESSAGE_COLUMNS = [
  'id',
  'replied_to_id',
  'thread_id',
  'conversation_id',
  'group_id',
  'group_name',
  'participants',
  'in_private_group',
  'in_private_conversation',
  'sender_id',
  'sender_type',
  'sender_name',
  'sender_email',
  'body',
  'title',
  'message_type',
  'api_url',
  'attachments',
  'deleted_by_id',
  'deleted_by_type',
  'deleted_at',
  'created_at',
] as const;

/** Users.csv columns (formats.md §1.3). */
export const USER_COLUMNS = [
  'id',
  'name',
  'email',
  'job_title',
  'location',
  'department',
  'api_url',
  'deleted_by_id',
  'deleted_by_type',
  'joined_at',
  'deleted_at',
  'suspended_by_id',
  'suspended_by_type',
  'suspended_at',
  'guid',
  'state',
  'office_user_id',
] as const;

/** Groups.csv columns (formats.md §1.3). */
export const GROUP_COLUMNS = [
  'id',
  'name',
  'description',
  'private',
  'moderated',
  'api_url',
  'created_by_id',
  'created_by_type',
  'created_at',
  'updated_at',
  'deleted',
  'external',
  'office_group_id',
] as const;

/** Topics.csv columns (the export's exact list is unverified; these follow formats.md §1.3). */
export const TOPIC_COLUMNS = ['id', 'name', 'api_url', 'created_at', 'created_by_id', 'created_by_type'] as const;

/** Options of a Yammer export: a size and a seed, or a hand-made world plus planted threads. */
export interface YammerExportOptions {
  seed: number;
  /** Background messages to generate (planted threads come on top). */
  messages: number;
  /** People, groups and topics; default: a synthetic roster sized for `messages`. */
  world?: YammerWorld;
  /** Hand-written threads, sorted by start time. */
  planted?: readonly ThreadSpec[];
  /** Background text source; pass one shared factory to every writer of a small pilot. */
  texts?: TextFactory;
  /** Share of background replies soft-deleted (default 0.03). */
  deleteRate?: number;
}

/** What was written: counts, and the thread id of each planted thread that has a `key`. */
export interface YammerExportResult {
  stats: ExportStats;
  threadIds: Map<string, string>;
}

const API = 'https://www.yammer.com/api/v1';

function userId(p: Person): string {
  if (p.yammerId === null) throw new Error(`generator bug: ${p.name} posts on Yammer without an account`);
  return p.yammerId;
}

/** Writes the export into `dir` (created when missing). */
export async function writeYammerExport(dir: string, options: YammerExportOptions): Promise<YammerExportResult> {
  const rng = new Rng(options.seed);
  const world =
    options.world ??
    yammerWorld(
      rng.fork('world'),
      syntheticPeople(rng.fork('people'), Math.max(60, Math.ceil(options.messages / 400))),
      PILOT_START,
    );
  const background = backgroundThreads(
    {
      messages: options.messages,
      people: world.people,
      spaces: world.spaces,
      start: PILOT_START,
      end: PILOT_END,
      monthWeights: PILOT_MONTH_WEIGHTS,
      deleteRate: options.deleteRate ?? 0.03,
      reactions: false,
      texts: options.texts ?? new TextFactory(rng.fork('text'), options.messages < 5000),
    },
    rng.fork('background'),
  );
  const stats = emptyStats();
  const threads = tallied(mergeByStart(options.planted ?? [], background), stats, true, () => false);
  const threadIds = await writeMessages(join(dir, 'Messages.csv'), world, threads, rng.fork('ids'));
  await writeUsers(join(dir, 'Users.csv'), world, rng.fork('users'));
  await writeGroups(join(dir, 'Groups.csv'), world);
  await writeTopics(join(dir, 'Topics.csv'), world);
  return { stats, threadIds };
}

async function writeMessages(
  path: string,
  world: YammerWorld,
  threads: Iterable<ThreadSpec>,
  rng: Rng,
): Promise<Map<string, string>> {
  const byKey = new Map(world.people.map((p) => [p.key, p]));
  const topics = new Map(world.topics.map((t) => [t.name, t.id]));
  const markup = {
    mention: (key: string) => `[[user:${byKey.get(key)?.yammerId ?? key}]]`,
    tag: (name: string) => (topics.has(name) ? `[[tag:${topics.get(name) ?? ''}]]` : `#${name}`),
  };
  const ids = new WeakMap<ThreadSpec, string[]>();
  const threadIds = new Map<string, string>();
  let next = 2_212_000_000_000_000n + BigInt(rng.int(0, 999_999));
  const sink = await FileSink.open(path);
  await sink.write(BOM + csvRow(MESSAGE_COLUMNS));
  for (const { thread, index, post } of postsInTimeOrder(threads)) {
    next += BigInt(rng.int(1_000, 90_000));
    const id = next.toString();
    const threadList = index === 0 ? [] : (ids.get(thread) ?? []);
    threadList[index] = id;
    ids.set(thread, threadList);
    const threadId = threadList[0] ?? id;
    if (index === 0 && thread.key !== undefined) threadIds.set(thread.key, id);
    const s = thread.space;
    const dm = s.kind === 'dm';
    const starter = index === 0;
    await sink.write(
      csvRow([
        id,
        post.replyTo === null ? '' : (threadList[post.replyTo] ?? threadId),
        threadId,
        dm ? s.id : '',
        dm ? '' : s.id,
        dm ? '' : s.name,
        dm ? s.members.map((m) => `user:${userId(m)}`).join(',') : '',
        String(s.kind === 'private'),
        String(dm),
        userId(post.author),
        'user',
        post.author.name,
        post.author.email,
        renderText(post.text, markup),
        starter ? (thread.title ?? '') : '',
        post.special === 'system' ? 'system' : starter ? (thread.messageType ?? 'update') : 'update',
        `${API}/messages/${id}`,
        post.attachments ?? '',
        post.deleted ? userId(post.deleted.by) : '',
        post.deleted ? 'user' : '',
        post.deleted ? yammerTime(post.deleted.at) : '',
        yammerTime(post.at),
      ]),
    );
  }
  await sink.close();
  return threadIds;
}

function guid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function writeUsers(path: string, world: YammerWorld, rng: Rng): Promise<void> {
  const sink = await FileSink.open(path);
  await sink.write(BOM + csvRow(USER_COLUMNS));
  for (const p of world.people) {
    const joined = PILOT_START + p.joinMonth * 30 * 86_400_000 - rng.int(1, 9) * 86_400_000;
    await sink.write(
      csvRow([
        userId(p),
        p.name,
        p.email,
        p.jobTitle,
        p.location,
        p.department,
        `${API}/users/${userId(p)}`,
        '',
        '',
        yammerTime(joined),
        '',
        '',
        '',
        '',
        guid(rng),
        'active',
        guid(rng),
      ]),
    );
  }
  await sink.close();
}

async function writeGroups(path: string, world: YammerWorld): Promise<void> {
  const sink = await FileSink.open(path);
  await sink.write(BOM + csvRow(GROUP_COLUMNS));
  for (const g of world.spaces.filter((s) => s.kind !== 'dm')) {
    await sink.write(
      csvRow([
        g.id,
        g.name,
        g.description,
        String(g.kind === 'private'),
        String(g.kind === 'private'),
        `${API}/groups/${g.id}`,
        userId(g.createdBy),
        'user',
        yammerTime(g.createdAt),
        yammerTime(g.createdAt),
        'false',
        'false',
        '',
      ]),
    );
  }
  await sink.close();
}

async function writeTopics(path: string, world: YammerWorld): Promise<void> {
  const sink = await FileSink.open(path);
  await sink.write(BOM + csvRow(TOPIC_COLUMNS));
  for (const t of world.topics) {
    await sink.write(
      csvRow([t.id, t.name, `${API}/topics/${t.id}`, yammerTime(t.createdAt), userId(t.createdBy), 'user']),
    );
  }
  await sink.close();
}
