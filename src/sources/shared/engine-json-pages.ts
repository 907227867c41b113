/**
 * JSON files of root objects (Microsoft Graph pages, one or several concatenated) for the
 * dataset's engine (DuckDB `read_json`, `format = 'unstructured'`), the counterpart of
 * `jsonArrayForEngine` (engine-json.ts) for files whose first value is an object. The same
 * conditions: a plain file on disk, not gzipped, first byte after a UTF-8 byte-order mark and
 * white space `{`, no NUL in its first bytes (UTF-16 or UTF-32 without a byte-order mark).
 */
import type { InputFile } from '../types.js';
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
