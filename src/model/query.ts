import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** A plain row from a query: bigints become numbers, timestamps become ISO 8601 UTC strings. */
export type Row = Record<string, string | number | boolean | null | readonly (string | number | null)[]>;

/** The small query surface metrics use; only `model/` knows DuckDB's API. */
export interface Query {
  all<T extends Row = Row>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]>;
  run(sql: string, params?: Record<string, string | number | boolean | null>): Promise<void>;
}

export function queryOver(connection: DuckDBConnection): Query {
  return {
    async all<T extends Row>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql, params as Record<string, DuckDBValue> | undefined);
      // Rows are built field by field so the conversion is explicit; the caller names the shape.
      return reader.getRowObjectsJS().map((raw) => convertRow(raw) as T);
    },
    async run(sql, params) {
      await connection.run(sql, params as Record<string, DuckDBValue> | undefined);
    },
  };
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
