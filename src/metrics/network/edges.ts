import type { Query } from '../../model/query.js';

/** How one person interacted with another. */
export type InteractionKind = 'reply' | 'mention' | 'reaction';

/** Interactions of one kind from one person to another in the period (self-interactions dropped). */
export interface EdgeRow extends Record<string, string | number> {
  source_id: string;
  target_id: string;
  kind: InteractionKind;
  interactions: number;
}

/**
 * Directed interactions between persons in `[$since, $until)`, counted per (from, to, kind):
 * - reply: the replier -> the author of the message replied to, else the thread starter's author;
 * - mention: the author of a post or reply -> each person mentioned (once per message);
 * - reaction: the reactor -> the author of the message reacted to.
 * Targets outside the dataset (bots, messages not loaded) have no person and give no edge.
 */
export function interactionEdges(query: Query, since: string, until: string): Promise<EdgeRow[]> {
  return query.all<EdgeRow>(
    `
    WITH in_period AS (
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
      SELECT * FROM reply_edges UNION ALL SELECT * FROM mention_edges UNION ALL SELECT * FROM reaction_edges)
    SELECT source_id, target_id, kind, count(*) AS interactions
    FROM all_edges
    WHERE target_id IS NOT NULL AND source_id <> target_id
    GROUP BY source_id, target_id, kind
    ORDER BY source_id, target_id, kind`,
    { since, until },
  );
}

/** What the network shows of a person. */
export interface PersonRow extends Record<string, string | null> {
  person_id: string;
  name: string | null;
  department: string | null;
}

/** Persons with any activity in the period: the nodes of the network (with the targets of their interactions). */
export async function activePersonIds(query: Query, since: string, until: string): Promise<string[]> {
  const rows = await query.all<{ person_id: string }>(
    `SELECT DISTINCT person_id FROM activities
     WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ
     ORDER BY person_id`,
    { since, until },
  );
  return rows.map((r) => r.person_id);
}

/** Names and departments of all persons (one row per person, a small table). */
export function personInfo(query: Query): Promise<PersonRow[]> {
  return query.all<PersonRow>(`SELECT person_id, name, nullif(trim(department), '') AS department FROM persons ORDER BY person_id`);
}
