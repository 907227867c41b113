/**
 * JSON-array files (Slack day files) for the dataset's engine (DuckDB `read_json`), for adapters
 * that map a file's elements in SQL straight into the dataset (issue 16). A file takes this path
 * only when DuckDB is sure to see what the JavaScript reader (`readJsonArray`) would: a plain file
 * on disk (no zip member, not gzipped) whose first byte after a UTF-8 byte-order mark and white
 * space is `[` and whose first bytes hold no NUL (UTF-16 or UTF-32 without a byte-order mark) (DuckDB reads an empty or blank file as an empty array, where the JavaScript reader
 * reports it), read with `records = true` (an element that is no object, which DuckDB would
 * otherwise read as a value in every column, makes it refuse the file). Files DuckDB refuses
 * (invalid JSON or UTF-8, a lone surrogate, a duplicate key, UTF-16) are named in its error; they
 * are left out and the rest read again, and the caller reads them with the JavaScript reader,
 * which reports what is wrong with file and line.
 */
import { open } from 'node:fs/promises';
import type { InputFile, SourceEngine } from '../types.js';
import { sqlString } from './engine-csv.js';

/** Bytes read to find the opening bracket. */
const HEAD_BYTES = 256;
/** Files DuckDB refuses, left out one at a time, before the whole batch goes to JavaScript. */
const MAX_REFUSED = 16;

/** Whether DuckDB may read `file` as one JSON array (see the module comment). */
export function jsonArrayForEngine(file: InputFile): Promise<boolean> {
  return jsonStartsWith(file, 0x5b);
}

/**
 * Whether `file` is a plain file on disk, not gzipped, whose first byte after a UTF-8 byte-order
 * mark and white space is `opening` (`[` or `{`), with no NUL in its first bytes.
 */
export async function jsonStartsWith(file: InputFile, opening: number): Promise<boolean> {
  if (file.localPath === undefined || /\.gz$/i.test(file.name) || (file.size ?? 0) < 2) return false;
  const handle = await open(file.localPath, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    // A NUL byte: UTF-16 or UTF-32 without a byte-order mark, which the JavaScript reader decodes.
    if (head.subarray(0, bytesRead).includes(0)) return false;
    let i = bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (i < bytesRead && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i += 1;
    return i < bytesRead && head[i] === opening;
  } finally {
    await handle.close();
  }
}

/**
 * `read_json` over `paths` (in this order) with every column typed JSON, as a FROM item with a
 * `filename` column; the caller's SELECT over it.
 */
export function readJsonArrays(paths: readonly string[], columns: readonly string[]): string {
  const types = columns.map((c) => `${sqlString(c)}: 'JSON'`).join(', ');
  return `read_json([${paths.map(sqlString).join(', ')}], format = 'array', records = true, filename = true, columns = {${types}})`;
}

/**
 * Runs `statement(paths)` (a CREATE TABLE over `readJsonArrays`) and, while DuckDB refuses a file
 * it names, runs it again without that file. Returns the files read and the files refused; null
 * when DuckDB refuses without naming a file of the batch, or refuses too many (all go to JavaScript).
 */
export async function runOverReadableFiles(
  engine: SourceEngine,
  paths: readonly string[],
  statement: (paths: readonly string[]) => string,
  dropTable: string,
): Promise<{ read: string[]; refused: string[] } | null> {
  let read = [...paths];
  const refused: string[] = [];
  while (read.length > 0) {
    try {
      await engine.run(statement(read));
      return { read, refused };
    } catch (error) {
      await engine.run(`DROP TABLE IF EXISTS ${dropTable}`);
      const named = /in file "((?:[^"\\]|\\.)*)"/.exec(error instanceof Error ? error.message : String(error))?.[1];
      if (named === undefined || !read.includes(named) || refused.length >= MAX_REFUSED) return null;
      refused.push(named);
      read = read.filter((p) => p !== named);
    }
  }
  return { read, refused };
}

/** The first character of each kind of JSON value `jsonIs` tells apart. */
const FIRST_CHARACTER = { string: '"', object: '{', array: '[' } as const;

/**
 * SQL: whether `value`, a JSON value as `read_json` (a JSON column) or `json_extract` give it, is a
 * string, an object or an array. DuckDB writes those values back minified, so the first character
 * tells, as `json_type` would after parsing the value once more (a JSON null is SQL NULL there, and
 * NULL here too). On 1M Slack messages the parses were a quarter of the mapping's projections.
 */
export function jsonIs(value: string, kind: keyof typeof FIRST_CHARACTER): string {
  return `starts_with(${value}::VARCHAR, '${FIRST_CHARACTER[kind]}')`;
}

/** JavaScript's `\s`, as the inside of an RE2 class (as yammer/sql-text.ts spells it). */
export const JS_WHITESPACE = String.raw`\t\n\x0b\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;

/** shared/text.ts URL_PATTERN, in RE2. */
export const URL_SQL = `[hH][tT][tT][pP][sS]?://[^${JS_WHITESPACE}<>"|\`]+`;

/**
 * A URL that extractUrls would trim (trailing punctuation, an unmatched closing bracket) or drop
 * (too short): rows holding one are mapped in JavaScript.
 */
export function urlNeedsJavaScript(url: string): string {
  return `(regexp_matches(${url}, '[.,;:!?''*_~)\\]}]$') OR length(${url}) <= 8)`;
}

/** A list without repeats, in order of first appearance. */
export function distinctInOrder(list: string): string {
  return `list_filter(${list}, (x, i) -> list_position(${list}, x) = i)`;
}

/**
 * SQL: the TIMESTAMPTZ of `ms`, an instant in epoch milliseconds (BIGINT): the value `epoch_ms(ms)
 * AT TIME ZONE 'UTC'` gives, without the time-zone conversion that runs per row there (0.28 against
 * 0.02 s of CPU over 1.75M values; bench/README.md, s15-f).
 */
export function utcInstantSql(ms: string): string {
  return `make_timestamptz(${ms} * 1000)`;
}
