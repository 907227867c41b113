import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/model/dataset.js';
import { notBlank } from '../../../src/metrics/redundancy/queries.js';

/**
 * `notBlank` (queries.ts) skips DuckDB's trim for texts whose first character it would not take
 * off: it must agree with `trim(text) <> ''` for every first character. Checked against the trim
 * itself over every code point of the BMP up to U+3100 and a few astral ones, alone, doubled,
 * before and after a letter and between spaces; and on hand-written texts.
 */
describe('notBlank', () => {
  it('agrees with trim(text) <> "" whatever the first character', async () => {
    const dataset = await Dataset.open();
    try {
      const rows = await dataset.query.all<{ differ: number; n: number }>(
        `WITH points AS (SELECT c::INTEGER AS c FROM range(1, 12544) r(c) UNION ALL SELECT unnest([65279, 128512, 131072, 917536])),
         texts AS (SELECT unnest([chr(c), chr(c) || chr(c), chr(c) || 'a', 'a' || chr(c), chr(c) || ' ', ' ' || chr(c) || ' ', '']) AS t FROM points)
         SELECT count(*) FILTER (WHERE ${notBlank('t')} IS DISTINCT FROM (trim(t) <> ''))::INTEGER AS differ, count(*)::INTEGER AS n FROM texts`,
      );
      expect(rows).toEqual([{ differ: 0, n: 12547 * 7 }]);
    } finally {
      await dataset.close();
    }
  });

  it('finds space separators blank and tabs, line breaks and words not', async () => {
    const dataset = await Dataset.open();
    try {
      const texts = ['', ' ', ' \u00a0\u3000\u2000 ', '\t', '\n', ' x ', '\u202fword', 'word'];
      const rows = await dataset.query.all<{ kept: boolean }>(
        `SELECT ${notBlank('t')} AS kept FROM (SELECT unnest(string_split($texts, '|')) AS t, generate_subscripts(string_split($texts, '|'), 1) AS k) ORDER BY k`,
        { texts: texts.join('|') },
      );
      expect(rows.map((r) => r.kept)).toEqual([false, false, false, true, true, true, true, true]);
    } finally {
      await dataset.close();
    }
  });
});
