import {
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBResult,
  DuckDBTypeId,
  type DuckDBValue,
  type DuckDBVector,
  JSDuckDBValueConverter,
} from '@duckdb/node-api';
import { varcharColumn } from './varchar-column.js';

/** A plain row from a query: bigints become numbers, timestamps become ISO 8601 UTC strings. */
export type Row = Record<string, string | number | boolean | null | readonly (string | number | null)[]>;

/** The small query surface metrics use; only `model/` knows DuckDB's API. */
export interface Query {
  all<T extends Row = Row>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]>;
  run(sql: string, params?: Record<string, string | number | boolean | null>): Promise<void>;
  /**
   * The rows of a large result in batches (DuckDB's chunks, about 2,048 rows), so a caller that
   * reduces rows as they come (texts to word ids) never holds them all at once.
   */
  batches<T extends Row = Row>(
    sql: string,
    params?: Record<string, string | number | boolean | null>,
  ): AsyncIterable<T[]>;
  /**
   * A large result of numeric and boolean columns only, in DuckDB's chunks, as one `Float64Array`
   * per column (in SELECT order; NULL is NaN, true 1, false 0): no object per row. Reading 380k
   * threads' five numbers this way cost a quarter of the CPU of `batches` (bench/README.md, s9-16f).
   */
  numbers(sql: string, params?: Record<string, string | number | boolean | null>): AsyncIterable<Float64Array[]>;
  /**
   * Hands the memory DuckDB has freed back to the system, before a step that needs much memory of
   * its own (JavaScript's). The C allocator keeps what a large query freed (at 10M messages, hundreds
   * of MiB after duplicate efforts' readings) until it is trimmed, and DuckDB trims it when its
   * `memory_limit` is set: so this sets the limit the dataset was opened with again, changing
   * nothing else. Without a known limit (a dataset in memory) it does nothing.
   */
  releaseMemory(): Promise<void>;
}

/** Told about every statement after it ran: its text, milliseconds and rows returned (null for `run`). */
export type QueryObserver = (sql: string, ms: number, rows: number | null) => void;

/**
 * The query surface over `connection`; `memoryLimit`: the `memory_limit` the database was opened
 * with, exactly as given (what {@link Query.releaseMemory} sets again), or null when none was.
 */
export function queryOver(
  connection: DuckDBConnection,
  observe?: QueryObserver,
  memoryLimit: string | null = null,
): Query {
  return {
    async all<T extends Row>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]> {
      const started = performance.now();
      const result = await connection.run(sql, params as Record<string, DuckDBValue> | undefined);
      // Rows are built field by field so the conversion is explicit; the caller names the shape.
      // One chunk at a time: reading every chunk first (runAndReadAll) and converting after held
      // the copied chunks, DuckDB's own row objects and ours at once; on a 761k-row result that
      // was 300-400 MiB more peak RSS (bench/README.md, 2026-12-04), for the same rows in the same order.
      const rows: T[] = [];
      for await (const batch of rowBatches(result)) for (const row of batch) rows.push(row as T);
      observe?.(sql, performance.now() - started, rows.length);
      return rows;
    },
    async run(sql, params) {
      const started = performance.now();
      await connection.run(sql, params as Record<string, DuckDBValue> | undefined);
      observe?.(sql, performance.now() - started, null);
    },
    async *batches<T extends Row>(
      sql: string,
      params?: Record<string, string | number | boolean | null>,
    ): AsyncIterable<T[]> {
      const started = performance.now();
      const result = await connection.stream(sql, params as Record<string, DuckDBValue> | undefined);
      let rows = 0;
      for await (const batch of rowBatches(result)) {
        rows += batch.length;
        yield batch as T[];
      }
      observe?.(sql, performance.now() - started, rows);
    },
    async *numbers(sql, params) {
      const started = performance.now();
      const result = await connection.stream(sql, params as Record<string, DuckDBValue> | undefined);
      let rows = 0;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        const columns: Float64Array[] = [];
        for (let c = 0; c < chunk.columnCount; c += 1)
          columns.push(numberColumn(chunk.getColumnVector(c), chunk.rowCount));
        rows += chunk.rowCount;
        yield columns;
      }
      observe?.(sql, performance.now() - started, rows);
    },
    async releaseMemory() {
      if (memoryLimit === null) return;
      const started = performance.now();
      await connection.run(`SET memory_limit = '${memoryLimit.replaceAll("'", "''")}'`);
      observe?.('SET memory_limit (release memory)', performance.now() - started, null);
    },
  };
}

function numberColumn(vector: DuckDBVector, length: number): Float64Array {
  const column = new Float64Array(length);
  for (let i = 0; i < length; i += 1) {
    const value = vector.getItem(i);
    if (value === null) column[i] = Number.NaN;
    else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
      column[i] = Number(value);
    else throw new TypeError(`query.numbers: column of type ${vector.type.toString()} is not numeric`);
  }
  return column;
}

/**
 * The result's rows, one DuckDB chunk at a time, as {@link Row}s. Each column is read once per chunk
 * with a reader chosen by its type: texts, booleans and numbers as they are, 64-bit and wider integers
 * as numbers, the rest through the package's JS converter. Measured on 380k rows of nine columns
 * (duplicate efforts' items, bench/README.md s10-a): 3.6 s CPU through `yieldRowObjectJs` (which
 * converts every value through a generic visitor into an object that was then copied), 1.9 s this way.
 */
async function* rowBatches(result: DuckDBResult): AsyncIterable<Row[]> {
  const names = result.deduplicatedColumnNames();
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const count = chunk.rowCount;
    const columns = names.map((_, c) => columnValues(chunk, c, count));
    const rows: Row[] = new Array(count);
    for (let i = 0; i < count; i += 1) {
      const row: Row = {};
      for (let c = 0; c < names.length; c += 1) row[names[c] as string] = columns[c]?.[i] ?? null;
      rows[i] = row;
    }
    yield rows;
  }
}

/**
 * Column `column`'s values as {@link Row} values (NULL null): what `convertValue` makes of the JS
 * converter's. Texts are read by `varcharColumn`, a run of strings at a time.
 */
function columnValues(chunk: DuckDBDataChunk, column: number, length: number): Row[string][] {
  const vector = chunk.getColumnVector(column);
  const values: Row[string][] = new Array(length);
  switch (vector.type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return varcharColumn(chunk.chunk, column, length);
    case DuckDBTypeId.BOOLEAN:
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      for (let i = 0; i < length; i += 1) values[i] = vector.getItem(i) as Row[string];
      return values;
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      for (let i = 0; i < length; i += 1) {
        const value = vector.getItem(i);
        values[i] = value === null ? null : Number(value);
      }
      return values;
    default: {
      const type = vector.type;
      for (let i = 0; i < length; i += 1)
        values[i] = convertValue(
          JSDuckDBValueConverter(vector.getItem(i), type, JSDuckDBValueConverter),
        ) as Row[string];
      return values;
    }
  }
}

function convertValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convertValue);
  return value;
}
