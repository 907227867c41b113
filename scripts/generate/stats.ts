/**
 * What a writer wrote, counted from the thread specs as they stream past: the independent
 * expectation that tests and fixtures/README.md compare the pipeline's figures with.
 */
import type { ThreadSpec } from './model.js';

/** Counts for one export. "Threads" follow spec §4: countable starters outside private conversations. */
export interface ExportStats {
  /** Message records written (rows of Messages.csv, objects in Slack day files), all kinds. */
  records: number;
  /** Records that become activities by default: posts and replies, not deleted, not system, not DMs. */
  contributions: number;
  posts: number;
  replies: number;
  deleted: number;
  system: number;
  bot: number;
  /** Records in private groups/channels (counted, never quoted). */
  privateGroup: number;
  /** Records in private conversations / DMs (excluded by default). */
  privateConversation: number;
  /** Reaction triples (person, message, emoji). */
  reactions: number;
  /** Threads started (spec §4, all time; the sample pilot has no activity outside its period). */
  threads: number;
  /** Threads with a reply by someone other than the starter's author. */
  answered: number;
  /** Threads with replies only by their author. */
  selfAnsweredOnly: number;
  /** Hours from starter to the first reply by another person, split by who answered first. */
  firstResponseHours: { moderator: number[]; other: number[] };
  /** Keys of the persons with at least one counted contribution. */
  contributors: Set<string>;
}

/** Empty counters. */
export function emptyStats(): ExportStats {
  return {
    records: 0,
    contributions: 0,
    posts: 0,
    replies: 0,
    deleted: 0,
    system: 0,
    bot: 0,
    privateGroup: 0,
    privateConversation: 0,
    reactions: 0,
    threads: 0,
    answered: 0,
    selfAnsweredOnly: 0,
    firstResponseHours: { moderator: [], other: [] },
    contributors: new Set(),
  };
}

/**
 * Adds one thread. `keepsDeleted`: Yammer keeps soft-deleted rows, Slack drops deleted messages.
 * Bot posts (Slack `bot_message`) are records but not contributions.
 */
export function tallyThread(
  stats: ExportStats,
  thread: ThreadSpec,
  keepsDeleted: boolean,
  isBot: (t: ThreadSpec, i: number) => boolean,
): void {
  const dm = thread.space.kind === 'dm';
  thread.posts.forEach((post, index) => {
    if (post.deleted !== undefined && !keepsDeleted) return;
    stats.records += 1;
    if (thread.space.kind === 'private') stats.privateGroup += 1;
    if (dm) stats.privateConversation += 1;
    const bot = isBot(thread, index);
    if (bot) stats.bot += 1;
    if (post.deleted !== undefined) stats.deleted += 1;
    else if (post.special === 'system') stats.system += 1;
    else if (!dm && !bot) {
      stats.contributions += 1;
      stats.contributors.add(post.author.key);
      if (index === 0) stats.posts += 1;
      else stats.replies += 1;
      stats.reactions += (post.reactions ?? []).reduce((sum, r) => sum + r.by.length, 0);
    }
  });
  const starter = thread.posts[0];
  if (dm || starter === undefined || starter.deleted !== undefined || starter.special === 'system' || isBot(thread, 0))
    return;
  stats.threads += 1;
  const replies = thread.posts.slice(1).filter((p) => p.deleted === undefined && p.special !== 'system');
  const first = replies.find((p) => p.author !== starter.author);
  if (first !== undefined) {
    stats.answered += 1;
    const hours = (first.at - starter.at) / 3_600_000;
    (first.author.role === 'moderator' ? stats.firstResponseHours.moderator : stats.firstResponseHours.other).push(
      hours,
    );
  } else if (replies.length > 0) stats.selfAnsweredOnly += 1;
}

/** Passes threads through unchanged while tallying them. */
export function* tallied(
  threads: Iterable<ThreadSpec>,
  stats: ExportStats,
  keepsDeleted: boolean,
  isBot: (t: ThreadSpec, i: number) => boolean,
): Generator<ThreadSpec> {
  for (const thread of threads) {
    tallyThread(stats, thread, keepsDeleted, isBot);
    yield thread;
  }
}
