import type { Query } from '../model/query.js';

/**
 * The SQL of the moderation metric. Moderators travel into SQL as one parameter, a
 * newline-separated list of `personId<TAB>sinceInstant` entries (the instant may be empty), so
 * that a reply counts as a moderator's only from the day its author started moderating.
 */

/** Lists are passed as one newline-separated string (ids never hold a newline or a tab). */
const SEPARATOR = '\n';

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

const MODERATOR_LIST = `
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

/** One thread started in a window, with what moderation compares. Hours are from the start. */
export interface ThreadFactsRow extends Record<string, string | number | boolean | null | readonly (string | number | null)[]> {
  thread_id: string;
  space_id: string;
  started_at: string;
  replies: number;
  /** Distinct persons who started or replied. */
  people: readonly string[];
  /** Null when nobody but the starter's author replied (unanswered). */
  first_hours: number | null;
  first_by_moderator: boolean | null;
  moderator_hours: number | null;
  other_hours: number | null;
  moderator_joined: boolean;
}

/**
 * Threads (message posts, wiki excluded) started in `[from, until)`. A response is a reply by a
 * person other than the starter's author, at any time (spec §4). A thread is joined by a moderator
 * when a moderator started it or replied in it (from their `since` instant on).
 */
export function threadFacts(query: Query, from: string, until: string, moderators: string): Promise<ThreadFactsRow[]> {
  return query.all<ThreadFactsRow>(
    `
    WITH ${MODERATOR_LIST},
    acts AS (
      SELECT a.activity_id, a.kind, a.thread_id, a.space_id, a.person_id, a.occurred_at,
             m.person_id IS NOT NULL AND (m.since_at IS NULL OR a.occurred_at >= m.since_at) AS by_moderator
      FROM activities a LEFT JOIN moderator_list m USING (person_id)
      WHERE a.kind IN ('post', 'reply') AND a.source <> 'mediawiki'),
    starters AS (
      SELECT activity_id AS starter_id, thread_id, space_id, person_id, occurred_at AS started_at, by_moderator
      FROM acts
      WHERE kind = 'post' AND occurred_at >= $from::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
    replies AS (
      SELECT s.starter_id, r.activity_id, r.person_id, r.by_moderator, r.person_id <> s.person_id AS is_response,
             (epoch_ms(r.occurred_at) - epoch_ms(s.started_at)) / 3600000.0 AS hours
      FROM starters s JOIN acts r ON r.thread_id = s.thread_id AND r.kind = 'reply'),
    first_responses AS (
      SELECT starter_id, by_moderator AS first_by_moderator FROM replies WHERE is_response
      QUALIFY row_number() OVER (PARTITION BY starter_id ORDER BY hours, activity_id) = 1),
    reply_figures AS (
      SELECT starter_id, count(*) AS replies,
             min(hours) FILTER (WHERE is_response) AS first_hours,
             min(hours) FILTER (WHERE is_response AND by_moderator) AS moderator_hours,
             min(hours) FILTER (WHERE is_response AND NOT by_moderator) AS other_hours,
             bool_or(by_moderator) AS moderator_replied
      FROM replies GROUP BY starter_id),
    participants AS (
      SELECT starter_id, list(DISTINCT person_id ORDER BY person_id) AS people
      FROM (SELECT starter_id, person_id FROM starters UNION ALL SELECT starter_id, person_id FROM replies)
      GROUP BY starter_id)
    SELECT s.thread_id, s.space_id, s.started_at, coalesce(f.replies, 0) AS replies, p.people,
           f.first_hours, fr.first_by_moderator, f.moderator_hours, f.other_hours,
           s.by_moderator OR coalesce(f.moderator_replied, false) AS moderator_joined
    FROM starters s
    JOIN participants p USING (starter_id)
    LEFT JOIN reply_figures f USING (starter_id)
    LEFT JOIN first_responses fr USING (starter_id)
    ORDER BY s.started_at, s.thread_id`,
    { from, until, moderators },
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

export function moderatorMonths(query: Query, since: string, until: string, timeZone: string, moderators: string): Promise<ModeratorMonthRow[]> {
  return query.all<ModeratorMonthRow>(
    `
    WITH ${MODERATOR_LIST},
    in_period AS (
      SELECT a.person_id, a.kind, a.is_contribution,
             strftime(timezone($tz, a.occurred_at), '%Y-%m') AS month,
             m.person_id IS NOT NULL AND (m.since_at IS NULL OR a.occurred_at >= m.since_at) AS by_moderator
      FROM activities a LEFT JOIN moderator_list m USING (person_id)
      WHERE a.occurred_at >= $since::TIMESTAMPTZ AND a.occurred_at < $until::TIMESTAMPTZ)
    SELECT month,
           count(DISTINCT person_id) AS active_people,
           count(DISTINCT person_id) FILTER (WHERE by_moderator) AS active_moderators,
           count(*) FILTER (WHERE by_moderator AND is_contribution) AS moderator_contributions,
           count(*) FILTER (WHERE by_moderator AND kind = 'reply') AS moderator_replies
    FROM in_period GROUP BY month ORDER BY month`,
    { since, until, tz: timeZone, moderators },
  );
}

/** Spaces (message sources) where each given moderator made a contribution, at any time. */
export function moderatorSpaces(query: Query, personIds: readonly string[]): Promise<{ person_id: string; space_id: string }[]> {
  return query.all<{ person_id: string; space_id: string }>(
    `
    WITH wanted AS (SELECT unnest(string_split($ids, chr(10))) AS person_id)
    SELECT DISTINCT person_id, space_id FROM activities
    WHERE is_contribution AND source <> 'mediawiki' AND person_id IN (SELECT person_id FROM wanted)
    ORDER BY person_id, space_id`,
    { ids: personIds.join(SEPARATOR) },
  );
}

/** Space names and privacy (a small table). */
export function spaceNames(query: Query): Promise<{ space_id: string; name: string; is_private: boolean }[]> {
  return query.all<{ space_id: string; name: string; is_private: boolean }>('SELECT space_id, name, is_private FROM spaces ORDER BY space_id');
}
