/**
 * Betweenness centrality of an unweighted, undirected graph held in typed arrays (Brandes 2001),
 * exact or estimated from a subset of source nodes ("pivots", Brandes & Pich 2007).
 *
 * Normalization matches graphology-metrics' `betweenness(graph, { normalized: true })` on an
 * undirected graph: the sum of pair dependencies over every ordered (source, target) pair, each
 * unordered pair therefore counted twice, times 1 / ((n − 1)(n − 2)); graphology does not halve
 * the undirected sums when normalizing, so neither do we. Graphs of 2 nodes or fewer are left
 * unscaled (all zeros anyway). Nodes are visited in index order and neighbours in adjacency order,
 * as graphology visits its nodes and neighbours in insertion order, so the sums are added in the
 * same order and the exact results are equal to the last bit.
 */
import { mulberry32 } from '../prng.js';

/** An undirected graph as compressed sparse rows: node v's neighbours are `adjacency[offsets[v] .. offsets[v + 1])`. */
export interface CsrGraph {
  /** n + 1 offsets into `adjacency`. */
  offsets: Uint32Array;
  /** Neighbour indexes; each undirected edge appears twice (once at each end). */
  adjacency: Uint32Array;
}

/** Number of nodes of a CSR graph. */
export function orderOf(graph: CsrGraph): number {
  return graph.offsets.length - 1;
}

/**
 * A CSR graph of `order` nodes from undirected edges `ends[2i]`–`ends[2i + 1]` (no self-loops, no
 * duplicates). Each node's neighbours keep the order of the edges, as graphology's adjacency does.
 */
export function csrFromEdges(order: number, ends: Uint32Array): CsrGraph {
  const offsets = new Uint32Array(order + 1);
  for (const v of ends) offsets[v + 1]! += 1;
  for (let v = 0; v < order; v++) offsets[v + 1]! += offsets[v]!;
  const next = offsets.slice(0, order);
  const adjacency = new Uint32Array(ends.length);
  for (let e = 0; e + 1 < ends.length; e += 2) {
    const a = ends[e]!;
    const b = ends[e + 1]!;
    adjacency[next[a]!++] = b;
    adjacency[next[b]!++] = a;
  }
  return { offsets, adjacency };
}

/** Scratch arrays of one Brandes pass, allocated once per graph. */
interface Scratch {
  sigma: Float64Array;
  distance: Int32Array;
  delta: Float64Array;
  queue: Uint32Array;
  /** Predecessors of w on shortest paths, at `offsets[w]` on (a subset of its neighbours, so they fit there). */
  predecessors: Uint32Array;
  predecessorCount: Uint32Array;
}

/**
 * Normalized betweenness of every node. Without `sources` it is exact (every node is a source);
 * with k `sources` it is the Brandes–Pich estimate: the dependencies accumulated from those
 * sources only, scaled by n / k (k = n gives the exact value).
 */
export function betweenness(graph: CsrGraph, sources?: Uint32Array): Float64Array {
  return normalized(dependencySums(graph, sources), sources?.length ?? orderOf(graph));
}

/** The sums {@link betweenness} scales: every node's dependencies, added source after source (every node without `sources`). */
export function dependencySums(graph: CsrGraph, sources?: Uint32Array): Float64Array {
  const n = orderOf(graph);
  const centralities = new Float64Array(n);
  const scratch = scratchOf(graph);
  if (sources === undefined) for (let s = 0; s < n; s++) accumulateFrom(graph, s, scratch, centralities);
  else for (const s of sources) accumulateFrom(graph, s, scratch, centralities);
  return centralities;
}

/** {@link dependencySums} scaled as {@link betweenness} scales them, `sources` being how many sources were taken. */
export function normalized(centralities: Float64Array, sources: number): Float64Array {
  const n = centralities.length;
  const sampled = sources === n ? 1 : n / sources;
  // Same scale and the same single multiplication as graphology-metrics, so exact results match to the bit.
  const scale = n <= 2 ? null : 1 / ((n - 1) * (n - 2));
  if (scale !== null || sampled !== 1)
    for (let v = 0; v < n; v++) centralities[v] = centralities[v]! * sampled * (scale ?? 1);
  return centralities;
}

/**
 * What each of `sources` adds to the betweenness sums, apart: row i (n numbers from i × n) holds
 * source i's dependency of every node, 0 at the source and at the nodes it does not reach. Adding
 * the rows to the sums in source order gives {@link betweenness}'s sums bit for bit (adding 0
 * changes no sum), so another thread can compute a share of the sources.
 */
export function dependencyRows(graph: CsrGraph, sources: Uint32Array): Float64Array<ArrayBuffer> {
  const n = orderOf(graph);
  const rows = new Float64Array(sources.length * n);
  const scratch = scratchOf(graph);
  sources.forEach((s, i) => accumulateFrom(graph, s, scratch, rows.subarray(i * n, (i + 1) * n)));
  return rows;
}

function scratchOf(graph: CsrGraph): Scratch {
  const n = orderOf(graph);
  return {
    sigma: new Float64Array(n),
    distance: new Int32Array(n).fill(-1),
    delta: new Float64Array(n),
    queue: new Uint32Array(n),
    predecessors: new Uint32Array(graph.adjacency.length),
    predecessorCount: new Uint32Array(n),
  };
}

/**
 * One Brandes pass from `source`: a breadth-first search counting shortest paths (sigma) and
 * noting predecessors, then the dependencies accumulated in reverse order of discovery. Each
 * predecessor receives its share from w in a single addition, in the order graphology adds them.
 */
function accumulateFrom(graph: CsrGraph, source: number, scratch: Scratch, centralities: Float64Array): void {
  const { offsets, adjacency } = graph;
  const { sigma, distance, delta, queue, predecessors, predecessorCount } = scratch;
  sigma[source] = 1;
  distance[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = queue[head++]!;
    const next = distance[v]! + 1;
    const sigmaV = sigma[v]!;
    for (let j = offsets[v]!, stop = offsets[v + 1]!; j < stop; j++) {
      const w = adjacency[j]!;
      if (distance[w] === -1) {
        distance[w] = next;
        queue[tail++] = w;
      }
      if (distance[w] === next) {
        sigma[w] = sigma[w]! + sigmaV;
        predecessors[offsets[w]! + predecessorCount[w]!++] = v;
      }
    }
  }
  while (tail > 0) {
    const w = queue[--tail]!;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    for (let j = offsets[w]!, stop = j + predecessorCount[w]!; j < stop; j++) {
      const v = predecessors[j]!;
      delta[v] = delta[v]! + sigma[v]! * coefficient;
    }
    if (w !== source) centralities[w] = centralities[w]! + delta[w]!;
  }
  // Reset only what this pass touched (the nodes it reached), ready for the next source.
  for (let i = 0; i < head; i++) {
    const v = queue[i]!;
    sigma[v] = 0;
    distance[v] = -1;
    delta[v] = 0;
    predecessorCount[v] = 0;
  }
}

/** Work of exact betweenness: every node a source, each pass visiting every node and adjacency entry. */
export function exactWork(graph: CsrGraph): number {
  const n = orderOf(graph);
  return n * (n + graph.adjacency.length);
}

/**
 * The k pivots of an estimate: k distinct nodes drawn uniformly (Brandes & Pich found uniform
 * draws as good as cleverer strategies) by a seeded generator, so a run is reproducible. Evenly
 * spaced nodes were tried first and fail on graphs whose structure repeats along the node order.
 */
export function randomSources(order: number, k: number, seed = 1): Uint32Array {
  const count = Math.max(0, Math.min(order, Math.floor(k)));
  const nodes = Uint32Array.from({ length: order }, (_, v) => v);
  const random = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order - i));
    const chosen = nodes[j]!;
    nodes[j] = nodes[i]!;
    nodes[i] = chosen;
  }
  return nodes.slice(0, count).sort();
}
