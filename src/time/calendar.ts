/**
 * Calendar arithmetic on local dates, with no time zone: the one place months and days are
 * added, counted and named. Zone-aware conversions live in `zone.ts`.
 */

const DAY_MS = 86_400_000;

/** A calendar date in the report time zone. */
export interface LocalDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

/** The date `days` later (earlier when negative); `addDays(d, 0)` normalizes an overflowing day. */
export function addDays(date: LocalDate, days = 1): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first day of the month `months` after the month of `date` (before it when negative). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  // Floor division and a non-negative remainder, so that negative steps cross year ends.
  const month = ((index % 12) + 12) % 12;
  return { year: (index - month) / 12, month: month + 1, day: 1 };
}

/** Whole calendar months from the month of `from` to the month of `to` (days ignored). */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** True when year, month and day name a real date (not 2026-02-31). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return compareDates(a, b) === 0;
}

/** `2026-01`. */
export function monthKey(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** `2026-01-05`. */
export function dayKey(date: LocalDate): string {
  return `${monthKey(date)}-${String(date.day).padStart(2, '0')}`;
}

/** ISO 8601 week `2026-W01`: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(date: LocalDate): string {
  const weekday = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = addDays(date, 3 - weekday);
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - firstOfYear) / DAY_MS / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}
