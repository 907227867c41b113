/**
 * The streaming CSV reader every CSV-based adapter shares (Yammer, generic CSV, people file,
 * ledger). It never throws on content: a bad row becomes a Problem and a `malformed` item that the
 * caller counts as a skipped record, and the rows around it are still read.
 */
import { parse, type CsvError, type Info } from 'csv-parse';
import type { InputFile, Problem } from '../types.js';
import { TextStreamDecoder } from './decode-text.js';

/** One data row, its fields keyed by header name (trimmed, lower-cased). */
export interface CsvRow {
  type: 'row';
  /** 1-based line the record starts on (a quoted field may span several lines). */
  line: number;
  fields: Record<string, string>;
}

/** A row that could not be read; the problem is already reported, the caller skips it as `malformed`. */
export interface CsvMalformed {
  type: 'malformed';
  line: number;
  detail: string;
}

export type CsvItem = CsvRow | CsvMalformed;

/** An opened CSV file: its header is read, its rows stream on demand. */
export interface CsvTable {
  file: InputFile;
  /** Header names, trimmed and lower-cased, in file order; empty for an empty file. */
  columns: readonly string[];
  /** The line the header starts on (1 unless the file begins with blank lines). */
  headerLine: number;
  /** `,`, tab or `;`, detected from the header line. */
  delimiter: string;
  /** Whether a (normalized) column name is in the header. */
  has(column: string): boolean;
  /** The data rows. Iterate once; breaking out early closes the file. */
  rows(): AsyncGenerator<CsvItem>;
  /** Closes the file without reading the rows (after a header check fails); safe to call twice. */
  close(): Promise<void>;
}

/** Delimiters the header line is checked for, in order of preference on a tie. */
const DELIMITERS = [',', '\t', ';'] as const;

/**
 * Longest record read, in characters. V8 cannot hold a string above 2^29 characters, so a quoted
 * field that never closes in a large file (786 MB seen) would crash the run; 64 Mi characters is
 * far above any real row (the text of an activity is cut at 100,000 characters anyway) and keeps
 * the parser's buffers small. The parser cannot find its way back after such a record, so the
 * rest of the file is not read, and the problem says so.
 */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** How much of the file is buffered at most to find the end of the header line. */
const HEADER_SNIFF_LIMIT = 1 << 20;

/** A record as the parser emitted it, before it is mapped to the header. */
type RawItem =
  | { kind: 'record'; fields: string[]; line: number }
  | { kind: 'error'; line: number; detail: string; last?: true };

/**
 * Opens a CSV file and reads its header. Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with
 * BOM, and anything else as Windows-1252 (one problem per file). An empty file gives no columns,
 * no rows and a problem "empty file".
 */
export async function openCsv(file: InputFile, report: (problem: Problem) => void): Promise<CsvTable> {
  const raw = rawItems(file, report);
  const first = await raw.next();
  const header = first.done ? undefined : first.value;
  if (!header) {
    report({ file: file.displayPath, line: null, reason: 'empty', detail: 'empty file' });
  } else if (header.item.kind === 'error') {
    report({
      file: file.displayPath,
      line: header.item.line,
      reason: 'malformed',
      detail: `header: ${header.item.detail}`,
    });
  }
  const columns =
    header?.item.kind === 'record'
      ? header.item.fields.map((name) =>
          name
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase(),
        )
      : [];
  const index = columnIndex(columns, file.displayPath, header?.item.line ?? 1, report);
  return {
    file,
    columns,
    headerLine: header?.item.line ?? 1,
    delimiter: header?.delimiter ?? ',',
    has: (column) => index.has(column),
    rows: () => mapRows(raw, columns, file.displayPath, report),
    close: async () => {
      await raw.return(undefined);
    },
  };
}

/** Column name -> position; an empty name is ignored and a repeated one keeps its first position. */
function columnIndex(
  columns: readonly string[],
  file: string,
  line: number,
  report: (p: Problem) => void,
): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    if (name === '') return;
    if (index.has(name))
      report({
        file,
        line,
        reason: 'duplicateColumn',
        detail: `column "${name}" appears twice; the first one is used`,
      });
    else index.set(name, i);
  });
  return index;
}

async function* mapRows(
  raw: AsyncGenerator<{ item: RawItem; delimiter: string }>,
  columns: readonly string[],
  file: string,
  report: (problem: Problem) => void,
): AsyncGenerator<CsvItem> {
  try {
    for await (const { item } of raw) {
      if (item.kind === 'error') {
        yield { type: 'malformed', line: item.line, detail: item.detail };
      } else if (item.fields.length !== columns.length) {
        const detail = `expected ${columns.length} fields as in the header, found ${item.fields.length}`;
        report({ file, line: item.line, reason: 'malformed', detail });
        yield { type: 'malformed', line: item.line, detail };
      } else if (repeatsHeader(item.fields, columns)) {
        // Two exports joined with `cat`: the second header would otherwise be read as a message
        // whose created_at is "created_at" (or, with deleted_at = "deleted_at", as a deletion).
        const detail = 'the header line is repeated here (files joined together?); the line is not read';
        report({ file, line: item.line, reason: 'malformed', detail });
        yield { type: 'malformed', line: item.line, detail };
      } else {
        const fields: Record<string, string> = {};
        // Right to left so that a repeated column name keeps its first value.
        for (let i = columns.length - 1; i >= 0; i--) {
          const name = columns[i];
          if (name) fields[name] = item.fields[i] ?? '';
        }
        yield { type: 'row', line: item.line, fields };
      }
    }
  } finally {
    await raw.return(undefined);
  }
}

/** Whether a record is the header again: every field is its column's name (case and spaces aside). */
function repeatsHeader(fields: readonly string[], columns: readonly string[]): boolean {
  return (
    columns.some((c) => c !== '') &&
    fields.every(
      (field, i) =>
        field
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase() === columns[i],
    )
  );
}

/**
 * Decodes the file, finds the delimiter on the header line, and parses records one chunk at a
 * time. The parser runs synchronously inside `write`, so records are collected in a queue through
 * its hooks (in file order, errors included) and yielded after each chunk.
 */
async function* rawItems(
  file: InputFile,
  report: (problem: Problem) => void,
): AsyncGenerator<{ item: RawItem; delimiter: string }> {
  const stream = await file.open();
  const decoder = new TextStreamDecoder(file.displayPath, report);
  const queue: RawItem[] = [];
  let parser: ReturnType<typeof newParser> | null = null;
  let head = '';
  let delimiter = ',';
  try {
    for await (const chunk of stream) {
      const text = decoder.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      if (parser) parser.write(text);
      else {
        head += text;
        if (!head.includes('\n') && head.length < HEADER_SNIFF_LIMIT) continue;
        delimiter = detectDelimiter(head);
        parser = newParser(delimiter, queue, report, file.displayPath);
        parser.write(head);
      }
      const items = queue.splice(0);
      for (const item of items) yield { item, delimiter };
      // After a record over MAX_RECORD_CHARS the parser cannot find the next record: stop reading.
      if (items.some((item) => item.kind === 'error' && item.last)) return;
    }
    const rest = (parser ? '' : head) + decoder.end();
    if (!parser) delimiter = detectDelimiter(rest);
    parser ??= newParser(delimiter, queue, report, file.displayPath);
    if (rest !== '') parser.write(rest);
    await endParser(parser);
    for (const item of queue.splice(0)) yield { item, delimiter };
  } finally {
    stream.destroy();
  }
}

function newParser(delimiter: string, queue: RawItem[], report: (problem: Problem) => void, file: string) {
  const parser = csvParser(delimiter, queue, report, file);
  // With skip_records_with_error content errors arrive through on_skip; anything else still must
  // not crash the process (an unhandled 'error' event would), so it becomes one malformed item.
  let failed = false;
  parser.on('error', (error: Error) => {
    if (failed) return; // writes after the first error fail too; one item is enough
    failed = true;
    const detail = `CSV reading stopped: ${error.message}`;
    report({ file, line: null, reason: 'malformed', detail });
    queue.push({ kind: 'error', line: parser.info.lines, detail });
  });
  return parser;
}

function csvParser(delimiter: string, queue: RawItem[], report: (problem: Problem) => void, file: string) {
  // Where the last record ended and how many blank lines the parser had skipped by then: a record
  // that fails before its end (an unclosed quote at EOF) starts on the next non-blank line.
  let lastEnd = 0;
  let lastEmpty = 0;
  let stopped = false;
  return parse({
    bom: true,
    delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (fields: string[], info: Info) => {
      lastEnd = info.lines;
      lastEmpty = info.empty_lines;
      queue.push({ kind: 'record', fields, line: info.lines - newlinesIn(fields) });
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      if (stopped) return undefined; // the rest of a too-large record, already reported
      const lines = typeof error?.lines === 'number' ? error.lines : lastEnd + 1;
      const empty = typeof error?.empty_lines === 'number' ? error.empty_lines : lastEmpty;
      const unclosed = error?.code === 'CSV_QUOTE_NOT_CLOSED';
      const tooLarge = error?.code === 'CSV_MAX_RECORD_SIZE';
      stopped = tooLarge;
      const line = unclosed || tooLarge ? lastEnd + 1 + (empty - lastEmpty) : lines;
      const detail = unclosed
        ? `the record starting on line ${line} has a quoted field that is never closed (truncated file?); it is not read`
        : tooLarge
          ? `the record starting on line ${line} is longer than ${MAX_RECORD_CHARS} characters (a quoted field that swallows the file?); it and the rest of the file are not read`
          : (error?.message ?? 'unreadable record');
      report({ file, line, reason: 'malformed', detail });
      queue.push(tooLarge ? { kind: 'error', line, detail, last: true } : { kind: 'error', line, detail });
      return undefined;
    },
  });
}

function endParser(parser: ReturnType<typeof newParser>): Promise<void> {
  if (parser.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    // 'close' follows both a normal end and an error (the parser destroys itself on error).
    parser.once('close', () => resolve());
    parser.end();
    // Records never reach the readable side (on_record returns null); resuming lets it end.
    parser.resume();
  });
}

function newlinesIn(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n += 1;
  }
  return n;
}

/** The delimiter that occurs most often outside quotes on the first line (comma on a tie or none). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) break;
    else if (!quoted && (char === ',' || char === '\t' || char === ';')) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = DELIMITERS[0];
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
