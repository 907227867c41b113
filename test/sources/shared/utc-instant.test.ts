import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/model/dataset.js';
import { utcInstantSql } from '../../../src/sources/shared/engine-json.js';

/**
 * `utcInstantSql` (engine-json.ts) builds the TIMESTAMPTZ of epoch milliseconds without DuckDB's
 * time-zone conversion. Checked against what that conversion gives, against the microseconds
 * counted by hand (ms * 1000), and against JavaScript's own reading of the instant.
 */
const INSTANTS_MS = [0, 999, 1_000, 978_307_200_000, 1_772_442_020_500, 1_772_442_022_999, 4_102_444_799_999];

describe('utcInstantSql', () => {
  it('gives the instant epoch_ms(ms) AT TIME ZONE UTC gives, to the microsecond', async () => {
    const dataset = await Dataset.open();
    try {
      const rows = await dataset.query.all<{ ms: number; us: number; same: boolean; at: string }>(`
        SELECT ms::DOUBLE AS ms, epoch_us(${utcInstantSql('ms')})::DOUBLE AS us,
               ${utcInstantSql('ms')} = epoch_ms(ms) AT TIME ZONE 'UTC' AS same, ${utcInstantSql('ms')} AS at
        FROM (SELECT unnest([${INSTANTS_MS.join(', ')}]::BIGINT[]) AS ms) ORDER BY ms`);
      expect(rows.map((r) => r.ms)).toEqual(INSTANTS_MS);
      for (const row of rows) {
        expect(row.us).toBe(row.ms * 1000);
        expect(row.same).toBe(true);
        expect(new Date(row.at).getTime()).toBe(row.ms);
      }
    } finally {
      await dataset.close();
    }
  });
});
