import { UndirectedGraph } from 'graphology';
import { centrality } from 'graphology-metrics';
import { describe, expect, it } from 'vitest';
import { betweenness, csrFromEdges, randomSources, exactWork } from '../../../src/metrics/network/betweenness.js';
import { mulberry32 } from '../../../src/metrics/prng.js';

/** A seeded PRNG, so every random graph here is the same on every run. */
const prng = mulberry32;

/**
 * A random graph of `order` nodes: `communities` groups with edge probability `inside`, a few
 * random edges between groups (`across` each), and every 7th node left isolated.
 */
function randomEdges(order: number, communities: number, inside: number, across: number, seed: number): Uint32Array {
  const random = prng(seed);
  const group = (v: number): number => v % communities;
  const isolated = (v: number): boolean => v % 7 === 6;
  const ends: number[] = [];
  for (let a = 0; a < order; a++) {
    for (let b = a + 1; b < order; b++) {
      if (isolated(a) || isolated(b)) continue;
      if (random() < (group(a) === group(b) ? inside : across)) ends.push(a, b);
    }
  }
  return Uint32Array.from(ends);
}

/**
 * Preferential attachment (Barabási–Albert, with 20% uniform picks): node v links to `links`
 * earlier nodes, chosen with probability proportional to their degree, as social networks grow hubs.
 */
function preferentialAttachment(order: number, links: number, seed: number): Uint32Array {
  const random = prng(seed);
  const ends: number[] = [];
  for (let v = 1; v < order; v++) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(links, v)) {
      chosen.add(
        ends.length === 0 || random() < 0.2 ? Math.floor(random() * v) : ends[Math.floor(random() * ends.length)]!,
      );
    }
    for (const u of chosen) ends.push(u, v);
  }
  return Uint32Array.from(ends);
}

/** graphology-metrics' normalized betweenness of the same graph, nodes and edges added in index order. */
function graphologyBetweenness(order: number, ends: Uint32Array): number[] {
  const graph = new UndirectedGraph();
  for (let v = 0; v < order; v++) graph.addNode(`n${v}`);
  for (let e = 0; e < ends.length; e += 2) graph.mergeEdge(`n${ends[e]}`, `n${ends[e + 1]}`);
  const scores = centrality.betweenness(graph, { getEdgeWeight: null, normalized: true });
  return Array.from({ length: order }, (_, v) => scores[`n${v}`] ?? Number.NaN);
}

const topIds = (scores: ArrayLike<number>, size: number): number[] =>
  Array.from(scores, (score, v) => ({ v, score }))
    .sort((x, y) => y.score - x.score || x.v - y.v)
    .slice(0, size)
    .map(({ v }) => v);

describe('betweenness', () => {
  it('is 1 for the middle of a path and for the centre of a star', () => {
    // Path 0-1-2: only 0↔2 passes through 1, both ordered pairs: 2 / ((3 − 1)(3 − 2)) = 1.
    expect(Array.from(betweenness(csrFromEdges(3, Uint32Array.of(0, 1, 1, 2))))).toEqual([0, 1, 0]);
    // Star, centre 0, leaves 1..4: the 4·3 ordered leaf pairs all pass through 0: 12 / (4 · 3) = 1.
    expect(Array.from(betweenness(csrFromEdges(5, Uint32Array.of(0, 1, 0, 2, 0, 3, 0, 4))))).toEqual([1, 0, 0, 0, 0]);
    // Square 0-1-2-3-0: 0↔2 has two shortest paths (via 1 and via 3), so 1 gets ½ per ordered pair: 2 · ½ / (3 · 2) = 1/6.
    expect(betweenness(csrFromEdges(4, Uint32Array.of(0, 1, 1, 2, 2, 3, 3, 0)))[1]).toBeCloseTo(1 / 6, 15);
  });

  it('leaves graphs of up to 2 nodes at 0', () => {
    expect(Array.from(betweenness(csrFromEdges(0, new Uint32Array())))).toEqual([]);
    expect(Array.from(betweenness(csrFromEdges(2, Uint32Array.of(0, 1))))).toEqual([0, 0]);
  });

  it.each([
    [3, 1, 0.9, 0, 1],
    [12, 2, 0.5, 0.05, 2],
    [40, 3, 0.3, 0.02, 3],
    [90, 4, 0.15, 0.01, 4],
    [150, 1, 0.05, 0, 5],
    [220, 5, 0.2, 0.003, 6],
  ])(
    'equals graphology-metrics on a random graph of %i nodes (%i communities)',
    (order, communities, inside, across, seed) => {
      const ends = randomEdges(order, communities, inside, across, seed);
      const ours = betweenness(csrFromEdges(order, ends));
      const theirs = graphologyBetweenness(order, ends);
      expect(ours).toHaveLength(order);
      for (let v = 0; v < order; v++) expect(Math.abs(ours[v]! - theirs[v]!)).toBeLessThanOrEqual(1e-9);
      if (order > 3) expect(Math.max(...ours)).toBeGreaterThan(0); // not a trivially all-zero comparison
    },
  );

  it('estimated from every node as a source, in any order, equals the exact value', () => {
    const ends = randomEdges(80, 3, 0.2, 0.02, 7);
    const graph = csrFromEdges(80, ends);
    const exact = betweenness(graph);
    const all = randomSources(80, 80);
    expect(Array.from(all)).toEqual(Array.from({ length: 80 }, (_, v) => v));
    const reversed = betweenness(graph, all.slice().reverse());
    for (let v = 0; v < 80; v++) expect(Math.abs(reversed[v]! - exact[v]!)).toBeLessThanOrEqual(1e-12);
  });

  it('estimated from 100 random sources of 1,000, finds the exact top brokers of a heavy-tailed graph', () => {
    const graph = csrFromEdges(1000, preferentialAttachment(1000, 2, 1));
    const exact = betweenness(graph);
    const estimate = betweenness(graph, randomSources(1000, 100));
    // Measured on this seeded graph: the top 4 are the same people (their order varies), and 8 of
    // the top 10; the 5th and 6th exact (0.067 and 0.062) are too close for 100 sources to order.
    expect(new Set(topIds(estimate, 4))).toEqual(new Set(topIds(exact, 4)));
    expect(topIds(estimate, 10).filter((v) => topIds(exact, 10).includes(v))).toHaveLength(8);
    const top = topIds(exact, 1)[0]!;
    expect(Math.abs(estimate[top]! - exact[top]!) / exact[top]!).toBeLessThan(0.1);
  });
});

describe('csrFromEdges', () => {
  it('keeps each node’s neighbours in the order of the edges', () => {
    const graph = csrFromEdges(4, Uint32Array.of(2, 0, 0, 1, 3, 0, 1, 2));
    // 0: 2, 1, 3; 1: 0, 2; 2: 0, 1; 3: 0
    expect(Array.from(graph.offsets)).toEqual([0, 3, 5, 7, 8]);
    expect(Array.from(graph.adjacency)).toEqual([2, 1, 3, 0, 2, 0, 1, 0]);
    expect(exactWork(graph)).toBe(4 * (4 + 8));
  });
});

describe('randomSources', () => {
  it('draws k distinct nodes, the same on every run', () => {
    const drawn = Array.from(randomSources(1000, 50));
    expect(new Set(drawn).size).toBe(50);
    expect(drawn.every((v) => Number.isInteger(v) && v >= 0 && v < 1000)).toBe(true);
    expect(Array.from(randomSources(1000, 50))).toEqual(drawn);
    expect(Array.from(randomSources(1000, 50, 2))).not.toEqual(drawn);
    expect(Array.from(randomSources(3, 5))).toEqual([0, 1, 2]);
    expect(Array.from(randomSources(5, 0))).toEqual([]);
  });
});
