import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dayKey,
  isRealDate,
  monthKey,
  monthsBetween,
} from '../../src/time/calendar.js';

describe('calendar arithmetic (the one implementation config, metrics and report share)', () => {
  it('adds months to the first day of the month, across year ends both ways', () => {
    expect(addMonths({ year: 2026, month: 11, day: 17 }, 2)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addMonths({ year: 2026, month: 1, day: 31 }, -1)).toEqual({ year: 2025, month: 12, day: 1 });
    expect(addMonths({ year: 2026, month: 3, day: 1 }, -27)).toEqual({ year: 2023, month: 12, day: 1 });
    expect(addMonths({ year: 2026, month: 5, day: 9 }, 0)).toEqual({ year: 2026, month: 5, day: 1 });
  });

  it('counts whole months between two dates, ignoring days', () => {
    expect(monthsBetween({ year: 2025, month: 11, day: 30 }, { year: 2026, month: 2, day: 1 })).toBe(3);
    expect(monthsBetween({ year: 2026, month: 2, day: 1 }, { year: 2025, month: 11, day: 30 })).toBe(-3);
    // addMonths and monthsBetween undo each other.
    const from = { year: 2024, month: 7, day: 1 };
    expect(monthsBetween(from, addMonths(from, 41))).toBe(41);
  });

  it('adds days through month ends and leap days', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 })).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 2, day: 28 })).toEqual({ year: 2026, month: 3, day: 1 });
    expect(addDays({ year: 2026, month: 1, day: 1 }, -1)).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it('tells real dates from rolled-over ones', () => {
    expect(isRealDate(2028, 2, 29)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
  });

  it('orders and names dates', () => {
    expect(compareDates({ year: 2026, month: 3, day: 2 }, { year: 2026, month: 3, day: 10 })).toBeLessThan(0);
    expect(compareDates({ year: 2027, month: 1, day: 1 }, { year: 2026, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(monthKey({ year: 2026, month: 3, day: 2 })).toBe('2026-03');
    expect(dayKey({ year: 2026, month: 3, day: 2 })).toBe('2026-03-02');
  });
});
