import type { Query } from '../../model/query.js';
import { LOCAL_OFFSETS, localAt, offsetJoin } from '../../time/local-time-sql.js';

/** One person's activity in one local month. */
export interface PersonMonth {
  personId: string;
  /** `2026-01`, in the report time zone. */
  month: string;
  /** Any activity: posts, replies, reactions, wiki edits. */
  activities: number;
  /** Posts, replies and wiki page edits (`is_contribution`). */
  contributions: number;
}

/**
 * Activities per person and local month, from the start of the loaded data to the end of the
 * period: a cohort is the month a person was first seen, which may lie before the period.
 */
export async function personMonths(query: Query, until: string, timeZone: string): Promise<PersonMonth[]> {
  const rows = await query.all<{ person_id: string; month: string; activities: number; contributions: number }>(
    `
    WITH ${LOCAL_OFFSETS},
    dated AS (
      SELECT a.person_id, a.is_contribution, strftime(${localAt('a.occurred_at', 'o')}, '%Y-%m') AS month
      FROM activities a ${offsetJoin('o')}
      WHERE a.occurred_at < $until::TIMESTAMPTZ)
    SELECT person_id, month, count(*)::INTEGER AS activities, count(*) FILTER (WHERE is_contribution)::INTEGER AS contributions
    FROM dated GROUP BY person_id, month ORDER BY person_id, month`,
    { until, tz: timeZone },
  );
  return rows.map((r) => ({
    personId: r.person_id,
    month: r.month,
    activities: r.activities,
    contributions: r.contributions,
  }));
}
