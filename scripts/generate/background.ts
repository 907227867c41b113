/**
 * Background traffic: ordinary threads (questions, updates, replies) spread over the pilot's days
 * with monthly growth and seasonal dips, generated lazily in start-time order so that a benchmark
 * can ask for a million messages without holding them.
 */
import { DAY, HOUR, type Person, type PostSpec, type ReactionSpec, type SpaceSpec, type ThreadSpec } from './model.js';
import type { Rng } from './prng.js';
import type { TextFactory } from './text.js';

/** What to generate, and from whom. */
export interface BackgroundOptions {
  /** Exact number of messages (starters + replies) to produce. */
  messages: number;
  /** People on this tool. */
  people: readonly Person[];
  /** Spaces to post in (DMs included: their members talk there). */
  spaces: readonly SpaceSpec[];
  /** UTC ms; the period is [start, end). */
  start: number;
  end: number;
  /** Relative activity per calendar month from `start` (growth, summer dip). */
  monthWeights: readonly number[];
  /** Share of replies that are soft-deleted (Yammer keeps them as rows). */
  deleteRate: number;
  /** Whether messages carry emoji reactions (Slack). */
  reactions: boolean;
  /** Starter texts; share one between the writers of a pilot so no starter repeats across tools. */
  texts: TextFactory;
}

/** The marker word every message of a private space carries, so tests can prove it never leaks. */
export function privateMarker(space: SpaceSpec): string | null {
  if (space.kind === 'private') return 'PRIVATE-MARKER-GROUP';
  if (space.kind === 'dm') return 'PRIVATE-MARKER-DM';
  return null;
}

/** A thread's posts relative to its start, before the start is known. */
interface Draft {
  space: SpaceSpec;
  posts: {
    author: Person;
    offset: number;
    text: string;
    replyTo: number | null;
    reactions?: ReactionSpec[];
    deleted?: boolean;
  }[];
}

function monthIndex(start: number, at: number): number {
  const a = new Date(start);
  const b = new Date(at);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

function dayWeights(o: BackgroundOptions, rng: Rng): number[] {
  const weights: number[] = [];
  for (let day = o.start; day < o.end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.12 : 1;
    weights.push((o.monthWeights[monthIndex(o.start, day)] ?? 1) * weekend * (0.7 + 0.6 * rng.float()));
  }
  return weights;
}

/** Background threads in start-time order, exactly `messages` posts in all. */
export function* backgroundThreads(o: BackgroundOptions, rng: Rng): Generator<ThreadSpec> {
  const text = o.texts;
  const crowd = new Crowd(o.people);
  const weights = dayWeights(o, rng.fork('days'));
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let produced = 0;
  for (let i = 0; i < weights.length; i += 1) {
    cumulative += weights[i] ?? 0;
    const dayStart = o.start + i * DAY;
    const target = i === weights.length - 1 ? o.messages : Math.round((o.messages * cumulative) / total);
    const drafts: Draft[] = [];
    while (produced < target) {
      // The budget is what is left overall, not today's share, so small exports keep their long threads.
      const draft = draftThread(o, rng, text, crowd, monthIndex(o.start, dayStart), o.messages - produced);
      produced += draft.posts.length;
      drafts.push(draft);
    }
    yield* placeDrafts(drafts, dayStart, o.end, rng);
  }
}

function placeDrafts(drafts: readonly Draft[], dayStart: number, end: number, rng: Rng): ThreadSpec[] {
  // Working hours, 07:00-19:00 UTC, whole seconds; sorted so the stream stays start-ordered.
  const starts = drafts
    .map(() => dayStart + 7 * HOUR + Math.floor(rng.float() * 12 * 3600) * 1000)
    .sort((a, b) => a - b);
  return drafts.map((draft, i) => {
    const start = starts[i] ?? dayStart;
    let previous = start;
    const posts: PostSpec[] = draft.posts.map((p) => {
      const at = Math.max(previous, Math.min(start + Math.round(p.offset / 1000) * 1000, end - 1000));
      previous = at;
      const post: PostSpec = { author: p.author, at, text: p.text, replyTo: p.replyTo };
      if (p.reactions !== undefined) post.reactions = p.reactions;
      if (p.deleted === true) post.deleted = { by: p.author, at: Math.min(at + 2 * HOUR, end - 1000) };
      return post;
    });
    return { space: draft.space, posts, messageType: 'update' };
  });
}

/** Weighted choice among people in O(log n), so a benchmark roster of thousands stays fast. */
class Picker {
  private readonly cumulative: number[] = [];

  constructor(readonly people: readonly Person[]) {
    let total = 0;
    for (const p of people) this.cumulative.push((total += p.weight));
  }

  /** A person by weight, other than `not` when anyone else has weight; null when nobody can be picked. */
  pick(rng: Rng, not: readonly Person[] = []): Person | null {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    if (total <= 0) return null;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const target = rng.float() * total;
      let lo = 0;
      let hi = this.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      const person = this.people[lo];
      if (person !== undefined && !not.includes(person)) return person;
    }
    // Rejection failed (tiny pools): fall back to an exact draw among the others.
    const rest = this.people.filter((p) => !not.includes(p) && p.weight > 0);
    return rest.length === 0 ? null : rng.weighted(rest, (p) => p.weight);
  }
}

/** Pickers per month (people who have joined by then) and per closed space, built once. */
class Crowd {
  private readonly byMonth = new Map<number, Picker>();
  private readonly bySpace = new Map<SpaceSpec, Picker>();

  constructor(private readonly people: readonly Person[]) {}

  month(month: number): Picker {
    let picker = this.byMonth.get(month);
    if (picker === undefined) {
      const active = this.people.filter((p) => p.joinMonth <= month);
      picker = new Picker(active.length > 0 ? active : this.people);
      this.byMonth.set(month, picker);
    }
    return picker;
  }

  /** Who can answer in a space: its members when it is closed, else everyone active. */
  forSpace(space: SpaceSpec, month: number): Picker {
    if (space.kind !== 'dm' && space.kind !== 'private') return this.month(month);
    let picker = this.bySpace.get(space);
    if (picker === undefined) {
      picker = new Picker(space.members);
      this.bySpace.set(space, picker);
    }
    return picker;
  }
}

function chooseSpace(o: BackgroundOptions, rng: Rng, author: Person): SpaceSpec {
  const own = o.spaces.filter((s) => s.kind !== 'dm' && s.kind !== 'private' && s.department === author.department);
  const open = o.spaces.filter((s) => s.kind !== 'dm' && s.kind !== 'private');
  const roll = rng.float();
  if (own.length > 0 && roll < 0.6) return rng.pick(own);
  const closed = o.spaces.filter(
    (s) => (s.kind === 'dm' || s.kind === 'private') && s.members.some((m) => m.key === author.key),
  );
  if (closed.length > 0 && roll > 0.96) return rng.pick(closed);
  return rng.pick(open.length > 0 ? open : o.spaces);
}

function draftThread(
  o: BackgroundOptions,
  rng: Rng,
  text: TextFactory,
  crowd: Crowd,
  month: number,
  budget: number,
): Draft {
  const author = crowd.month(month).pick(rng) ?? o.people[0];
  if (author === undefined) throw new Error('generator bug: nobody to post');
  const space = chooseSpace(o, rng, author);
  const pool = crowd.forSpace(space, month);
  const others = (not: readonly Person[] = []): Person | null =>
    pool.pick(
      rng,
      [author, ...not].filter((p) => p !== undefined),
    );
  const marker = privateMarker(space);
  const mark = (t: string): string => (marker === null ? t : `${t} ${marker}`);
  // A few starters carry a harmless topic, so Topics.csv is referenced by real [[tag:ID]] tokens.
  const topic = rng.chance(0.05) ? ' {#tips}' : '';
  const draft: Draft = {
    space,
    posts: [{ author, offset: 0, text: text.starter(author.department, mark(topic)), replyTo: null }],
  };
  const shape = rng.float();
  if (shape < 0.2 || budget === 1) return withReactions(draft, o, rng, others);
  if (shape < 0.28) {
    draft.posts.push({ author, offset: rng.logNormal(20 * HOUR, 0.8), text: mark(text.followUp()), replyTo: 0 });
    return withReactions(draft, o, rng, others);
  }
  const replies = Math.min(budget - 1, 1 + Math.floor(rng.exponential(1.6)));
  const moderators = pool.people.filter((p) => p.role === 'moderator' && p !== author);
  let offset = 0;
  for (let r = 0; r < replies; r += 1) {
    const first = r === 0;
    const byModerator = first && moderators.length > 0 && rng.chance(0.3);
    const replier = byModerator ? rng.pick(moderators) : r > 1 && rng.chance(0.2) ? author : others();
    if (replier === null) break;
    // Moderators answer within about an hour; others within half a day (the observational pattern).
    offset += byModerator ? rng.logNormal(1.2 * HOUR, 0.6) : rng.logNormal(first ? 9 * HOUR : 4 * HOUR, 0.9);
    const mention = rng.chance(0.1) ? ` cc {@${rng.pick(o.people).key}}` : '';
    const deleted = replier !== author && rng.chance(o.deleteRate);
    draft.posts.push({
      author: replier,
      offset,
      text: mark(`${text.reply()}${mention}`),
      replyTo: rng.chance(0.8) ? 0 : r,
      deleted,
    });
  }
  return withReactions(draft, o, rng, others);
}

const EMOJI: readonly string[] = ['+1', 'tada', 'eyes', 'heart', 'raised_hands', 'white_check_mark'];

function withReactions(
  draft: Draft,
  o: BackgroundOptions,
  rng: Rng,
  others: (not?: readonly Person[]) => Person | null,
): Draft {
  if (!o.reactions) return draft;
  for (const post of draft.posts) {
    if (!rng.chance(0.3)) continue;
    const by: Person[] = [];
    const wanted = rng.int(1, 4);
    for (let i = 0; i < wanted; i += 1) {
      const person = others([post.author, ...by]);
      if (person !== null) by.push(person);
    }
    if (by.length > 0) post.reactions = [{ name: rng.pick(EMOJI), by }];
  }
  return draft;
}
