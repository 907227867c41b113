import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_OFFSETS, localAt, offsetJoin } from '../../src/time/local-time-sql.js';
import type { Dataset } from '../../src/model/dataset.js';
import { act, inlineDataset } from '../helpers/dataset.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

/** Activities every 7 minutes for 6 hours from `from` (7 is prime to 60: minutes vary within hours). */
function around(from: string, prefix: string) {
  return Array.from({ length: 52 }, (_, i) =>
    act({ id: `${prefix}${i}`, at: new Date(Date.parse(from) + i * 7 * 60_000).toISOString(), identityId: 'yammer:a' }),
  );
}

const CHECK = `
  WITH ${LOCAL_OFFSETS}
  SELECT count(*) AS n,
         count(*) FILTER (WHERE ${localAt('a.occurred_at', 'o')} IS DISTINCT FROM timezone($tz, a.occurred_at)) AS mismatches,
         count(*) FILTER (WHERE o.offsets[epoch_us(a.occurred_at) // 3600000000 - o.first_key + 1] IS NULL) AS by_icu
  FROM activities a ${offsetJoin('o')}`;

describe('localAt', () => {
  it('equals ICU timezone() across transitions on and off whole UTC hours', async () => {
    open = (
      await inlineDataset({
        activities: [
          // Berlin: summer time from 29 March 2026 01:00 UTC, winter time from 25 October 01:00 UTC.
          ...around('2026-03-28T22:00:00Z', 'm'),
          ...around('2026-10-24T22:00:00Z', 'o'),
          // Lord Howe: +10:30 -> +11 on 4 October 2026 at 02:00 local, 15:30 UTC (mid-hour).
          ...around('2026-10-03T13:00:00Z', 'l'),
        ],
      })
    ).dataset;
    for (const tz of ['UTC', 'Europe/Berlin', 'Asia/Kolkata']) {
      expect(await open.query.all(CHECK, { tz })).toEqual([{ n: 156, mismatches: 0, by_icu: 0 }]);
    }
    // The 15:00 UTC hour holds both offsets: its activities go to ICU, 8 of them (i * 7 min from
    // 13:00 in [120, 180): i = 18..25).
    expect(await open.query.all(CHECK, { tz: 'Australia/Lord_Howe' })).toEqual([{ n: 156, mismatches: 0, by_icu: 8 }]);
  });

  it('works on an empty dataset', async () => {
    open = (await inlineDataset({ activities: [] })).dataset;
    expect(await open.query.all(CHECK, { tz: 'Europe/Berlin' })).toEqual([{ n: 0, mismatches: 0, by_icu: 0 }]);
  });
});
