import { ConfigError } from '../errors.js';
import { addMonths, monthsBetween } from './calendar.js';
import type { Period } from './period.js';
import { localDateOf, startOfLocalDay } from './zone.js';

/**
 * A period is bounded by the data, not by the calendar: every month and week of the period is a
 * row of the series, and a typo (`--until 3026-04-01`) once made 12,000 monthly rows, 4.7 GB and
 * a crash. A bound more than PERIOD_SLACK_MONTHS outside the months of the data is clipped to
 * the data's own bound, with a warning; a period that lies wholly outside the data keeps its bounds
 * but may not span more than MAX_PERIOD_MONTHS.
 */
export const PERIOD_SLACK_MONTHS = 12;

/** Longest period, in months: the data itself spans at most 2001 to now (see EARLIEST_ACTIVITY). */
export const MAX_PERIOD_MONTHS = 360;

/** The period to report on, and a warning when it was clipped. */
export interface BoundedPeriod {
  period: Period;
  warning: string | null;
}

function monthsSpanned(since: string, until: string, timeZone: string): number {
  return monthsBetween(localDateOf(Date.parse(since), timeZone), localDateOf(Date.parse(until), timeZone));
}

const day = (iso: string): string => iso.slice(0, 10);

/**
 * Clips `wanted` to the months of the data (`data`, the default period) when a bound lies more
 * than PERIOD_SLACK_MONTHS beyond them. Throws a ConfigError when the result spans more than
 * MAX_PERIOD_MONTHS (only possible for a period far outside the data).
 */
export function boundPeriodByData(wanted: Period, data: Period, lastActivity: number): BoundedPeriod {
  const zone = wanted.timeZone;
  const earliest = startOfLocalDay(addMonths(localDateOf(Date.parse(data.since), zone), -PERIOD_SLACK_MONTHS), zone);
  const latest = startOfLocalDay(addMonths(localDateOf(Date.parse(data.until), zone), PERIOD_SLACK_MONTHS), zone);
  const since = Date.parse(wanted.since) < earliest ? data.since : wanted.since;
  const until = Date.parse(wanted.until) > latest ? data.until : wanted.until;
  const clipped = (since !== wanted.since || until !== wanted.until) && Date.parse(since) < Date.parse(until);
  const period = clipped ? { since, until, timeZone: zone } : wanted;
  const months = monthsSpanned(period.since, period.until, zone);
  if (months > MAX_PERIOD_MONTHS) {
    throw new ConfigError(
      `period ${day(period.since)} .. ${day(period.until)}: spans ${months} months, more than the ${MAX_PERIOD_MONTHS} a report covers\n  hint: check --period, --since and --until (a typo in the year?)`,
    );
  }
  if (!clipped) return { period, warning: null };
  const parts: string[] = [];
  if (since !== wanted.since)
    parts.push(
      `starts ${day(wanted.since)}, more than ${PERIOD_SLACK_MONTHS} months before the first activity (${day(data.since)})`,
    );
  if (until !== wanted.until)
    parts.push(
      `ends ${day(wanted.until)}, more than ${PERIOD_SLACK_MONTHS} months after the last activity (${new Date(lastActivity).toISOString().slice(0, 10)})`,
    );
  return {
    period,
    warning: `period: the period asked for ${parts.join(' and ')}; the report covers ${day(since)} .. ${day(until)} instead`,
  };
}
