import { ConfigError } from '../errors.js';
import { sameDate, type LocalDate } from './calendar.js';

/**
 * Instants and local dates in an IANA time zone. Zone offsets come from Intl, which carries the
 * IANA database, so no date library is needed; DuckDB's ICU does the same cut in SQL
 * (`timezone($tz, occurred_at)`, see `local-time-sql.ts`).
 */

const DAY_MS = 86_400_000;

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

/** True when `timeZone` is an IANA zone name (the check `assertTimeZone` makes). */
export function isTimeZone(timeZone: string): boolean {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
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
  const candidates = [wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)].sort(
    (a, b) => a - b,
  );
  const exact = candidates.find((t) => wall === t + offsetAt(t, timeZone));
  if (exact !== undefined) return exact;
  const onTheDay = candidates.find((t) => sameDate(localDateOf(t, timeZone), date));
  return onTheDay ?? Math.max(...candidates);
}

/** Local midnight of `date` in `timeZone`, as an ISO 8601 UTC instant. */
export function startOfLocalDayIso(date: LocalDate, timeZone: string): string {
  return new Date(startOfLocalDay(date, timeZone)).toISOString();
}
