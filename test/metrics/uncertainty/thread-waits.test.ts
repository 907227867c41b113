import { afterEach, describe, expect, it } from 'vitest';
import { threadWaits } from '../../../src/metrics/uncertainty/thread-waits.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Activity } from '../../../src/model/types.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const period = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');
const ctx = metricContext(period, { asOf: '2026-02-01T00:00:00Z' });
const HOUR = 3_600_000;
const START = Date.parse('2026-01-02T00:00:00Z');

/**
 * `threads` posts in January, one a minute from 2 January, by u1; thread i is answered by u2
 * after (i % 5) + 1 hours when i is even, never when odd. More threads than the columns' smallest
 * size (1,024), so the columns are sized from the thread count and returned without a copy.
 */
function activities(threads: number): Activity[] {
  const rows: Activity[] = [];
  for (let i = 0; i < threads; i += 1) {
    const at = START + i * 60_000;
    rows.push(act({ id: `t${i}`, at: new Date(at).toISOString(), identityId: 'yammer:u1', spaceId: 'yammer:g' }));
    if (i % 2 === 0)
      rows.push(
        act({
          id: `r${i}`,
          kind: 'reply',
          threadId: `t${i}`,
          parentId: `t${i}`,
          at: new Date(at + ((i % 5) + 1) * HOUR).toISOString(),
          identityId: 'yammer:u2',
          spaceId: 'yammer:g',
        }),
      );
  }
  return rows;
}

describe('the threads’ waits as columns', () => {
  it('holds one entry per thread, its start and its wait, with more threads than the smallest columns', async () => {
    const threads = 1_500;
    const { dataset } = await inlineDataset({
      spaces: [{ id: 'yammer:g', source: 'yammer', name: 'General', kind: 'group', isPrivate: false }],
      activities: activities(threads),
    });
    open = dataset;
    const waits = await threadWaits(dataset.query, ctx);
    expect(waits.count).toBe(threads);
    expect(waits.startedMs.length).toBe(threads);
    expect(waits.hours.length).toBe(threads);
    // The rows come in no order: compare them sorted by start.
    const byStart = Array.from({ length: threads }, (_, k) => k).sort(
      (a, b) => waits.startedMs[a]! - waits.startedMs[b]!,
    );
    for (const [i, k] of byStart.entries()) {
      expect(waits.startedMs[k]).toBe(START + i * 60_000);
      if (i % 2 === 0) expect(waits.hours[k]).toBe((i % 5) + 1);
      else expect(Number.isNaN(waits.hours[k])).toBe(true);
    }
    expect(waits.spaces.map((s) => s.name)).toEqual(['General']);
    expect(Array.from(new Set(waits.space))).toEqual([0]);
  });
});
