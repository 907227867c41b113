/**
 * SQL expressions that give, in DuckDB, what the JavaScript helpers give (fields.ts, body.ts,
 * shared/timestamps.ts, shared/text.ts), for the rows engine-read.ts maps in SQL. DuckDB's regular
 * expressions are RE2: `\s` there is ASCII whitespace where JavaScript's is Unicode's, `(?i)` folds
 * non-ASCII letters onto ASCII ones where JavaScript does not, and there are no back-references;
 * so whitespace is spelled out and letters are written in both cases.
 */

import { jsTrim, WS } from '../shared/engine-csv-sql.js';

// The pieces every CSV loader shares (trim, URL, timestamps, a list without repeats) live in
// shared/engine-csv-sql.ts; re-exported so engine-read.ts reads Yammer's SQL from one module.
export { distinctInOrder, instantMs, instantParts, jsTrim, urlMatchesSql } from '../shared/engine-csv-sql.js';

/**
 * Whether a cell is the literal `null` in any case (fields.ts). Only four ASCII letters lower-case
 * to it, so the length is looked at first: `lower` copies every cell it is given (on 200k Yammer
 * rows' 18 cells, 0.28 s CPU against 0.15 s with the length first).
 */
export function isNullWord(cell: string): string {
  return `(strlen(${cell}) = 4 AND lower(${cell}) = 'null')`;
}

/** fields.ts `textCell`: untrimmed, the literal `null` read as ''. */
export function textCellSql(raw: string): string {
  return `(CASE WHEN ${isNullWord(jsTrim(raw))} THEN '' ELSE ${raw} END)`;
}

/** fields.ts `flag` on a `cell` expression. */
export function flagSql(cell: string): string {
  return `(lower(${cell}) IN ('true', '1', 'yes', 't'))`;
}

/** body.ts REFERENCE: `[[user:ID]]`, `[[tag:ID]]`, `[[group:ID]]`, kind in any ASCII case. */
export const REFERENCE = `\\[\\[([uU][sS][eE][rR]|[tT][aA][gG]|[gG][rR][oO][uU][pP]):([^\\]${WS}]+)\\]\\]`;

/**
 * A URL that extractUrls would trim (trailing punctuation, a closing bracket) or drop (too short):
 * rows holding one are mapped in JavaScript.
 */
export const URL_NEEDS_TRIM = `[.,;:!?''*_~)\\]}]$`; // '' : a quote inside a SQL string

/**
 * body.ts: escaped `\r\n` and `\n` made real newlines. Only a text holding a backslash can hold
 * one: the others skip the regular expression, which otherwise copies every body.
 */
export function unescapeNewlines(text: string): string {
  return `(CASE WHEN contains(${text}, '\\') THEN regexp_replace(${text}, '\\\\r\\\\n|\\\\n', chr(10), 'g') ELSE ${text} END)`;
}
