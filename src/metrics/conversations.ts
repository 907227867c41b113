import { publicTitle, shownSpace } from './public-text.js';
import type { Query } from '../model/query.js';
import { mean, median, p90 } from './stats.js';
import type { Conversations, MetricContext, UnansweredThread } from './types.js';

export { PRIVATE_SPACE_LABEL } from './public-text.js';

/** Characters of the starter kept as the title of an unanswered thread. */

const DAY_MS = 86_400_000;

interface ThreadRow extends Record<string, string | number | boolean | null> {
  thread_id: string;
  source: string;
  started_at: string;
  space_name: string;
  is_private: boolean;
  starter_text: string | null;
  replies: number;
  /** Null when no other person replied. */
  hours_to_first_response: number | null;
}

/**
 * One row per thread started in the period: a `post` activity (wiki revisions are never posts,
 * and wiki sources are excluded anyway). A response is a reply by another PERSON than the
 * starter's (person_id, so a second account of the author merged by e-mail does not answer),
 * at any time, also after the period.
 */
const THREADS_SQL = `
  WITH starters AS (
    SELECT activity_id, thread_id, source, person_id, occurred_at AS started_at, space_id,
           coalesce(nullif(trim(title), ''), text) AS starter_text
    FROM activities
    WHERE kind = 'post' AND source <> 'mediawiki'
      AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
  replies AS (
    SELECT thread_id, person_id, occurred_at FROM activities WHERE kind = 'reply'),
  reply_counts AS (
    SELECT s.activity_id, count(*) AS replies
    FROM starters s JOIN replies r ON r.thread_id = s.thread_id GROUP BY s.activity_id),
  first_responses AS (
    SELECT s.activity_id, min(r.occurred_at) AS first_response_at
    FROM starters s JOIN replies r ON r.thread_id = s.thread_id AND r.person_id <> s.person_id
    GROUP BY s.activity_id)
  SELECT s.thread_id, s.source, s.started_at,
         coalesce(sp.name, s.space_id) AS space_name, coalesce(sp.is_private, false) AS is_private,
         s.starter_text,
         coalesce(rc.replies, 0) AS replies,
         (epoch_ms(f.first_response_at) - epoch_ms(s.started_at)) / 3600000.0 AS hours_to_first_response
  FROM starters s
  LEFT JOIN spaces sp ON sp.space_id = s.space_id
  LEFT JOIN reply_counts rc ON rc.activity_id = s.activity_id
  LEFT JOIN first_responses f ON f.activity_id = s.activity_id
  ORDER BY s.started_at, s.thread_id`;

/**
 * Conversations (spec §4) over threads whose starter lies in the period.
 *
 * Decisions where the spec is silent: `repliesPerThread` counts replies at any time (like
 * `answered`); `unanswered` lists the oldest threads first (ties by id), `ageDays` is whole days
 * from the start to `ctx.asOf`, and `title` (the starter's title, else its text, first 100
 * characters) is omitted for private spaces and for starters without text.
 */
export async function computeConversations(query: Query, ctx: MetricContext): Promise<Conversations> {
  const threads = await query.all<ThreadRow>(THREADS_SQL, { since: ctx.period.since, until: ctx.period.until });
  const hours = threads.flatMap((t) => (t.hours_to_first_response === null ? [] : [t.hours_to_first_response]));
  const answered = hours.length;
  return {
    threads: threads.length,
    answered,
    answeredRate: threads.length === 0 ? null : answered / threads.length,
    medianHoursToFirstResponse: median(hours),
    p90HoursToFirstResponse: p90(hours),
    repliesPerThread: mean(threads.map((t) => t.replies)),
    unanswered: threads
      .filter((t) => t.hours_to_first_response === null)
      .slice(0, ctx.config.unansweredListSize)
      .map((t) => unansweredThread(t, Date.parse(ctx.asOf))),
  };
}

function unansweredThread(t: ThreadRow, asOf: number): UnansweredThread {
  const item: UnansweredThread = {
    id: t.thread_id,
    source: t.source,
    space: shownSpace(t.is_private, t.space_name),
    startedAt: t.started_at,
    ageDays: Math.max(0, Math.floor((asOf - Date.parse(t.started_at)) / DAY_MS)),
  };
  const title = publicTitle(t.is_private, t.starter_text);
  if (title !== undefined) item.title = title;
  return item;
}
