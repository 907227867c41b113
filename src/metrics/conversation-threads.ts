import type { Query } from '../model/query.js';
import { QUESTION_FILTER, questionRegex } from './questions.js';
import type { MetricContext } from './types.js';

/**
 * The threads started in a period, one row each, as the temporary table `conversation_threads`:
 * what the conversation figures, the unanswered lists and the threads' waits (uncertainty/) all
 * read. They used to repeat the same starters-joined-to-replies scan five times (two figure
 * queries, two unanswered lists, the waits: 5.3 s of CPU on 1M Yammer messages); the table is
 * built once and each of them reads 380k narrow rows instead.
 *
 * - A thread is a `post` in `[$since, $until)` (a wiki revision is a `page_create` or `page_edit`,
 *   never a post, whatever source recorded it); its id, starter person, space and start.
 * - `is_question`: its starter asks (`QUESTION_FILTER`, with `$pattern`).
 * - `replies`: its replies at any time, also the starter's own and after the period.
 * - `responded_at`: its first response, the earliest reply by another PERSON than the starter's
 *   (person_id, so a second account of the author merged by e-mail does not answer), at any time;
 *   NULL when none.
 *
 * The replies are counted per starter on narrow columns (its id, thread and person) and joined
 * back to the starters' other columns: grouping the joined rows with every column carried along
 * spilled under the memory limit at scale (4M messages: 6.6 against 5.5 s of CPU, 1M: the same).
 */
const THREADS_SQL = `
  CREATE OR REPLACE TEMP TABLE conversation_threads AS
  WITH starters AS NOT MATERIALIZED (
    SELECT activity_id, thread_id, person_id, space_id, occurred_at AS started_at,
           coalesce(true ${QUESTION_FILTER}, false) AS is_question
    FROM activities
    WHERE kind = 'post'
      AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
  replies AS (
    SELECT thread_id, person_id, occurred_at FROM activities WHERE kind = 'reply')
  SELECT s.activity_id, s.thread_id, s.person_id, s.space_id, s.started_at, s.is_question,
         coalesce(f.replies, 0) AS replies, f.responded_at
  FROM starters s
  LEFT JOIN (
    SELECT s.activity_id, count(*) AS replies,
           min(r.occurred_at) FILTER (WHERE r.person_id <> s.person_id) AS responded_at
    FROM (SELECT activity_id, thread_id, person_id FROM starters) s JOIN replies r ON r.thread_id = s.thread_id
    GROUP BY s.activity_id) f USING (activity_id)`;

/** What `conversation_threads` is built for: the period and the question rule. */
export function conversationWindow(ctx: MetricContext): { since: string; until: string; pattern: string } {
  return { since: ctx.period.since, until: ctx.period.until, pattern: questionRegex(ctx.config.questionPatterns) };
}

/** The table's period and question rule, per query surface (one per dataset), while it is in use. */
const open = new WeakMap<Query, { key: string; users: number }>();

/**
 * Runs `use` with `conversation_threads` built for `[since, until)` and the question regex
 * `pattern`. Nested calls with the same arguments share one table (the registry wraps the figures
 * and the evidence in one call); each alone still works. Dropped when the outermost use ends.
 */
export async function withConversationThreads<T>(
  query: Query,
  window: { since: string; until: string; pattern: string },
  use: () => Promise<T>,
): Promise<T> {
  const key = JSON.stringify([window.since, window.until, window.pattern]);
  const current = open.get(query);
  if (current && current.key === key) {
    current.users += 1;
    try {
      return await use();
    } finally {
      current.users -= 1;
    }
  }
  if (current) throw new Error(`conversation_threads is open for ${current.key}; a nested ${key} is not supported`);
  await query.run(THREADS_SQL, window);
  open.set(query, { key, users: 1 });
  try {
    return await use();
  } finally {
    open.delete(query);
    await query.run('DROP TABLE IF EXISTS conversation_threads');
  }
}
