/**
 * Ordering of a thread stream. Writers receive threads sorted by their starter's time and emit
 * messages in global time order, holding only the replies still to come (a heap), so memory stays
 * small whatever the export size.
 */
import type { PostSpec, ThreadSpec } from './model.js';

/** A message of a thread, with the thread's position in the stream (the tie-breaker). */
export interface TimedPost {
  thread: ThreadSpec;
  threadSeq: number;
  index: number;
  post: PostSpec;
}

function before(a: TimedPost, b: TimedPost): boolean {
  if (a.post.at !== b.post.at) return a.post.at < b.post.at;
  if (a.threadSeq !== b.threadSeq) return a.threadSeq < b.threadSeq;
  return a.index < b.index;
}

/** A binary min-heap of pending messages. */
class PostHeap {
  private readonly items: TimedPost[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimedPost | undefined {
    return this.items[0];
  }

  push(item: TimedPost): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent];
      if (p === undefined || !before(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  pop(): TimedPost | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      let bestItem = last;
      const left = items[l];
      const right = items[r];
      if (left !== undefined && before(left, bestItem)) [best, bestItem] = [l, left];
      if (right !== undefined && before(right, bestItem)) [best, bestItem] = [r, right];
      if (best === i) break;
      items[i] = bestItem;
      i = best;
    }
    items[i] = last;
    return top;
  }
}

/** Start time of a thread (its starter's time). */
export function startOf(thread: ThreadSpec): number {
  const first = thread.posts[0];
  if (first === undefined) throw new Error('generator bug: a thread without posts');
  return first.at;
}

/** Merges two streams of threads, each sorted by start time, into one sorted stream (a first on ties). */
export function* mergeByStart(a: Iterable<ThreadSpec>, b: Iterable<ThreadSpec>): Generator<ThreadSpec> {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  let na = ia.next();
  let nb = ib.next();
  while (!na.done || !nb.done) {
    if (!na.done && (nb.done || startOf(na.value) <= startOf(nb.value))) {
      yield na.value;
      na = ia.next();
    } else if (!nb.done) {
      yield nb.value;
      nb = ib.next();
    }
  }
}

function checkOrder(thread: ThreadSpec): void {
  for (let i = 1; i < thread.posts.length; i += 1) {
    const prev = thread.posts[i - 1];
    const post = thread.posts[i];
    if (prev !== undefined && post !== undefined && post.at < prev.at) {
      throw new Error(`generator bug: posts of a thread in ${thread.space.name} are not in time order`);
    }
  }
}

/** Every message of a start-ordered thread stream, in (time, thread, position) order. */
export function* postsInTimeOrder(threads: Iterable<ThreadSpec>): Generator<TimedPost> {
  const heap = new PostHeap();
  let seq = 0;
  let lastStart = -Infinity;
  for (const thread of threads) {
    const start = startOf(thread);
    if (start < lastStart) throw new Error('generator bug: threads are not sorted by start time');
    lastStart = start;
    checkOrder(thread);
    for (let top = heap.peek(); top !== undefined && top.post.at <= start; top = heap.peek()) {
      heap.pop();
      yield top;
    }
    thread.posts.forEach((post, index) => heap.push({ thread, threadSeq: seq, index, post }));
    seq += 1;
  }
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) yield top;
}
