import type { Query } from '../model/query.js';
import { LOCAL_OFFSETS, localAt, offsetJoin } from '../time/local-time-sql.js';

/**
 * The SQL of the moderation metric. Moderators travel into SQL as one parameter, a
 * newline-separated list of `personId<TAB>sinceInstant` entries (the instant may be empty), so
 * that a reply counts as a moderator's only from the day its author started moderating.
 */

/** Lists are passed as one newline-separated string (ids never hold a newline or a tab). */
export const SEPARATOR = '\n';

/** One moderator as SQL sees it: a person id and, when known, the instant moderation started. */
export interface ModeratorEntry {
  personId: string;
  /** ISO instant, or null when the moderator has no `since` date. */
  sinceAt: string | null;
}

/** Encodes moderators for the `$moderators` parameter. */
export function moderatorParam(moderators: readonly ModeratorEntry[]): string {
  return moderators.map((m) => `${m.personId}\t${m.sinceAt ?? ''}`).join(SEPARATOR);
}

/** The `moderator_list(person_id, since_at)` CTE over the `$moderators` parameter. */
export const MODERATOR_LIST = `
  moderator_list AS (
    SELECT split_part(entry, chr(9), 1) AS person_id,
           nullif(split_part(entry, chr(9), 2), '')::TIMESTAMPTZ AS since_at
    FROM (SELECT unnest(string_split($moderators, chr(10))) AS entry)
    WHERE entry <> '')`;

/** A person a moderator key (e-mail, identity id or person id) resolved to. */
export interface KeyMatchRow extends Record<string, string | null> {
  key: string;
  person_id: string;
  name: string | null;
}

/** Persons with the role `moderator` (key `role:moderator`) and persons matching the given keys. */
export function resolveModeratorKeys(query: Query, keys: readonly string[]): Promise<KeyMatchRow[]> {
  return query.all<KeyMatchRow>(
    `
    WITH wanted AS (
      SELECT DISTINCT trim(key) AS key FROM (SELECT unnest(string_split($keys, chr(10))) AS key)
      WHERE trim(key) <> ''),
    matches AS (
      SELECT w.key, p.person_id FROM wanted w JOIN persons p ON lower(p.email) = lower(w.key) OR p.person_id = w.key
      UNION
      SELECT w.key, i.person_id FROM wanted w JOIN identities i ON i.identity_id = w.key
      UNION
      SELECT 'role:moderator', person_id FROM persons WHERE role = 'moderator')
    SELECT m.key, m.person_id, p.name
    FROM matches m JOIN persons p USING (person_id)
    WHERE NOT p.is_bot
    ORDER BY m.key, m.person_id`,
    { keys: keys.join(SEPARATOR) },
  );
}

/** Per local month of the period: active people beside moderators' activity. */
export interface ModeratorMonthRow extends Record<string, string | number> {
  month: string;
  active_people: number;
  active_moderators: number;
  moderator_contributions: number;
  moderator_replies: number;
}

/**
 * Active people and moderators' activity per local month of `[since, until)`. The distinct persons
 * of a month are the groups of a first grouping by month and person (a few per person), and the
 * month is a timestamp until the last step, formatted once per month: `count(DISTINCT ...)` over
 * every activity and a `strftime` per activity were most of the statement (1.28-1.31 against
 * 1.06-1.09 s of CPU on the bench's three exports, bench/README.md s14-f).
 */
export function moderatorMonths(
  query: Query,
  since: string,
  until: string,
  timeZone: string,
  moderators: string,
): Promise<ModeratorMonthRow[]> {
  return query.all<ModeratorMonthRow>(
    `
    WITH ${MODERATOR_LIST}, ${LOCAL_OFFSETS},
    in_period AS (
      SELECT a.person_id, a.kind, a.is_contribution,
             date_trunc('month', ${localAt('a.occurred_at', 'o')}) AS month_start,
             m.person_id IS NOT NULL AND (m.since_at IS NULL OR a.occurred_at >= m.since_at) AS by_moderator
      FROM activities a LEFT JOIN moderator_list m USING (person_id) ${offsetJoin('o')}
      WHERE a.occurred_at >= $since::TIMESTAMPTZ AND a.occurred_at < $until::TIMESTAMPTZ),
    per_person AS (
      SELECT month_start, person_id, bool_or(by_moderator) AS moderator_active,
             count(*) FILTER (WHERE by_moderator AND is_contribution) AS moderator_contributions,
             count(*) FILTER (WHERE by_moderator AND kind = 'reply') AS moderator_replies
      FROM in_period GROUP BY month_start, person_id)
    SELECT strftime(month_start, '%Y-%m') AS month,
           count(person_id) AS active_people,
           count(person_id) FILTER (WHERE moderator_active) AS active_moderators,
           sum(moderator_contributions)::BIGINT AS moderator_contributions,
           sum(moderator_replies)::BIGINT AS moderator_replies
    FROM per_person GROUP BY month_start ORDER BY month_start`,
    { since, until, tz: timeZone, moderators },
  );
}

/** Spaces where each given moderator posted or replied (wiki edits do not make a moderated space), at any time. */
export function moderatorSpaces(
  query: Query,
  personIds: readonly string[],
): Promise<{ person_id: string; space_id: string }[]> {
  return query.all<{ person_id: string; space_id: string }>(
    `
    WITH wanted AS (SELECT unnest(string_split($ids, chr(10))) AS person_id)
    SELECT DISTINCT person_id, space_id FROM activities
    WHERE kind IN ('post', 'reply') AND person_id IN (SELECT person_id FROM wanted)
    ORDER BY person_id, space_id`,
    { ids: personIds.join(SEPARATOR) },
  );
}

/** Space names and privacy (a small table). */
export function spaceNames(query: Query): Promise<{ space_id: string; name: string; is_private: boolean }[]> {
  return query.all<{ space_id: string; name: string; is_private: boolean }>(
    'SELECT space_id, name, is_private FROM spaces ORDER BY space_id',
  );
}
