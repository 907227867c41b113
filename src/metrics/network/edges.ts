import type { Query } from '../../model/query.js';

/** The ways one person interacts with another. */
export const INTERACTION_KINDS = ['reply', 'mention', 'reaction'] as const;

/** How one person interacted with another. */
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * SQL common table expressions `response_edges` and `starter_edges`, both `(source_id, target_id,
 * kind)`: the replies and reactions among the activities of the CTE `rows` (columns kind, person_id,
 * thread_id, parent_id) and whom they answer: a reply its parent's person, else its thread starter's;
 * a reaction its parent's person only. A target may be NULL or the source itself: readers drop those.
 * See `INTERACTIONS_CTES` for why it takes this shape.
 */
export const responseEdges = (rows: string): string => `
    response_edges AS (  -- a parent without a person gives no row here (see orphans)
      SELECT r.person_id AS source_id, parent.person_id AS target_id, r.kind
      FROM ${rows} r JOIN activities parent ON parent.activity_id = r.parent_id
      WHERE r.kind IN ('reply', 'reaction')),
    orphans AS (  -- replies that fall back on their thread's starter
      SELECT r.person_id, r.thread_id FROM ${rows} r
      WHERE r.kind = 'reply' AND r.parent_id IS DISTINCT FROM r.thread_id
        AND NOT EXISTS (SELECT 1 FROM activities p WHERE p.activity_id = r.parent_id AND p.person_id IS NOT NULL)),
    starter_edges AS (
      SELECT o.person_id AS source_id, s.person_id AS target_id, 'reply' AS kind
      FROM orphans o JOIN activities s ON s.activity_id = o.thread_id)`;

/**
 * SQL common table expressions (to follow a `WITH`) ending in
 * `interactions(source_id, target_id, kind, interactions)`: directed interactions between persons
 * in `[$since, $until)`, counted per (from, to, kind), self-interactions dropped:
 * - reply: the replier -> the author of the message replied to, else the thread starter's author;
 * - mention: the author of a post or reply -> each person mentioned (once per message);
 * - reaction: the reactor -> the author of the message reacted to.
 * Targets outside the dataset (bots, messages not loaded) have no person and give no interaction.
 * The network and recognition's departments reached both read them, so both see the same edges.
 * `in_period` is inlined into each reader rather than materialized: holding the period's rows
 * (2.4M at 4M messages) left the two joins on `activities` too little memory, and they spilled
 * (12.6 against 8.6 s of CPU at 4M, the same at 1M).
 *
 * Replies and reactions find their parent's person in ONE join, built on them (their parent id, person
 * and kind) and probed by a scan of `activities`. Only a reply whose parent gave no person (not
 * loaded, or without a person) and that names another message than its thread can fall back on the
 * thread's starter ("orphans": 1,702 of 1.2M replies on the bench's three exports); those few are
 * found by an anti join and looked up by their thread. The earlier SQL joined every reply to its
 * starter as well, a hash table of every activity id (and the reactions had a join of their own):
 * three large hash tables, 8.2-8.6 against 3.9-4.6 s of CPU on the three exports (bench/README.md,
 * s14-f). A reply whose parent id is its thread id has its starter as parent: no fallback to look up.
 * (A single join of replies and reactions that kept the starter join on every activity ran out of
 * memory at 10M Yammer messages, s13-e.)
 */
export const INTERACTIONS_CTES = `
    in_period AS NOT MATERIALIZED (
      SELECT activity_id, kind, person_id, thread_id, parent_id, mentions FROM activities
      WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
    ${responseEdges('in_period')},
    mentioned AS (
      SELECT activity_id, person_id, unnest(string_split(mentions, ' ')) AS identity_id
      FROM in_period WHERE kind IN ('post', 'reply') AND mentions IS NOT NULL),
    mention_edges AS (
      SELECT DISTINCT m.activity_id, m.person_id AS source_id, i.person_id AS target_id, 'mention' AS kind
      FROM mentioned m JOIN identities i USING (identity_id) WHERE NOT i.is_bot),
    all_edges AS (
      SELECT * FROM response_edges UNION ALL SELECT * FROM starter_edges
      UNION ALL SELECT source_id, target_id, kind FROM mention_edges),
    interactions AS (
      SELECT source_id, target_id, kind, count(*) AS interactions
      FROM all_edges
      WHERE target_id IS NOT NULL AND source_id <> target_id
      GROUP BY source_id, target_id, kind)`;

/** What the network shows of a person. */
export interface PersonRow extends Record<string, string | null> {
  person_id: string;
  name: string | null;
  department: string | null;
}

/** Names and departments of all persons (one row per person, a small table). */
export function personInfo(query: Query): Promise<PersonRow[]> {
  return query.all<PersonRow>(
    `SELECT person_id, name, nullif(trim(department), '') AS department FROM persons ORDER BY person_id`,
  );
}

/** Open uses of the `interactions_in_period` table, per query surface (one per dataset). */
const shared = new WeakMap<Query, { since: string; until: string; users: number }>();

/**
 * Runs `use` with the temporary table `interactions_in_period(source_id, target_id, kind,
 * interactions)` of `[since, until)` (see `INTERACTIONS_CTES`). Nested calls for the same period
 * share one table, so the CLI builds it once for recognition and the network (2–3 s on 2M
 * messages) by wrapping both; each metric alone still works. Dropped when the outermost use ends.
 */
export async function withInteractions<T>(
  query: Query,
  since: string,
  until: string,
  use: () => Promise<T>,
): Promise<T> {
  const open = shared.get(query);
  if (open && open.since === since && open.until === until) {
    open.users += 1;
    try {
      return await use();
    } finally {
      open.users -= 1;
    }
  }
  if (open)
    throw new Error(
      `interactions of ${open.since}..${open.until} are open; a nested period ${since}..${until} is not supported`,
    );
  await query.run(
    `CREATE OR REPLACE TEMP TABLE interactions_in_period AS WITH ${INTERACTIONS_CTES} SELECT * FROM interactions`,
    { since, until },
  );
  // The join's freed blocks go back to the system before recognition and the network read the
  // table: at 10M Yammer messages the process held 903 MiB after this statement against 677 with
  // the earlier SQL (its peak was lower, 926 against 963 MiB; bench/README.md, s14-f).
  await query.releaseMemory();
  shared.set(query, { since, until, users: 1 });
  try {
    return await use();
  } finally {
    shared.delete(query);
    await query.run('DROP TABLE IF EXISTS interactions_in_period');
  }
}
