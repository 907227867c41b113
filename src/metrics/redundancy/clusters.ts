/** A link between two item indexes. */
export interface Link {
  i: number;
  j: number;
}

/**
 * Complete-linkage groups: links are taken in the order given (the caller puts the ones it trusts
 * most first) and two groups merge only when every item of one is linked to every item of the
 * other, so each group is a clique. Unlike single linkage (connected components), a chain
 * a–b, b–c never puts a and c together unless a–c is linked too: one generic text can no longer
 * glue hundreds of unrelated ones into a cluster. Groups of one are dropped; each group is sorted,
 * and groups come in order of their smallest index.
 */
export function completeLinkageGroups(count: number, links: readonly Link[]): number[][] {
  const linked = new Set(links.map(({ i, j }) => keyOf(i, j, count)));
  const groupOf = Array.from({ length: count }, (_, index) => index);
  const members = new Map<number, number[]>();
  for (const { i, j } of links) {
    const a = groupOf[i];
    const b = groupOf[j];
    if (a === undefined || b === undefined || a === b) continue;
    const left = members.get(a) ?? [a];
    const right = members.get(b) ?? [b];
    if (!left.every((x) => right.every((y) => linked.has(keyOf(x, y, count))))) continue;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    const merged = [...left, ...right];
    for (const index of merged) groupOf[index] = keep;
    members.set(keep, merged);
    members.delete(drop);
  }
  return [...members.values()]
    .map((group) => [...group].sort((x, y) => x - y))
    .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}

/** One number per unordered pair (exact below 2^53, so for up to ~94 million items): no strings to build. */
function keyOf(i: number, j: number, count: number): number {
  return i < j ? i * count + j : j * count + i;
}
