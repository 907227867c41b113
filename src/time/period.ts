import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { addDays, addMonths, isoWeekKey, monthKey, monthsBetween, sameDate, type LocalDate } from './calendar.js';
import type { periodSchema } from './period-schema.js';
import { assertTimeZone, localDateOf, startOfLocalDay } from './zone.js';

/**
 * The report period and its calendar (spec §2). Instants are UTC; months, ISO weeks and days are
 * cut in the report time zone.
 */

/**
 * The report period `[since, until)` and the zone calendar buckets are cut in (spec §2): `since` is
 * local midnight of the first day in `timeZone`, as UTC; `until` is exclusive. The type is the
 * schema's metrics.json is checked against (period-schema.ts), so the two cannot differ.
 */
export type Period = z.infer<typeof periodSchema>;

function toMs(instant: number | string): number {
  return typeof instant === 'number' ? instant : Date.parse(instant);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The default period (spec §2): local midnight of the first day of the month of the first
 * activity, to local midnight of the first day of the month after the last activity.
 * Instants are UTC ms or ISO strings.
 */
export function defaultPeriod(firstAt: number | string, lastAt: number | string, timeZone: string): Period {
  assertTimeZone(timeZone);
  const first = localDateOf(toMs(firstAt), timeZone);
  const last = localDateOf(toMs(lastAt), timeZone);
  return {
    since: iso(startOfLocalDay(addMonths(first, 0), timeZone)),
    until: iso(startOfLocalDay(addMonths(last, 1), timeZone)),
    timeZone,
  };
}

/** `--period 2026-10`: the local calendar month `[2026-10-01, 2026-11-01)`. */
export function periodOfMonth(month: string, timeZone: string): Period {
  assertTimeZone(timeZone);
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const monthNumber = Number(m?.[2]);
  if (!m || monthNumber < 1 || monthNumber > 12) {
    throw new ConfigError(`period "${month}": not a month\n  hint: write it as YYYY-MM, for example 2026-10`);
  }
  const first: LocalDate = { year: Number(m[1]), month: monthNumber, day: 1 };
  return {
    since: iso(startOfLocalDay(first, timeZone)),
    until: iso(startOfLocalDay(addMonths(first, 1), timeZone)),
    timeZone,
  };
}

/**
 * `--since/--until`: each bound is a date `YYYY-MM-DD` (local midnight in `timeZone`) or a full
 * ISO 8601 instant with a zone designator (`2026-01-15T08:00:00Z`). `until` is exclusive and must
 * be after `since`.
 */
export function periodFromBounds(since: string, until: string, timeZone: string): Period {
  assertTimeZone(timeZone);
  const start = parseBound('--since', since, timeZone);
  const end = parseBound('--until', until, timeZone);
  if (end <= start) {
    throw new ConfigError(
      `--until "${until}" is not after --since "${since}"\n  hint: the period is [since, until), until is exclusive`,
    );
  }
  return { since: iso(start), until: iso(end), timeZone };
}

function parseBound(flag: string, value: string, timeZone: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const d: LocalDate = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
    // Date.UTC rolls 2026-02-31 over to March; a round trip catches such dates.
    if (!sameDate(addDays(d, 0), d)) throw new ConfigError(`${flag} "${value}": not a calendar date`);
    return startOfLocalDay(d, timeZone);
  }
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(instant)) {
    throw new ConfigError(
      `${flag} "${value}": not a date or an instant\n  hint: write YYYY-MM-DD (local midnight) or an ISO 8601 instant such as 2026-01-15T08:00:00Z`,
    );
  }
  return instant;
}

/**
 * The period just before `period`, of equal length: the same number of calendar months when the
 * period is made of whole local months (a quarter is compared with the previous quarter),
 * otherwise the same duration.
 */
export function previousPeriod(period: Period): Period {
  const since = Date.parse(period.since);
  const until = Date.parse(period.until);
  const first = localDateOf(since, period.timeZone);
  const end = localDateOf(until, period.timeZone);
  const wholeMonths =
    first.day === 1 &&
    end.day === 1 &&
    startOfLocalDay(first, period.timeZone) === since &&
    startOfLocalDay(end, period.timeZone) === until;
  if (wholeMonths) {
    const months = monthsBetween(first, end);
    return {
      since: iso(startOfLocalDay(addMonths(first, -months), period.timeZone)),
      until: period.since,
      timeZone: period.timeZone,
    };
  }
  return { since: iso(since - (until - since)), until: period.since, timeZone: period.timeZone };
}

/** A calendar month the period covers, with how many of its local days lie in the period. */
export interface PeriodMonth {
  /** `2026-01`. */
  month: string;
  days: number;
}

/** The months and ISO weeks a period overlaps, in its time zone, in order. */
export interface PeriodCalendar {
  months: PeriodMonth[];
  /** `2026-W01` (ISO week-numbering year, Monday start). */
  weeks: string[];
}

/**
 * Calendars already walked, by period. Every metric area asks for the same period's calendar (six
 * of them in a run), and each walk costs three zone look-ups (`Intl.DateTimeFormat#formatToParts`)
 * per day: about 65 ms of CPU for a half-year period in a fresh process, the next six 85 ms
 * (issue 16, item 4). Periods per process are few (the report's and the one before it).
 */
const calendars = new Map<string, PeriodCalendar>();
const MAX_CALENDARS = 16;

/**
 * The months and ISO weeks that overlap the period, each call with arrays of its own (callers may
 * change them); the walk itself is done once per period and process.
 */
export function periodCalendar(period: Period): PeriodCalendar {
  const key = `${period.since}|${period.until}|${period.timeZone}`;
  let calendar = calendars.get(key);
  if (calendar === undefined) {
    calendar = walkCalendar(period);
    if (calendars.size >= MAX_CALENDARS) calendars.clear(); // a long-lived process (the tests) asks for many
    calendars.set(key, calendar);
  }
  return { months: calendar.months.map((m) => ({ ...m })), weeks: [...calendar.weeks] };
}

/** Walks the local days that overlap the period and collects their months and ISO weeks. */
function walkCalendar(period: Period): PeriodCalendar {
  const until = Date.parse(period.until);
  const months: PeriodMonth[] = [];
  const weeks: string[] = [];
  for (
    let d = localDateOf(Date.parse(period.since), period.timeZone);
    startOfLocalDay(d, period.timeZone) < until;
    d = addDays(d)
  ) {
    const month = monthKey(d);
    const last = months[months.length - 1];
    if (last?.month === month) last.days += 1;
    else months.push({ month, days: 1 });
    const week = isoWeekKey(d);
    if (weeks[weeks.length - 1] !== week) weeks.push(week);
  }
  return { months, weeks };
}
