import type { z } from 'zod';
import type { Query } from '../../model/query.js';
import { csrFromEdges, randomSources, exactWork, orderOf, type CsrGraph } from './betweenness.js';
import { twoThreadBetweenness } from './two-thread-betweenness.js';
import type { networkSchema } from './schema.js';
import { tiesAmong, type NodeRow } from './tables.js';

/**
 * Default budget of exact betweenness, in node visits: n × (n + adjacency entries). Measured on
 * betweenness.ts (2 vCPUs shared with other jobs): 4–6 ns per visit, so 2e8 is about a second.
 * Exact would cost 1.4e9 for the 2,000 most connected people of 1M Yammer messages (714k adjacency
 * entries, about 7 s) and 3.4e9 with 1M Slack messages added (1.7M entries, about 17 s); within
 * the budget they get 279 and 118 pivots; measured against exact: the same top 5 (8 of the top
 * 10), and the same top 4 (9 of the top 10, the 5th and 6th swapped: 0.00171 vs 0.00167).
 */
export const DEFAULT_BETWEENNESS_WORK = 2e8;

/** Fewest pivots of an estimate, however dense the graph: below this the ranking gets noisy. */
const MIN_PIVOTS = 100;

/**
 * A person who links others: high betweenness in the interaction network. The type is the
 * schema's (schema.ts), so the two cannot differ.
 */
export type Broker = z.infer<typeof networkSchema>['topBrokers'][number];

/** What limits the broker search. */
export interface BrokerLimits {
  /** See `NetworkConfig.maxPeopleForBrokers`. */
  maxPeople: number;
  /** See `NetworkConfig.maxBetweennessWork`. */
  maxWork: number;
  /** How many brokers to list. */
  size: number;
}

/**
 * Top brokers of the network whose nodes are `nodes` (by index) with `ties` ties: among everyone,
 * or above `maxPeople` among the `maxPeople` with most partners (ties by id), where brokers live by
 * definition. Only the ties among those people leave the database, as integer indexes.
 */
export async function findBrokers(
  query: Query,
  nodes: readonly NodeRow[],
  ties: number,
  limits: BrokerLimits,
  warnings: string[],
): Promise<Broker[]> {
  const kept = nodes.length <= limits.maxPeople ? [...nodes] : mostConnected(nodes, limits.maxPeople);
  if (kept.length < nodes.length) {
    warnings.push(
      `network.topBrokers: betweenness computed over the ${limits.maxPeople} most connected of ${nodes.length} people (network.maxPeopleForBrokers)`,
    );
  }
  if (kept.length < 3) return [];
  const graph = await keptGraph(query, nodes.length, kept, ties);
  const scores = await scoresWithin(graph, limits.maxWork, warnings);
  return kept
    .map((node, i) => ({ node, score: scores[i] ?? 0 }))
    .filter(({ score }) => score > 0)
    .sort(
      (x, y) =>
        y.score - x.score || (x.node.person_id < y.node.person_id ? -1 : x.node.person_id > y.node.person_id ? 1 : 0),
    )
    .slice(0, limits.size)
    .map(({ node, score }) => ({
      id: node.person_id,
      name: node.name,
      department: node.department,
      betweenness: score,
      partners: node.partners,
    }));
}

/** The `size` nodes with most partners, ties by id, in that order. */
function mostConnected(nodes: readonly NodeRow[], size: number): NodeRow[] {
  return [...nodes]
    .sort((a, b) => b.partners - a.partners || (a.person_id < b.person_id ? -1 : a.person_id > b.person_id ? 1 : 0))
    .slice(0, size);
}

/** The ties among `kept`, re-indexed by position in `kept`, as a CSR graph. */
async function keptGraph(query: Query, order: number, kept: readonly NodeRow[], ties: number): Promise<CsrGraph> {
  const position = new Int32Array(order).fill(-1);
  kept.forEach((n, i) => (position[n.node] = i));
  const ends = await tiesAmong(
    query,
    kept.map((n) => n.node),
    ties,
  );
  for (let i = 0; i < ends.length; i++) ends[i] = position[ends[i]!]!;
  return csrFromEdges(kept.length, ends);
}

/** Exact betweenness within `maxWork`, else the estimate from as many pivots as it allows (drawn with a fixed seed). */
function scoresWithin(graph: CsrGraph, maxWork: number, warnings: string[]): Promise<Float64Array> {
  const n = orderOf(graph);
  const pivots = Math.max(MIN_PIVOTS, Math.floor(maxWork / (n + graph.adjacency.length)));
  if (exactWork(graph) <= maxWork || pivots >= n) return twoThreadBetweenness(graph);
  warnings.push(
    `network.topBrokers: betweenness estimated from ${pivots} of ${n} people as sources (drawn with a fixed seed): exact would exceed the work budget (network.maxBetweennessWork)`,
  );
  return twoThreadBetweenness(graph, randomSources(n, pivots));
}
