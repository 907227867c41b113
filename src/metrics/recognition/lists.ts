import type { PersonRecognition, Recognition } from './result.js';

/** Thought leader: many responses per post. */
export type ThoughtLeader = Recognition['thoughtLeaders'][number];

/** Helper: many first responses. */
export type Helper = Recognition['helpers'][number];

/** Connector: reaches many departments (or spaces, when no department is known). */
export type Connector = Recognition['connectors'][number];

/** Rising contributor: largest score gain over the previous period of equal length. */
export type RisingContributor = Recognition['rising'][number];

/** What every top list's entry has: who (the figure they are listed for differs per list). */
export type ListedPerson = Pick<Helper, 'id' | 'name'>;

/** Orders by a figure, largest first, then by `then` (largest first), then by id; keeps only those above 0. */
function top<T extends ListedPerson>(
  items: readonly T[],
  figure: (t: T) => number,
  size: number,
  then: (t: T) => number = () => 0,
): T[] {
  return items
    .filter((t) => figure(t) > 0)
    .sort((a, b) => figure(b) - figure(a) || then(b) - then(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, size);
}

export function thoughtLeaders(people: readonly PersonRecognition[], minPosts: number, size: number): ThoughtLeader[] {
  const candidates = people
    .filter((p) => p.posts >= Math.max(1, minPosts))
    .map((p) => ({
      id: p.id,
      name: p.name,
      posts: p.posts,
      responsesToPosts: p.responsesToPosts,
      responsesPerPost: p.responsesToPosts / p.posts,
    }));
  return top(candidates, (t) => t.responsesPerPost, size);
}

export function helpers(people: readonly PersonRecognition[], size: number): Helper[] {
  return top(
    people.map((p) => ({ id: p.id, name: p.name, firstResponses: p.firstResponses })),
    (h) => h.firstResponses,
    size,
  );
}

/** By departments reached when any department is known, else by spaces. */
export function connectors(people: readonly PersonRecognition[], byDepartments: boolean, size: number): Connector[] {
  const items = people.map((p) => ({
    id: p.id,
    name: p.name,
    departmentsReached: p.departmentsReached,
    spaces: p.spaces,
  }));
  return byDepartments
    ? top(
        items,
        (c) => c.departmentsReached,
        size,
        (c) => c.spaces,
      )
    : top(
        items,
        (c) => c.spaces,
        size,
        (c) => c.departmentsReached,
      );
}

export function rising(
  current: ReadonlyMap<string, { name: string | null; score: number }>,
  previous: ReadonlyMap<string, number>,
  size: number,
): RisingContributor[] {
  const items = [...current].map(([id, c]) => {
    const previousScore = previous.get(id) ?? 0;
    return { id, name: c.name, previousScore, score: c.score, gain: c.score - previousScore };
  });
  return top(items, (r) => r.gain, size);
}
