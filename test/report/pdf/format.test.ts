import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatDuration,
  formatScore,
  formatHours,
  formatPercent,
  formatPeriod,
  formatRange,
  MISSING,
} from '../../../src/report/pdf/format.js';

describe('number formats', () => {
  it('prints the dash for null, undefined, NaN and infinities', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatCount(value)).toBe(MISSING);
      expect(formatPercent(value)).toBe(MISSING);
      expect(formatHours(value)).toBe(MISSING);
      expect(formatDecimal(value)).toBe(MISSING);
    }
  });

  it('groups thousands, rounds percents and hours', () => {
    expect(formatCount(1441)).toBe('1,441');
    expect(formatPercent(0.775)).toBe('78%');
    expect(formatPercent(0.052)).toBe('5.2%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatHours(3.25)).toBe('3.3 h');
    expect(formatHours(41.5)).toBe('42 h');
  });

  it('writes every duration in one style: one decimal below 10 unless whole, days spelled out', () => {
    expect([formatDays(1), formatDays(2.5), formatDays(2), formatDays(10), formatDays(9.96), formatDays(47.4)]).toEqual(
      ['1 day', '2.5 days', '2 days', '10 days', '10 days', '47 days'],
    );
    expect([formatHours(2), formatHours(3.74), formatDuration(25, 'minutes'), formatDuration(1, 'hours')]).toEqual([
      '2 h',
      '3.7 h',
      '25 min',
      '1 h',
    ]);
    expect(formatDays(null)).toBe(MISSING);
    expect(formatDecimal(2.5)).toBe('2.5');
  });
});

describe('date formats', () => {
  it('prints dates in the report time zone', () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Berlin (UTC+1).
    expect(formatDate('2026-01-31T23:30:00Z', 'UTC')).toBe('31 Jan 2026');
    expect(formatDate('2026-01-31T23:30:00Z', 'Europe/Berlin')).toBe('1 Feb 2026');
    expect(formatDate('not a date', 'UTC')).toBe(MISSING);
    expect(formatDate(null, 'UTC')).toBe(MISSING);
  });

  it('shows the exclusive end of a period as the day before', () => {
    expect(formatPeriod('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 'UTC')).toBe('1 Jan 2026 – 31 Mar 2026');
    // Berlin months: [2025-12-31T23:00Z, 2026-03-31T22:00Z) is 1 Jan – 31 Mar local.
    expect(formatPeriod('2025-12-31T23:00:00Z', '2026-03-31T22:00:00Z', 'Europe/Berlin')).toBe(
      '1 Jan 2026 – 31 Mar 2026',
    );
  });

  it('prints a range with missing ends', () => {
    expect(formatRange(null, null, 'UTC')).toBe(MISSING);
    expect(formatRange('2026-01-03T09:00:00Z', null, 'UTC')).toBe(`3 Jan 2026 – ${MISSING}`);
  });

  it('shows small scores with two significant digits', () => {
    expect([0.002056833, 0.0456, 0.21, 0.1, 0, 1].map(formatScore)).toEqual([
      '0.0021',
      '0.046',
      '0.21',
      '0.10',
      '0.00',
      '1.00',
    ]);
    expect(formatScore(null)).toBe(MISSING);
  });
});
