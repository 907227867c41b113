/**
 * Idempotence: the same export given twice, or two exports that overlap, count every message
 * once. The later input wins and the earlier copies are skipped as `duplicate` in the account of
 * the input they came from, so `read = used + skipped` still holds and `used` sums to the
 * distinct messages.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { load, reconciled, tempDir, writeTree } from '../bad-input/harness.js';
import { SLACK } from './bases.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const HEADER = 'id,thread_id,sender_id,sender_name,body,created_at';

/** Messages with distinct ids 1..n, each a post on its own day of March 2026 (n <= 28). */
const messages = fc
  .integer({ min: 1, max: 28 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.constantFrom('11', '12', '13'), { minLength: n, maxLength: n })));

function csvOf(ids: readonly number[], senders: readonly string[]): string {
  const rows = ids.map(
    (id) =>
      `${id},${id},${senders[id - 1] ?? '11'},Person ${senders[id - 1]},Message ${id},2026-03-${String(id).padStart(2, '0')} 09:00:00 UTC`,
  );
  return `${[HEADER, ...rows].join('\n')}\n`;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

describe('loading the same messages more than once', () => {
  it('two overlapping Yammer exports count each message once', async () => {
    await fc.assert(
      fc.asyncProperty(messages, fc.nat(), fc.nat(), async ([n, senders], a, b) => {
        // Export one holds messages 1..end1, export two start2..n, with start2 <= end1 + 1 (they touch or overlap).
        const end1 = 1 + (a % n);
        const start2 = 1 + (b % end1);
        const one = writeTree(tempDir('pilot-report-idem-'), { 'Messages.csv': csvOf(range(1, end1), senders) });
        const two = writeTree(tempDir('pilot-report-idem-'), { 'Messages.csv': csvOf(range(start2, n), senders) });
        const { accounts, activities } = await load([one, two]);
        const overlap = Math.max(0, Math.min(end1, n) - start2 + 1);
        expect(activities.map((x) => x.activity_id).sort()).toEqual(
          range(1, n)
            .map((id) => `yammer:${id}`)
            .sort(),
        );
        expect(accounts.reduce((s, x) => s + x.used, 0)).toBe(n);
        expect(accounts[0]?.skippedByReason['duplicate'] ?? 0).toBe(overlap);
        expect(reconciled(accounts)).toBe(true);
      }),
      // One or two folders per run (and per shrink step): removed right after the run, pass or fail.
      { numRuns: 25, plugins: [fc.afterEach(removeTempDirs)] },
    );
  }, 60_000);

  it('the same Yammer export given twice gives the dataset of one', async () => {
    await fc.assert(
      fc.asyncProperty(messages, async ([n, senders]) => {
        const dir = writeTree(tempDir('pilot-report-idem-'), { 'Messages.csv': csvOf(range(1, n), senders) });
        const once = await load([dir]);
        const twice = await load([dir, dir]);
        expect(twice.activities).toEqual(once.activities);
        expect(twice.accounts.map((x) => [x.read, x.used, x.skipped])).toEqual([
          [n, 0, n],
          [n, n, 0],
        ]);
      }),
      // One or two folders per run (and per shrink step): removed right after the run, pass or fail.
      // 8 runs (it was 15; each loads twice): the only input that matters here is n (1..28
      // messages; the senders are labels), and the overlapping-exports property above checks the
      // same dedupe across two folders in 25 more cases, the full overlap among them.
      { numRuns: 8, plugins: [fc.afterEach(removeTempDirs)] },
    );
  }, 60_000);

  it('the same Slack export given twice: messages and their derived reactions counted once', async () => {
    const dir = writeTree(tempDir('pilot-report-idem-'), SLACK);
    const once = await load([dir]);
    const twice = await load([dir, dir]);
    expect(twice.activities).toEqual(once.activities);
    // SLACK: 5 messages read, 3 used (a channel_join and a DM are skipped); given twice, the
    // first copy's 3 used move to duplicate.
    expect(twice.accounts.map((x) => [x.read, x.used, x.skipped, x.skippedByReason])).toEqual([
      [5, 0, 5, { private: 1, system: 1, duplicate: 3 }],
      [5, 3, 2, { private: 1, system: 1 }],
    ]);
  });
});
