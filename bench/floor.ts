/**
 * The floor of the benchmark, run as a child process so that its wall time and peak RSS are
 * measured the same way as the CLI's: reading the bytes (`cat`), and a bare parse with the fastest
 * parser the project ships for each format, doing nothing with the records but count them
 * (issue 16: DuckDB's own readers for CSV and JSON, the streaming XML parser for the wiki).
 *
 *   tsx bench/floor.ts cat <path>...        every file under the paths, 1 MiB chunks
 *   tsx bench/floor.ts duckdb-csv <file>    DuckDB's own multi-threaded read_csv (the floor)
 *   tsx bench/floor.ts duckdb-json <dir>    DuckDB's read_json_objects over every day file (the floor)
 *   tsx bench/floor.ts csv <file>           csv-parse, default options plus BOM handling (reference)
 *   tsx bench/floor.ts json <dir>           JSON.parse of every day file under the folder (reference)
 *   tsx bench/floor.ts xml <file>           saxes, counting </revision>
 *
 * Prints one JSON line: {mode, rows, bytes, workSeconds}.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';

const CHUNK = 1 << 20;

async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name !== 'manifest.json')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function cat(paths: readonly string[]): Promise<{ rows: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  for (const path of paths) {
    for (const file of await filesUnder(path)) {
      for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) bytes += Buffer.byteLength(chunk);
      files += 1;
    }
  }
  return { rows: files, bytes };
}

function csv(file: string): Promise<{ rows: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const parser = parse({ bom: true, relax_column_count: true });
    parser.on('data', () => (rows += 1));
    parser.on('error', reject);
    parser.on('end', () => resolve({ rows: rows - 1, bytes: 0 })); // the header is no record
    createReadStream(file, { highWaterMark: CHUNK }).pipe(parser);
  });
}

async function duckdbCsv(file: string): Promise<{ rows: number; bytes: number }> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  const escaped = file.replace(/'/g, "''");
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_csv('${escaped}', header = true, all_varchar = true)`,
  );
  const n = reader.getRowObjects()[0]?.['n'];
  connection.closeSync();
  instance.closeSync();
  return { rows: typeof n === 'number' ? n : 0, bytes: 0 };
}

/** The day files of a Slack export (`YYYY-MM-DD.json`); users.json and the lists are metadata. */
async function dayFiles(dir: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((file) => /\d{4}-\d{2}-\d{2}\.json$/.test(file));
}

async function duckdbJson(dir: string): Promise<{ rows: number; bytes: number }> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  const files = (await dayFiles(dir)).map((file) => `'${file.replace(/'/g, "''")}'`).join(', ');
  // One JSON value per array element, parsed and validated, no schema: the bare parse.
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_json_objects([${files}], format = 'array', filename = true)`,
  );
  const n = reader.getRowObjects()[0]?.['n'];
  connection.closeSync();
  instance.closeSync();
  return { rows: typeof n === 'number' ? n : 0, bytes: 0 };
}

async function json(dir: string): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  let bytes = 0;
  for (const file of await dayFiles(dir)) {
    const text = await readFile(file, 'utf8');
    bytes += text.length;
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) rows += value.length;
  }
  return { rows, bytes };
}

async function xml(file: string): Promise<{ rows: number; bytes: number }> {
  const parser = new SaxesParser();
  let rows = 0;
  parser.on('closetag', (tag) => {
    if (tag.name === 'revision') rows += 1;
  });
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' }))
    parser.write(String(chunk));
  parser.close();
  return { rows, bytes: 0 };
}

async function run(mode: string, args: readonly string[]): Promise<{ rows: number; bytes: number }> {
  const [first = ''] = args;
  if (mode === 'cat') return cat(args);
  if (mode === 'csv') return csv(first);
  if (mode === 'duckdb-csv') return duckdbCsv(first);
  if (mode === 'duckdb-json') return duckdbJson(first);
  if (mode === 'json') return json(first);
  if (mode === 'xml') return xml(first);
  throw new Error(`unknown floor mode "${mode}"`);
}

const [mode = '', ...args] = process.argv.slice(2);
const started = performance.now();
const result = await run(mode, args);
process.stdout.write(`${JSON.stringify({ mode, ...result, workSeconds: (performance.now() - started) / 1000 })}\n`);
