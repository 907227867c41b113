import type { Query } from '../../model/query.js';
import { LOCAL_OFFSETS, localAt, offsetJoin } from '../../time/local-time-sql.js';

/** One thread and what became of it (the conversations section's definitions). */
export interface ThreadOutcome {
  spaceId: string;
  /** Space name as the export gives it (never printed by this module: matched against the config only). */
  spaceName: string;
  /** ISO instant the starter was posted. */
  startedAt: string;
  /** Local month of the start, `YYYY-MM`. */
  month: string;
  /** The starter's department and e-mail (lower case), when known. */
  department: string | null;
  email: string | null;
  personId: string;
  /** A reply by another person than the starter's, at any time. */
  answered: boolean;
  replies: number;
}

/** Lower-case ids and names of the private spaces: a config that names one must not echo it. */
export async function privateSpaceKeys(query: Query): Promise<Set<string>> {
  const rows = await query.all<{ space_id: string; name: string | null }>(
    'SELECT space_id, name FROM spaces WHERE is_private',
  );
  return new Set(rows.flatMap((r) => [r.space_id.toLowerCase(), ...(r.name ? [r.name.toLowerCase()] : [])]));
}

/**
 * Threads started in `[since, until)` (message sources, like conversations: wiki pages are no
 * threads), with the starter's department and whether anybody else replied.
 */
export async function threadOutcomes(
  query: Query,
  since: string,
  until: string,
  timeZone: string,
): Promise<ThreadOutcome[]> {
  const rows = await query.all<{
    space_id: string;
    space_name: string;
    started_at: string;
    month: string;
    department: string | null;
    email: string | null;
    person_id: string;
    answered: boolean;
    replies: number;
  }>(
    `
    WITH ${LOCAL_OFFSETS},
    starters AS (
      SELECT a.activity_id, a.thread_id, a.space_id, a.person_id, a.occurred_at AS started_at,
             strftime(${localAt('a.occurred_at', 'o')}, '%Y-%m') AS month
      FROM activities a ${offsetJoin('o')}
      WHERE a.kind = 'post'
        AND a.occurred_at >= $since::TIMESTAMPTZ AND a.occurred_at < $until::TIMESTAMPTZ),
    replies AS (
      SELECT s.activity_id, count(r.thread_id)::INTEGER AS replies,
             coalesce(bool_or(r.person_id <> s.person_id), false) AS answered
      FROM starters s LEFT JOIN activities r ON r.thread_id = s.thread_id AND r.kind = 'reply'
      GROUP BY s.activity_id)
    SELECT s.space_id, coalesce(sp.name, s.space_id) AS space_name, s.started_at::VARCHAR AS started_at, s.month,
           p.department, lower(p.email) AS email, s.person_id, r.answered, r.replies
    FROM starters s JOIN replies r USING (activity_id)
    LEFT JOIN spaces sp ON sp.space_id = s.space_id
    LEFT JOIN persons p ON p.person_id = s.person_id
    ORDER BY s.started_at, s.thread_id`,
    { since, until, tz: timeZone },
  );
  return rows.map((r) => ({
    spaceId: r.space_id,
    spaceName: r.space_name,
    startedAt: r.started_at,
    month: r.month,
    department: r.department,
    email: r.email,
    personId: r.person_id,
    answered: r.answered,
    replies: r.replies,
  }));
}
