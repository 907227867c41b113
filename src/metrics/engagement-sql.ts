import type { Query } from '../model/query.js';
import { localAt, offsetJoin } from '../time/local-time-sql.js';
import { withPersonDays } from './engagement-tables.js';
import type { Period } from './types.js';

export { withLocalOffsets, withPersonDays } from './engagement-tables.js';

/**
 * The SQL behind engagement (spec §3). Windows are clipped to the period `[$since, $until)`;
 * calendar buckets are cut in `$tz` (local times from `local-time-sql`: the same as DuckDB's ICU
 * `timezone()`, without one ICU call per row). The window counts, the daily and the retention
 * figures read `engagement_person_days` (engagement-tables.ts: the activities counted per person,
 * local day and side of the period, built once), not the activities; at 4M messages the four
 * queries each grouped the activities again (6.4 s of CPU).
 */

/** How activities are grouped: by local calendar month, by local ISO week, or the whole period. */
export type Bucket = 'month' | 'week' | 'period';

/** The bucket key of an instant `column`; needs `offsetJoin(alias)` unless `period`. */
function bucketOf(bucket: Bucket, column: string, alias: string): string {
  if (bucket === 'month') return `strftime(${localAt(column, alias)}, '%Y-%m')`;
  if (bucket === 'week') return `strftime(${localAt(column, alias)}, '%G-W%V')`;
  return `'period'`;
}

/** DuckDB refuses named parameters a statement does not use, so `$tz` is passed only when used. */
function params(period: Period, withZone: boolean): Record<string, string> {
  const p: Record<string, string> = { since: period.since, until: period.until };
  if (withZone) p['tz'] = period.timeZone;
  return p;
}

const IN_PERIOD = `occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ`;

/** Counts of one window (bucket key `bucket_key`). */
export interface WindowCountsRow extends Record<string, string | number> {
  bucket_key: string;
  active_people: number;
  contributors: number;
  posts: number;
  replies: number;
  reactions: number;
  wiki_edits: number;
  new_contributors: number;
}

/** The bucket key of a local `day` (a DATE of `engagement_person_days`). */
function bucketOfDay(bucket: Bucket, day: string): string {
  if (bucket === 'month') return `strftime(${day}, '%Y-%m')`;
  if (bucket === 'week') return `strftime(${day}, '%G-W%V')`;
  return `'period'`;
}

/** Activity counts, active people, contributors and new contributors per window of the period. */
export function windowCounts(query: Query, period: Period, bucket: Bucket): Promise<WindowCountsRow[]> {
  const local = bucket !== 'period';
  return withPersonDays(query, period, () =>
    query.all<WindowCountsRow>(
      `
    WITH first_contributions AS (  -- whole dataset: "first contribution ever"
      SELECT person_id, min(first_contribution_at) AS first_at FROM engagement_person_days GROUP BY person_id),
    new_contributors AS (
      SELECT ${bucketOf(bucket, 'f.first_at', 'fo')} AS bucket_key, count(*) AS new_contributors
      FROM first_contributions f ${local ? offsetJoin('fo') : ''}
      WHERE first_at >= $since::TIMESTAMPTZ AND first_at < $until::TIMESTAMPTZ
      GROUP BY bucket_key),
    -- Per person first, then per bucket: faster than count(DISTINCT) per bucket (person_id is never null).
    person_counts AS (
      SELECT ${bucketOfDay(bucket, 'day')} AS bucket_key, person_id, sum(contributions) > 0 AS contributed,
             sum(posts) AS posts, sum(replies) AS replies, sum(reactions) AS reactions, sum(wiki_edits) AS wiki_edits
      FROM engagement_person_days WHERE in_period GROUP BY bucket_key, person_id),
    counts AS (
      SELECT bucket_key,
             count(*) AS active_people,
             count(*) FILTER (WHERE contributed) AS contributors,
             sum(posts)::BIGINT AS posts,
             sum(replies)::BIGINT AS replies,
             sum(reactions)::BIGINT AS reactions,
             sum(wiki_edits)::BIGINT AS wiki_edits
      FROM person_counts GROUP BY bucket_key)
    SELECT c.*, coalesce(n.new_contributors, 0) AS new_contributors
    FROM counts c LEFT JOIN new_contributors n USING (bucket_key)
    ORDER BY bucket_key`,
      params(period, local),
    ),
  );
}

/** Per local month of the period: person-days (for stickiness) and active wiki editors. */
export interface MonthDailyRow extends Record<string, string | number> {
  month: string;
  person_days: number;
  active_wiki_editors: number;
}

/** Active wiki editors: Wikimedia's definition, at least 5 edits in the month. */
export const ACTIVE_WIKI_EDITOR_EDITS = 5;

export function monthlyDaily(query: Query, period: Period): Promise<MonthDailyRow[]> {
  return withPersonDays(query, period, () =>
    query.all<MonthDailyRow>(
      `
    WITH in_period AS (  -- one row per person and local day with an activity in the period
      SELECT strftime(day, '%Y-%m') AS month, person_id, wiki_edits FROM engagement_person_days WHERE in_period),
    person_days AS (
      SELECT month, count(*) AS person_days FROM in_period GROUP BY month),
    wiki_edit_counts AS (
      SELECT month, person_id, sum(wiki_edits) AS edits FROM in_period GROUP BY ALL),
    active_wiki_editors AS (
      SELECT month, count(*) FILTER (WHERE edits >= ${ACTIVE_WIKI_EDITOR_EDITS}) AS active_wiki_editors
      FROM wiki_edit_counts GROUP BY month)
    SELECT month, person_days, coalesce(w.active_wiki_editors, 0) AS active_wiki_editors
    FROM person_days LEFT JOIN active_wiki_editors w USING (month)
    ORDER BY month`,
    ),
  );
}

/**
 * Per local month: contributors of the month who also contributed the month before, those who had
 * contributed before but not the month before (reactivated), and the previous month's contributors.
 */
export interface MonthRetentionRow extends Record<string, string | number> {
  month: string;
  returning_contributors: number;
  reactivated_contributors: number;
  previous_contributors: number;
}

/**
 * Returning and reactivated contributors per month. The previous month and "before" are
 * whole-dataset facts (all loaded data, also before the period), so the period's first month is
 * compared with the month before it. A month's contributor is new (first contribution ever in the
 * window), returning (contributed the previous calendar month) or reactivated (contributed at
 * some earlier time, not the previous month): exactly one of the three.
 */
export function monthlyRetention(query: Query, period: Period): Promise<MonthRetentionRow[]> {
  return withPersonDays(query, period, () =>
    query.all<MonthRetentionRow>(
      `
    WITH contributions AS (  -- per person, local day and side of the period, with a contribution
      SELECT person_id, in_period, first_contribution_at, date_trunc('month', day::TIMESTAMP) AS month_start
      FROM engagement_person_days WHERE contributions > 0),
    contributor_months AS (  -- whole dataset
      SELECT DISTINCT person_id, month_start FROM contributions),
    first_ever AS (  -- whole dataset
      SELECT person_id, min(first_contribution_at) AS first_at FROM contributions GROUP BY person_id),
    period_contributors AS (
      SELECT person_id, month_start, min(first_contribution_at) AS first_in_window
      FROM contributions WHERE in_period GROUP BY person_id, month_start),
    classified AS (
      SELECT c.month_start,
             p.person_id IS NOT NULL AS is_returning,
             p.person_id IS NULL AND f.first_at < c.first_in_window AS is_reactivated
      FROM period_contributors c
      JOIN first_ever f USING (person_id)
      LEFT JOIN contributor_months p ON p.person_id = c.person_id AND p.month_start = c.month_start - INTERVAL 1 MONTH),
    returning_counts AS (
      SELECT month_start, count(*) FILTER (WHERE is_returning) AS returning_contributors,
             count(*) FILTER (WHERE is_reactivated) AS reactivated_contributors
      FROM classified GROUP BY month_start),
    previous_counts AS (
      SELECT month_start + INTERVAL 1 MONTH AS month_start, count(*) AS previous_contributors
      FROM contributor_months GROUP BY month_start)
    SELECT strftime(month_start, '%Y-%m') AS month,
           coalesce(r.returning_contributors, 0) AS returning_contributors,
           coalesce(r.reactivated_contributors, 0) AS reactivated_contributors,
           coalesce(p.previous_contributors, 0) AS previous_contributors
    FROM returning_counts r FULL OUTER JOIN previous_counts p USING (month_start)
    ORDER BY month`,
    ),
  );
}

/** Contributors of the period who also contributed in `previous`, and the contributors of `previous`. */
export async function periodRetention(
  query: Query,
  period: Period,
  previous: Period,
): Promise<{ returning: number; previousContributors: number }> {
  const rows = await query.all<{ returning_contributors: number; previous_contributors: number }>(
    `
    WITH period_contributors AS (
      SELECT DISTINCT person_id FROM activities WHERE is_contribution AND ${IN_PERIOD}),
    previous_contributors AS (
      SELECT DISTINCT person_id FROM activities
      WHERE is_contribution AND occurred_at >= $previousSince::TIMESTAMPTZ AND occurred_at < $previousUntil::TIMESTAMPTZ)
    SELECT (SELECT count(*) FROM period_contributors JOIN previous_contributors USING (person_id)) AS returning_contributors,
           (SELECT count(*) FROM previous_contributors) AS previous_contributors`,
    { ...params(period, false), previousSince: previous.since, previousUntil: previous.until },
  );
  return { returning: rows[0]?.returning_contributors ?? 0, previousContributors: rows[0]?.previous_contributors ?? 0 };
}

/** Contributions per contributor of the period, for participation (one number per person). */
export async function contributionsPerContributor(query: Query, period: Period): Promise<number[]> {
  const rows = await query.all<{ person_id: string; contributions: number }>(
    `
    SELECT person_id, count(*) AS contributions
    FROM activities WHERE is_contribution AND ${IN_PERIOD}
    GROUP BY person_id ORDER BY person_id`,
    params(period, false),
  );
  return rows.map((r) => r.contributions);
}
