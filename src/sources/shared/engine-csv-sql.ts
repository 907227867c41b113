/**
 * SQL expressions that give, in DuckDB, what the shared JavaScript helpers give (`trim`,
 * shared/timestamps.ts `parseInstant`, shared/text.ts `extractUrls`), for adapters that map CSV
 * rows in SQL (the generic CSV adapter, and Yammer's through yammer/sql-text.ts). DuckDB's regular
 * expressions are RE2: `\s` there is ASCII whitespace where JavaScript's is Unicode's, `(?i)` folds
 * non-ASCII letters onto ASCII ones where JavaScript does not, and there are no back-references; so
 * whitespace is spelled out and letters are written in both cases.
 */

/** JavaScript's `\s` (and what `String.prototype.trim` removes), as the inside of an RE2 class. */
export const WS = String.raw`\t\n\x0b\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;

/**
 * `text.trim()`. Most cells start and end with a character from `!` to U+009F, none of which is
 * whitespace: those skip the regular expression, which otherwise runs on every cell of every row.
 * `ord(text)` is the first character's code point as `ord(text[1])` is, without making the
 * one-character string (18 cells of 200k Yammer rows: 0.50 s CPU against 0.72 s).
 */
export function jsTrim(text: string): string {
  const plain = (c: string) => `ord(${c}) BETWEEN 33 AND 159`;
  return `(CASE WHEN ${text} = '' THEN '' WHEN ${plain(text)} AND ${plain(`${text}[-1]`)} THEN ${text}
      ELSE regexp_replace(${text}, '^[${WS}]+|[${WS}]+$', '', 'g') END)`;
}

/** shared/text.ts URL_PATTERN. */
export const URL = `[hH][tT][tT][pP][sS]?://[^${WS}<>"|\`]+`;

/**
 * SQL: `regexp_extract_all(text, URL)`. Every match holds `://`, so a text without it skips the
 * regular expression, which otherwise scans every text (most hold no URL).
 */
export function urlMatchesSql(text: string): string {
  return `(CASE WHEN contains(${text}, '://') THEN regexp_extract_all(${text}, '${URL}') ELSE []::VARCHAR[] END)`;
}

/** Trailing punctuation extractUrls trims, as an RE2 expression in a SQL string ('' is a quote). */
const TRAILING_PUNCTUATION = `[.,;:!?''*_~]+$`;

/** Rounds of trimming done in SQL; a URL needing more goes to JavaScript (`unsureUrlsSql`). */
const URL_ROUNDS = 3;

/** SQL: how often the one ASCII character `c` occurs in `text` (in bytes: exact whatever the text). */
const occurrences = (text: string, c: string) => `(strlen(${text}) - strlen(replace(${text}, '${c}', '')))`;

/** SQL: whether `v` ends with a closing bracket that has no opening one inside it. */
function unbalanced(v: string): string {
  return [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ]
    .map(
      ([open, close]) =>
        `(right(${v}, 1) = '${close}' AND ${occurrences(v, open ?? '')} < ${occurrences(v, close ?? '')})`,
    )
    .join(' OR ');
}

/**
 * shared/text.ts `trimUrl`, URL_ROUNDS rounds: trailing sentence punctuation, then a closing
 * bracket without its opening one inside the URL.
 */
function trimmedUrls(list: string): string {
  let urls = list;
  for (let round = 0; round < URL_ROUNDS; round++) {
    urls = `list_transform(${urls}, u -> regexp_replace(u, '${TRAILING_PUNCTUATION}', ''))`;
    urls = `list_transform(${urls}, v -> CASE WHEN ${unbalanced('v')} THEN v[:-2] ELSE v END)`;
  }
  return urls;
}

/**
 * SQL: shared/text.ts `extractUrls(text)` as a list, given `unsureUrlsSql(text)` is false: the
 * matches trimmed, those of 8 UTF-16 units or fewer dropped; repeats are still in (apply
 * `distinctInOrder` to a column holding this in the next query layer: it names its list twice).
 */
export function urlListSql(text: string): string {
  return `list_filter(${trimmedUrls(urlMatchesSql(text))}, u -> strlen(u) > 8)`;
}

/**
 * SQL: whether SQL cannot vouch for `urlsSql(text)`: a URL that needs more trimming, or whose
 * length in UTF-16 units (between its code points and its UTF-8 bytes) may be 8 or less.
 */
export function unsureUrlsSql(text: string): string {
  return `list_bool_or(list_transform(${trimmedUrls(urlMatchesSql(text))},
      u -> regexp_matches(u, '${TRAILING_PUNCTUATION}') OR ${unbalanced('u')} OR (strlen(u) > 8 AND length(u) <= 8)))`;
}

/** A list without repeats, in order of first appearance. */
export function distinctInOrder(list: string): string {
  return `list_filter(${list}, (x, i) -> list_position(${list}, x) = i)`;
}

/**
 * shared/timestamps.ts `parseInstant`, in two steps so no subquery runs per row: `instantParts`
 * matches a trimmed cell into a struct column, `instantMs` turns that column into UTC milliseconds
 * (BIGINT) or NULL. The date separator is `-` or `/` throughout (two alternatives: RE2 has no
 * back-references). A text this pattern refuses but `parseInstant` takes (a lower-case `t`) only
 * sends its row to JavaScript.
 */
export function instantParts(cell: string): string {
  const pattern =
    String.raw`^(\d{4})(?:-(\d{2})-(\d{2})|/(\d{2})/(\d{2}))(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?` +
    `[${WS}]*([zZ]|[uU][tT][cC]|[gG][mM][tT]|[+-]\\d{2}(?::?\\d{2})?)?$`;
  return `regexp_extract(${cell}, '${pattern}', ['y', 'mo1', 'd1', 'mo2', 'd2', 'h', 'mi', 's', 'f', 'z'])`;
}

/**
 * A struct of strings `{y, mo1, d1, mo2, d2, h, mi, s, f, z}` (as `instantParts` gives; empty
 * strings for absent parts) as UTC milliseconds, or NULL for an impossible date or time. Days are
 * counted with integer arithmetic (days from civil), so no impossible date can raise an error.
 */
export function instantMs(p: string): string {
  const y = `TRY_CAST(${p}.y AS INTEGER)`;
  const mo = `TRY_CAST(coalesce(nullif(${p}.mo1, ''), ${p}.mo2) AS INTEGER)`;
  const d = `TRY_CAST(coalesce(nullif(${p}.d1, ''), ${p}.d2) AS INTEGER)`;
  const h = `TRY_CAST(coalesce(nullif(${p}.h, ''), '0') AS INTEGER)`;
  const mi = `TRY_CAST(coalesce(nullif(${p}.mi, ''), '0') AS INTEGER)`;
  const s = `TRY_CAST(coalesce(nullif(${p}.s, ''), '0') AS INTEGER)`;
  const ms = `coalesce(TRY_CAST(rpad(left(${p}.f, 3), 3, '0') AS INTEGER), 0)`;
  const signed = `${p}.z[1] IN ('+', '-')`;
  const digits = `replace(${p}.z[2:], ':', '')`;
  const zh = `(CASE WHEN ${signed} THEN TRY_CAST(left(${digits}, 2) AS INTEGER) ELSE 0 END)`;
  const zm = `(CASE WHEN ${signed} THEN TRY_CAST(coalesce(nullif(${digits}[3:], ''), '0') AS INTEGER) ELSE 0 END)`;
  const offset = `(CASE WHEN ${p}.z[1] = '-' THEN -1 ELSE 1 END) * (${zh} * 60 + ${zm})`;
  const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0))`;
  const dim = `(CASE WHEN ${mo} = 2 AND ${leap} THEN 29 ELSE [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][${mo}] END)`;
  // Days from civil (H. Hinnant); years here are 1000-9999, so integer division needs no floor care.
  const yy = `(${y} - CASE WHEN ${mo} <= 2 THEN 1 ELSE 0 END)`;
  const doy = `((153 * ((${mo} + 9) % 12) + 2) // 5 + ${d} - 1)`;
  const yoe = `(${yy} % 400)`;
  const days = `((${yy} // 400) * 146097 + ${yoe} * 365 + ${yoe} // 4 - ${yoe} // 100 + ${doy} - 719468)`;
  return `(CASE WHEN ${p}.y = '' THEN NULL
      WHEN ${y} < 1000 OR ${mo} < 1 OR ${mo} > 12 OR ${d} < 1 OR ${d} > ${dim}
        OR ${h} > 23 OR ${mi} > 59 OR ${s} > 59 OR ${zh} > 14 OR ${zm} > 59 THEN NULL
      ELSE ${days}::BIGINT * 86400000 + ${h} * 3600000 + ${mi} * 60000 + ${s} * 1000 + ${ms} - ${offset} * 60000 END)`;
}
