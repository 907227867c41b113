import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/model/dataset.js';

describe('query.numbers', () => {
  it('gives every row of several chunks as numbers: NULL as NaN, booleans as 1 and 0, BIGINT exact', async () => {
    const dataset = await Dataset.open();
    try {
      // 5,000 rows: DuckDB hands them over in chunks of 2,048, so three chunks.
      const sql = `
        SELECT i::DOUBLE / 4 AS quarter, CASE WHEN i % 7 = 0 THEN NULL ELSE i END::INTEGER AS maybe,
               i % 3 = 0 AS third, (i * 1000000000)::BIGINT AS big
        FROM range(5000) t(i) ORDER BY i`;
      const chunks: Float64Array[][] = [];
      for await (const columns of dataset.query.numbers(sql)) chunks.push(columns);
      expect(chunks.length).toBeGreaterThan(1);
      const column = (c: number) => chunks.flatMap((columns) => [...(columns[c] ?? [])]);
      const expected = Array.from({ length: 5000 }, (_, i) => i);
      expect(column(0)).toEqual(expected.map((i) => i / 4));
      expect(column(1)).toEqual(expected.map((i) => (i % 7 === 0 ? Number.NaN : i)));
      expect(column(2)).toEqual(expected.map((i) => (i % 3 === 0 ? 1 : 0)));
      expect(column(3)).toEqual(expected.map((i) => i * 1_000_000_000));
    } finally {
      await dataset.close();
    }
  });

  it('refuses a column that is not a number, naming its type', async () => {
    const dataset = await Dataset.open();
    try {
      const read = async () => {
        for await (const _ of dataset.query.numbers(`SELECT 1 AS n, 'a' AS s`));
      };
      await expect(read()).rejects.toThrow(/VARCHAR is not numeric/);
    } finally {
      await dataset.close();
    }
  });
});
