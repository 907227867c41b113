/**
 * Timestamp parsing shared by the adapters. It runs once per record (millions of times on a large
 * export), so it is one regular expression and integer arithmetic: no Intl, no `Date` string
 * parsing (whose acceptance of odd forms differs between engines).
 */

// Groups: 1 year, 2 date separator, 3 month, 4 day, 5 hour, 6 minute, 7 second, 8 fraction, 9 zone.
// The back-reference \2 keeps the date separators consistent (`2026-01/05` is rejected).
const INSTANT =
  /^(\d{4})([-/])(\d{2})\2(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an instant into UTC milliseconds since the epoch, or null when the text is not one.
 *
 * Accepted forms: `2026-01-05 18:24:27 UTC` (Yammer CSV), ISO 8601 with `T` or a space, with or
 * without seconds, a fraction (any precision, cut to milliseconds) and a zone (`Z`, `+01:00`,
 * `+0100`, `+01`), `2026/01/05 18:24:27 +0000` (Yammer REST), and a bare date (midnight). Text
 * without a zone is UTC, which is what Yammer's exports mean. Impossible dates (`2026-02-31`,
 * `25:00`), empty text and the literal `null` give null.
 */
export function parseInstant(text: string): number | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const hour = m[5] === undefined ? 0 : Number(m[5]);
  const minute = m[6] === undefined ? 0 : Number(m[6]);
  const second = m[7] === undefined ? 0 : Number(m[7]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[8] === undefined ? 0 : Number(m[8].slice(0, 3).padEnd(3, '0'));
  const offset = zoneOffsetMinutes(m[9]);
  if (offset === null) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0-99 to 1900-1999; no export holds such dates, so treat them as garbage.
  if (year < 1000) return null;
  return utc - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Minutes east of UTC for a zone designator; null when the offset is impossible. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return 0;
  const first = zone.charAt(0);
  if (first !== '+' && first !== '-') return 0; // Z, UTC, GMT
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return first === '-' ? -total : total;
}
