import { describe, expect, it } from 'vitest';
import { betweenness, csrFromEdges, randomSources } from '../../../src/metrics/network/betweenness.js';
import { rowsInWorker, twoThreadBetweenness } from '../../../src/metrics/network/two-thread-betweenness.js';
import { mulberry32 } from '../../../src/metrics/prng.js';

/** Preferential attachment: node v links to `links` earlier nodes, most often to those with most links. */
function hubbyGraph(order: number, links: number, seed: number): Uint32Array {
  const random = mulberry32(seed);
  const ends: number[] = [];
  for (let v = 1; v < order; v++) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(links, v))
      chosen.add(
        ends.length === 0 || random() < 0.2 ? Math.floor(random() * v) : ends[Math.floor(random() * ends.length)]!,
      );
    for (const u of chosen) ends.push(u, v);
  }
  return Uint32Array.from(ends);
}

/** The same numbers to the last bit (Object.is: +0 and -0 differ too). */
const bits = (values: Float64Array): string[] => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : v.toString()));

describe('betweenness on two threads', () => {
  it('the thread’s dependency rows are each source’s, worked out by hand on a path and a star', async () => {
    // The path 0 - 1 - 2 - 3 and a leaf 4 on 1. From 0: 1 lies on the paths to 2, 3, 4 (3), 2 on the path to 3 (1).
    const graph = csrFromEdges(5, Uint32Array.from([0, 1, 1, 2, 2, 3, 1, 4]));
    const rows = await rowsInWorker({ ...graph, sources: Uint32Array.from([0, 3]) });
    // From 3: 2 lies on the paths to 1, 0, 4 (3), 1 on those to 0 and 4 (2).
    expect(Array.from(rows)).toEqual([0, 3, 1, 0, 0, 0, 2, 3, 0, 0]);
  });

  it('gives the one-thread result to the last bit, exact and estimated, whichever thread ends first', async () => {
    const order = 400;
    const graph = csrFromEdges(order, hubbyGraph(order, 3, 7));
    const exact = betweenness(graph);
    expect(bits(await twoThreadBetweenness(graph, undefined, 0))).toEqual(bits(exact));
    // An odd number of sources: the main thread takes 28, the other 29.
    const sources = randomSources(order, 57, 3);
    expect(bits(await twoThreadBetweenness(graph, sources, 0))).toEqual(bits(betweenness(graph, sources)));
    // Real values, not zeros: the hubs broker.
    expect(Math.max(...exact)).toBeGreaterThan(0.05);
  });

  it('stays on one thread below the work threshold, with the same result', async () => {
    const graph = csrFromEdges(4, Uint32Array.from([0, 1, 1, 2, 2, 3]));
    // Path of 4: 1 and 2 each lie on 2 of the 6 unordered pairs: 4 ordered, over (n-1)(n-2) = 6.
    expect(Array.from(await twoThreadBetweenness(graph))).toEqual([0, 4 / 6, 4 / 6, 0]);
  });
});
