import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/sources/shared/timestamps.js';

const utc = (iso: string) => Date.parse(iso);

describe('parseInstant', () => {
  it('reads the Yammer CSV, ISO 8601 and Yammer REST forms as UTC instants', () => {
    expect(parseInstant('2026-01-05 18:24:27 UTC')).toBe(utc('2026-01-05T18:24:27Z'));
    expect(parseInstant('2026-01-05T18:24:27Z')).toBe(utc('2026-01-05T18:24:27Z'));
    expect(parseInstant('2026-01-05T18:24:27')).toBe(utc('2026-01-05T18:24:27Z')); // zone-less = UTC
    expect(parseInstant('2026-01-05 18:24:27')).toBe(utc('2026-01-05T18:24:27Z'));
    expect(parseInstant('  2026-01-05T18:24:27z ')).toBe(utc('2026-01-05T18:24:27Z'));
    expect(parseInstant('2026/01/05 18:24:27 +0000')).toBe(utc('2026-01-05T18:24:27Z'));
    expect(parseInstant('2026-01-05T18:24Z')).toBe(utc('2026-01-05T18:24:00Z'));
    expect(parseInstant('2026-01-05')).toBe(utc('2026-01-05T00:00:00Z'));
  });

  it('applies fractions (cut to milliseconds) and zone offsets', () => {
    // 18:24:27.123 at +01:00 is 17:24:27.123 UTC.
    expect(parseInstant('2026-01-05T18:24:27.123+01:00')).toBe(utc('2026-01-05T17:24:27.123Z'));
    expect(parseInstant('2026-01-05T18:24:27.5Z')).toBe(utc('2026-01-05T18:24:27.500Z'));
    expect(parseInstant('2026-01-05T18:24:27.123456789Z')).toBe(utc('2026-01-05T18:24:27.123Z'));
    // -05:30 is behind UTC: 23:00 local on the 5th is 04:30 UTC on the 6th.
    expect(parseInstant('2026-01-05T23:00:00-0530')).toBe(utc('2026-01-06T04:30:00Z'));
    expect(parseInstant('2026-01-05 18:24:27 +02')).toBe(utc('2026-01-05T16:24:27Z'));
    expect(parseInstant('2026-01-05T18:24:27,25Z')).toBe(utc('2026-01-05T18:24:27.250Z'));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseInstant('2028-02-29T12:00:00Z')).toBe(utc('2028-02-29T12:00:00Z'));
    expect(parseInstant('2000-02-29')).toBe(utc('2000-02-29T00:00:00Z'));
    expect(parseInstant('2026-02-29')).toBeNull();
    expect(parseInstant('1900-02-29')).toBeNull();
  });

  it('rejects impossible dates and times, empty text, the literal null and other shapes', () => {
    for (const bad of [
      '2026-02-31',
      '2026-04-31T10:00:00Z',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-05T24:00:00Z',
      '2026-01-05T10:60:00Z',
      '2026-01-05T10:00:60Z',
      '2026-01-05T10:00:00+15:00',
      '2026-01-05/10:00',
      '2026-01/05',
      '31/02/2026',
      '05.01.2026 10:00',
      '1767637467',
      '',
      '   ',
      'null',
      'NULL',
      '2026-01-05T10:00:00 PST',
      '0099-01-01',
    ]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});
