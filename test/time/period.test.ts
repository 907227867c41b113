import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { isoWeekKey } from '../../src/time/calendar.js';
import {
  defaultPeriod,
  periodCalendar,
  periodFromBounds,
  periodOfMonth,
  previousPeriod,
} from '../../src/time/period.js';
import { assertTimeZone, startOfLocalDay } from '../../src/time/zone.js';

describe('defaultPeriod', () => {
  it('runs from the first day of the first month to the first day after the last month, local midnight', () => {
    // 2026-01-31T23:30Z is 2026-02-01 00:30 in Berlin, so the period ends on 1 March (Berlin).
    expect(defaultPeriod('2026-01-05T10:00:00Z', '2026-01-31T23:30:00Z', 'Europe/Berlin')).toEqual({
      since: '2025-12-31T23:00:00.000Z',
      until: '2026-02-28T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
  });
  it('takes UTC milliseconds too', () => {
    expect(defaultPeriod(Date.parse('2026-03-31T12:00:00Z'), Date.parse('2026-03-31T12:00:00Z'), 'UTC')).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-04-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
  });
});

describe('periodFromBounds', () => {
  it('reads dates as local midnight and instants as given', () => {
    // New York is UTC-5 in January and UTC-4 from 8 March 2026 (daylight saving time).
    expect(periodFromBounds('2026-01-15', '2026-03-20', 'America/New_York')).toEqual({
      since: '2026-01-15T05:00:00.000Z',
      until: '2026-03-20T04:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(periodFromBounds('2026-01-15T08:00:00+01:00', '2026-02-01T00:00:00Z', 'UTC').since).toBe(
      '2026-01-15T07:00:00.000Z',
    );
  });
  it('refuses bad bounds, naming the value', () => {
    expect(() => periodFromBounds('2026-02-31', '2026-03-01', 'UTC')).toThrow(
      /--since "2026-02-31": not a calendar date/,
    );
    expect(() => periodFromBounds('2026-01-01', 'next week', 'UTC')).toThrow(
      /--until "next week": not a date or an instant/,
    );
    expect(() => periodFromBounds('2026-03-01', '2026-03-01', 'UTC')).toThrow(ConfigError);
  });
});

describe('time zones', () => {
  it('refuses names that are not IANA zones, naming the value', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/time zone "Mars\/Olympus"/);
    expect(() => assertTimeZone('+01:00')).toThrow(ConfigError);
    expect(() => defaultPeriod(0, 0, 'Europe/Nowhere')).toThrow(ConfigError);
    expect(() => assertTimeZone('Asia/Kolkata')).not.toThrow();
  });
  it('starts a day whose midnight is skipped by daylight saving time at the end of the jump', () => {
    // Santiago springs forward from 00:00 to 01:00 on 2025-09-07 (UTC-4 -> UTC-3): the day starts at 04:00Z.
    expect(new Date(startOfLocalDay({ year: 2025, month: 9, day: 7 }, 'America/Santiago')).toISOString()).toBe(
      '2025-09-07T04:00:00.000Z',
    );
  });
});

describe('periodOfMonth and previousPeriod', () => {
  it('gives a whole local month', () => {
    expect(periodOfMonth('2026-10', 'Europe/Berlin')).toEqual({
      since: '2026-09-30T22:00:00.000Z',
      until: '2026-10-31T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    expect(() => periodOfMonth('2026-13', 'UTC')).toThrow(/period "2026-13"/);
  });
  it('goes back the same number of whole months, or the same duration', () => {
    const quarter = periodFromBounds('2026-04-01', '2026-07-01', 'UTC');
    expect(previousPeriod(quarter)).toEqual({
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-04-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    const tenDays = periodFromBounds('2026-04-05', '2026-04-15', 'UTC');
    expect(previousPeriod(tenDays).since).toBe('2026-03-26T00:00:00.000Z');
  });
});

describe('periodCalendar', () => {
  it('lists every month with its days in the period and every overlapping ISO week', () => {
    const calendar = periodCalendar(periodFromBounds('2025-12-30', '2026-02-02', 'Europe/Berlin'));
    expect(calendar.months).toEqual([
      { month: '2025-12', days: 2 },
      { month: '2026-01', days: 31 },
      { month: '2026-02', days: 1 },
    ]);
    // 2025-12-29 (Monday) starts 2026-W01; 2026-02-02 is excluded, so the last week is W05 (26 Jan - 1 Feb).
    expect(calendar.weeks).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05']);
  });
  it('walks a period once: later calls get the same calendar in arrays of their own', () => {
    const period = periodFromBounds('2026-03-29', '2026-04-02', 'Europe/Berlin'); // across the DST change
    const first = periodCalendar(period);
    first.months[0] = { month: 'changed', days: 0 };
    first.weeks.push('changed');
    const again = periodCalendar({ ...period });
    expect(again.months).toEqual([
      { month: '2026-03', days: 3 },
      { month: '2026-04', days: 1 },
    ]);
    expect(again.weeks).toEqual(['2026-W13', '2026-W14']);
    // Another zone is another calendar: the UTC days of the same bounds are not Berlin's.
    const utc = periodCalendar({ ...period, timeZone: 'UTC' });
    expect(utc.months.reduce((n, m) => n + m.days, 0)).toBe(5);
  });
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekKey({ year: 2025, month: 12, day: 28 })).toBe('2025-W52');
    expect(isoWeekKey({ year: 2025, month: 12, day: 29 })).toBe('2026-W01');
    expect(isoWeekKey({ year: 2021, month: 1, day: 3 })).toBe('2020-W53');
  });
});
