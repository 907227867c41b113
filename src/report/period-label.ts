import type { Period } from '../time/period.js';
import { localDateOf } from '../time/zone.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The period as a reader names it, for the `{period}` placeholder of a report title: `October
 * 2026` for a month, `Q3 2026` for a calendar quarter, `March to October 2026` for whole months,
 * else the first and last day (`1 Mar 2026 – 15 Mar 2026`).
 */
export function periodLabel(period: Period): string {
  const first = localDateOf(Date.parse(period.since), period.timeZone);
  const last = localDateOf(Date.parse(period.until) - 1, period.timeZone);
  const end = localDateOf(Date.parse(period.until), period.timeZone);
  const wholeMonths = first.day === 1 && end.day === 1;
  const name = (m: number): string => MONTHS[m - 1] ?? String(m);
  if (!wholeMonths)
    return `${first.day} ${name(first.month).slice(0, 3)} ${first.year} – ${last.day} ${name(last.month).slice(0, 3)} ${last.year}`;
  if (first.year === last.year && first.month === last.month) return `${name(first.month)} ${first.year}`;
  if (first.year === last.year && first.month % 3 === 1 && last.month === first.month + 2)
    return `Q${(first.month + 2) / 3} ${first.year}`;
  return first.year === last.year
    ? `${name(first.month)} to ${name(last.month)} ${first.year}`
    : `${name(first.month)} ${first.year} to ${name(last.month)} ${last.year}`;
}

/** A report title with `{period}` filled in; a title without the placeholder is kept as written. */
export function titleFor(title: string, period: Period): string {
  return title.includes('{period}') ? title.split('{period}').join(periodLabel(period)) : title;
}
