import type { Query } from '../../model/query.js';
import { QUESTION_FILTER, questionRegex } from '../questions.js';
import type { MetricContext } from '../types.js';

/**
 * Every thread started in the period with what its wait needs: hours to the first response by
 * another person (null: none yet), the space and the starter's department. The same threads and
 * the same "response" as `conversations` (a reply by another person, at any time), so the interval
 * and the curve qualify the figures printed beside them; the question condition is `conversations`'
 * own (`QUESTION_FILTER`).
 */
const threadWaitsSql = `
  WITH starters AS (
    SELECT activity_id, thread_id, person_id, space_id, occurred_at AS started_at,
           coalesce(true ${QUESTION_FILTER}, false) AS is_question
    FROM activities
    WHERE kind = 'post'
      AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
  first_responses AS (
    SELECT s.activity_id, min(r.occurred_at) AS responded_at
    FROM starters s JOIN activities r ON r.thread_id = s.thread_id AND r.kind = 'reply' AND r.person_id <> s.person_id
    GROUP BY s.activity_id)
  SELECT s.activity_id AS id,
         epoch_ms(s.started_at)::DOUBLE AS started_ms,
         (epoch_ms(f.responded_at) - epoch_ms(s.started_at)) / 3600000.0 AS hours,
         s.is_question,
         s.space_id, coalesce(sp.name, s.space_id) AS space_name, coalesce(sp.is_private, false) AS is_private,
         p.department
  FROM starters s
  LEFT JOIN first_responses f USING (activity_id)
  LEFT JOIN spaces sp ON sp.space_id = s.space_id
  LEFT JOIN persons p ON p.person_id = s.person_id
  ORDER BY s.started_at, s.activity_id`;

/** One thread's wait. */
export interface ThreadWait {
  id: string;
  startedMs: number;
  /** Hours to the first response by another person; null when none is in the data. */
  hours: number | null;
  isQuestion: boolean;
  spaceId: string | null;
  spaceName: string;
  isPrivate: boolean;
  department: string | null;
}

interface Row extends Record<string, string | number | boolean | null> {
  id: string;
  started_ms: number;
  hours: number | null;
  is_question: boolean;
  space_id: string | null;
  space_name: string;
  is_private: boolean;
  department: string | null;
}

export async function threadWaits(query: Query, ctx: MetricContext): Promise<ThreadWait[]> {
  const rows = await query.all<Row>(threadWaitsSql, {
    since: ctx.period.since,
    until: ctx.period.until,
    pattern: questionRegex(ctx.config.questionPatterns),
  });
  return rows.map((r) => ({
    id: r.id,
    startedMs: Number(r.started_ms),
    hours: r.hours,
    isQuestion: r.is_question,
    spaceId: r.space_id,
    spaceName: r.space_name,
    isPrivate: r.is_private,
    department: r.department,
  }));
}

/** The instant observation ends: the last loaded activity, or `asOf` when earlier. */
export async function observedUntilMs(query: Query, asOf: string): Promise<number> {
  const [row] = await query.all<{ last_ms: number | null }>(
    'SELECT epoch_ms(max(occurred_at))::DOUBLE AS last_ms FROM activities',
  );
  const asOfMs = Date.parse(asOf);
  const last = row?.last_ms;
  return last === null || last === undefined ? asOfMs : Math.min(asOfMs, Number(last));
}
