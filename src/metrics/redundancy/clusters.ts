import type { SimilarPair } from './tf-idf.js';

/** Groups of indexes linked by similar pairs (union-find), each sorted, in order of their smallest index. */
export function linkedGroups(count: number, pairs: readonly SimilarPair[]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    // Path compression keeps later look-ups short.
    for (let node = i; parent[node] !== root; ) [node, parent[node]] = [parent[node]!, root];
    return root;
  };
  for (const { i, j } of pairs) {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i += 1) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
