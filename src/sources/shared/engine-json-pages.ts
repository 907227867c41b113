/**
 * JSON files of root objects (Microsoft Graph pages, one or several concatenated) for the
 * dataset's engine (DuckDB `read_json`, `format = 'unstructured'`), the counterpart of
 * `jsonArrayForEngine` (engine-json.ts) for files whose first value is an object. The same
 * conditions: a plain file on disk, not gzipped, first byte after a UTF-8 byte-order mark and
 * white space `{`, no NUL in its first bytes (UTF-16 or UTF-32 without a byte-order mark).
 */
import type { InputFile, SourceEngine } from '../types.js';
import { sqlString } from './engine-csv.js';
import { jsonStartsWith } from './engine-json.js';

/** Whether DuckDB may read `file` as a sequence of JSON objects (see the module comment). */
export function jsonObjectsForEngine(file: InputFile): Promise<boolean> {
  return jsonStartsWith(file, 0x7b);
}

/**
 * `read_json` over `paths` (in this order) reading each file's root objects, with the given
 * columns and types (a DuckDB type per key), as a FROM item with a `filename` column. Objects up
 * to `maxObjectBytes` (a Graph page is far smaller; a larger one makes DuckDB refuse the file).
 */
export function readJsonObjects(
  paths: readonly string[],
  columns: readonly (readonly [string, string])[],
  maxObjectBytes: number,
): string {
  const types = columns.map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ');
  return `read_json([${paths.map(sqlString).join(', ')}], format = 'unstructured', records = true, filename = true, maximum_object_size = ${maxObjectBytes}, columns = {${types}})`;
}

/**
 * The later message wins across the two paths of an SQL load: records JavaScript yields are
 * appended after the block SQL inserted, so an SQL message of the same id further on in the
 * reading order (with its reactions, the `stride` numbers it owns) is given numbers after them.
 * `firsts` is a table (ord, first, n): each file's reading-order index, its first row and row
 * count; `yielded` maps an activity id to where JavaScript last yielded it (file index, item).
 */
export async function laterRowsWin(
  engine: SourceEngine,
  tables: { firsts: string; yielded: string },
  block: { base: number; stride: number; range: string },
  yielded: ReadonlyMap<string, { file: number; k: number }>,
): Promise<void> {
  if (yielded.size === 0) return;
  const { base, stride, range } = block;
  // In slices: one VALUES list of many ids would be a statement of megabytes.
  const pairs = [...yielded].map(([id, at]) => `(${sqlString(id)}, ${at.file}, ${at.k})`);
  await engine.run(`CREATE TEMP TABLE ${tables.yielded} (id VARCHAR, file BIGINT, k BIGINT)`);
  for (let i = 0; i < pairs.length; i += 5000)
    await engine.run(`INSERT INTO ${tables.yielded} VALUES ${pairs.slice(i, i + 5000).join(', ')}`);
  const later = await engine.all<{ rn: number }>(`
    SELECT r.rn::DOUBLE AS rn FROM (
      SELECT (a.seq - ${base}) // ${stride} AS rn, a.activity_id FROM raw_activities a
      WHERE ${range} AND NOT a.derived AND a.activity_id IN (SELECT id FROM ${tables.yielded})) r
    JOIN ${tables.firsts} f ON r.rn BETWEEN f.first AND f.first + f.n - 1
    JOIN ${tables.yielded} v ON v.id = r.activity_id
    WHERE f.ord > v.file OR (f.ord = v.file AND r.rn - f.first > v.k)
    ORDER BY r.rn`);
  for (const { rn } of later) {
    const first = engine.reserve(stride);
    const from = base + stride * rn;
    await engine.run(
      `UPDATE raw_activities SET seq = ${first} + (seq - ${from}) WHERE seq BETWEEN ${from} AND ${from + stride - 1}`,
    );
  }
}
