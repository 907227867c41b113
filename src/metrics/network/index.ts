import { UndirectedGraph } from 'graphology';
import { centrality, graph as graphMetrics } from 'graphology-metrics';
import type { Query } from '../../model/query.js';
import type { MetricContext } from '../types.js';
import { departmentNetwork, type DepartmentNetwork, type WeightedEdge } from './departments.js';
import { activePersonIds, interactionEdges, personInfo, type EdgeRow, type InteractionKind, type PersonRow } from './edges.js';

export type { DepartmentFigures, DepartmentNetwork } from './departments.js';
export type { InteractionKind } from './edges.js';

/** Knobs of the network metric (the lead merges them into the config schema). */
export interface NetworkConfig {
  /** Weight of one interaction of each kind. Default: reply 1, mention 1, reaction 0.5 (a lighter act). */
  edgeWeights: Record<InteractionKind, number>;
  /** How many brokers `topBrokers` lists. Default: 10. */
  topBrokers: number;
  /**
   * Betweenness costs people x ties (Brandes); above this many connected people it is computed on
   * the most connected ones only (by number of partners), and a warning says so. Default: 2000.
   */
  maxPeopleForBrokers: number;
}

export const DEFAULT_NETWORK_CONFIG: NetworkConfig = {
  edgeWeights: { reply: 1, mention: 1, reaction: 0.5 },
  topBrokers: 10,
  maxPeopleForBrokers: 2000,
};

/** A person who links others: high betweenness in the interaction network. */
export interface Broker {
  /** Person id. */
  id: string;
  /** Display name (replaced by a pseudonym under `--anonymize`). */
  name: string | null;
  /** Department, when known. */
  department: string | null;
  /** Normalized betweenness centrality (0–1) in the undirected, unweighted network. */
  betweenness: number;
  /** Distinct persons interacted with, either direction. */
  partners: number;
}

/** The `network` section of metrics.json (spec §6). */
export interface Network {
  /** The nodes: persons with any activity in the period, and the persons their interactions reached. */
  people: number;
  /** Persons with at least one interaction either way. */
  connectedPeople: number;
  /** Unordered pairs of persons with at least one interaction either way: the ties. */
  ties: number;
  /** Interaction counts by kind in the period (unweighted). */
  interactions: Record<InteractionKind, number>;
  /** Weighted sum of all interactions (`edgeWeights`). */
  weightedInteractions: number;
  /** Ties / possible ties among `people` (undirected, graphology-metrics); null for fewer than 2 people. */
  density: number | null;
  /** Top brokers by betweenness (only persons above 0), ties broken by id. */
  topBrokers: Broker[];
  /** Department figures; null when no active person has a department (see `warnings`). */
  departments: DepartmentNetwork | null;
  /** Why figures are null. */
  warnings: string[];
}

/** What the network metric needs beyond the dataset. */
export interface NetworkExtra {
  config?: Partial<NetworkConfig>;
}

/**
 * The interaction network (spec §6): replies, mentions and reactions between persons in the period.
 *
 * Decisions where the spec is silent:
 * - Nodes are all persons active in the period (and the authors their interactions reached), so
 *   density counts people who interacted with nobody; a tie is an unordered pair with any interaction either way.
 * - Betweenness (graphology-metrics, Brandes) runs on the undirected graph without weights: a
 *   weight there is a distance, and a strong tie is not a long one. Brokers with 0 are not listed.
 * - Department figures use interaction weights; pairs where either person has no department are
 *   left out of `crossDepartmentShare` and counted in `interactionsWithoutDepartment`.
 */
export async function computeNetwork(query: Query, ctx: MetricContext, extra: NetworkExtra = {}): Promise<Network> {
  const config: NetworkConfig = { ...DEFAULT_NETWORK_CONFIG, ...extra.config };
  const rows = await interactionEdges(query, ctx.period.since, ctx.period.until);
  const graph = new UndirectedGraph();
  for (const id of await activePersonIds(query, ctx.period.since, ctx.period.until)) graph.addNode(id);
  // Edges point at authors of messages, who may have been active only outside the period.
  for (const r of rows) {
    graph.mergeNode(r.source_id);
    graph.mergeNode(r.target_id);
    graph.mergeEdge(r.source_id, r.target_id);
  }
  const weighted = weightedEdges(rows, config);
  const warnings: string[] = [];
  const info = new Map((await personInfo(query)).map((p) => [p.person_id, p]));
  const departmentOf = new Map<string, string | null>(graph.nodes().map((id) => [id, info.get(id)?.department ?? null]));
  const hasDepartments = [...departmentOf.values()].some((d) => d !== null);
  if (!hasDepartments) warnings.push('no departments known: add a Yammer Users.csv or a --people file with departments');
  return {
    people: graph.order,
    connectedPeople: graph.filterNodes((node) => graph.degree(node) > 0).length,
    ties: graph.size,
    interactions: countsByKind(rows),
    weightedInteractions: weighted.reduce((t, e) => t + e.weight, 0),
    density: graph.order < 2 ? null : graphMetrics.density(graph),
    topBrokers: brokers(brokerGraph(graph, config.maxPeopleForBrokers, warnings), graph, info, config.topBrokers),
    departments: hasDepartments ? departmentNetwork(departmentOf, weighted, ctx.config.minGroupSize) : null,
    warnings,
  };
}

function countsByKind(rows: readonly EdgeRow[]): Record<InteractionKind, number> {
  const counts: Record<InteractionKind, number> = { reply: 0, mention: 0, reaction: 0 };
  for (const r of rows) counts[r.kind] += r.interactions;
  return counts;
}

/** Merges kinds into one weighted directed edge per (from, to). */
function weightedEdges(rows: readonly EdgeRow[], config: NetworkConfig): WeightedEdge[] {
  const merged = new Map<string, WeightedEdge>();
  for (const r of rows) {
    const key = `${r.source_id}\u0000${r.target_id}`;
    const edge = merged.get(key) ?? { from: r.source_id, to: r.target_id, weight: 0 };
    edge.weight += r.interactions * config.edgeWeights[r.kind];
    merged.set(key, edge);
  }
  return [...merged.values()];
}

/**
 * The graph brokers are found in: the whole network, or above `maxPeople` connected people the
 * subgraph of the `maxPeople` with most partners (ties by id), where brokers live by definition.
 */
function brokerGraph(graph: UndirectedGraph, maxPeople: number, warnings: string[]): UndirectedGraph {
  if (graph.order <= maxPeople) return graph;
  const kept = new Set(
    graph
      .nodes()
      .sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, maxPeople),
  );
  const sub = new UndirectedGraph();
  for (const node of kept) sub.addNode(node);
  graph.forEachEdge((_edge, _attributes, a, b) => {
    if (kept.has(a) && kept.has(b)) sub.mergeEdge(a, b);
  });
  warnings.push(`network.topBrokers: betweenness computed over the ${maxPeople} most connected of ${graph.order} people (network.maxPeopleForBrokers)`);
  return sub;
}

function brokers(graph: UndirectedGraph, whole: UndirectedGraph, info: ReadonlyMap<string, PersonRow>, size: number): Broker[] {
  if (graph.order < 3) return [];
  const scores = centrality.betweenness(graph, { getEdgeWeight: null, normalized: true });
  return Object.entries(scores)
    .filter(([, score]) => score > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, size)
    .map(([id, betweenness]) => ({
      id,
      name: info.get(id)?.name ?? null,
      department: info.get(id)?.department ?? null,
      betweenness,
      partners: whole.degree(id),
    }));
}
