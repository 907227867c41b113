import type { DuckDBConnection, DuckDBValue, DuckDBVector } from '@duckdb/node-api';

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
}

/** Told about every statement after it ran: its text, milliseconds and rows returned (null for `run`). */
export type QueryObserver = (sql: string, ms: number, rows: number | null) => void;

export function queryOver(connection: DuckDBConnection, observe?: QueryObserver): Query {
  return {
    async all<T extends Row>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]> {
      const started = performance.now();
      const result = await connection.run(sql, params as Record<string, DuckDBValue> | undefined);
      // Rows are built field by field so the conversion is explicit; the caller names the shape.
      // One chunk at a time: reading every chunk first (runAndReadAll) and converting after held
      // the copied chunks, DuckDB's own row objects and ours at once; on a 761k-row result that
      // was 300-400 MiB more peak RSS (bench/README.md, 2026-12-04), for the same rows in the same order.
      const rows: T[] = [];
      for await (const batch of result.yieldRowObjectJs()) for (const raw of batch) rows.push(convertRow(raw) as T);
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
      for await (const batch of result.yieldRowObjectJs()) {
        rows += batch.length;
        yield batch.map((raw) => convertRow(raw) as T);
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

function convertRow(raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(raw)) row[key] = convertValue(value) as Row[string];
  return row;
}

function convertValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convertValue);
  return value;
}
