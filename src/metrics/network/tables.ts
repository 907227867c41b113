import type { Query } from '../../model/query.js';
import { withInteractions, type InteractionKind } from './edges.js';

/**
 * The network's SQL. The interactions are computed once into a temporary table (a million rows at
 * scale: recomputing them per figure costs seconds each) and only small results reach JS: counts,
 * one row per person, one per pair of departments, and the ties among the people brokers are
 * searched in, as integer node indexes.
 */

/** One node of the network: a person active in the period or reached by an interaction. */
export interface NodeRow extends Record<string, string | number | null> {
  /** 0-based index, in the order nodes entered the graph (see `withNetworkTables`). */
  node: number;
  person_id: string;
  name: string | null;
  department: string | null;
  /** Distinct persons interacted with, either direction. */
  partners: number;
}

/** Weighted interactions from persons of one department to persons of another (null: unknown). */
export interface DepartmentFlow extends Record<string, string | number | null> {
  from_department: string | null;
  to_department: string | null;
  weight: number;
}

/**
 * Runs `use` with two temporary tables, dropped afterwards:
 * - `interactions_in_period(source_id, target_id, kind, interactions)`, see `withInteractions`;
 * - `network_nodes(node, id_rank, person_id, name, department, partners)`: `node` numbers persons
 *   active in the period by id, then the persons reached who were not active, by their first
 *   interaction in (source, target) order: the order in which nodes entered the graphology graph
 *   this metric used to build, so betweenness sums add up in the same order; `id_rank` numbers
 *   them by id, so that orders by id need no string comparison.
 */
export async function withNetworkTables<T>(
  query: Query,
  since: string,
  until: string,
  use: () => Promise<T>,
): Promise<T> {
  return withInteractions(query, since, until, async () => {
    try {
      await query.run(
        `
        CREATE OR REPLACE TEMP TABLE network_nodes AS
        WITH active AS (
          SELECT DISTINCT person_id FROM activities
          WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ AND person_id IS NOT NULL),
        reached AS (  -- only targets can be inactive: every source acted in the period
          SELECT target_id AS person_id, min(source_id) AS first_source FROM interactions_in_period
          WHERE target_id NOT IN (SELECT person_id FROM active) GROUP BY target_id),
        members AS (
          SELECT person_id, NULL::VARCHAR AS first_source FROM active UNION ALL SELECT person_id, first_source FROM reached),
        ties AS (
          SELECT DISTINCT least(source_id, target_id) AS low, greatest(source_id, target_id) AS high FROM interactions_in_period),
        partners AS (
          SELECT person_id, count(*) AS partners FROM (SELECT low AS person_id FROM ties UNION ALL SELECT high FROM ties) GROUP BY person_id)
        SELECT (row_number() OVER (ORDER BY m.first_source NULLS FIRST, m.person_id) - 1)::INTEGER AS node,
               (row_number() OVER (ORDER BY m.person_id) - 1)::INTEGER AS id_rank,
               m.person_id, p.name, nullif(trim(p.department), '') AS department, coalesce(t.partners, 0)::INTEGER AS partners
        FROM members m LEFT JOIN persons p USING (person_id) LEFT JOIN partners t USING (person_id)`,
        { since, until },
      );
      return await use();
    } finally {
      await query.run('DROP TABLE IF EXISTS network_nodes');
    }
  });
}

/** Every node, by index. */
export function networkNodes(query: Query): Promise<NodeRow[]> {
  return query.all<NodeRow>('SELECT node, person_id, name, department, partners FROM network_nodes ORDER BY node');
}

/** Interactions per kind (kinds without any are absent). */
export async function countsByKind(query: Query): Promise<Record<InteractionKind, number>> {
  const rows = await query.all<{ kind: InteractionKind; interactions: number }>(
    'SELECT kind, sum(interactions)::BIGINT AS interactions FROM interactions_in_period GROUP BY kind',
  );
  const counts: Record<InteractionKind, number> = { reply: 0, mention: 0, reaction: 0 };
  for (const r of rows) counts[r.kind] = r.interactions;
  return counts;
}

/** Weighted interactions per (from department, to department), null for a person without one. */
export function departmentFlows(query: Query, weights: Record<InteractionKind, number>): Promise<DepartmentFlow[]> {
  return query.all<DepartmentFlow>(
    `
    SELECT s.department AS from_department, t.department AS to_department,
           sum(i.interactions * CASE i.kind WHEN 'reply' THEN $reply::DOUBLE WHEN 'mention' THEN $mention::DOUBLE ELSE $reaction::DOUBLE END) AS weight
    FROM interactions_in_period i
    JOIN network_nodes s ON s.person_id = i.source_id
    JOIN network_nodes t ON t.person_id = i.target_id
    GROUP BY ALL
    ORDER BY from_department NULLS FIRST, to_department NULLS FIRST`,
    { reply: weights.reply, mention: weights.mention, reaction: weights.reaction },
  );
}

/**
 * The ties (unordered pairs with any interaction) between the given nodes, as pairs of node
 * indexes in `ends` (2 per tie), in the order of their first interaction in (source id, target id)
 * order: the order graphology's adjacency kept, so neighbours are visited in the same order.
 */
export async function tiesAmong(query: Query, nodes: readonly number[], maxTies: number): Promise<Uint32Array> {
  const ends = new Uint32Array(2 * maxTies);
  let length = 0;
  // Two numbers a row, hundreds of thousands of rows (357k ties at 1M Yammer messages): read as
  // columns, not as an object per row (bench/README.md s12-d).
  const columns = query.numbers(
    `
    WITH kept AS (
      SELECT node, id_rank, person_id FROM network_nodes
      WHERE node IN (SELECT unnest(string_split($nodes, ',')::INTEGER[]))),
    directed AS (  -- one row per kind: the first row of a pair is the same whichever is taken
      SELECT s.node AS source, t.node AS target, s.id_rank AS source_rank, t.id_rank AS target_rank
      FROM interactions_in_period i JOIN kept s ON s.person_id = i.source_id JOIN kept t ON t.person_id = i.target_id)
    SELECT arg_min(source, source_rank) AS a, arg_min(target, source_rank) AS b
    FROM directed
    GROUP BY least(source_rank, target_rank), greatest(source_rank, target_rank)
    ORDER BY min(source_rank), arg_min(target_rank, source_rank)`,
    { nodes: nodes.join(',') },
  );
  for await (const [a, b] of columns) {
    if (!a || !b) throw new Error('network: the ties query gave no columns');
    for (let i = 0; i < a.length; i += 1) {
      ends[length++] = a[i] ?? 0;
      ends[length++] = b[i] ?? 0;
    }
  }
  return ends.subarray(0, length);
}
