/**
 * What `--dataset` keeps of the normalized tables, as a DuckDB file or a folder of Parquet files:
 * what every other output may hold. Private spaces keep their activities (so counts still add up)
 * but not their text, title, links or name.
 */
import type { Query } from './query.js';

/** The tables a kept dataset holds (`--dataset`), as a DuckDB file or a folder of Parquet files. */
export const KEPT_TABLES = ['activities', 'spaces', 'identities', 'persons'] as const;
export type KeptTable = (typeof KEPT_TABLES)[number];

/**
 * The columns of the kept `activities`, in docs/dataset.md's order. The working table has them in
 * another order (dataset.ts builds it in place from the raw rows, person_id and is_contribution last).
 */
export const ACTIVITY_COLUMNS = [
  'activity_id',
  'input_index',
  'source',
  'kind',
  'occurred_at',
  'identity_id',
  'person_id',
  'space_id',
  'thread_id',
  'parent_id',
  'text',
  'title',
  'reaction',
  'mentions',
  'links',
  'file',
  'line',
  'platform_question',
  'is_contribution',
] as const;

/** Activity columns a private space's activities keep empty. */
const PRIVATE_TEXT: ReadonlySet<string> = new Set(['text', 'title', 'links']);

/** What each kept table holds: private spaces keep their activities, not their text, title, links or name. */
const KEPT_SELECT: Readonly<Record<KeptTable, string>> = {
  spaces: `SELECT * REPLACE (CASE WHEN is_private THEN '(private space)' ELSE name END AS name) FROM spaces`,
  activities: `SELECT ${ACTIVITY_COLUMNS.map((c) => (PRIVATE_TEXT.has(c) ? `CASE WHEN p.space_id IS NULL THEN a.${c} END AS ${c}` : `a.${c}`)).join(', ')}
    FROM activities a LEFT JOIN (SELECT space_id FROM spaces WHERE is_private) p ON p.space_id = a.space_id`,
  identities: 'SELECT * FROM identities',
  persons: 'SELECT * FROM persons',
};

function sqlString(value: string): string {
  return value.replace(/'/g, "''");
}

/**
 * Writes the kept tables to `file`, a new DuckDB file. A fresh file rather than an UPDATE of the
 * working one: DuckDB may leave old versions of updated rows in freed blocks of a file, where the
 * private text could still be read.
 */
export async function keepAsDuckDb(query: Query, file: string): Promise<void> {
  await query.run(`ATTACH '${sqlString(file)}' AS kept`);
  try {
    await query.run(KEPT_TABLES.map((t) => `CREATE TABLE kept.${t} AS ${KEPT_SELECT[t]};`).join('\n'));
    // A scratch dataset turns checkpoint-on-shutdown off for the whole instance (dataset.ts), so
    // DETACH alone left the last tables in kept.duckdb.wal: a file copied without it lacked them.
    await query.run('CHECKPOINT kept');
  } finally {
    await query.run('DETACH kept');
  }
}

/**
 * The order of each table's rows in its Parquet file: its key. The tables themselves are not sorted
 * (dataset.ts: the metrics order by their own keys), and the order of a join's or a GROUP BY's rows
 * varies with DuckDB's threads, so without it two runs on the same inputs wrote the same rows in
 * another order, not the byte-identical files docs/dataset.md promises. `spaces` may hold a space id
 * once per source (one that only activities name), hence the second key.
 */
const KEPT_ORDER: Readonly<Record<KeptTable, string>> = {
  activities: 'activity_id',
  spaces: 'space_id, source',
  identities: 'identity_id',
  persons: 'person_id',
};

/** Writes the same tables, private text left out, as one Parquet file each: `files` names them. */
export async function keepAsParquetFiles(query: Query, files: Readonly<Record<KeptTable, string>>): Promise<void> {
  for (const t of KEPT_TABLES)
    await query.run(
      `COPY (${KEPT_SELECT[t]} ORDER BY ${KEPT_ORDER[t]}) TO '${sqlString(files[t])}' (FORMAT parquet, COMPRESSION zstd)`,
    );
}
