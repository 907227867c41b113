import type { Query } from '../model/query.js';
import { MODERATOR_LIST, SEPARATOR } from './moderation-sql.js';
import { middleColumns, type OrderStats } from './sql-stats.js';

/**
 * Per-thread facts of moderation, kept in DuckDB: one temp table of the threads (hundreds of
 * thousands at scale) that both the period figures and the per-space before/after comparison
 * aggregate, so only a row or two per group reaches JS.
 */

/** An activity `a` counts as a moderator's from the moderator's `since` instant on (`m`: moderator_list). */
const BY_MODERATOR = 'm.person_id IS NOT NULL AND (m.since_at IS NULL OR a.occurred_at >= m.since_at)';

/**
 * Hours from the thread `starter` (its `started_at`) to the reply `a`: one expression wherever
 * waits are compared, so a moderator's wait equals the first response's when they fall in the
 * same millisecond.
 */
const hoursFrom = (starter: string): string =>
  `(epoch_ms(a.occurred_at) - epoch_ms(${starter}.started_at)) / 3600000.0`;

/** The temp table; one connection runs one metric at a time, so a fixed name is safe. */
const THREADS_TABLE = 'moderation_threads';

/**
 * Creates the temp table of threads (message posts, wiki excluded) started in `[from, until)`:
 * replies, distinct persons, hours to the first response (overall, by a moderator, by anyone
 * else), whether the first response was a moderator's, whether a moderator joined. A response is
 * a reply by a person other than the starter's author, at any time (spec §4). A thread is joined
 * by a moderator when a moderator started it or replied in it (from their `since` instant on).
 * With `withPeople`, the thread's distinct persons are kept as a list (for people per window).
 * Call `dropThreadFacts` when done.
 *
 * Every reply is grouped once on narrow columns, without the moderator facts (its count, first
 * response, responders); the moderator facts come from the moderators' replies alone, which are
 * few. Only a thread whose first response instant holds a moderator's response can have a
 * moderator's first response or an "others" wait other than the first; those threads alone
 * ("contested") are grouped again reply by reply. Computing the moderator facts on every joined
 * reply took 4.6 s of CPU on the three exports of the bench (2.2M records), the split ~2 s.
 */
export async function createThreadFacts(
  query: Query,
  from: string,
  until: string,
  moderators: string,
  withPeople: boolean,
): Promise<void> {
  // The thread's persons: its repliers (distinct; the starter's own replies too), and the starter
  // when not among them (list_distinct over every row cost more than the grouping).
  const repliers = withPeople ? ', list(DISTINCT r.person_id) AS repliers' : '';
  const people = withPeople
    ? `, CASE WHEN c.repliers IS NULL THEN [s.person_id] WHEN list_contains(c.repliers, s.person_id) THEN c.repliers
              ELSE list_prepend(s.person_id, c.repliers) END AS people`
    : '';
  // Without moderators no thread is contested: the reply-by-reply join is not run (it scanned
  // every reply for nothing, ~1 s of CPU on the bench's three exports).
  const contested =
    moderators === ''
      ? 'contested AS (SELECT NULL::VARCHAR AS starter_id, NULL::BOOLEAN AS first_by_moderator, NULL::DOUBLE AS other_hours WHERE false)'
      : `contested AS (  -- a moderator responded at the first response's instant: who was first (ties by activity id)
      SELECT t.starter_id,
             arg_min(${BY_MODERATOR}, {'hours': ${hoursFrom('t')}, 'id': a.activity_id}) AS first_by_moderator,
             min(${hoursFrom('t')}) FILTER (WHERE NOT (${BY_MODERATOR})) AS other_hours
      FROM threads t
      JOIN activities a ON a.thread_id = t.thread_id AND a.kind = 'reply' AND a.person_id <> t.person_id
      LEFT JOIN moderator_list m ON m.person_id = a.person_id
      WHERE t.moderator_hours = t.first_hours
      GROUP BY t.starter_id)`;
  await query.run(
    `
    CREATE OR REPLACE TEMP TABLE ${THREADS_TABLE} AS
    WITH ${MODERATOR_LIST},
    -- Starters and replies each read activities; starters, read several times, is inlined rather
    -- than materialized: holding its rows crowded the join and the grouping into spilling under
    -- the memory limit (4M messages: 10.3 against 8.2 s of CPU).
    starters AS NOT MATERIALIZED (
      SELECT a.activity_id AS starter_id, a.thread_id, a.space_id, a.person_id, a.occurred_at AS started_at, ${BY_MODERATOR} AS by_moderator
      FROM activities a LEFT JOIN moderator_list m USING (person_id)
      WHERE a.kind = 'post' AND a.occurred_at >= $from::TIMESTAMPTZ AND a.occurred_at < $until::TIMESTAMPTZ),
    reply_counts AS (  -- every reply, narrow: the first response's instant, responders (person_id is never null)
      SELECT s.starter_id, count(*) AS replies,
             min(r.occurred_at) FILTER (WHERE r.person_id <> s.person_id) AS responded_at,
             count(DISTINCT r.person_id) FILTER (WHERE r.person_id <> s.person_id) AS responders${repliers}
      FROM (SELECT starter_id, thread_id, person_id FROM starters) s
      JOIN (SELECT thread_id, person_id, occurred_at FROM activities WHERE kind = 'reply') r ON r.thread_id = s.thread_id
      GROUP BY s.starter_id),
    moderator_figures AS (  -- the moderators' replies only
      SELECT s.starter_id,
             min(${hoursFrom('s')}) FILTER (WHERE a.person_id <> s.person_id AND ${BY_MODERATOR}) AS moderator_hours,
             bool_or(${BY_MODERATOR}) AS moderator_replied
      FROM starters s
      JOIN activities a ON a.thread_id = s.thread_id AND a.kind = 'reply'
      JOIN moderator_list m ON m.person_id = a.person_id
      GROUP BY s.starter_id),
    threads AS (
      SELECT s.*, coalesce(c.replies, 0) AS replies, 1 + coalesce(c.responders, 0) AS n_people,
             -- hoursFrom's expression, at the first response
             (epoch_ms(c.responded_at) - epoch_ms(s.started_at)) / 3600000.0 AS first_hours,
             f.moderator_hours, coalesce(f.moderator_replied, false) AS moderator_replied${people}
      FROM starters s LEFT JOIN reply_counts c USING (starter_id) LEFT JOIN moderator_figures f USING (starter_id)),
    ${contested}
    SELECT t.space_id, t.started_at, t.replies, t.n_people, t.first_hours,
           coalesce(x.first_by_moderator, false) AS first_by_moderator, t.moderator_hours,
           CASE WHEN x.starter_id IS NULL THEN t.first_hours ELSE x.other_hours END AS other_hours,
           t.by_moderator OR t.moderator_replied AS moderator_joined${withPeople ? ', t.people' : ''}
    FROM threads t
    LEFT JOIN contested x USING (starter_id)`,
    { from, until, moderators },
  );
}

/** Drops the temp table of `createThreadFacts`. */
export function dropThreadFacts(query: Query): Promise<void> {
  return query.run(`DROP TABLE IF EXISTS ${THREADS_TABLE}`);
}

/** Sums over a set of threads, for `ThreadGroup` (means are sum / threads). */
export interface GroupSums {
  threads: number;
  answered: number;
  replies: number;
  /** Sum over threads of their distinct persons. */
  participants: number;
}

/** What moderation reports over the threads started in the period. */
export interface PeriodThreadFigures {
  threads: number;
  answered: number;
  /** Answered threads whose first response was a moderator's. */
  firstByModerator: number;
  moderatorHours: OrderStats;
  otherHours: OrderStats;
  joined: GroupSums;
  notJoined: GroupSums;
}

function groupColumns(condition: string, prefix: string): string {
  return `count(*) FILTER (WHERE ${condition}) AS ${prefix}_threads,
          count(first_hours) FILTER (WHERE ${condition}) AS ${prefix}_answered,
          coalesce(sum(replies) FILTER (WHERE ${condition}), 0)::BIGINT AS ${prefix}_replies,
          coalesce(sum(n_people) FILTER (WHERE ${condition}), 0)::BIGINT AS ${prefix}_participants`;
}

type FigureRow = Record<string, string | number | boolean | null>;

/** A number column; absent (no row) or NULL (sum over nothing) reads `fallback`. */
function num(row: FigureRow | undefined, column: string): number;
function num(row: FigureRow | undefined, column: string, fallback: null): number | null;
function num(row: FigureRow | undefined, column: string, fallback: number | null = 0): number | null {
  const value = row?.[column];
  return typeof value === 'number' ? value : fallback;
}

function orderStats(row: FigureRow | undefined, name: string): OrderStats {
  return { n: num(row, `${name}_n`), lower: num(row, `${name}_lower`, null), upper: num(row, `${name}_upper`, null) };
}

function groupSums(row: FigureRow | undefined, prefix: string): GroupSums {
  return {
    threads: num(row, `${prefix}_threads`),
    answered: num(row, `${prefix}_answered`),
    replies: num(row, `${prefix}_replies`),
    participants: num(row, `${prefix}_participants`),
  };
}

/** Figures over the threads of the temp table started from `since` on. */
export async function periodThreadFigures(query: Query, since: string): Promise<PeriodThreadFigures> {
  const [row] = await query.all<FigureRow>(
    `
    WITH figures AS (
      SELECT count(*) AS threads, count(first_hours) AS answered,
             count(*) FILTER (WHERE first_hours IS NOT NULL AND first_by_moderator) AS first_by_moderator,
             list_sort(list(moderator_hours) FILTER (WHERE moderator_hours IS NOT NULL)) AS mh,
             list_sort(list(other_hours) FILTER (WHERE other_hours IS NOT NULL)) AS oh,
             ${groupColumns('moderator_joined', 'joined')},
             ${groupColumns('NOT moderator_joined', 'not_joined')}
      FROM ${THREADS_TABLE} WHERE started_at >= $since::TIMESTAMPTZ)
    SELECT * EXCLUDE (mh, oh), ${middleColumns('mh', 'moderator_hours')}, ${middleColumns('oh', 'other_hours')}
    FROM figures`,
    { since },
  );
  return {
    threads: num(row, 'threads'),
    answered: num(row, 'answered'),
    firstByModerator: num(row, 'first_by_moderator'),
    moderatorHours: orderStats(row, 'moderator_hours'),
    otherHours: orderStats(row, 'other_hours'),
    joined: groupSums(row, 'joined'),
    notJoined: groupSums(row, 'not_joined'),
  };
}

/** A space split at a moderator's start: threads started from `earliest` to `sinceAt`, and from it on. */
export interface SpaceSplit {
  moderator: string;
  spaceId: string;
  /** ISO instant. */
  sinceAt: string;
}

/** One side of a split: its sums, distinct persons and hours to first response. */
export interface WindowFigures extends GroupSums {
  people: number;
  firstHours: OrderStats;
}

/** The key `windowFigures` files a side under. */
export function windowKey(moderator: string, spaceId: string, before: boolean): string {
  return `${moderator}\t${spaceId}\t${before ? 'before' : 'after'}`;
}

/** Figures per split and side (`windowKey`) over the temp table's threads started from `earliest`; sides without threads are absent. */
export async function windowFigures(
  query: Query,
  splits: readonly SpaceSplit[],
  earliest: string,
): Promise<Map<string, WindowFigures>> {
  const rows = await query.all<FigureRow>(
    `
    WITH splits AS (
      SELECT split_part(entry, chr(9), 1) AS moderator, split_part(entry, chr(9), 2) AS space_id,
             split_part(entry, chr(9), 3)::TIMESTAMPTZ AS since_at
      FROM (SELECT unnest(string_split($splits, chr(10))) AS entry) WHERE entry <> ''),
    sides AS (
      SELECT w.moderator, w.space_id, t.started_at < w.since_at AS before, t.* EXCLUDE (space_id)
      FROM splits w JOIN ${THREADS_TABLE} t ON t.space_id = w.space_id
      WHERE t.started_at >= $earliest::TIMESTAMPTZ),
    people AS (
      SELECT moderator, space_id, before, count(DISTINCT person_id) AS people
      FROM (SELECT moderator, space_id, before, unnest(people) AS person_id FROM sides)
      GROUP BY ALL),
    figures AS (
      SELECT moderator, space_id, before, ${groupColumns('true', 'window')},
             list_sort(list(first_hours) FILTER (WHERE first_hours IS NOT NULL)) AS fh
      FROM sides GROUP BY ALL)
    SELECT f.* EXCLUDE (fh), p.people, ${middleColumns('fh', 'first_hours')}
    FROM figures f JOIN people p USING (moderator, space_id, before)`,
    { splits: splits.map((s) => `${s.moderator}\t${s.spaceId}\t${s.sinceAt}`).join(SEPARATOR), earliest },
  );
  return new Map(
    rows.map((r) => [
      windowKey(String(r['moderator']), String(r['space_id']), r['before'] === true),
      { ...groupSums(r, 'window'), people: num(r, 'people'), firstHours: orderStats(r, 'first_hours') },
    ]),
  );
}
