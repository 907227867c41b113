import { describe, expect, it } from 'vitest';
import { compileTimestampFormat } from '../../../src/sources/csv/timestamp-format.js';

function parse(format: string, text: string): string | null {
  const parser = compileTimestampFormat(format);
  if (typeof parser === 'string') throw new Error(parser);
  const ms = parser(text);
  return ms === null ? null : new Date(ms).toISOString();
}

describe('compileTimestampFormat', () => {
  it('reads ISO text through parseInstant', () => {
    expect(parse('iso', '2026-01-05T10:00:00+01:00')).toBe('2026-01-05T09:00:00.000Z');
    expect(parse('iso', '05/01/2026')).toBeNull();
  });

  it('reads epoch seconds (with a fraction) and milliseconds', () => {
    // 1767607200 s = 2026-01-05T10:00:00Z.
    expect(parse('epoch-s', '1767607200.250')).toBe('2026-01-05T10:00:00.250Z');
    expect(parse('epoch', '1767607200')).toBe('2026-01-05T10:00:00.000Z');
    expect(parse('epoch-ms', '1767607200001')).toBe('2026-01-05T10:00:00.001Z');
    expect(parse('epoch-ms', '17676e9')).toBeNull();
  });

  it('reads day-first, month-first, 12-hour and quoted-literal patterns as UTC', () => {
    expect(parse('dd/MM/yyyy HH:mm', '05/01/2026 09:30')).toBe('2026-01-05T09:30:00.000Z');
    expect(parse('M/d/yyyy h:mm a', '1/5/2026 12:15 AM')).toBe('2026-01-05T00:15:00.000Z');
    expect(parse('M/d/yyyy h:mm a', '1/5/2026 3:04 pm')).toBe('2026-01-05T15:04:00.000Z');
    expect(parse("yyyy-MM-dd'T'HH:mm:ss.SSS", '2026-01-05T10:00:00.123')).toBe('2026-01-05T10:00:00.123Z');
    expect(parse('DD.MM.YYYY HH:mm', '05.01.2026 10:00')).toBe('2026-01-05T10:00:00.000Z');
  });

  it('rejects impossible dates and text that does not fit', () => {
    expect(parse('dd/MM/yyyy HH:mm', '31/02/2026 09:30')).toBeNull();
    expect(parse('dd/MM/yyyy HH:mm', '05/01/2026 24:00')).toBeNull();
    expect(parse('M/d/yyyy h:mm a', '1/5/2026 13:04 PM')).toBeNull();
    expect(parse('dd/MM/yyyy', '2026-01-05')).toBeNull();
  });

  it('explains patterns it cannot read', () => {
    expect(compileTimestampFormat('dd/MM HH:mm')).toBe(
      'timestamp pattern "dd/MM HH:mm" needs yyyy, MM (or M) and dd (or d)',
    );
    expect(compileTimestampFormat('dd/MM/yyyy hh:mm')).toBe(
      'timestamp pattern "dd/MM/yyyy hh:mm": h/hh needs a (AM/PM) and a needs h/hh',
    );
    expect(compileTimestampFormat("yyyy-MM-dd'T")).toBe('timestamp pattern "yyyy-MM-dd\'T": a quote is not closed');
  });
});
