import { workerNextTo } from '../../model/worker-thread.js';
import { betweenness, dependencyRows, dependencySums, normalized, orderOf, type CsrGraph } from './betweenness.js';

/**
 * {@link betweenness} on two cores: the main thread adds up the first half of the sources while a
 * worker thread computes the dependency rows of the second half (`dependencyRows`), which are then
 * added in source order. Every sum is added in the same order as by one thread, so the result is
 * the same to the last bit, whichever thread finishes first. At 1M Yammer messages the estimate
 * from 279 sources over the 2,000 most connected people was the network's largest cost (bench/README.md, s11-b).
 */

/** What the worker thread is given (copied to it): the graph and its share of the sources. */
export interface DependencyTask {
  offsets: Uint32Array;
  adjacency: Uint32Array;
  sources: Uint32Array;
}

/** Below this much work (node visits) a thread is not worth starting (tens of milliseconds). */
export const MIN_SHARED_WORK = 2e7;

/** Most bytes of dependency rows a worker thread may send back (n numbers per source): above, one thread. */
const MAX_ROW_BYTES = 256 * 2 ** 20;

/**
 * Normalized betweenness of every node (exact without `sources`, else the estimate from them; see
 * {@link betweenness}), on two threads when the work is at least `minSharedWork` node visits.
 */
export async function twoThreadBetweenness(
  graph: CsrGraph,
  sources?: Uint32Array,
  minSharedWork = MIN_SHARED_WORK,
): Promise<Float64Array> {
  const n = orderOf(graph);
  const all = sources ?? Uint32Array.from({ length: n }, (_, v) => v);
  const half = Math.floor(all.length / 2);
  const work = all.length * (n + graph.adjacency.length);
  if (half === 0 || work < minSharedWork || (all.length - half) * n * 8 > MAX_ROW_BYTES)
    return betweenness(graph, sources);
  const theirs = all.subarray(half);
  const rows = rowsInWorker({ offsets: graph.offsets, adjacency: graph.adjacency, sources: theirs });
  const sums = dependencySums(graph, all.subarray(0, half));
  // A thread that could not start or failed leaves its share to this one: the same rows.
  const added = await rows.catch(() => dependencyRows(graph, theirs));
  for (let i = 0; i < theirs.length; i++) for (let v = 0, at = i * n; v < n; v++, at++) sums[v] = sums[v]! + added[at]!;
  return normalized(sums, all.length);
}

/** {@link dependencyRows} of `task`, computed in a worker thread. */
export function rowsInWorker(task: DependencyTask): Promise<Float64Array> {
  const worker = workerNextTo(import.meta.url, 'betweenness-worker', task);
  return new Promise((resolve, reject) => {
    worker.once('message', (rows: Float64Array) => resolve(rows));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the betweenness thread stopped with exit code ${code}`)));
  });
}
