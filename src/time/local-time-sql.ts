/**
 * Local wall-clock time of activities in the report zone `$tz`, without one ICU conversion per
 * row (ICU's `timezone()` costs about a second per million rows, and engagement cut every
 * activity into months, weeks and days several times).
 *
 * A zone's UTC offset changes only at transitions months apart. So activities are keyed by their
 * UTC hour; per key, ICU converts only the earliest and the latest activity. When both have the
 * same offset, every activity of that key has it too (no zone has two transitions within an
 * hour), and its local time is the instant plus that offset: exactly what `timezone()` gives.
 * Keys whose two ends differ (the hour of a transition that is not on a whole UTC hour) fall
 * back to `timezone()` per row.
 *
 * The offsets travel as one list indexed by hour (one row, cross-joined), not as a table to join:
 * with a period filter on the activities DuckDB built its hash table on the activities side.
 */

const MICROS_PER_HOUR = 3_600_000_000;

/** Above this many hours (about 114 years, from a stray timestamp) no list is built: ICU per row. */
const MAX_HOURS = 1_000_000;

/** SQL for the key of an instant column: its UTC hour number. */
function hourKey(column: string): string {
  return `epoch_us(${column}) // ${MICROS_PER_HOUR}`;
}

/**
 * The CTE `local_offsets(first_key, offsets)`, one row: the zone's offset in microseconds per UTC
 * hour from the first key holding activities on (NULL where not the same for all of that hour's
 * activities, or no activity). Uses the `$tz` parameter.
 */
export const LOCAL_OFFSETS = `
  hour_offsets AS (
    SELECT hour_key,
           CASE WHEN epoch_us(timezone($tz, first_at)) - epoch_us(first_at) = epoch_us(timezone($tz, last_at)) - epoch_us(last_at)
                THEN epoch_us(timezone($tz, first_at)) - epoch_us(first_at) END AS offset_us
    FROM (SELECT ${hourKey('occurred_at')} AS hour_key, min(occurred_at) AS first_at, max(occurred_at) AS last_at
          FROM activities GROUP BY hour_key)),
  hour_range AS (
    SELECT min(hour_key) AS first_key, max(hour_key) AS last_key FROM hour_offsets),
  local_offsets AS (
    SELECT any_value(r.first_key) AS first_key, list(o.offset_us ORDER BY k.hour_key) AS offsets
    FROM hour_range r
    CROSS JOIN LATERAL (SELECT range AS hour_key FROM range(r.first_key, CASE WHEN r.last_key - r.first_key < ${MAX_HOURS} THEN r.last_key + 1 ELSE r.first_key END)) k
    LEFT JOIN hour_offsets o ON o.hour_key = k.hour_key)`;

/** The join clause that makes `<alias>.first_key` and `<alias>.offsets` available to `localAt`. */
export function offsetJoin(alias: string): string {
  return `CROSS JOIN local_offsets ${alias}`;
}

/** SQL for the local TIMESTAMP of `column`, equal to `timezone($tz, column)`; needs `offsetJoin(alias)`. */
export function localAt(column: string, alias: string): string {
  const offset = `${alias}.offsets[${hourKey(column)} - ${alias}.first_key + 1]`;
  return `CASE WHEN ${offset} IS NOT NULL THEN make_timestamp(epoch_us(${column}) + ${offset})
               ELSE timezone($tz, ${column}) END`;
}
