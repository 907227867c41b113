import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/model/dataset.js';

/**
 * `varcharColumn` (src/model/varchar-column.ts) copies the strings whose bytes follow one another in
 * DuckDB's memory in one call and decodes each from that copy at its byte offset. Each string
 * below is written out by hand in JavaScript, so a run cut at the wrong place (a 2-, 3- or 4-byte
 * character, an inlined string or a NULL inside it) shows as a wrong value.
 */
const PIECES = [
  'plain ascii text longer than twelve bytes',
  'déjà vu, naïve café: two-byte letters here',
  '日本語のテキストは三バイトの文字です',
  'astral 😀 emoji 🚀 in the middle 𝔘',
  'é',
  'short',
  '',
  'twelve bytes',
  'thirteen byte',
  'ÿ',
];

/** Row i's text: one of the pieces with its number, so that neighbours differ (NULL every 7th row). */
function textOf(i: number): string | null {
  if (i % 7 === 3) return null;
  const piece = PIECES[i % PIECES.length] ?? '';
  return i % 2 === 0 ? `${piece}${i}` : piece;
}

describe('varcharColumn', () => {
  it('reads computed strings (contiguous runs) of every width exactly, NULLs kept, over several chunks', async () => {
    const dataset = await Dataset.open();
    try {
      await dataset.query.run(
        `CREATE TABLE pieces AS SELECT * FROM (VALUES ${PIECES.map((p, k) => `(${k}, '${p}')`).join(', ')}) t(k, piece)`,
      );
      // Strings made by an expression are written one after another: long runs.
      const rows = await dataset.query.all<{ i: number; s: string | null }>(
        `SELECT i::INTEGER AS i,
                CASE WHEN i % 7 = 3 THEN NULL WHEN i % 2 = 0 THEN p.piece || i::VARCHAR ELSE p.piece END AS s
         FROM range(5000) r(i) JOIN pieces p ON p.k = i % ${PIECES.length} ORDER BY i`,
      );
      expect(rows).toHaveLength(5000);
      rows.forEach((row) => expect(row.s).toBe(textOf(row.i)));
    } finally {
      await dataset.close();
    }
  });

  it('reads strings stored apart (a table scan, shuffled order) the same', async () => {
    const dataset = await Dataset.open();
    try {
      await dataset.query.run(
        `CREATE TABLE texts AS SELECT i::INTEGER AS i,
                CASE WHEN i % 7 = 3 THEN NULL WHEN i % 2 = 0 THEN p.piece || i::VARCHAR ELSE p.piece END AS s
         FROM range(3000) r(i) JOIN (VALUES ${PIECES.map((p, k) => `(${k}, '${p}')`).join(', ')}) p(k, piece) ON p.k = i % ${PIECES.length}`,
      );
      const rows = await dataset.query.all<{ i: number; s: string | null }>(
        'SELECT i, s FROM texts ORDER BY hash(i), i',
      );
      expect(rows).toHaveLength(3000);
      rows.forEach((row) => expect(row.s).toBe(textOf(row.i)));
      expect(rows.filter((r) => r.s === null)).toHaveLength(
        Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 7 === 3).length,
      );
    } finally {
      await dataset.close();
    }
  });
});
