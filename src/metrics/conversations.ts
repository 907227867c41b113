import { publicTitle, shownSpace } from './public-text.js';
import type { Query } from '../model/query.js';
import { meanOf, medianOf, middleColumns, percentileColumns, percentileOf } from './sql-stats.js';
import { conversationWindow, withConversationThreads } from './conversation-threads.js';
import type { Conversations, MetricContext, QuestionFigures, UnansweredThread } from './types.js';
import type { ConversationEvidence } from './uncertainty/index.js';

export { PRIVATE_SPACE_LABEL } from './public-text.js';

const DAY_MS = 86_400_000;

/**
 * What this module computes: the section's figures without the intervals and the response curve,
 * which the registry adds from uncertainty/ (`ConversationEvidence`, from the threads' waits).
 */
type ThreadFigures = Omit<QuestionFigures, keyof ConversationEvidence['questions']>;
type ConversationFigures = Omit<Conversations, keyof ConversationEvidence> & { questions: ThreadFigures };

/**
 * One row: thread count, replies, and the order statistics of hours to first response, over the
 * threads of `conversation_threads` (conversation-threads.ts) that `filter` keeps (an SQL condition
 * on that table, empty for every thread).
 */
const figuresSql = (filter = ''): string => `
  WITH threads AS (
    SELECT replies, (epoch_ms(responded_at) - epoch_ms(started_at)) / 3600000.0 AS hours
    FROM conversation_threads${filter ? ` WHERE ${filter}` : ''}),
  totals AS (
    SELECT count(*) AS threads, coalesce(sum(replies), 0)::BIGINT AS replies,
           list_sort(list(hours) FILTER (WHERE hours IS NOT NULL)) AS hours
    FROM threads)
  SELECT threads, replies, ${middleColumns('hours', 'hours')}, ${percentileColumns('hours', 90, 'p90')}
  FROM totals`;

interface FiguresRow extends Record<string, number | null> {
  threads: number;
  replies: number;
  hours_n: number;
  hours_lower: number | null;
  hours_upper: number | null;
  p90_low: number | null;
  p90_high: number | null;
}

/**
 * The oldest unanswered threads first (ties by id), at most `$limit`. The list is cut on narrow
 * columns; names and texts are joined to the few threads kept. The join also matches the
 * starter's instant and kind, which it has anyway: DuckDB then skips the activities outside the
 * kept threads' time range instead of probing every row by id (0.4 -> 0.1 s of CPU per list on
 * the bench's three exports).
 */
const unansweredSql = (filter = ''): string => `
  WITH unanswered AS (
    SELECT activity_id, thread_id, started_at FROM conversation_threads
    WHERE responded_at IS NULL${filter ? ` AND ${filter}` : ''}
    ORDER BY started_at, thread_id
    LIMIT $limit)
  SELECT u.thread_id, a.source, u.started_at,
         coalesce(sp.name, a.space_id) AS space_name, coalesce(sp.is_private, false) AS is_private,
         coalesce(nullif(trim(a.title), ''), a.text) AS starter_text
  FROM unanswered u
  JOIN activities a ON a.activity_id = u.activity_id AND a.occurred_at = u.started_at AND a.kind = 'post'
  LEFT JOIN spaces sp ON sp.space_id = a.space_id
  ORDER BY u.started_at, u.thread_id`;

interface UnansweredRow extends Record<string, string | boolean | null> {
  thread_id: string;
  source: string;
  started_at: string;
  space_name: string;
  is_private: boolean;
  starter_text: string | null;
}

/**
 * Conversations (spec §4) over threads whose starter lies in the period. The per-thread figures
 * stay in DuckDB: only the totals, the order statistics the median and p90 need, and the listed
 * unanswered threads reach JS.
 *
 * Decisions where the spec is silent: `repliesPerThread` counts replies at any time (like
 * `answered`); `unanswered` lists the oldest threads first (ties by id), `ageDays` is whole days
 * from the start to `ctx.asOf`, and `title` (the starter's title, else its text, first 100
 * characters) is omitted for private spaces and for starters without text.
 */
export async function computeConversations(query: Query, ctx: MetricContext): Promise<ConversationFigures> {
  return withConversationThreads(query, conversationWindow(ctx), async () =>
    figuresOf(await threadFigures(query, ctx, ''), await threadFigures(query, ctx, 'is_question')),
  );
}

function figuresOf(
  all: ThreadFigures & { repliesPerThread: number | null },
  questions: ThreadFigures,
): ConversationFigures {
  const { threads, answered, answeredRate, medianHoursToFirstResponse, p90HoursToFirstResponse, unanswered } = all;
  return {
    threads,
    answered,
    answeredRate,
    medianHoursToFirstResponse,
    p90HoursToFirstResponse,
    repliesPerThread: all.repliesPerThread,
    unanswered,
    questions: {
      threads: questions.threads,
      answered: questions.answered,
      answeredRate: questions.answeredRate,
      medianHoursToFirstResponse: questions.medianHoursToFirstResponse,
      p90HoursToFirstResponse: questions.p90HoursToFirstResponse,
      unanswered: questions.unanswered,
    },
  };
}

/** The figures of the threads `filter` keeps (every thread when it is empty). */
async function threadFigures(
  query: Query,
  ctx: MetricContext,
  filter: string,
): Promise<ThreadFigures & { repliesPerThread: number | null }> {
  const [f] = await query.all<FiguresRow>(figuresSql(filter));
  const threads = f?.threads ?? 0;
  const answered = f?.hours_n ?? 0;
  const unanswered = await query.all<UnansweredRow>(unansweredSql(filter), {
    limit: Math.max(0, ctx.config.unansweredListSize),
  });
  return {
    threads,
    answered,
    answeredRate: threads === 0 ? null : answered / threads,
    medianHoursToFirstResponse: medianOf({ n: answered, lower: f?.hours_lower ?? null, upper: f?.hours_upper ?? null }),
    p90HoursToFirstResponse: percentileOf(answered, 90, f?.p90_low ?? null, f?.p90_high ?? null),
    repliesPerThread: meanOf(f?.replies ?? 0, threads),
    unanswered: unanswered.map((t) => unansweredThread(t, Date.parse(ctx.asOf))),
  };
}

function unansweredThread(t: UnansweredRow, asOf: number): UnansweredThread {
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
