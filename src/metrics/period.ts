import { ConfigError } from '../errors.js';
import type { Period } from './types.js';

/**
 * The report period and its calendar (spec §2). Instants are UTC; months, ISO weeks and days are
 * cut in the report time zone. Zone offsets come from Intl, which carries the IANA database, so
 * no date library is needed; DuckDB's ICU does the same cut in SQL (`timezone($tz, occurred_at)`).
 */

const DAY_MS = 86_400_000;

/** A calendar date in the report time zone. */
export interface LocalDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Throws a ConfigError naming the value unless `timeZone` is an IANA zone name. Numeric offsets
 * (`+01:00`) are refused although newer Intl versions accept them: DuckDB's ICU does not, and an
 * offset is not a zone (it ignores daylight saving time).
 */
export function assertTimeZone(timeZone: string): void {
  const hint = '\n  hint: use an IANA zone name such as UTC, Europe/Berlin or America/New_York';
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) {
    throw new ConfigError(`time zone "${timeZone}": not an IANA time zone name${hint}`);
  }
  try {
    formatter(timeZone);
  } catch (cause) {
    throw new ConfigError(`time zone "${timeZone}": not an IANA time zone name${hint}`, { cause });
  }
}

function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** The calendar date of an instant (UTC ms) in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = localDateTime(ms, timeZone);
  return { year, month, day };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Berlin in winter: +3 600 000). */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const l = localDateTime(wholeSecond, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - wholeSecond;
}

/**
 * The first instant (UTC ms) of a local calendar day. When midnight does not exist (a daylight
 * saving jump at 00:00, as in some American zones), the day starts at the end of the jump; when it
 * exists twice, the earlier one counts.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const candidates = [wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)].sort((a, b) => a - b);
  const exact = candidates.find((t) => wall === t + offsetAt(t, timeZone));
  if (exact !== undefined) return exact;
  const onTheDay = candidates.find((t) => sameDate(localDateOf(t, timeZone), date));
  return onTheDay ?? Math.max(...candidates);
}

function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The next calendar day (pure calendar arithmetic, no zone). */
export function nextDate(date: LocalDate, days = 1): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function addMonths(date: LocalDate, months: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: 1 };
}

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
    since: iso(startOfLocalDay({ year: first.year, month: first.month, day: 1 }, timeZone)),
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
  return { since: iso(startOfLocalDay(first, timeZone)), until: iso(startOfLocalDay(addMonths(first, 1), timeZone)), timeZone };
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
    throw new ConfigError(`--until "${until}" is not after --since "${since}"\n  hint: the period is [since, until), until is exclusive`);
  }
  return { since: iso(start), until: iso(end), timeZone };
}

function parseBound(flag: string, value: string, timeZone: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const d: LocalDate = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
    // Date.UTC rolls 2026-02-31 over to March; a round trip catches such dates.
    if (!sameDate(nextDate(d, 0), d)) throw new ConfigError(`${flag} "${value}": not a calendar date`);
    return startOfLocalDay(d, timeZone);
  }
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(instant)) {
    throw new ConfigError(`${flag} "${value}": not a date or an instant\n  hint: write YYYY-MM-DD (local midnight) or an ISO 8601 instant such as 2026-01-15T08:00:00Z`);
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
    first.day === 1 && end.day === 1 && startOfLocalDay(first, period.timeZone) === since && startOfLocalDay(end, period.timeZone) === until;
  if (wholeMonths) {
    const months = (end.year - first.year) * 12 + (end.month - first.month);
    return { since: iso(startOfLocalDay(addMonths(first, -months), period.timeZone)), until: period.since, timeZone: period.timeZone };
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

/** Walks the local days that overlap the period and collects their months and ISO weeks. */
export function periodCalendar(period: Period): PeriodCalendar {
  const until = Date.parse(period.until);
  const months: PeriodMonth[] = [];
  const weeks: string[] = [];
  for (let d = localDateOf(Date.parse(period.since), period.timeZone); startOfLocalDay(d, period.timeZone) < until; d = nextDate(d)) {
    const month = monthKey(d);
    const last = months[months.length - 1];
    if (last?.month === month) last.days += 1;
    else months.push({ month, days: 1 });
    const week = isoWeekKey(d);
    if (weeks[weeks.length - 1] !== week) weeks.push(week);
  }
  return { months, weeks };
}

/** `2026-01`. */
export function monthKey(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** ISO 8601 week `2026-W01`: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(date: LocalDate): string {
  const weekday = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = nextDate(date, 3 - weekday);
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - firstOfYear) / DAY_MS / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}
