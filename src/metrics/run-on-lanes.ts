/** A piece of work that may start once the earlier ones it waits for are done. */
export interface LaneTask {
  /** Indexes of earlier tasks (in the list given) this one waits for. */
  after: readonly number[];
}

/**
 * Runs each task on one of `lanes` once the tasks it waits for are done, at most one task per
 * lane at a time, the earliest ready task of `order` first (default: the list's order; with one
 * lane, then, one after another in that order). After a failure no later task (in the list) starts,
 * earlier ones still do, and once none runs the earliest failed task's error is thrown: the error
 * one lane would have met, whichever task finished first.
 */
export function runOnLanes<T extends LaneTask, L>(
  tasks: readonly T[],
  lanes: readonly L[],
  run: (task: T, lane: L) => Promise<void>,
  order: readonly number[] = tasks.map((_, index) => index),
): Promise<void> {
  // Waiting only for earlier tasks is what makes the first failure in the list the one to report.
  const late = tasks.findIndex((task, index) => task.after.some((a) => a >= index));
  if (late >= 0) return Promise.reject(new Error(`runOnLanes: task ${late} waits for itself or a later task`));
  const state = tasks.map((): 'waiting' | 'running' | 'done' | 'failed' => 'waiting');
  const errors = new Map<number, unknown>();
  let firstFailed = Number.POSITIVE_INFINITY;
  const free = [...lanes];
  return new Promise((resolve, reject) => {
    const finished = (index: number, lane: L, error?: { error: unknown }): void => {
      state[index] = error ? 'failed' : 'done';
      if (error) {
        errors.set(index, error.error);
        firstFailed = Math.min(firstFailed, index);
      }
      free.push(lane);
      next();
    };
    const next = (): void => {
      for (const index of order) {
        if (free.length === 0) break;
        const task = tasks[index];
        if (!task || index >= firstFailed || state[index] !== 'waiting') continue;
        if (!task.after.every((a) => state[a] === 'done')) continue;
        const lane = free.shift() as L;
        state[index] = 'running';
        run(task, lane).then(
          () => finished(index, lane),
          (error: unknown) => finished(index, lane, { error }),
        );
      }
      if (state.includes('running')) return;
      // Nothing runs: every task is done, or none left may start after a failure.
      if (errors.size > 0) reject(errors.get(firstFailed));
      else resolve();
    };
    next();
  });
}
