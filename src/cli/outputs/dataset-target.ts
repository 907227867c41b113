import { statSync } from 'node:fs';
import path from 'node:path';
import { KEPT_TABLES, type KeptTable } from '../../model/dataset.js';

/**
 * `--dataset` names a DuckDB file (`kept.duckdb`) or a folder of Parquet files (`kept/`: a path
 * ending in a slash, or a folder that exists), one file per table, which any engine that reads
 * Parquet can run the metric SQL on (docs/dataset.md).
 */
export function isDatasetFolder(target: string): boolean {
  if (target.endsWith('/') || target.endsWith(path.sep)) return true;
  return statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The Parquet file of each kept table in the folder `folder`. */
export function parquetFiles(folder: string): Record<KeptTable, string> {
  const files = {} as Record<KeptTable, string>;
  for (const table of KEPT_TABLES) files[table] = path.join(folder, `${table}.parquet`);
  return files;
}
