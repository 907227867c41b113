import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  isPeriodSpec,
  resolveConfiguredPeriod,
  resolveDateBound,
  resolvePeriodSpec,
} from '../../src/time/period-spec.js';

const midJanuary = new Date('2026-01-15T12:00:00Z');

describe('resolvePeriodSpec', () => {
  it('reads a month as [first day, first day of the next month) in UTC', () => {
    expect(resolvePeriodSpec('2026-10', midJanuary, 'UTC')).toEqual({
      since: '2026-10-01T00:00:00.000Z',
      until: '2026-11-01T00:00:00.000Z',
    });
  });

  it('cuts a DST month at local midnight in Europe/Berlin (CEST +2 at the start, CET +1 at the end)', () => {
    // 2026-10-01 00:00 CEST = 2026-09-30T22:00Z; summer time ends 2026-10-25, so 2026-11-01 00:00 CET = 2026-10-31T23:00Z.
    expect(resolvePeriodSpec('2026-10', midJanuary, 'Europe/Berlin')).toEqual({
      since: '2026-09-30T22:00:00.000Z',
      until: '2026-10-31T23:00:00.000Z',
    });
    // Summer time starts 2026-03-29: 2026-03-01 00:00 CET = 02-28T23:00Z, 2026-04-01 00:00 CEST = 03-31T22:00Z.
    expect(resolvePeriodSpec('2026-03', midJanuary, 'Europe/Berlin')).toEqual({
      since: '2026-02-28T23:00:00.000Z',
      until: '2026-03-31T22:00:00.000Z',
    });
  });

  it('reads a month range inclusively: 2026-07..2026-09 is three months', () => {
    // Paris is +2 in summer: 2026-07-01 00:00 = 06-30T22:00Z, 2026-10-01 00:00 = 09-30T22:00Z.
    expect(resolvePeriodSpec('2026-07..2026-09', midJanuary, 'Europe/Paris')).toEqual({
      since: '2026-06-30T22:00:00.000Z',
      until: '2026-09-30T22:00:00.000Z',
    });
  });

  it('reads a quarter', () => {
    expect(resolvePeriodSpec('2026-Q3', midJanuary, 'UTC')).toEqual({
      since: '2026-07-01T00:00:00.000Z',
      until: '2026-10-01T00:00:00.000Z',
    });
  });

  it('reads a day range inclusively', () => {
    expect(resolvePeriodSpec('2026-07-01..2026-09-30', midJanuary, 'UTC')).toEqual({
      since: '2026-07-01T00:00:00.000Z',
      until: '2026-10-01T00:00:00.000Z',
    });
  });

  it('takes last-month in January as December of the year before', () => {
    expect(resolvePeriodSpec('last-month', midJanuary, 'UTC')).toEqual({
      since: '2025-12-01T00:00:00.000Z',
      until: '2026-01-01T00:00:00.000Z',
    });
  });

  it('takes the month of asOf in the report zone, not in UTC', () => {
    // 2026-01-31T23:30Z is already 2026-02-01 00:30 in Berlin, so the last month is January 2026.
    expect(resolvePeriodSpec('last-month', new Date('2026-01-31T23:30:00Z'), 'Europe/Berlin')).toEqual({
      since: '2025-12-31T23:00:00.000Z',
      until: '2026-01-31T23:00:00.000Z',
    });
  });

  it('takes last-quarter as the calendar quarter before the one asOf is in', () => {
    expect(resolvePeriodSpec('last-quarter', midJanuary, 'UTC')).toEqual({
      since: '2025-10-01T00:00:00.000Z',
      until: '2026-01-01T00:00:00.000Z',
    });
    expect(resolvePeriodSpec('last-quarter', new Date('2026-05-20T00:00:00Z'), 'UTC')).toEqual({
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-04-01T00:00:00.000Z',
    });
  });

  it('refuses malformed periods with an example', () => {
    expect(() => resolvePeriodSpec('2026-13', midJanuary, 'UTC')).toThrow(UsageError);
    expect(() => resolvePeriodSpec('2026-13', midJanuary, 'UTC')).toThrow(
      'period "2026-13": not a period\n  hint: use 2026-10, 2026-07..2026-09, 2026-Q3, last-month, last-quarter or 2026-07-01..2026-09-30',
    );
    expect(() => resolvePeriodSpec('2026-09..2026-07', midJanuary, 'UTC')).toThrow(
      'period "2026-09..2026-07": ends before it starts',
    );
    expect(() => resolvePeriodSpec('yesterday', midJanuary, 'UTC')).toThrow('period "yesterday": not a period');
    expect(() => resolvePeriodSpec('2026-02-30..2026-03-01', midJanuary, 'UTC')).toThrow('not a period');
    expect(() => resolvePeriodSpec('2026-10', midJanuary, 'Mars/Olympus')).toThrow(
      'time zone "Mars/Olympus": not an IANA time zone',
    );
  });

  it('tells well-formed expressions apart', () => {
    expect(
      ['2026-10', '2026-Q1', '2026-q4', 'last-month', '2026-01..2026-03', '2026-01-01..2026-01-31'].map(isPeriodSpec),
    ).toEqual([true, true, true, true, true, true]);
    expect(['2026', '2026-Q5', 'last-week', '2026-01..', '2026-01..2026-02..2026-03'].map(isPeriodSpec)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('resolveDateBound', () => {
  it('reads a date as local midnight and keeps explicit instants', () => {
    expect(resolveDateBound('2026-10-05', 'Europe/Paris', '--since')).toBe('2026-10-04T22:00:00.000Z');
    expect(resolveDateBound('2026-10-05T08:00:00+02:00', 'UTC', '--since')).toBe('2026-10-05T06:00:00.000Z');
  });

  it('starts a day whose midnight does not exist at the clock change (America/Santiago, 2026-09-06)', () => {
    // Chile springs forward at 00:00 to 01:00 (-04 -> -03): the day starts at 01:00 -03 = 04:00Z.
    expect(resolveDateBound('2026-09-06', 'America/Santiago', '--since')).toBe('2026-09-06T04:00:00.000Z');
  });

  it('refuses instants without a zone, which would depend on the machine', () => {
    expect(() => resolveDateBound('2026-10-05T08:00', 'UTC', '--until')).toThrow(
      '--until "2026-10-05T08:00": not a date',
    );
  });
});

describe('resolveConfiguredPeriod', () => {
  it('uses period when set, else the bounds given, leaving the others open', () => {
    expect(resolveConfiguredPeriod({ period: 'last-month', timeZone: 'UTC' }, midJanuary)).toEqual({
      since: '2025-12-01T00:00:00.000Z',
      until: '2026-01-01T00:00:00.000Z',
    });
    expect(resolveConfiguredPeriod({ since: '2026-02-01', timeZone: 'Europe/Paris' }, midJanuary)).toEqual({
      since: '2026-01-31T23:00:00.000Z',
    });
    expect(resolveConfiguredPeriod({ timeZone: 'UTC' }, midJanuary)).toEqual({});
  });
});
