/**
 * A terse notation for the hand-planted story: a thread is a list of lines
 * `[person, '2026-04-02T09:15', text, extras]`; the first line is the starter.
 */
import { utc, type Person, type PostSpec, type SpaceSpec, type ThreadSpec } from './model.js';

/** One message of a planted thread. */
export type Line = readonly [who: Person, when: string, text: string, extra?: Partial<PostSpec>];

/** Thread-level fields of a planted thread. */
export interface ThreadMeta {
  key?: string;
  title?: string;
  messageType?: string;
}

/** Builds a thread; replies answer the starter unless `extra.replyTo` says otherwise. */
export function thread(space: SpaceSpec, lines: readonly Line[], meta: ThreadMeta = {}): ThreadSpec {
  const posts = lines.map(
    ([author, when, text, extra], i): PostSpec => ({
      author,
      at: utc(when),
      text,
      replyTo: i === 0 ? null : 0,
      ...extra,
    }),
  );
  return { space, posts, ...meta };
}

/** Looks people up by key and spaces by name, failing loudly on a typo in the story. */
export class Cast {
  private readonly people: Map<string, Person>;

  constructor(
    people: readonly Person[],
    private readonly spaces: readonly SpaceSpec[],
  ) {
    this.people = new Map(people.map((p) => [p.key, p]));
  }

  who(key: string): Person {
    const person = this.people.get(key);
    if (person === undefined) throw new Error(`story: no person ${key}`);
    return person;
  }

  space(name: string): SpaceSpec {
    const space = this.spaces.find((s) => s.name === name);
    if (space === undefined) throw new Error(`story: no space ${name}`);
    return space;
  }

  /** The n-th private conversation / DM of the world. */
  dm(n: number): SpaceSpec {
    const space = this.spaces.filter((s) => s.kind === 'dm')[n];
    if (space === undefined) throw new Error(`story: no DM ${n}`);
    return space;
  }
}

/** Sorts planted threads by start time (the writers need start order). */
export function byStart(threads: readonly ThreadSpec[]): ThreadSpec[] {
  return [...threads].sort((a, b) => (a.posts[0]?.at ?? 0) - (b.posts[0]?.at ?? 0));
}
