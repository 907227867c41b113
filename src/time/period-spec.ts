/**
 * Period expressions (`--period`, `--since`, `--until`, `--as-of`) turned into UTC instants.
 * Calendar units are cut in the report time zone: a month starts at local midnight of its first
 * day, converted to UTC with the zone's offset at that instant (Intl), so DST months are right.
 */
import { UsageError } from '../errors.js';
import { addDays, addMonths, compareDates, isRealDate, type LocalDate } from './calendar.js';
import { isTimeZone, localDateOf, startOfLocalDay } from './zone.js';

/** A resolved period `[since, until)` as ISO 8601 UTC instants. */
export interface ResolvedPeriod {
  since: string;
  until: string;
}

/** One term of a period expression: the days it covers, end exclusive. */
interface DayRange {
  start: LocalDate;
  end: LocalDate;
}

const PERIOD_EXAMPLES = '2026-10, 2026-07..2026-09, 2026-Q3, last-month, last-quarter or 2026-07-01..2026-09-30';

/** Parses one term: `2026-10`, `2026-Q3` or `2026-10-05`. */
function parseTerm(term: string): DayRange | null {
  const month = /^(\d{4})-(\d{2})$/.exec(term);
  if (month) {
    const start = { year: Number(month[1]), month: Number(month[2]), day: 1 };
    return start.month >= 1 && start.month <= 12 ? { start, end: addMonths(start, 1) } : null;
  }
  const quarter = /^(\d{4})-[Qq]([1-4])$/.exec(term);
  if (quarter) {
    const start = { year: Number(quarter[1]), month: (Number(quarter[2]) - 1) * 3 + 1, day: 1 };
    return { start, end: addMonths(start, 3) };
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(term);
  if (day) {
    const start = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
    return isRealDate(start.year, start.month, start.day) ? { start, end: addDays(start, 1) } : null;
  }
  return null;
}

/** The calendar month or quarter before the one `asOf` falls in, in the zone. */
function previousUnit(unit: 'month' | 'quarter', asOf: Date, timeZone: string): DayRange {
  const today = localDateOf(asOf.getTime(), timeZone);
  const size = unit === 'month' ? 1 : 3;
  const currentStartMonth = Math.floor((today.month - 1) / size) * size + 1;
  const end = { year: today.year, month: currentStartMonth, day: 1 };
  return { start: addMonths(end, -size), end };
}

function parseSpec(spec: string, asOf: Date, timeZone: string): DayRange {
  const trimmed = spec.trim();
  if (trimmed === 'last-month') return previousUnit('month', asOf, timeZone);
  if (trimmed === 'last-quarter') return previousUnit('quarter', asOf, timeZone);
  const sides = trimmed.split('..');
  if (sides.length > 2) throw invalidPeriod(spec, 'more than one ".."');
  const first = parseTerm(sides[0] ?? '');
  const last = sides.length === 2 ? parseTerm(sides[1] ?? '') : first;
  if (!first || !last) throw invalidPeriod(spec, 'not a period');
  if (compareDates(last.start, first.start) < 0) {
    throw invalidPeriod(spec, 'ends before it starts');
  }
  return { start: first.start, end: last.end };
}

function invalidPeriod(spec: string, problem: string): UsageError {
  return new UsageError(`period "${spec}": ${problem}\n  hint: use ${PERIOD_EXAMPLES}`);
}

function assertSpecZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new UsageError(
      `time zone "${timeZone}": not an IANA time zone\n  hint: use e.g. UTC, Europe/Paris or America/New_York`,
    );
  }
}

/**
 * Resolves a period expression to `[since, until)`. Month and quarter ranges are inclusive of both
 * ends (`2026-07..2026-09` is three months), as are day ranges; `last-month` and `last-quarter` are
 * the calendar month/quarter before the one `asOf` falls in, in `timeZone`.
 * @throws UsageError with an example when the expression or the zone is not valid.
 */
export function resolvePeriodSpec(spec: string, asOf: Date, timeZone: string): ResolvedPeriod {
  assertSpecZone(timeZone);
  if (Number.isNaN(asOf.getTime())) throw new UsageError('as-of: not a valid date');
  const range = parseSpec(spec, asOf, timeZone);
  return {
    since: new Date(startOfLocalDay(range.start, timeZone)).toISOString(),
    until: new Date(startOfLocalDay(range.end, timeZone)).toISOString(),
  };
}

/** True when `spec` is a well-formed period expression (relative ones included). */
export function isPeriodSpec(spec: string): boolean {
  try {
    parseSpec(spec, new Date(0), 'UTC');
    return true;
  } catch {
    return false;
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Resolves a `--since`/`--until`/`--as-of` value: `YYYY-MM-DD` is local midnight in `timeZone`; an
 * ISO 8601 instant must carry `Z` or an offset so that it never depends on the machine's zone.
 * @throws UsageError naming `label` when the value is neither.
 */
export function resolveDateBound(value: string, timeZone: string, label: string): string {
  assertSpecZone(timeZone);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day && isRealDate(Number(day[1]), Number(day[2]), Number(day[3]))) {
    const date = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
    return new Date(startOfLocalDay(date, timeZone)).toISOString();
  }
  const ms = Date.parse(value);
  if (INSTANT.test(value) && !Number.isNaN(ms)) return new Date(ms).toISOString();
  throw new UsageError(
    `${label} "${value}": not a date\n  hint: use YYYY-MM-DD or an ISO 8601 instant such as 2026-10-01T00:00:00Z`,
  );
}

/** The period options of a config (`period`, or `since`/`until`, in `timeZone`). */
export interface PeriodOptions {
  period?: string;
  since?: string;
  until?: string;
  timeZone: string;
}

/**
 * The bounds a config asks for. A bound left open (no `period`, no `since` or no `until`) is
 * undefined: the caller fills it from the data (spec §2: the months of the first and last activity).
 */
export function resolveConfiguredPeriod(options: PeriodOptions, asOf: Date): Partial<ResolvedPeriod> {
  if (options.period !== undefined) return resolvePeriodSpec(options.period, asOf, options.timeZone);
  const bounds: Partial<ResolvedPeriod> = {};
  if (options.since !== undefined) bounds.since = resolveDateBound(options.since, options.timeZone, 'since');
  if (options.until !== undefined) bounds.until = resolveDateBound(options.until, options.timeZone, 'until');
  return bounds;
}
