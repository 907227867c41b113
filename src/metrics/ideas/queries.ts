import type { Query } from '../../model/query.js';

/**
 * The SQL of the ideas metric. Only what the rules need leaves DuckDB: thread starters that may be
 * ideas (a cheap prefilter; `detect.ts` applies the exact rules), the activities of idea threads,
 * and activities whose `links` may point at a thread. Nothing else of a million activities is read
 * into JS.
 */

/** Lists are passed as one newline-separated string (ids and names never hold a newline). */
export const LIST_SEPARATOR = '\n';

/** A thread starter that may be an idea. */
export interface StarterRow extends Record<string, string | number | boolean | null> {
  activity_id: string;
  source: string;
  space_id: string;
  space_name: string;
  is_private: boolean;
  occurred_at: string;
  person_id: string;
  author_name: string | null;
  department: string | null;
  text: string | null;
  title: string | null;
}

/**
 * Starters (posts that are their own thread) that may match an idea rule: a tag (RE2 `tagPattern`
 * over lower-cased text or title), an idea space (ids), or the `Idea:` prefix. Every tag pattern
 * starts with `#` (`tagPrefilter`), so only texts holding one are lower-cased and matched: copying
 * every starter's text to lower case was half the query's CPU (1M Yammer: 0.45 against 0.21 s).
 */
export function candidateStarters(
  q: Query,
  tagPattern: string | null,
  spaceIds: readonly string[],
): Promise<StarterRow[]> {
  return q.all<StarterRow>(
    `
    WITH idea_space AS (SELECT unnest(string_split($spaceIds, chr(10))) AS space_id),
    -- The rules filter the starters before the joins: filtered after them, every starter's text
    -- went through both joins first (0.68-0.75 against 1.39-1.41 s of CPU on the bench's three
    -- exports, where no starter is an idea).
    starter AS (
      SELECT activity_id, source, space_id, occurred_at, person_id, text, title FROM activities a
      WHERE kind = 'post' AND activity_id = thread_id
        AND (coalesce(CASE WHEN contains(a.text, '#') THEN regexp_matches(lower(a.text), $tagPattern) END, false)
          OR coalesce(CASE WHEN contains(a.title, '#') THEN regexp_matches(lower(a.title), $tagPattern) END, false)
          OR a.space_id IN (SELECT space_id FROM idea_space)
          OR regexp_matches(coalesce(a.text, ''), '^\\s*(?i:idea)\\s*:')
          OR regexp_matches(coalesce(a.title, ''), '^\\s*(?i:idea)\\s*:')))
    SELECT a.activity_id, a.source, a.space_id, coalesce(s.name, a.space_id) AS space_name,
           coalesce(s.is_private, false) AS is_private, a.occurred_at, a.person_id,
           p.name AS author_name, p.department, a.text, a.title
    FROM starter a
    LEFT JOIN spaces s USING (space_id)
    LEFT JOIN persons p USING (person_id)
    ORDER BY a.occurred_at, a.activity_id`,
    // A pattern that never matches stands in for "no idea tags".
    { tagPattern: tagPattern ?? '$.^', spaceIds: spaceIds.join(LIST_SEPARATOR) },
  );
}

/** All spaces (a small table), for matching `ideaSpaces` by name or id. */
export function allSpaces(q: Query): Promise<{ space_id: string; name: string }[]> {
  return q.all<{ space_id: string; name: string }>('SELECT space_id, name FROM spaces ORDER BY space_id');
}

/** One activity of an idea thread; `text` only when it may carry a stage tag. */
export interface ThreadRow extends Record<string, string | number | boolean | null> {
  activity_id: string;
  thread_id: string;
  kind: string;
  occurred_at: string;
  person_id: string;
  text: string | null;
}

/** The activities of the given threads before `until`, text kept only where `stagePattern` may match. */
export function ideaThreadActivities(
  q: Query,
  threadIds: readonly string[],
  stagePattern: string | null,
  until: string,
): Promise<ThreadRow[]> {
  if (threadIds.length === 0) return Promise.resolve([]);
  return q.all<ThreadRow>(
    `
    WITH idea AS (SELECT unnest(string_split($ids, chr(10))) AS thread_id)
    SELECT a.activity_id, a.thread_id, a.kind, a.occurred_at, a.person_id,
           CASE WHEN regexp_matches(lower(a.text), $stagePattern) THEN a.text END AS text
    FROM activities a
    WHERE a.thread_id IN (SELECT thread_id FROM idea)
      AND a.kind IN ('post', 'reply', 'reaction')
      AND a.occurred_at < $until::TIMESTAMPTZ
    ORDER BY a.occurred_at, a.activity_id`,
    { ids: threadIds.join(LIST_SEPARATOR), stagePattern: stagePattern ?? '$.^', until },
  );
}

/** An activity (message or wiki revision) carrying links that may point at a thread. */
export interface LinkRow extends Record<string, string | number | boolean | null> {
  activity_id: string;
  thread_id: string;
  occurred_at: string;
  person_id: string;
  links: string;
}

/** Hosts whose links can name a thread (see `links.ts`); the rest cannot be evidence. */
const THREAD_LINK_HOSTS = String.raw`yammer\.com/|engage\.cloud\.microsoft/|slack\.com/archives/|teams\.(microsoft\.com|cloud\.microsoft)/l/message/`;

/** Non-reaction activities in `[since, until)` whose links may point at a thread. */
export function linkingActivities(q: Query, since: string, until: string): Promise<LinkRow[]> {
  return q.all<LinkRow>(
    `
    SELECT activity_id, thread_id, occurred_at, person_id, links
    FROM activities
    WHERE links IS NOT NULL AND kind <> 'reaction'
      AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ
      AND regexp_matches(links, $hosts)
    ORDER BY occurred_at, activity_id`,
    { since, until, hosts: THREAD_LINK_HOSTS },
  );
}

/** Thread ids of the given activity ids (those that exist). */
export async function threadsOfActivities(q: Query, activityIds: readonly string[]): Promise<Map<string, string>> {
  if (activityIds.length === 0) return new Map();
  const rows = await q.all<{ activity_id: string; thread_id: string }>(
    `
    SELECT activity_id, thread_id FROM activities
    WHERE activity_id IN (SELECT unnest(string_split($ids, chr(10))))`,
    { ids: activityIds.join(LIST_SEPARATOR) },
  );
  return new Map(rows.map((r) => [r.activity_id, r.thread_id]));
}
