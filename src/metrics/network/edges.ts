import type { Query } from '../../model/query.js';

/** The ways one person interacts with another. */
export const INTERACTION_KINDS = ['reply', 'mention', 'reaction'] as const;

/** How one person interacted with another. */
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

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
 */
export const INTERACTIONS_CTES = `
    in_period AS NOT MATERIALIZED (
      SELECT activity_id, kind, person_id, thread_id, parent_id, mentions FROM activities
      WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
    reply_edges AS (
      SELECT r.activity_id, r.person_id AS source_id, coalesce(parent.person_id, starter.person_id) AS target_id, 'reply' AS kind
      FROM in_period r
      LEFT JOIN activities parent ON parent.activity_id = r.parent_id
      LEFT JOIN activities starter ON starter.activity_id = r.thread_id
      WHERE r.kind = 'reply'),
    mentioned AS (
      SELECT activity_id, person_id, unnest(string_split(mentions, ' ')) AS identity_id
      FROM in_period WHERE kind IN ('post', 'reply') AND mentions IS NOT NULL),
    mention_edges AS (
      SELECT DISTINCT m.activity_id, m.person_id AS source_id, i.person_id AS target_id, 'mention' AS kind
      FROM mentioned m JOIN identities i USING (identity_id) WHERE NOT i.is_bot),
    reaction_edges AS (
      SELECT r.activity_id, r.person_id AS source_id, parent.person_id AS target_id, 'reaction' AS kind
      FROM in_period r JOIN activities parent ON parent.activity_id = r.parent_id
      WHERE r.kind = 'reaction'),
    all_edges AS (
      SELECT * FROM reply_edges UNION ALL SELECT * FROM mention_edges UNION ALL SELECT * FROM reaction_edges),
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
  shared.set(query, { since, until, users: 1 });
  try {
    return await use();
  } finally {
    shared.delete(query);
    await query.run('DROP TABLE IF EXISTS interactions_in_period');
  }
}
