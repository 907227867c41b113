/**
 * How numbers and dates read in the PDF. Every formatter turns null, NaN and infinities into an
 * em dash, so a missing figure never prints as "NaN", "null" or "undefined". The locale is fixed:
 * output must not depend on the machine.
 */

/** What the report prints for a figure that could not be computed. */
export const MISSING = '—';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function usable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `1,234`; rounds to a whole number. */
export function formatCount(value: number | null | undefined): string {
  return usable(value) ? integer.format(value) : MISSING;
}

/** A fraction as a percentage: 0.784 -> `78%`; below 10 % one decimal is kept (0.052 -> `5.2%`). */
export function formatPercent(fraction: number | null | undefined): string {
  if (!usable(fraction)) return MISSING;
  const percent = fraction * 100;
  const text = `${Math.abs(percent) < 10 && percent !== 0 ? oneDecimal.format(Math.abs(percent)) : integer.format(Math.abs(percent))}%`;
  // A true minus sign, as in formatSigned; "-0%" (a rounding of a tiny negative) reads as 0%.
  return percent < 0 && text !== '0%' && text !== '0.0%' ? `−${text}` : text;
}

/**
 * The one duration style of the report: one decimal below 10, dropped when it is `.0` (`3.7`,
 * `2`), whole numbers from 10 (`47`); days are spelled out, singular for exactly one (`1 day`,
 * `2.5 days`), hours and minutes abbreviated (`3.7 h`, `25 min`).
 */
export function formatDuration(value: number | null | undefined, unit: 'days' | 'hours' | 'minutes'): string {
  if (!usable(value)) return MISSING;
  const number = Math.abs(value) < 10 ? oneDecimal.format(value).replace(/\.0$/, '') : integer.format(value);
  if (unit === 'hours') return `${number} h`;
  if (unit === 'minutes') return `${number} min`;
  return `${number} ${number === '1' ? 'day' : 'days'}`;
}

/** Hours in the report's duration style: `3.2 h`, `2 h`, `27 h`. */
export function formatHours(hours: number | null | undefined): string {
  return formatDuration(hours, 'hours');
}

/** A mean or ratio with one decimal: `2.5`. */
export function formatDecimal(value: number | null | undefined): string {
  return usable(value) ? oneDecimal.format(value) : MISSING;
}

/**
 * A score between 0 and 1 with two significant digits below 0.1 (`0.0021`, `0.045`) and two decimals
 * above (`0.21`): betweenness in a large network is small, and `0.00` for every broker says nothing.
 */
export function formatScore(value: number | null | undefined): string {
  if (!usable(value)) return MISSING;
  return value !== 0 && Math.abs(value) < 0.1 ? value.toPrecision(2) : value.toFixed(2);
}

/** An ISO instant as a calendar date in `timeZone`: `2 Mar 2026`. Unparsable input gives the dash. */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return MISSING;
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return MISSING;
  // en-GB writes September as "Sept"; every other month, and the charts, use three letters.
  return dateFormatter(timeZone).format(new Date(time)).replace('Sept', 'Sep');
}

/** `[since, until)` as inclusive dates: `1 Jan 2026 – 31 Mar 2026`. */
export function formatPeriod(since: string, until: string, timeZone: string): string {
  const end = Date.parse(until);
  // The period's end is exclusive: the last day shown is the one before `until`.
  const lastDay = Number.isFinite(end) ? new Date(end - 1).toISOString() : null;
  return `${formatDate(since, timeZone)} – ${formatDate(lastDay, timeZone)}`;
}

/** A date range of two optional instants (data quality: first and last record seen). */
export function formatRange(first: string | null, last: string | null, timeZone: string): string {
  if (!first && !last) return MISSING;
  return `${formatDate(first, timeZone)} – ${formatDate(last, timeZone)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
    } catch {
      // An unknown zone was already reported upstream; UTC keeps the report readable.
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Days in the report's duration style: `1 day`, `3.5 days`, `41 days`. */
export function formatDays(days: number | null | undefined): string {
  return formatDuration(days, 'days');
}

/** A money amount, whole units, with the currency code when known: `12,400 EUR`. */
export function formatMoney(amount: number | null | undefined, currency: string | null): string {
  if (!usable(amount)) return MISSING;
  return currency ? `${integer.format(amount)} ${currency}` : integer.format(amount);
}

/** A change with its sign: `+12`, `−3`, `±0` (a true minus sign, as in print). */
export function formatSigned(value: number, format: (magnitude: number) => string): string {
  if (value === 0) return `±${format(0)}`;
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A coefficient between 0 and 1 with two decimals: `0.61`. */
export function formatCoefficient(value: number | null | undefined): string {
  return usable(value) ? twoDecimals.format(value) : MISSING;
}

/** Rounded to two significant figures, then grouped: 406,827 -> `410,000`; 0.0456 -> `0.046`. */
export function formatTwoSignificant(value: number | null | undefined): string {
  if (!usable(value)) return MISSING;
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(2));
  return Math.abs(rounded) >= 1 ? integer.format(rounded) : String(rounded);
}

/** A money amount rounded to two significant figures: `410,000 EUR`. */
export function formatMoneyTwoSignificant(amount: number | null | undefined, currency: string | null): string {
  const text = formatTwoSignificant(amount);
  return text === MISSING || !currency ? text : `${text} ${currency}`;
}
