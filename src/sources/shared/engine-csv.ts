/**
 * A CSV file for the dataset's engine (DuckDB `read_csv`), for adapters that load rows by SQL
 * straight into the dataset (issue 16). The file takes this path only when DuckDB is sure to see
 * what the JavaScript reader (`openCsv`) would, line for line: a plain file on disk, UTF-8 (BOM or
 * not), a one-line header of distinct, unquoted names, no lone carriage return, a strict parse
 * (every row has the header's column count, valid UTF-8, no record over 2 MiB), and records that
 * account for every line of the file (no blank line, which both readers skip but which would shift
 * the line numbers counted here) without repeating the header. Anything else gives null and the
 * caller reads the file with `openCsv`, which reports each bad row with its line.
 *
 * No table of raw cells is made here: the adapter selects what it needs from `source`, together
 * with `span` and `repeats`, and asks `coversEveryLine` with their totals whether the parse is
 * exact. The header's own `over` and `raw` let an adapter map rows in the statement that parses
 * them, before the line ends are scanned (yammer/engine-read.ts: no table of raw cells is written;
 * branch s5-16a kept one beside the mapped rows for the whole load, +200 MiB of peak RSS on 200k).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { InputFile } from '../types.js';
import { detectDelimiter } from './csv-records.js';

/** Bytes read to find the header line; a longer header goes to the JavaScript reader. */
const HEAD_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** A CSV file DuckDB may read, and SQL over its rows. */
export interface EngineCsv {
  /**
   * A subquery over `read_csv(...)` giving one row per record, in file order: the cells as the
   * JavaScript reader gives them (`''` for an empty cell, CRLF inside a quoted field turned into LF
   * as the text decoder does) in columns `c0`, `c1`... in header order; `span`, the number of file
   * lines the record spans; and `repeats`, whether it repeats the header (two exports joined with
   * `cat`, which the JavaScript reader reports).
   */
  source: string;
  /**
   * `source` over another relation holding the file's raw columns (`read`'s, or a table of them),
   * with the columns `keep` of that relation passed through first.
   */
  over(rows: string, keep: readonly string[]): string;
  /** The bare `read_csv(...)` call: the raw columns `c0`, `c1`... (NULL for an empty cell), no expression. */
  read: string;
  /** Header names, trimmed and lower-cased, in file order. */
  columns: readonly string[];
  /** SQL for a column's cell over `source`: its `cN` column, or `''` for a column the file lacks. */
  raw(column: string): string;
  /**
   * Whether records spanning `lines` lines in all, `repeats` of them repeating the header, cover
   * the file line for line: none repeats it, and the header line plus every record's lines equal
   * the file's line count.
   */
  coversEveryLine(lines: number, repeats: number): boolean;
}

/** What the byte scan of the whole file found. */
interface LineScan {
  newlines: number;
  /** A `\r` not followed by `\n` (the JavaScript reader counts it as a line end). */
  loneCr: boolean;
  hasCr: boolean;
  endsWithNewline: boolean;
}

/**
 * A longer record makes DuckDB refuse the file, which then takes the JavaScript path: such a
 * record is an anomaly (a pasted log, a quote swallowing the rest of the file) whose text is cut
 * anyway, and the SQL text clean-up would run its regular expressions over all of it.
 */
const MAX_LINE_BYTES = 2 * 1024 * 1024;

/**
 * The SQL pieces for `file` when it may qualify (see the module comment); else null. DuckDB may
 * still refuse the file when the statement using `source` runs (a ragged row, invalid UTF-8, a
 * record over its line limit): the caller then takes the JavaScript path.
 */
export async function csvForEngine(file: InputFile): Promise<EngineCsv | null> {
  const header = await csvHeaderForEngine(file);
  return header === null ? null : header.scan();
}

/** What the header alone gives: enough to start the bare parse while the bytes are scanned. */
export interface EngineCsvHeader {
  /** Header names, trimmed and lower-cased, in file order. */
  columns: readonly string[];
  /** As `EngineCsv.read`. */
  read: string;
  /**
   * `read` without the header and the first `records` records (DuckDB's `skip` counts records, a
   * record over several lines being one), for a second statement parsing the rest of the file.
   */
  readAfter(records: number): string;
  /** Bytes per record in the file's first 64 KiB: how many records a number of bytes holds, roughly. */
  bytesPerRecord: number;
  /**
   * As `EngineCsv.over`, before the line ends are scanned: CRLF inside a quoted field is turned
   * into LF in any file (a file without CR gives the same cells), so SQL can map rows as they are parsed.
   */
  over(rows: string, keep: readonly string[]): string;
  /** As `EngineCsv.raw`. */
  raw(column: string): string;
  /** Scans the file's line ends: the other SQL pieces, or null when the file does not qualify. */
  scan(): Promise<EngineCsv | null>;
}

/**
 * `csvForEngine` in two steps, for a caller that parses the file (`read`) while JavaScript scans
 * its bytes (`scan`): neither needs the other, and the scan of a large file takes a while.
 */
export async function csvHeaderForEngine(file: InputFile): Promise<EngineCsvHeader | null> {
  const path = file.localPath;
  if (path === undefined) return null;
  const header = await readHeader(path);
  if (header === null) return null;
  const types = header.names.map((_n, i) => `${sqlString(col(i))}: 'VARCHAR'`).join(', ');
  const readFrom = (start: string) =>
    `read_csv(${sqlString(path)}, columns = {${types}}, ${start}, auto_detect = false, ` +
    `delim = ${sqlString(header.delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, ` +
    `all_varchar = true, encoding = 'utf-8', max_line_size = ${MAX_LINE_BYTES})`;
  const read = readFrom('header = true');
  // The header is one line (readHeader), so skipping it and `records` records is skipping 1 + records.
  const readAfter = (records: number) => readFrom(`header = false, skip = ${1 + records}`);
  const scan = async (): Promise<EngineCsv | null> => {
    const lines = await scanLines(path);
    return lines.loneCr ? null : sqlPieces(header.names, read, lines);
  };
  // Before the scan the line ends are unknown: the CRLF fix is on for every file (a file without CR
  // gives the same cells); line counts come from `scan`'s pieces only.
  const { over, raw } = sqlPieces(header.names, read, {
    newlines: 0,
    loneCr: false,
    hasCr: true,
    endsWithNewline: false,
  });
  return { columns: header.names, read, readAfter, bytesPerRecord: header.bytesPerRecord, scan, over, raw };
}

/** The SQL pieces over `read` of a file with these header names and line ends. */
function sqlPieces(names: readonly string[], read: string, scan: LineScan): EngineCsv {
  const cells = names.map((_n, i) => {
    const cell = `coalesce(${col(i)}, '')`;
    // A file with CRLF line ends has a CR on every line but almost never inside a cell: `replace`
    // copies every cell it is given (the costliest expression of the Yammer load, bench/README.md),
    // `contains` only looks.
    const crlf = `CASE WHEN contains(${cell}, chr(13)) THEN replace(${cell}, chr(13) || chr(10), chr(10)) ELSE ${cell} END`;
    return `${scan.hasCr ? crlf : cell} AS ${col(i)}`;
  });
  // The header check looks at the other columns only when the first one holds its own name.
  const repeats = names.map((name, i) => `lower(trim(${col(i)})) = ${sqlString(name)}`);
  const span = names.map((_n, i) => `CASE WHEN contains(${col(i)}, chr(10)) THEN ${newlinesIn(col(i))} ELSE 0 END`);
  const over = (rows: string, keep: readonly string[]): string =>
    `(SELECT *, 1 + ${span.join(' + ')} AS span, ` +
    `CASE WHEN ${repeats[0]} THEN ${repeats.join(' AND ')} ELSE false END AS repeats ` +
    `FROM (SELECT ${[...keep, ...cells].join(', ')} FROM ${rows}))`;
  const index = new Map(names.map((name, i) => [name, i]));
  const raw = (column: string): string => {
    const i = index.get(column);
    return i === undefined ? "''" : col(i);
  };
  const fileLines = scan.newlines + (scan.endsWithNewline ? 0 : 1);
  return {
    source: over(read, []),
    over,
    read,
    columns: names,
    raw,
    coversEveryLine: (lines, repeats) => repeats === 0 && fileLines === 1 + lines,
  };
}

/** SQL: the number of `\n` in a VARCHAR expression. */
export function newlinesIn(expression: string): string {
  return `(strlen(${expression}) - strlen(replace(${expression}, chr(10), '')))`;
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Positional column names: the header's own names may not be valid SQL identifiers. */
const col = (i: number): string => `c${i}`;

/** The header's names and delimiter when the header is one line of distinct, non-empty, unquoted names. */
async function readHeader(
  path: string,
): Promise<{ names: string[]; delimiter: string; bytesPerRecord: number } | null> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null; // UTF-16
  const end = head.indexOf(LF);
  if (end <= 0) return null;
  let line: string;
  try {
    line = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return null; // not UTF-8: the JavaScript reader decodes it as Windows-1252 and says so
  }
  line = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line.includes('"') || line.includes('\r')) return null;
  const delimiter = detectDelimiter(line);
  const names = line.split(delimiter).map((name) => name.trim().toLowerCase());
  // Empty or repeated names: the JavaScript reader reports them and knows which one is used.
  if (names.some((name) => name === '') || new Set(names).size !== names.length) return null;
  return { names, delimiter, bytesPerRecord: bytesPerRecord(head.subarray(end + 1)) };
}

/**
 * The mean length of the records that end in `bytes` (line ends outside double quotes; a doubled
 * quote toggles twice), or of all of `bytes` when none ends there.
 */
function bytesPerRecord(bytes: Buffer): number {
  let records = 0;
  let quoted = false;
  let end = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === LF && !quoted) {
      records += 1;
      end = i + 1;
    }
  }
  return records === 0 ? Math.max(1, bytes.length) : end / records;
}

/** Counts line ends in one pass over the bytes. */
async function scanLines(path: string): Promise<LineScan> {
  const scan: LineScan = { newlines: 0, loneCr: false, hasCr: false, endsWithNewline: false };
  let crAtEnd = false;
  let last = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    if (bytes.length === 0) continue;
    if (crAtEnd && bytes[0] !== LF) scan.loneCr = true;
    for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) scan.newlines += 1;
    for (let i = bytes.indexOf(CR); i !== -1; i = bytes.indexOf(CR, i + 1)) {
      scan.hasCr = true;
      if (i + 1 < bytes.length && bytes[i + 1] !== LF) scan.loneCr = true;
    }
    last = bytes[bytes.length - 1] ?? -1;
    crAtEnd = last === CR;
  }
  if (crAtEnd) scan.loneCr = true;
  scan.endsWithNewline = last === LF;
  return scan;
}
