import { describe, expect, it } from 'vitest';
import { resolveAsOf, resolveReportPeriod } from '../../src/time/resolve.js';

const first = Date.parse('2026-03-14T09:00:00Z');
const last = Date.parse('2026-10-30T12:00:00Z');
const clock = new Date('2026-12-24T18:00:00Z');

describe('resolveAsOf', () => {
  it('is the clock without --as-of, local midnight of the date with one', () => {
    expect(resolveAsOf(undefined, 'UTC', clock)).toBe(clock);
    // Berlin is UTC+1 on 1 November (summer time ended on 25 October 2026).
    expect(resolveAsOf('2026-11-01', 'Europe/Berlin', clock).toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
});

describe('resolveReportPeriod', () => {
  it('fills open bounds with the months of the first and last activity', () => {
    expect(resolveReportPeriod({ timeZone: 'UTC' }, clock, first, last).period).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-11-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(resolveReportPeriod({ since: '2026-06-15', timeZone: 'UTC' }, clock, first, last).period.since).toBe(
      '2026-06-15T00:00:00.000Z',
    );
  });

  it('resolves relative periods against as-of, in the zone', () => {
    // As of 1 November in Berlin, last month is October: 1 Oct 00:00 CEST (UTC+2) to 1 Nov 00:00 CET (UTC+1).
    const asOf = resolveAsOf('2026-11-01', 'Europe/Berlin', clock);
    expect(resolveReportPeriod({ period: 'last-month', timeZone: 'Europe/Berlin' }, asOf, first, last)).toEqual({
      period: { since: '2026-09-30T22:00:00.000Z', until: '2026-10-31T23:00:00.000Z', timeZone: 'Europe/Berlin' },
      warning: null,
    });
  });

  it('clips a bound far beyond the data, with a warning', () => {
    const { period, warning } = resolveReportPeriod(
      { since: '2026-03-01', until: '3026-04-01', timeZone: 'UTC' },
      clock,
      first,
      last,
    );
    expect(period.until).toBe('2026-11-01T00:00:00.000Z');
    expect(warning).toContain('ends 3026-04-01');
  });
});
