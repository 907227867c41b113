import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/model/dataset.js';

/**
 * `all` and `batches` read each column once per chunk with a reader chosen by its type (query.ts,
 * `rowBatches`); these rows are written out by hand from the SQL, so a reader that converts a type
 * differently from before (a BIGINT left a bigint, a timestamp not ISO, a NULL lost) fails here.
 */
const SQL = `
  SELECT i::INTEGER AS n,
         CASE WHEN i % 5 = 0 THEN NULL ELSE 'é' || i::VARCHAR || ' text long enough to leave the inline part' END AS s,
         CASE WHEN i % 2 = 0 THEN 'x' ELSE NULL END AS short,
         i % 3 = 0 AS third, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 4 = 1 END AS maybe,
         (i * 1000000000)::BIGINT AS big, i::HUGEINT AS huge, (i % 200)::UTINYINT AS tiny,
         i::DOUBLE / 4 AS quarter, (i / 2)::FLOAT AS half, 1.25::DECIMAL(5, 2) AS dec,
         TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(i) AS at,
         [i, NULL]::BIGINT[] AS list, {'k': i::INTEGER, 'w': 'w' || i::VARCHAR} AS rec, 7 AS n
  FROM range(5000) t(i) ORDER BY i`;

function expectedRow(i: number): Record<string, unknown> {
  return {
    n: i,
    s: i % 5 === 0 ? null : `é${i} text long enough to leave the inline part`,
    short: i % 2 === 0 ? 'x' : null,
    third: i % 3 === 0,
    maybe: i % 4 === 0 ? null : i % 4 === 1,
    big: i * 1_000_000_000,
    huge: i,
    tiny: i % 200,
    quarter: i / 4,
    half: Math.fround(i / 2),
    dec: 1.25,
    at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    list: [i, null],
    rec: { k: i, w: `w${i}` },
    'n:1': 7,
  };
}

describe('query rows', () => {
  it('all: every row of several chunks, each type as a plain value, duplicate names numbered', async () => {
    const dataset = await Dataset.open();
    try {
      const rows = await dataset.query.all(SQL);
      expect(rows).toHaveLength(5000);
      rows.forEach((row, i) => expect(row).toEqual(expectedRow(i)));
    } finally {
      await dataset.close();
    }
  });

  it('batches: the same rows, one DuckDB chunk at a time', async () => {
    const dataset = await Dataset.open();
    try {
      const sizes: number[] = [];
      const rows: unknown[] = [];
      for await (const batch of dataset.query.batches(SQL)) {
        sizes.push(batch.length);
        rows.push(...batch);
      }
      expect(sizes).toEqual([2048, 2048, 904]);
      expect(rows).toEqual(Array.from({ length: 5000 }, (_, i) => expectedRow(i)));
    } finally {
      await dataset.close();
    }
  });
});
