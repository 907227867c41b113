/**
 * What the engine loaders of the sources share around a load: the settings they run it under, the
 * block of sequence numbers a JSON load reserves, and the later-rows-win rule across the SQL and
 * JavaScript paths.
 */
import { MIN_MEMORY_LIMIT_BYTES, sizeInBytes } from '../../model/size.js';
import type { InputFile, SourceEngine } from '../types.js';
import { sqlString, type EngineCsvHeader } from './engine-csv.js';

/**
 * Files (or exports) smaller than this stay on the JavaScript path: a few SQL statements cost more
 * than parsing a small file in JavaScript, and small pilots must feel instant. One threshold for
 * every source that loads by SQL.
 */
export const ENGINE_MIN_BYTES = 1024 * 1024;

/** Share of the dataset's memory limit a load runs under (see `loadSettings`). */
export const LOAD_MEMORY_SHARE = 0.5;

/** A load's settings, read before it changes them. */
export interface LoadSettings {
  /** Sets one thread and, when asked, the lowered memory limit. */
  enter(): Promise<void>;
  /**
   * After the parse whose row order gives the file order: the engine's threads again, without
   * `preserve_insertion_order`, for statements whose rows carry their own order (a sequence
   * number, a row number taken from the parse) and whose results do not depend on the order the
   * rows are written in. Kept in order, a statement on two threads cost about twice the CPU of
   * one (its threads wait on each other's batches); unordered, the same CPU as one thread
   * (bench/README.md).
   */
  unordered(): Promise<void>;
  /** Statements that set back what `enter` and `unordered` changed. */
  restoreSql: string;
}

/**
 * One thread while loading: the row order of read_json / read_csv over the files is then the
 * reading order, which the sequence numbers follow, and fewer rows are parsed ahead. With
 * `lowerMemory`, `LOAD_MEMORY_SHARE` of the memory limit too (never under the engine's minimum;
 * kept when DuckDB refuses): the work table's blocks otherwise stay in DuckDB's buffer pool up to
 * the full limit, while each statement needs far less (bench/README.md).
 */
export async function loadSettings(engine: SourceEngine, lowerMemory: boolean): Promise<LoadSettings> {
  const [before] = await engine.all<{ threads: string; ordered: boolean }>(
    `SELECT current_setting('threads')::VARCHAR AS threads, current_setting('preserve_insertion_order') AS ordered`,
  );
  const threads = Number(before?.threads ?? 1);
  const limit = !lowerMemory || engine.memoryLimit === null ? null : sizeInBytes(engine.memoryLimit);
  const restore = limit === null ? '' : ` SET memory_limit = ${sqlString(engine.memoryLimit ?? '')};`;
  return {
    enter: async () => {
      await engine.run('SET threads = 1');
      if (limit === null) return;
      const lowered = Math.max(MIN_MEMORY_LIMIT_BYTES, Math.floor(limit * LOAD_MEMORY_SHARE));
      await engine.run(`SET memory_limit = '${Math.floor(lowered / 1e6)}MB'`).catch(() => undefined);
    },
    unordered: () => engine.run(`SET threads = ${threads}; SET preserve_insertion_order = false;`),
    restoreSql: `SET threads = ${threads}; SET preserve_insertion_order = ${before?.ordered === false ? 'false' : 'true'};${restore}`,
  };
}

/**
 * Files from this size are parsed as two halves at once (`parseInOrder`); below it a second
 * statement costs more than the thread it frees.
 */
export const SPLIT_PARSE_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Parses `csv` in file order, under `loadSettings`'s one thread, into the TEMP table `names.first`
 * and, for a large file, the attached in-memory database `names.rest` too; returns a relation of the
 * raw columns (or of what `select` makes of them) with `rn`, each record's index in the file, first.
 * Rejects (once every statement it started has ended) when DuckDB refuses the file.
 *
 * `select` gives the query over a relation of the raw columns whose rows are stored (by default
 * all of them, as they are): a caller that maps rows one by one maps them here, in the statement
 * that parses them, so no table of raw cells is written and read again, and each half's mapping
 * runs on its own thread (1M Yammer messages: bench/README.md, s15-a).
 *
 * Why two halves: DuckDB keeps the file's order only on one thread (an ordered parse on two cost
 * twice the CPU, bench/README.md s12-a), and that one thread was ~4 s of 1M Yammer messages with
 * the other core idle. From `splitMinBytes`, and when the engine has a second connection, the first
 * ~half of the records (`LIMIT`) is parsed on `run`'s connection while the rest (`readAfter`: DuckDB's
 * `skip` counts records) is parsed on `runBeside`'s, each on one thread; the rest's records number
 * on from the first's. The rest goes into an attached in-memory database because TEMP tables are
 * each connection's own; like them, it spills to the dataset's temporary folder under the memory
 * limit. The drop is the caller's: `DROP TABLE first; DETACH DATABASE IF EXISTS rest`.
 */
export async function parseInOrder(
  engine: SourceEngine,
  csv: EngineCsvHeader,
  names: { first: string; rest: string },
  bytes: number,
  splitMinBytes = SPLIT_PARSE_MIN_BYTES,
  select: (raw: string) => string = (raw) => `SELECT * FROM ${raw}`,
): Promise<string> {
  const create = `CREATE TEMP TABLE ${names.first} AS`;
  if (engine.runBeside === undefined || bytes < splitMinBytes) {
    await engine.run(`${create} ${select(csv.read)}`);
    return `(SELECT rowid AS rn, * FROM ${names.first})`;
  }
  // About half the records: the split may fall anywhere, only the two threads' shares depend on it.
  const half = Math.max(1, Math.round(bytes / csv.bytesPerRecord / 2));
  await engine.run(`ATTACH ':memory:' AS ${names.rest}`);
  const parts = await Promise.allSettled([
    engine.run(`${create} ${select(`(SELECT * FROM ${csv.read} LIMIT ${half})`)}`),
    engine.runBeside(`CREATE TABLE ${names.rest}.rows AS ${select(csv.readAfter(half))}`),
  ]);
  for (const part of parts) if (part.status === 'rejected') throw part.reason;
  // A file with fewer records than `half` has them all in the first part and none in the rest.
  const [first] = await engine.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${names.first}`);
  return `(SELECT rowid AS rn, * FROM ${names.first}
           UNION ALL SELECT ${first?.n ?? 0} + rowid AS rn, * FROM ${names.rest}.rows)`;
}

/** A load of files in the engine that the adapter replays file by file in its reading order. */
export interface FilesLoad {
  /** JavaScript reads `file` after all: its SQL rows are removed. */
  undo(file: InputFile): Promise<void>;
  /**
   * After the read: `yielded` maps each activity id JavaScript yielded to its last position
   * (file index in reading order, message index), and SQL rows of those ids further on are moved
   * after JavaScript's records (`laterRowsWin`). Drops the work tables.
   */
  finish(yielded: ReadonlyMap<string, { file: number; k: number }>): Promise<void>;
  /** Drops the work tables (also after a failure). */
  close(): Promise<void>;
}

/** Sequence numbers one input may use (dataset.ts gives each 2^40). */
const MAX_SEQ = 2 ** 38;

/**
 * SQL: whether each file's first row (`firsts`: ord, first) comes after the previous file's, that
 * is whether the rows follow the reading order.
 */
export function filesInOrderSql(firsts: string): string {
  return `(SELECT coalesce(bool_and(first_next > first), true) FROM (
              SELECT first, lead(first) OVER (ORDER BY ord) AS first_next FROM ${firsts}) WHERE first_next IS NOT NULL)`;
}

/**
 * Reserves `records * stride` sequence numbers (row r owns base + r * stride and the `stride - 1`
 * after it); null, reserving nothing, when the rows do not follow the reading order or the block
 * is more than one input may use.
 */
export function reserveBlock(
  engine: SourceEngine,
  shape: { ordered: boolean; records: number; stride: number } | undefined,
): { base: number; stride: number; range: string } | null {
  if (shape === undefined || !shape.ordered || shape.records * shape.stride > MAX_SEQ) return null;
  const { records, stride } = shape;
  const base = engine.reserve(records * stride);
  return { base, stride, range: `seq BETWEEN ${base} AND ${base + records * stride - 1}` };
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
