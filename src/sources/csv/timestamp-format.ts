import { parseInstant } from '../shared/timestamps.js';

/**
 * How a generic CSV writes its timestamps: `iso` (ISO 8601 and the forms `parseInstant` takes),
 * `epoch-s` or `epoch` (seconds, fractions allowed: `1767607200.000100`), `epoch-ms`, or a
 * pattern built from `yyyy MM M dd d HH H hh h mm ss SSS a` (moment-style `YYYY DD D A` too) and
 * punctuation, e.g. `dd/MM/yyyy HH:mm` or `M/d/yyyy h:mm a`, with letters quoted
 * (`yyyy-MM-dd'T'HH:mm`). Pattern times carry no zone and are read as UTC.
 */
export type TimestampFormat = 'iso' | 'epoch-s' | 'epoch' | 'epoch-ms' | (string & {});

/** Pattern tokens, longest first so that `MM` wins over `M`. */
const TOKENS: readonly { token: string; regex: string; part: Part }[] = [
  { token: 'yyyy', regex: '(\\d{4})', part: 'year' },
  { token: 'YYYY', regex: '(\\d{4})', part: 'year' },
  { token: 'DD', regex: '(\\d{2})', part: 'day' },
  { token: 'D', regex: '(\\d{1,2})', part: 'day' },
  { token: 'A', regex: '([AaPp][Mm])', part: 'meridiem' },
  { token: 'MM', regex: '(\\d{2})', part: 'month' },
  { token: 'M', regex: '(\\d{1,2})', part: 'month' },
  { token: 'dd', regex: '(\\d{2})', part: 'day' },
  { token: 'd', regex: '(\\d{1,2})', part: 'day' },
  { token: 'HH', regex: '(\\d{2})', part: 'hour' },
  { token: 'H', regex: '(\\d{1,2})', part: 'hour' },
  { token: 'hh', regex: '(\\d{2})', part: 'hour12' },
  { token: 'h', regex: '(\\d{1,2})', part: 'hour12' },
  { token: 'mm', regex: '(\\d{2})', part: 'minute' },
  { token: 'ss', regex: '(\\d{2})', part: 'second' },
  { token: 'SSS', regex: '(\\d{3})', part: 'millis' },
  { token: 'a', regex: '([AaPp][Mm])', part: 'meridiem' },
];

export type Part = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'millis' | 'meridiem';

/** Parses one timestamp text into UTC milliseconds, or null when it does not fit the format. */
export type TimestampParser = (text: string) => number | null;

/**
 * Builds the parser for a format, or returns an error message for a pattern it cannot read
 * (unknown letters, no year/month/day, `h` without `a`).
 */
export function compileTimestampFormat(format: TimestampFormat): TimestampParser | string {
  if (format === 'iso') return parseInstant;
  if (format === 'epoch-s' || format === 'epoch') return (text) => epoch(text, 1000);
  if (format === 'epoch-ms') return (text) => epoch(text, 1);
  return compilePattern(format);
}

/** The largest instant a JavaScript Date holds (ms from 1970, either way). */
const MAX_DATE_MS = 8.64e15;

function epoch(text: string, scale: number): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  const ms = Math.round(Number(trimmed) * scale);
  // Microseconds read as seconds land beyond any date: not a date, never a crash later.
  return Math.abs(ms) <= MAX_DATE_MS ? ms : null;
}

/** One piece of a compiled pattern: a field, literal text, or a space (any run of whitespace). */
export type PatternPiece =
  | { kind: 'field'; part: Part; digits: string }
  | { kind: 'literal'; text: string }
  | { kind: 'space' };

/**
 * Splits a pattern into its pieces, or returns an error message (unknown letters, no
 * year/month/day, `h` without `a`). The JavaScript parser and the SQL one (sql-timestamp.ts)
 * are both built from these pieces, so they accept the same texts.
 */
export function patternPieces(pattern: string): PatternPiece[] | string {
  const pieces: PatternPiece[] = [];
  for (let i = 0; i < pattern.length; ) {
    const match = TOKENS.find((t) => pattern.startsWith(t.token, i));
    if (match) {
      pieces.push({ kind: 'field', part: match.part, digits: match.regex });
      i += match.token.length;
    } else if (pattern.charAt(i) === "'") {
      // Quoted literal letters, as in `yyyy-MM-dd'T'HH:mm`.
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) return `timestamp pattern "${pattern}": a quote is not closed`;
      pieces.push({ kind: 'literal', text: pattern.slice(i + 1, end) });
      i = end + 1;
    } else {
      const char = pattern.charAt(i);
      if (/[A-Za-z]/.test(char))
        return `timestamp pattern "${pattern}": "${char}" is not a known field (use yyyy MM M dd d HH H hh h mm ss SSS a)`;
      pieces.push(char === ' ' ? { kind: 'space' } : { kind: 'literal', text: char });
      i += 1;
    }
  }
  const parts = fieldsOf(pieces);
  if (!(['year', 'month', 'day'] as const).every((p) => parts.includes(p)))
    return `timestamp pattern "${pattern}" needs yyyy, MM (or M) and dd (or d)`;
  if (parts.includes('hour12') !== parts.includes('meridiem'))
    return `timestamp pattern "${pattern}": h/hh needs a (AM/PM) and a needs h/hh`;
  return pieces;
}

/** The fields of a pattern's pieces, in order (one per capture group). */
export function fieldsOf(pieces: readonly PatternPiece[]): Part[] {
  return pieces.flatMap((piece) => (piece.kind === 'field' ? [piece.part] : []));
}

function compilePattern(pattern: string): TimestampParser | string {
  const pieces = patternPieces(pattern);
  if (typeof pieces === 'string') return pieces;
  const parts = fieldsOf(pieces);
  const regex = pieces
    .map((piece) => (piece.kind === 'field' ? piece.digits : piece.kind === 'space' ? '\\s+' : escapeRegex(piece.text)))
    .join('');
  const compiled = new RegExp(`^${regex}$`);
  return (text) => {
    const m = compiled.exec(text.trim());
    return m ? fromParts(parts, m) : null;
  };
}

function fromParts(parts: readonly Part[], m: RegExpExecArray): number | null {
  const v: Partial<Record<Part, string>> = {};
  parts.forEach((part, index) => (v[part] = m[index + 1]));
  let hour = Number(v.hour ?? 0);
  if (v.hour12 !== undefined) {
    const h12 = Number(v.hour12);
    if (h12 < 1 || h12 > 12) return null;
    hour = (h12 % 12) + (v.meridiem?.toLowerCase() === 'pm' ? 12 : 0);
  }
  const [year, month, day, minute, second, millis] = [v.year, v.month, v.day, v.minute, v.second, v.millis].map((s) =>
    Number(s ?? 0),
  );
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millis, 3)}Z`;
  // parseInstant rejects impossible dates (31/02) and hours; the pattern only checked digits.
  return parseInstant(iso);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function pad(n: number | undefined, width: number): string {
  return String(n ?? 0).padStart(width, '0');
}
