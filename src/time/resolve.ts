import { defaultPeriod, periodFromBounds } from './period.js';
import { boundPeriodByData, type BoundedPeriod } from './period-bounds.js';
import { resolveConfiguredPeriod, resolveDateBound, type PeriodOptions } from './period-spec.js';

/**
 * The run's "now" for relative periods and ages: the configured `--as-of` (local midnight in
 * `timeZone` for a date) or, without one, the clock the run was given.
 */
export function resolveAsOf(asOf: string | undefined, timeZone: string, now: Date): Date {
  return asOf ? new Date(resolveDateBound(asOf, timeZone, 'as-of')) : now;
}

/**
 * The period the config asks for, with open bounds filled from the data (spec §2: the months of
 * the first and last activity, UTC ms), and bounded by the data (see `boundPeriodByData`).
 */
export function resolveReportPeriod(
  options: PeriodOptions,
  asOf: Date,
  firstAt: number,
  lastAt: number,
): BoundedPeriod {
  const fromData = defaultPeriod(firstAt, lastAt, options.timeZone);
  const asked = resolveConfiguredPeriod(options, asOf);
  return boundPeriodByData(
    periodFromBounds(asked.since ?? fromData.since, asked.until ?? fromData.until, options.timeZone),
    fromData,
    lastAt,
  );
}
