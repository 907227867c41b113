import type { z } from 'zod';
import type { Query } from '../../model/query.js';
import type { MetricContext } from '../types.js';
import { DEFAULT_BETWEENNESS_WORK, findBrokers, type Broker } from './brokers.js';
import { departmentNetwork } from './departments.js';
import { INTERACTION_KINDS, type InteractionKind } from './edges.js';
import type { networkSchema } from './schema.js';
import { countsByKind, departmentFlows, networkNodes, withNetworkTables, type NodeRow } from './tables.js';

export type { DepartmentFigures, DepartmentNetwork } from './departments.js';
export type { InteractionKind } from './edges.js';
export type { Broker } from './brokers.js';
export { DEFAULT_BETWEENNESS_WORK } from './brokers.js';

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
  /**
   * Budget of exact betweenness among the people kept, in node visits: people × (people + 2 × ties
   * among them). Above it betweenness is estimated from as many source people ("pivots", Brandes &
   * Pich 2007) as the budget allows, at least 100, drawn uniformly with a fixed seed (so a run is
   * reproducible) and scaled by people / pivots; a warning says so. Small graphs stay exact.
   * Default: `DEFAULT_BETWEENNESS_WORK` (4e8, about a second).
   */
  maxBetweennessWork?: number;
}

export const DEFAULT_NETWORK_CONFIG: NetworkConfig = {
  edgeWeights: { reply: 1, mention: 1, reaction: 0.5 },
  topBrokers: 10,
  maxPeopleForBrokers: 2000,
};

/**
 * The `network` section of metrics.json (spec §6): the type is its zod schema's (schema.ts), so the
 * two cannot differ.
 */
export type Network = z.infer<typeof networkSchema>;

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
 * - Betweenness (Brandes, see betweenness.ts; normalized as graphology-metrics does) runs on the
 *   undirected graph without weights: a weight there is a distance, and a strong tie is not a long
 *   one. Brokers with 0 are not listed. Above `maxBetweennessWork` it is estimated (see there).
 * - Counts, sums and the department matrix are computed in SQL; only the ties among the people
 *   brokers are searched in reach JS, as integer indexes (see tables.ts).
 * - Department figures use interaction weights; pairs where either person has no department are
 *   left out of `crossDepartmentShare` and counted in `interactionsWithoutDepartment`.
 */
export async function computeNetwork(query: Query, ctx: MetricContext, extra: NetworkExtra = {}): Promise<Network> {
  const config: NetworkConfig = { ...DEFAULT_NETWORK_CONFIG, ...extra.config };
  return withNetworkTables(query, ctx.period.since, ctx.period.until, async () => {
    const nodes = await networkNodes(query);
    const interactions = await countsByKind(query);
    const ties = nodes.reduce((t, n) => t + n.partners, 0) / 2;
    const warnings: string[] = [];
    const people = peoplePerDepartment(nodes);
    if (people.size === 0)
      warnings.push('no departments known: add a Yammer Users.csv or a --people file with departments');
    const limits = {
      maxPeople: config.maxPeopleForBrokers,
      maxWork: config.maxBetweennessWork ?? DEFAULT_BETWEENNESS_WORK,
      size: config.topBrokers,
    };
    const topBrokers: Broker[] = await findBrokers(query, nodes, ties, limits, warnings);
    return {
      people: nodes.length,
      connectedPeople: nodes.filter((n) => n.partners > 0).length,
      ties,
      interactions,
      weightedInteractions: INTERACTION_KINDS.reduce((t, kind) => t + interactions[kind] * config.edgeWeights[kind], 0),
      density: nodes.length < 2 ? null : (2 * ties) / (nodes.length * (nodes.length - 1)),
      topBrokers,
      departments:
        people.size > 0
          ? departmentNetwork(people, await departmentFlows(query, config.edgeWeights), ctx.config.minGroupSize)
          : null,
      warnings,
    };
  });
}

/** Network persons per known department. */
function peoplePerDepartment(nodes: readonly NodeRow[]): Map<string, number> {
  const people = new Map<string, number>();
  for (const n of nodes) if (n.department !== null) people.set(n.department, (people.get(n.department) ?? 0) + 1);
  return people;
}
