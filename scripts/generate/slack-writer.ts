/**
 * Writes a Slack workspace export folder (not zipped): users.json, channels.json, groups.json,
 * dms.json, mpims.json, integration_logs.json and one folder per conversation with `YYYY-MM-DD.json`
 * day files (split by UTC day, as slackdump does). Messages stream to disk in time order.
 */
import { join } from 'node:path';
import { backgroundThreads } from './background.js';
import { PILOT_END, PILOT_MONTH_WEIGHTS, PILOT_START } from './calendar.js';
import type { Person, PostSpec, SpaceSpec, ThreadSpec } from './model.js';
import { FileSink } from './output.js';
import { syntheticPeople } from './people.js';
import { Rng } from './prng.js';
import { writeSlackMetadata, TEAM_ID } from './slack-metadata.js';
import { emptyStats, tallied, type ExportStats } from './stats.js';
import { renderText, TextFactory } from './text.js';
import { mergeByStart, postsInTimeOrder } from './timeline.js';
import { slackWorld, type SlackWorld } from './world.js';

/** Options of a Slack export: a size and a seed, or a hand-made world plus planted threads. */
export interface SlackExportOptions {
  seed: number;
  /** Background messages to generate (planted threads come on top). */
  messages: number;
  world?: SlackWorld;
  /** Hand-written threads, sorted by start time. */
  planted?: readonly ThreadSpec[];
  /** Background text source; pass one shared factory to every writer of a small pilot. */
  texts?: TextFactory;
}

/** What was written: counts, day files, and the thread ts of each planted thread that has a `key`. */
export interface SlackExportResult {
  stats: ExportStats;
  dayFiles: number;
  threadTs: Map<string, string>;
}

/** Slack's text escaping: `&`, `<` and `>` become entities, before mentions are inserted. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Writes the export into `dir` (created when missing). */
export async function writeSlackExport(dir: string, options: SlackExportOptions): Promise<SlackExportResult> {
  const rng = new Rng(options.seed);
  const world =
    options.world ??
    slackWorld(
      rng.fork('world'),
      syntheticPeople(rng.fork('people'), Math.max(40, Math.ceil(options.messages / 400))),
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
      deleteRate: 0,
      reactions: true,
      texts: options.texts ?? new TextFactory(rng.fork('text'), options.messages < 5000),
    },
    rng.fork('background'),
  );
  const stats = emptyStats();
  const isBot = (t: ThreadSpec, i: number): boolean => t.posts[i]?.special === 'bot';
  const threads = tallied(mergeByStart(options.planted ?? [], background), stats, false, isBot);
  const days = new DayFiles(dir);
  const threadTs = await writeMessages(days, world, threads, rng.fork('ts'));
  await days.closeAll();
  await writeSlackMetadata(dir, world, rng.fork('metadata'));
  return { stats, dayFiles: days.opened, threadTs };
}

/** Folder of a conversation: channels by name, DMs by id (as Slack does). */
function folderOf(space: SpaceSpec): string {
  return space.kind === 'dm' ? space.id : space.name;
}

/** Keeps one open day file per conversation; posts arrive in time order, so each day opens once. */
class DayFiles {
  opened = 0;
  private readonly open = new Map<string, { day: string; sink: FileSink }>();

  constructor(private readonly dir: string) {}

  async add(space: SpaceSpec, ts: string, message: object): Promise<void> {
    const day = new Date(Number(ts.split('.')[0]) * 1000).toISOString().slice(0, 10);
    const folder = folderOf(space);
    const current = this.open.get(folder);
    const body = JSON.stringify(message, null, 4).replace(/\n/g, '\n    ');
    if (current !== undefined && current.day === day) {
      await current.sink.write(`,\n    ${body}`);
      return;
    }
    if (current !== undefined) await closeDay(current.sink);
    const sink = await FileSink.open(join(this.dir, folder, `${day}.json`));
    this.opened += 1;
    this.open.set(folder, { day, sink });
    await sink.write(`[\n    ${body}`);
  }

  async closeAll(): Promise<void> {
    for (const { sink } of this.open.values()) await closeDay(sink);
    this.open.clear();
  }
}

async function closeDay(sink: FileSink): Promise<void> {
  await sink.write('\n]\n');
  await sink.close();
}

async function writeMessages(
  days: DayFiles,
  world: SlackWorld,
  threads: Iterable<ThreadSpec>,
  rng: Rng,
): Promise<Map<string, string>> {
  const byKey = new Map(world.people.map((p) => [p.key, p]));
  const markup = {
    mention: (key: string) => `<@${byKey.get(key)?.slackId ?? key}>`,
    tag: (name: string) => `#${name}`,
  };
  const stamps = new WeakMap<ThreadSpec, string[]>();
  const threadTs = new Map<string, string>();
  let counter = rng.int(0, 999_999);
  for (const { thread, index, post } of postsInTimeOrder(threads)) {
    if (post.deleted !== undefined) continue;
    if (index === 0) {
      // Every ts of the thread is fixed when its parent is written: the parent lists its replies.
      const list = thread.posts.map(
        (p) => `${Math.floor(p.at / 1000)}.${String(((counter += 1) * 7919) % 1_000_000).padStart(6, '0')}`,
      );
      stamps.set(thread, list);
      if (thread.key !== undefined && list[0] !== undefined) threadTs.set(thread.key, list[0]);
    }
    const ts = stamps.get(thread) ?? [];
    const message = messageObject(world, thread, index, post, ts, (t) => renderText(slackEscape(t), markup), rng);
    await days.add(thread.space, ts[index] ?? '0.000000', message);
  }
  return threadTs;
}

function userProfile(p: Person): object {
  const [first = '', ...rest] = p.name.split(' ');
  return {
    avatar_hash: 'g0a1b2c3d4e5',
    first_name: first,
    real_name: p.name,
    display_name: rest.length > 0 ? first : p.name,
    team: TEAM_ID,
    name: p.email.split('@')[0] ?? p.key,
    is_restricted: false,
    is_ultra_restricted: false,
  };
}

function uid(p: Person): string {
  if (p.slackId === null) throw new Error(`generator bug: ${p.name} posts on Slack without an account`);
  return p.slackId;
}

type Render = (text: string) => string;

function messageObject(
  world: SlackWorld,
  thread: ThreadSpec,
  index: number,
  post: PostSpec,
  ts: readonly string[],
  render: Render,
  rng: Rng,
): object {
  const own = ts[index] ?? '';
  if (post.special === 'system') {
    return {
      user: uid(post.author),
      type: 'message',
      subtype: 'channel_join',
      text: `<@${uid(post.author)}> has joined the channel`,
      ts: own,
    };
  }
  if (post.special === 'bot') {
    return {
      type: 'message',
      subtype: 'bot_message',
      text: render(post.text),
      ts: own,
      username: world.bot.name,
      bot_id: world.bot.botId,
    };
  }
  const base: Record<string, unknown> = {
    client_msg_id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    type: 'message',
    ...(post.special === 'broadcast' ? { subtype: 'thread_broadcast' } : {}),
    text: render(post.text),
    user: uid(post.author),
    ts: own,
    bot_id: null,
    team: TEAM_ID,
    user_team: TEAM_ID,
    source_team: TEAM_ID,
    user_profile: userProfile(post.author),
  };
  const live = thread.posts.map((p, i) => ({ p, ts: ts[i] ?? '' })).filter(({ p }) => p.deleted === undefined);
  const replies = live.slice(1);
  const parent = thread.posts[0];
  if (index === 0 && replies.length > 0) {
    const users = [...new Set(replies.map(({ p }) => uid(p.author)))];
    Object.assign(base, {
      thread_ts: own,
      reply_count: replies.length,
      reply_users_count: users.length,
      latest_reply: replies[replies.length - 1]?.ts ?? own,
      reply_users: users,
      replies: replies.map(({ p, ts: t }) => ({ user: uid(p.author), ts: t })),
      is_locked: false,
      subscribed: false,
    });
  } else if (index > 0 && parent !== undefined) {
    Object.assign(base, { thread_ts: ts[0] ?? '', parent_user_id: uid(parent.author) });
    if (post.special === 'broadcast')
      base.root = { text: render(parent.text), user: uid(parent.author), ts: ts[0] ?? '', thread_ts: ts[0] ?? '' };
  }
  if (post.reactions !== undefined && post.reactions.length > 0) {
    base.reactions = post.reactions.map((r) => ({ name: r.name, users: r.by.map(uid), count: r.by.length }));
  }
  return base;
}
