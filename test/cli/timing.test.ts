import { describe, expect, it } from 'vitest';
import { stopwatch } from '../../src/cli/timing.js';

describe('stopwatch (--verbose timings)', () => {
  it('logs each phase with its seconds and the memory after it, and only slow queries', async () => {
    const lines: string[] = [];
    let clock = 0;
    const watch = stopwatch(
      { verbose: (m) => lines.push(m) },
      { now: () => clock, rss: () => 1536 * 2 ** 20, slowQueryMs: 500 },
    );
    const result = await watch.phase('read inputs', async () => {
      clock += 12_345;
      return 42;
    });
    expect(result).toBe(42);
    watch.query('SELECT 1', 499, 1);
    watch.query(`-- a comment\n  SELECT person_id,\n   count(*) FROM activities GROUP BY 1`, 1500, 2500);
    watch.query('CREATE TABLE x AS SELECT 1', 750, null);
    expect(lines).toEqual([
      'timing: read inputs 12.3 s, rss 1,536 MiB',
      'timing: query 1.50 s, 2,500 rows: SELECT person_id, count(*) FROM activities GROUP BY 1',
      'timing: query 0.75 s: CREATE TABLE x AS SELECT 1',
    ]);
  });
});
