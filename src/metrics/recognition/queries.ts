import type { Query } from '../../model/query.js';
import { responseEdges, withInteractions } from '../network/edges.js';

/** What one person did and received in a window `[since, until)`. */
export interface PersonFiguresRow extends Record<string, string | number | null> {
  person_id: string;
  name: string | null;
  department: string | null;
  posts: number;
  replies: number;
  reactions_given: number;
  wiki_edits: number;
  /** Distinct spaces the person contributed in. */
  spaces: number;
  first_responses: number;
  replies_received: number;
  reactions_received: number;
  /** Replies and reactions by others, at any time, to the posts the person made in the window. */
  responses_to_posts: number;
}

/**
 * One row per person active in the window.
 * - A first response is the first reply by another person in a thread (at any time); it counts in
 *   the window its reply falls in.
 * - Received: replies and reactions by others in the window, on the person's messages (a reply
 *   targets the message replied to, else the thread starter, as in the network). With `received`
 *   `interactions`, read from the network's table of the window (edges.ts: the same edges, which
 *   the CLI has built already for this window), else joined here from the activities.
 */
export async function personFigures(
  query: Query,
  since: string,
  until: string,
  received: 'interactions' | 'activities' = 'activities',
): Promise<PersonFiguresRow[]> {
  // A window without activities has nobody in it: the previous period of a report on all the data
  // (its joins still read every reply and reaction, ~1.3 s on the bench's three exports).
  const [any] = await query.all<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM activities WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ) AS found',
    { since, until },
  );
  if (!any?.found) return [];
  const sql = personFiguresSql(received === 'interactions' ? RECEIVED_INTERACTIONS : RECEIVED_ACTIVITIES);
  const figures = () => query.all<PersonFiguresRow>(sql, { since, until });
  return withFirstResponses(query, () =>
    received === 'interactions' ? withInteractions(query, since, until, figures) : figures(),
  );
}

/**
 * `received(person_id, replies_received, reactions_received)` from the activities of the window: the
 * network's reply and reaction edges (edges.ts), counted.
 */
const RECEIVED_ACTIVITIES = `${responseEdges('in_window')},
    received AS (
      SELECT target_id AS person_id,
             count(*) FILTER (WHERE kind = 'reply') AS replies_received,
             count(*) FILTER (WHERE kind = 'reaction') AS reactions_received
      FROM (SELECT * FROM response_edges UNION ALL SELECT * FROM starter_edges)
      WHERE target_id IS NOT NULL AND target_id <> source_id GROUP BY target_id)`;

/** The same from `interactions_in_period`, which holds those edges counted per pair. */
const RECEIVED_INTERACTIONS = `
    received AS (
      SELECT target_id AS person_id,
             coalesce(sum(interactions) FILTER (WHERE kind = 'reply'), 0)::BIGINT AS replies_received,
             coalesce(sum(interactions) FILTER (WHERE kind = 'reaction'), 0)::BIGINT AS reactions_received
      FROM interactions_in_period WHERE kind IN ('reply', 'reaction') GROUP BY target_id)`;

const personFiguresSql = (received: string): string => `
    -- Inlined where it is read, not materialized: the window's rows held in memory (2.4M at 4M
    -- messages) crowded the joins into spilling under the memory limit (7.2 against 2.2 s of CPU).
    WITH in_window AS NOT MATERIALIZED (
      SELECT activity_id, kind, person_id, space_id, thread_id, parent_id, is_contribution FROM activities
      WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
    own_counts AS (
      SELECT person_id,
             count(*) FILTER (WHERE kind = 'post') AS posts,
             count(*) FILTER (WHERE kind = 'reply') AS replies,
             count(*) FILTER (WHERE kind = 'reaction') AS reactions_given,
             count(*) FILTER (WHERE kind IN ('page_create', 'page_edit')) AS wiki_edits,
             count(DISTINCT space_id) FILTER (WHERE is_contribution) AS spaces
      FROM in_window GROUP BY person_id),
    first_response_counts AS (
      SELECT person_id, count(*) AS first_responses FROM recognition_first_responses
      WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ GROUP BY person_id),${received},
    responses AS (  -- keyed by the post they respond to (a post is its own thread's id)
      SELECT thread_id AS post_id, person_id FROM activities WHERE kind = 'reply'
      UNION ALL SELECT parent_id, person_id FROM activities WHERE kind = 'reaction'),
    post_responses AS (
      SELECT p.person_id, count(*) AS responses_to_posts
      FROM in_window p JOIN responses r ON r.post_id = p.activity_id AND r.person_id <> p.person_id
      WHERE p.kind = 'post'
      GROUP BY p.person_id)
    SELECT o.person_id, pe.name, nullif(trim(pe.department), '') AS department,
           o.posts, o.replies, o.reactions_given, o.wiki_edits, o.spaces,
           coalesce(f.first_responses, 0) AS first_responses,
           coalesce(rc.replies_received, 0) AS replies_received,
           coalesce(rc.reactions_received, 0) AS reactions_received,
           coalesce(pr.responses_to_posts, 0) AS responses_to_posts
    FROM own_counts o
    LEFT JOIN persons pe USING (person_id)
    LEFT JOIN first_response_counts f USING (person_id)
    LEFT JOIN received rc USING (person_id)
    LEFT JOIN post_responses pr USING (person_id)
    ORDER BY o.person_id`;

/** Open uses of `recognition_first_responses`, per query surface (one per dataset). */
const firstResponsesUsers = new WeakMap<Query, number>();

/**
 * Runs `use` with the temporary table `recognition_first_responses(person_id, occurred_at)`: the
 * first reply by another person of every thread (at any time; ties by activity id), whatever the
 * window. Recognition counts them in the period and in the previous one: built once for both
 * (the self-join of posts and replies, ~1.9 s of CPU on the three exports), nested uses share it,
 * dropped when the outermost ends. The first reply is picked by `arg_min` per post, not by ranking
 * every joined reply (`row_number() ... = 1` sorted them all: 0.96 against 0.61 s of CPU at 1M).
 */
export async function withFirstResponses<T>(query: Query, use: () => Promise<T>): Promise<T> {
  const users = firstResponsesUsers.get(query) ?? 0;
  if (users === 0)
    await query.run(`
      CREATE OR REPLACE TEMP TABLE recognition_first_responses AS
      SELECT arg_min(r.person_id, {'at': r.occurred_at, 'id': r.activity_id}) AS person_id, min(r.occurred_at) AS occurred_at
      FROM activities s JOIN activities r ON r.thread_id = s.thread_id AND r.kind = 'reply' AND r.person_id <> s.person_id
      WHERE s.kind = 'post'
      GROUP BY s.activity_id`);
  firstResponsesUsers.set(query, users + 1);
  try {
    return await use();
  } finally {
    const left = (firstResponsesUsers.get(query) ?? 1) - 1;
    if (left > 0) firstResponsesUsers.set(query, left);
    else {
      firstResponsesUsers.delete(query);
      await query.run('DROP TABLE IF EXISTS recognition_first_responses');
    }
  }
}

/** Per person and local month of the window: wiki edits, for Wikimedia's active editors (>= 5). */
export interface EditorMonthRow extends Record<string, string | number> {
  person_id: string;
  month: string;
  edits: number;
}

export function wikiEditorMonths(
  query: Query,
  since: string,
  until: string,
  timeZone: string,
): Promise<EditorMonthRow[]> {
  return query.all<EditorMonthRow>(
    `
    SELECT person_id, strftime(timezone($tz, occurred_at), '%Y-%m') AS month, count(*) AS edits
    FROM activities
    WHERE kind IN ('page_create', 'page_edit')
      AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ
    GROUP BY ALL ORDER BY month, person_id`,
    { since, until, tz: timeZone },
  );
}

/**
 * Per person: distinct departments, other than their own, of the persons they interacted with in
 * `[since, until)` (replies, mentions, reactions, either way, as in the network). Persons without
 * such a department are absent.
 */
export async function departmentsReached(query: Query, since: string, until: string): Promise<Map<string, number>> {
  const rows = await withInteractions(query, since, until, () =>
    query.all<{ person_id: string; departments: number }>(
      `
    -- Both directions with their repeats (UNION ALL): the distinct count below does not see them,
    -- and de-duplicating a million pairs first cost ~1 s of CPU on the bench's three exports.
    WITH partners AS (
      SELECT source_id AS person_id, target_id AS partner_id FROM interactions_in_period
      UNION ALL SELECT target_id, source_id FROM interactions_in_period),
    departments AS (
      SELECT person_id, nullif(trim(department), '') AS department FROM persons)
    SELECT p.person_id, count(DISTINCT theirs.department) AS departments
    FROM partners p
    JOIN departments theirs ON theirs.person_id = p.partner_id
    LEFT JOIN departments own ON own.person_id = p.person_id
    WHERE theirs.department IS NOT NULL AND theirs.department IS DISTINCT FROM own.department
    GROUP BY p.person_id`,
    ),
  );
  return new Map(rows.map((r) => [r.person_id, r.departments]));
}
