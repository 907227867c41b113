/**
 * A thread computing the dependency rows of a share of betweenness's sources
 * (`dependencyRows`, betweenness.ts) while the main thread computes the rest: see
 * `two-thread-betweenness.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dependencyRows } from './betweenness.js';
import type { DependencyTask } from './two-thread-betweenness.js';

const { offsets, adjacency, sources } = workerData as DependencyTask;
const rows = dependencyRows({ offsets, adjacency }, sources);
parentPort?.postMessage(rows, [rows.buffer]);
