import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { newAccount } from '../../src/model/accounting.js';
import { Dataset } from '../../src/model/dataset.js';
import { act } from '../helpers/dataset.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

const scratchFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('pilot-report-dataset-')));

afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(removeTempDirs);

/** 3,000 posts by 7 people over 30 days; every 10th re-exported (a duplicate id). */
async function load(dataset: Dataset) {
  const account = newAccount(0, 'yammer', 'inline');
  for (let n = 0; n < 3000; n += 1) {
    const activity = act({
      id: `yammer:${n % 10 === 9 ? n - 1 : n}`,
      at: new Date(Date.UTC(2026, 0, 1 + (n % 30))).toISOString(),
      identityId: `yammer:u${n % 7}`,
      text: `post ${n} ${'x'.repeat(n % 50)}`,
    });
    dataset.append({ type: 'activity', activity }, account);
  }
  await dataset.finalize([account], []);
  return account;
}

describe('Dataset with spill (a temporary DuckDB file)', () => {
  it('gives the same tables as in memory, with a memory limit, and removes its file on close', async () => {
    // A temporary folder of its own: the other worker, or another run on this machine, makes
    // scratch folders in the system's at the same time, and one of those was counted as this one.
    vi.stubEnv('TMPDIR', makeTempDir('pilot-report-spill-test-'));
    const before = scratchFolders();
    const spilled = await Dataset.open({ spill: true, memoryLimit: '64MB' });
    const created = [...scratchFolders()].filter((name) => !before.has(name));
    expect(created).toHaveLength(1);
    const folder = path.join(tmpdir(), created[0] ?? '');
    expect(existsSync(path.join(folder, 'dataset.duckdb'))).toBe(true);
    const inMemory = await Dataset.open();
    const [a, b] = [await load(spilled), await load(inMemory)];
    // 3,000 rows read; ids 9, 19, ... 2999 are re-exports of 8, 18, ...: 300 duplicates.
    expect(a).toMatchObject({ read: 3000, used: 2700, skipped: 300 });
    expect(b).toMatchObject({ read: 3000, used: 2700, skipped: 300 });
    const figures =
      'SELECT person_id, count(*) AS n, sum(length(text)) AS chars FROM activities GROUP BY person_id ORDER BY person_id';
    expect(await spilled.query.all(figures)).toEqual(await inMemory.query.all(figures));
    const [limit] = await spilled.query.all<{ value: string }>(
      "SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'",
    );
    expect(limit?.value).toMatch(/^6[0-4](\.\d+)? MiB$/);
    await spilled.close();
    await inMemory.close();
    expect(existsSync(folder)).toBe(false);
  });
});

describe('Query.batches', () => {
  it('streams every row of a large result once, in chunks, with the conversions of all()', async () => {
    const dataset = await Dataset.open();
    const batches: number[] = [];
    let sum = 0;
    let firstAt: unknown = null;
    for await (const rows of dataset.query.batches<{ n: number; at: string }>(
      "SELECT range AS n, TIMESTAMPTZ '2026-01-01 00:00:00+00' AS at FROM range(5000)",
    )) {
      batches.push(rows.length);
      for (const r of rows) sum += r.n;
      firstAt ??= rows[0]?.at;
    }
    // 0 + 1 + ... + 4999 = 4999 * 5000 / 2
    expect(sum).toBe(12_497_500);
    expect(batches.reduce((t, n) => t + n, 0)).toBe(5000);
    expect(batches.length).toBeGreaterThan(1);
    expect(firstAt).toBe('2026-01-01T00:00:00.000Z');
    await dataset.close();
  });
});

describe('Query.all', () => {
  it('returns every row of a result spanning several chunks, in the query order, converted', async () => {
    const dataset = await Dataset.open();
    // 5,000 rows are three of DuckDB's 2,048-row chunks; all() reads them one at a time.
    const rows = await dataset.query.all<{ n: number; half: number | null; at: string }>(
      `SELECT range AS n, CASE WHEN range % 2 = 0 THEN range // 2 END AS half,
              TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(range) AS at
       FROM range(5000) ORDER BY range DESC`,
    );
    expect(rows).toHaveLength(5000);
    expect(rows[0]).toEqual({ n: 4999, half: null, at: '2026-01-01T01:23:19.000Z' });
    expect(rows[4999]).toEqual({ n: 0, half: 0, at: '2026-01-01T00:00:00.000Z' });
    // Strictly descending, so no chunk is missing, repeated or out of order.
    expect(rows.every((r, i) => r.n === 4999 - i)).toBe(true);
    expect(rows.every((r) => typeof r.n === 'number')).toBe(true);
    expect(rows.filter((r) => r.half === null)).toHaveLength(2500);
    // 0 + 1 + ... + 2499 = 2499 * 2500 / 2
    expect(rows.reduce((t, r) => t + (r.half ?? 0), 0)).toBe(3_123_750);
    await dataset.close();
  });
});

describe('Dataset.finalize: person ids of a large dataset (UPDATE) and of a small one (position lookup)', () => {
  it('gives every activity the same person either way', async () => {
    // 200,100 activities under a 64MB limit take the UPDATE (over 8,000,000 bytes at 40 a row);
    // the same rows in memory take the ENUM position lookup.
    const rows = 200_100;
    const fill = async (dataset: Dataset) => {
      const account = newAccount(0, 'yammer', 'inline');
      for (let u = 0; u < 50; u += 1) {
        const identity = { id: `yammer:u${u}`, source: 'yammer' as const, name: null, department: null, isBot: false };
        // Every third account shares an e-mail with the one before: two identities, one person.
        const email = u % 3 === 2 ? `p${u - 1}@example.com` : u % 3 === 1 ? `p${u}@example.com` : null;
        dataset.append({ type: 'identity', identity: { ...identity, email } }, account);
      }
      for (let n = 0; n < rows; n += 1)
        dataset.append(
          {
            type: 'activity',
            activity: act({ id: `yammer:${n}`, at: '2026-01-05T10:00:00Z', identityId: `yammer:u${n % 50}` }),
          },
          account,
        );
      await dataset.finalize([account], []);
    };
    const large = await Dataset.open({ spill: true, memoryLimit: '64MB' });
    const small = await Dataset.open();
    await fill(large);
    await fill(small);
    const perPerson = 'SELECT person_id, count(*)::INTEGER AS n FROM activities GROUP BY person_id ORDER BY person_id';
    const expected = await large.query.all(perPerson);
    expect(await small.query.all(perPerson)).toEqual(expected);
    // By hand: u1 and u2 are p1@example.com (4,002 + 4,002 rows), u0 is itself (4,002 rows).
    expect(expected.find((r) => r.person_id === 'p1@example.com')?.n).toBe(8004);
    expect(expected.find((r) => r.person_id === 'yammer:u0')?.n).toBe(4002);
    expect(expected).toHaveLength(34); // 17 accounts alone and 17 pairs
    const mismatched =
      'SELECT count(*)::INTEGER AS n FROM activities a JOIN identities i USING (identity_id) WHERE a.person_id IS DISTINCT FROM i.person_id';
    expect(await large.query.all(mismatched)).toEqual([{ n: 0 }]);
    expect(await small.query.all(mismatched)).toEqual([{ n: 0 }]);
    await large.close();
    await small.close();
  }, 120_000);
});
