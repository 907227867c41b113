/**
 * The timestamp formats of timestamp-format.ts in SQL, for the rows engine-read.ts maps in DuckDB.
 * In steps, one query layer each (an expression used twice in one layer runs twice, and a
 * subquery would run per row): the first matches a trimmed cell, the last gives UTC milliseconds
 * (BIGINT) or NULL, accepting exactly the texts the JavaScript parser accepts, with the same instant. A text SQL
 * refuses is never lost: its row goes to JavaScript, which has the last word (engine-read.ts).
 */
import { instantMs, instantParts, WS } from '../shared/engine-csv-sql.js';
import { sqlString } from '../shared/engine-csv.js';
import { fieldsOf, patternPieces, type Part, type PatternPiece, type TimestampFormat } from './timestamp-format.js';

/**
 * The steps: each is SQL over the column the step before gave (the first over the trimmed cell);
 * the last gives UTC milliseconds, or NULL when the text is no date.
 */
export type SqlTimestamp = readonly ((column: string) => string)[];

/** The largest instant a JavaScript Date holds (ms from 1970, either way), as timestamp-format.ts. */
const MAX_DATE_MS = 8.64e15;

/** The SQL of a format; the format must compile (compileTimestampFormat), else this throws. */
export function sqlTimestamp(format: TimestampFormat): SqlTimestamp {
  if (format === 'iso') return [instantParts, instantMs];
  if (format === 'epoch-s' || format === 'epoch') return epoch(1000);
  if (format === 'epoch-ms') return epoch(1);
  const pieces = patternPieces(format);
  if (typeof pieces === 'string') throw new Error(pieces);
  return pattern(pieces);
}

/**
 * `Math.round(Number(text) * scale)`: the cast to DOUBLE and the product are IEEE operations as in
 * JavaScript, and Math.round takes the half toward +infinity.
 */
function epoch(scale: number): SqlTimestamp {
  return [
    (cell) =>
      `(CASE WHEN regexp_full_match(${cell}, '-?[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(${cell} AS DOUBLE) * ${scale} END)`,
    (x) => `(CASE WHEN ${x} - floor(${x}) >= 0.5 THEN ceil(${x}) ELSE floor(${x}) END)`,
    (x) =>
      `(CASE WHEN ${x} IS NULL OR NOT isfinite(${x}) OR abs(${x}) > ${MAX_DATE_MS} THEN NULL ELSE ${x}::BIGINT END)`,
  ];
}

/**
 * A pattern as one RE2 expression with a group per field (the JavaScript one, with `\s` spelled
 * out), then parseInstant's checks on the fields (the last group of a field wins, as in fromParts).
 */
function pattern(pieces: readonly PatternPiece[]): SqlTimestamp {
  const regex = pieces
    .map((piece) =>
      piece.kind === 'field' ? piece.digits : piece.kind === 'space' ? `[${WS}]+` : re2Literal(piece.text),
    )
    .join('');
  const fields = fieldsOf(pieces);
  const names = fields.map((_f, i) => `g${i}`);
  // A field's last group in the matched struct `m` (as SQL), or null when the pattern lacks it.
  const last = (m: string, part: Part): string | null => {
    const i = fields.lastIndexOf(part);
    return i === -1 ? null : `${m}.g${i}`;
  };
  const text = (m: string, part: Part): string => last(m, part) ?? "''";
  const fieldsSql = (m: string): string => {
    const h12 = last(m, 'hour12');
    const meridiem = last(m, 'meridiem');
    const hour =
      h12 === null || meridiem === null
        ? text(m, 'hour')
        : `(TRY_CAST(${h12} AS INTEGER) % 12 + CASE WHEN lower(${meridiem}) = 'pm' THEN 12 ELSE 0 END)::VARCHAR`;
    const bad = h12 === null ? 'false' : `coalesce(TRY_CAST(${h12} AS INTEGER) NOT BETWEEN 1 AND 12, false)`;
    return `struct_pack(y := ${text(m, 'year')}, mo1 := ${text(m, 'month')}, d1 := ${text(m, 'day')}, mo2 := '', d2 := '',
        h := ${hour}, mi := ${text(m, 'minute')}, s := ${text(m, 'second')}, f := ${text(m, 'millis')}, z := '', bad := ${bad})`;
  };
  return [
    (cell) => `regexp_extract(${cell}, ${sqlString(`^${regex}$`)}, [${names.map((n) => sqlString(n)).join(', ')}])`,
    fieldsSql,
    (p) => `(CASE WHEN ${p}.bad THEN NULL ELSE ${instantMs(p)} END)`,
  ];
}

/** A literal piece of a pattern for RE2: ASCII punctuation escaped, everything else as it is. */
function re2Literal(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
