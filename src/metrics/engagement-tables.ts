import type { Query } from '../model/query.js';
import { LOCAL_OFFSETS, localAt, offsetJoin } from '../time/local-time-sql.js';
import type { Period } from './types.js';

/**
 * The two temporary tables engagement's queries (engagement-sql.ts) read instead of the
 * activities: the zone's offsets and the person-days. Each is built once for all of engagement
 * (computeEngagement wraps the queries) and by a query alone when it runs alone; dropped when the
 * outermost use ends. A nested use for another zone or period is an error, not a silent rebuild.
 */

/** Runs `use` with the table `name` built for `key` (by `build` when none is open), shared by nested uses. */
function sharedTable(name: string) {
  const open = new WeakMap<Query, { key: string; users: number }>();
  return async <T>(query: Query, key: string, build: () => Promise<void>, use: () => Promise<T>): Promise<T> => {
    const current = open.get(query);
    if (current && current.key !== key)
      throw new Error(`${name} of ${current.key} is open; a nested ${key} is not supported`);
    if (current) current.users += 1;
    else {
      await build();
      open.set(query, { key, users: 1 });
    }
    try {
      return await use();
    } finally {
      const now = open.get(query);
      if (now && now.users > 1) now.users -= 1;
      else {
        open.delete(query);
        await query.run(`DROP TABLE IF EXISTS ${name}`);
      }
    }
  };
}

const localOffsets = sharedTable('local_offsets');

/**
 * Runs `use` with the temporary table `local_offsets` (local-time-sql.ts: the zone's offset per
 * UTC hour of the activities) for `timeZone`, which the queries join instead of building it as a
 * CTE each: that CTE groups every activity by hour, four times per run (11-25 s each at 10M
 * messages). A query's own `LOCAL_OFFSETS` CTE (other metrics) shadows it.
 */
export function withLocalOffsets<T>(query: Query, timeZone: string, use: () => Promise<T>): Promise<T> {
  return localOffsets(
    query,
    timeZone,
    () =>
      query.run(
        `CREATE OR REPLACE TEMP TABLE local_offsets AS WITH ${LOCAL_OFFSETS} SELECT first_key, offsets FROM local_offsets`,
        { tz: timeZone },
      ),
    use,
  );
}

const personDays = sharedTable('engagement_person_days');

/**
 * Runs `use` with the temporary table `engagement_person_days`: the activities of the whole
 * dataset counted per person, local day (in the period's zone) and whether they fall in
 * `[since, until)` (the instant, so a period that ends inside a day splits it exactly):
 * `contributions`, `posts`, `replies`, `reactions`, `wiki_edits`, and
 * `first_contribution_at`, the instant of the group's first contribution (NULL: none). Every
 * engagement figure is a count over people, days, months and weeks of these, so the queries read
 * this table (hundreds of thousands of rows) instead of grouping the millions of activities again,
 * and the local time of each activity is computed once instead of four times.
 */
export function withPersonDays<T>(query: Query, period: Period, use: () => Promise<T>): Promise<T> {
  return withLocalOffsets(query, period.timeZone, () =>
    personDays(
      query,
      JSON.stringify([period.since, period.until, period.timeZone]),
      () =>
        query.run(
          `
    CREATE OR REPLACE TEMP TABLE engagement_person_days AS
    SELECT a.person_id, (${localAt('a.occurred_at', 'o')})::DATE AS day,
           a.occurred_at >= $since::TIMESTAMPTZ AND a.occurred_at < $until::TIMESTAMPTZ AS in_period,
           count(*) FILTER (WHERE a.is_contribution) AS contributions,
           count(*) FILTER (WHERE a.kind = 'post') AS posts,
           count(*) FILTER (WHERE a.kind = 'reply') AS replies,
           count(*) FILTER (WHERE a.kind = 'reaction') AS reactions,
           count(*) FILTER (WHERE a.kind IN ('page_create', 'page_edit')) AS wiki_edits,
           min(a.occurred_at) FILTER (WHERE a.is_contribution) AS first_contribution_at
    FROM activities a ${offsetJoin('o')}
    GROUP BY ALL`,
          { since: period.since, until: period.until, tz: period.timeZone },
        ),
      use,
    ),
  );
}
