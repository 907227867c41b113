import { describe, expect, it } from 'vitest';
import { runOnLanes } from '../../src/metrics/run-on-lanes.js';

/** A task that records when it starts and ends, and ends when its test says so. */
interface Step {
  name: string;
  after: number[];
  fails?: boolean;
}

/** Runs `steps` on `lanes`, each ending on the next turn of the event loop; returns the log and the outcome. */
async function trace(steps: Step[], lanes: string[], order?: number[]): Promise<{ log: string[]; error: unknown }> {
  const log: string[] = [];
  let error: unknown = null;
  await runOnLanes(
    steps,
    lanes,
    async (step, lane) => {
      log.push(`start ${step.name} on ${lane}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${step.name}`);
      if (step.fails) throw new Error(`${step.name} failed`);
    },
    order,
  ).catch((e: unknown) => {
    error = e;
  });
  return { log, error };
}

describe('runOnLanes (areas of the metrics at the same time)', () => {
  it('with one lane runs the tasks one after another in their order', async () => {
    const { log, error } = await trace(
      [
        { name: 'a', after: [] },
        { name: 'b', after: [] },
        { name: 'c', after: [0] },
      ],
      ['main'],
    );
    expect(error).toBeNull();
    expect(log).toEqual(['start a on main', 'end a', 'start b on main', 'end b', 'start c on main', 'end c']);
  });

  it('with two lanes runs two at a time, a task only once those it waits for are done', async () => {
    const { log } = await trace(
      [
        { name: 'a', after: [] },
        { name: 'b', after: [] },
        { name: 'c', after: [0, 1] },
        { name: 'd', after: [] },
      ],
      ['main', 'more'],
    );
    // c waits for a and b; d takes the lane a frees, c the one b frees.
    expect(log).toEqual([
      'start a on main',
      'start b on more',
      'end a',
      'start d on main',
      'end b',
      'start c on more',
      'end d',
      'end c',
    ]);
  });

  it('starts the ready tasks in the order given', async () => {
    const { log } = await trace(
      [
        { name: 'a', after: [] },
        { name: 'b', after: [] },
        { name: 'c', after: [] },
      ],
      ['main', 'more'],
      [2, 0, 1],
    );
    expect(log.slice(0, 2)).toEqual(['start c on main', 'start a on more']);
  });

  it('after a failure starts no later task, lets the running ones end, and throws the earliest failed task’s error', async () => {
    const { log, error } = await trace(
      [
        { name: 'a', after: [] },
        { name: 'b', after: [], fails: true },
        { name: 'c', after: [], fails: true },
        { name: 'd', after: [] },
      ],
      ['main', 'more'],
      [2, 1, 0, 3],
    );
    // c fails first (it started first); b, earlier in the list, still starts and fails too: its
    // error is the one thrown, as one lane in the list's order would have met it. d never starts.
    expect((error as Error).message).toBe('b failed');
    expect(log).toEqual(['start c on main', 'start b on more', 'end c', 'start a on main', 'end b', 'end a']);
  });

  it('refuses tasks that wait for a later one (they would never start)', async () => {
    const { error } = await trace(
      [
        { name: 'a', after: [1] },
        { name: 'b', after: [] },
      ],
      ['main'],
    );
    expect((error as Error).message).toBe('runOnLanes: task 0 waits for itself or a later task');
  });
});
