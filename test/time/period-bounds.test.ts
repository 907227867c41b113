import { describe, expect, it } from 'vitest';
import { boundPeriodByData } from '../../src/time/period-bounds.js';

const data = { since: '2026-03-01T00:00:00.000Z', until: '2026-11-01T00:00:00.000Z', timeZone: 'UTC' };
const last = Date.parse('2026-10-30T12:00:00Z');

describe('boundPeriodByData', () => {
  it('keeps a period within 12 months of the data', () => {
    const wanted = { since: '2025-03-01T00:00:00.000Z', until: '2027-11-01T00:00:00.000Z', timeZone: 'UTC' };
    expect(boundPeriodByData(wanted, data, last)).toEqual({ period: wanted, warning: null });
  });

  it('clips each bound that lies beyond those 12 months to the data bound', () => {
    const wanted = { since: '2025-02-28T00:00:00.000Z', until: '2027-11-02T00:00:00.000Z', timeZone: 'UTC' };
    const { period, warning } = boundPeriodByData(wanted, data, last);
    expect(period).toEqual(data);
    expect(warning).toBe(
      'period: the period asked for starts 2025-02-28, more than 12 months before the first activity (2026-03-01) and ends 2027-11-02, more than 12 months after the last activity (2026-10-30); the report covers 2026-03-01 .. 2026-11-01 instead',
    );
  });

  it('clips in the report time zone: Berlin months start at 23:00 UTC the day before', () => {
    const berlin = { since: '2026-02-28T23:00:00.000Z', until: '2026-10-31T23:00:00.000Z', timeZone: 'Europe/Berlin' };
    const wanted = { since: '2026-02-28T23:00:00.000Z', until: '2027-11-30T23:00:00.000Z', timeZone: 'Europe/Berlin' };
    expect(boundPeriodByData(wanted, berlin, last).period).toEqual(berlin);
    const within = { ...wanted, until: '2027-10-31T23:00:00.000Z' };
    expect(boundPeriodByData(within, berlin, last).period).toEqual(within);
  });

  it('leaves a short period wholly outside the data alone, and refuses one of more than 360 months', () => {
    const before = { since: '2019-01-01T00:00:00.000Z', until: '2020-01-01T00:00:00.000Z', timeZone: 'UTC' };
    expect(boundPeriodByData(before, data, last)).toEqual({ period: before, warning: null });
    const huge = { since: '1900-01-01T00:00:00.000Z', until: '1930-02-01T00:00:00.000Z', timeZone: 'UTC' };
    expect(() => boundPeriodByData(huge, data, last)).toThrow(/spans 361 months, more than the 360/);
  });
});
