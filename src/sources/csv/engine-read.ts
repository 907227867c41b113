/**
 * A generic CSV loaded by the dataset's engine (issue 16): one `CREATE TABLE ... AS SELECT ... FROM
 * read_csv(...)` parses the file with every cell a VARCHAR and applies map-row.ts's rules in SQL
 * (cells trimmed, the timestamp format, skip reasons, kind, ids), the threads of replies are
 * resolved in SQL, and `INSERT INTO raw_activities SELECT ...` writes the activities straight into
 * the dataset (in batches), the identities and spaces too, so the rows never cross into JavaScript.
 *
 * Only the rows SQL does not finish come out, in file order: skipped ones (mapRow gives their
 * reason and warning with file and line), ones load.ts screens (a date before 2001 or after the run,
 * a text over the length cap) and the rare ones whose links SQL cannot vouch for (engine-csv-sql.ts). mapRow maps them
 * again and has the last word: when it disagrees with SQL about a row (used or not, why, its time,
 * its thread), everything this file inserted is deleted and the caller reads the file with the
 * JavaScript reader, so a form SQL misreads costs time, never a different dataset.
 *
 * Sequence numbers follow the file: row r (0-based) owns base + 3r (its author's identity),
 * + 1 (its space) and + 2 (its activity), the order index.ts yields them in.
 */
import type { Activity } from '../../model/types.js';
import { csvForEngine, sqlString } from '../shared/engine-csv.js';
import { ENGINE_MIN_BYTES, loadSettings } from '../shared/engine-load.js';
import type { InputFile, SourceContext, SourceEngine } from '../types.js';
import {
  activitiesSql,
  identitiesAndSpacesSql,
  linksSql,
  mappedColumns,
  rowsSql,
  threadOf,
  type Names,
} from './engine-sql.js';
import { mapRow, type RowContext, type RowOutcome } from './map-row.js';

export { ENGINE_MIN_BYTES } from '../shared/engine-load.js';

/** Rows of the file per activities insert (one statement each), as Yammer's loader (bench/README.md). */
export const INSERT_BATCH_ROWS = 250_000;

/** What earlier files of the same input sent: identity id -> e-mail, space id -> private. */
export interface SentSoFar {
  identities: Map<string, string | null>;
  spaces: Map<string, boolean>;
}

/** A row SQL left to JavaScript, mapped by mapRow. */
export type Leftover = { line: number; outcome: RowOutcome };

/** A file loaded by SQL: the rows it inserted, and the rows JavaScript finishes, in file order. */
export interface EngineLoad {
  inserted: number;
  leftovers: Leftover[];
  /**
   * After the leftovers' activities are appended: an SQL row whose id a leftover also has, on a
   * later line, is renumbered after them (later rows win, as in the JavaScript reader).
   */
  laterRowsWin(): Promise<void>;
}

let runs = 0;

/**
 * Loads `file` by SQL when it qualifies (engine-csv.ts, at least `minBytes`, every mapped column in
 * the header); returns null, having reported, counted and inserted nothing, when it does not, and
 * the caller reads it with the JavaScript reader. `sent` is updated for the rows inserted.
 */
export async function readCsvInEngine(
  file: InputFile,
  rowCtx: RowContext,
  ctx: SourceContext,
  sent: SentSoFar,
  minBytes = ENGINE_MIN_BYTES,
  batchRows = INSERT_BATCH_ROWS,
): Promise<EngineLoad | null> {
  const engine = ctx.engine;
  if (!engine || file.localPath === undefined || (file.size ?? 0) < minBytes) return null;
  const csv = await csvForEngine(file);
  if (csv === null) return null;
  const columns = mappedColumns(rowCtx.mapping);
  if ([...columns.values()].some((c) => !csv.columns.includes(c))) return null;
  runs += 1;
  const n = runs;
  const t = (name: string) => `csv_load_${name}_${n}`;
  const temps = ['rows', 'lines', 'links', 'chain', 'sent_identities', 'sent_spaces'].map(t);
  // One thread and half the memory limit while loading, as Yammer's loader (bench/README.md).
  const settings = await loadSettings(engine, true);
  const finish = () =>
    engine.run(`${temps.map((name) => `DROP TABLE IF EXISTS ${name};`).join(' ')} ${settings.restoreSql}`);
  try {
    await settings.enter();
    try {
      await engine.run(rowsSql(csv, columns, rowCtx, ctx, engine, t));
    } catch {
      return null; // DuckDB refused the file (a ragged row, invalid UTF-8, a record over its line limit)
    }
    const [total] = await engine.all<{ records: number; lines: number; repeats: number }>(
      `SELECT count(*)::DOUBLE AS records, coalesce(sum(span), 0)::DOUBLE AS lines,
              (count(*) FILTER (WHERE repeats))::DOUBLE AS repeats FROM ${t('rows')}`,
    );
    if (total === undefined || !csv.coversEveryLine(total.lines, total.repeats)) return null;
    return await load(total.records, file, rowCtx, engine, sent, batchRows, t);
  } finally {
    await finish();
  }
}

async function load(
  records: number,
  file: InputFile,
  rowCtx: RowContext,
  engine: SourceEngine,
  sent: SentSoFar,
  batchRows: number,
  t: Names,
): Promise<EngineLoad | null> {
  await engine.run(`
    CREATE TEMP TABLE ${t('lines')} AS
      SELECT rowid AS rn, 2 + coalesce(sum(span) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
      FROM ${t('rows')};
    ${linksSql(file, t)}`);
  await resolveThreads(engine, t);
  await sentTables(engine, sent, t);
  const base = engine.reserve(3 * records);
  const range = `seq BETWEEN ${base} AND ${base + 3 * records - 1}`;
  for (let from = 0; from < records; from += batchRows)
    await engine.run(activitiesSql(engine, t, file.displayPath, base, from, Math.min(records, from + batchRows)));
  await engine.run(identitiesAndSpacesSql(t, base));
  await lowerEmailsInJavaScript(engine, range);
  const leftovers = await mapLeftovers(engine, rowCtx, t);
  if (leftovers === null) {
    // mapRow disagreed with SQL about a row: nothing of this file stays, JavaScript reads it all.
    await engine.run(
      ['raw_activities', 'raw_identities', 'raw_spaces'].map((r) => `DELETE FROM ${r} WHERE ${range};`).join(' '),
    );
    return null;
  }
  const [inserted] = await engine.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM raw_activities WHERE ${range}`);
  await updateSent(engine, sent, t);
  const later = await laterRows(engine, base, t);
  return {
    inserted: inserted?.n ?? 0,
    leftovers,
    laterRowsWin: () => laterRowsWin(engine, later),
  };
}

/** Pointer jumps at most: a reply chain of 2^40 rows is not in any file. */
const MAX_JUMPS = 40;

/**
 * mapRow's `threadOf` in SQL: a reply or reaction without a thread column joins the thread of the
 * last used message before it with the id it points at (an ASOF join), or that id when there is
 * none. That message may be such a reply itself, so the pointers are followed by doubling: each
 * round, a row whose target's thread is known takes it, the others jump to their target's target.
 */
async function resolveThreads(engine: SourceEngine, t: Names): Promise<void> {
  await engine.run(`
    CREATE TEMP TABLE ${t('chain')} AS
    SELECT q.rn, s.rn AS next, CASE WHEN s.rn IS NULL THEN q.target END AS thread
    FROM (SELECT rn, target FROM ${t('links')} WHERE thread IS NULL) q
    ASOF LEFT JOIN (SELECT rn, own FROM ${t('links')} WHERE kind <> 'reaction') s ON q.target = s.own AND q.rn > s.rn;`);
  for (let jump = 0; jump < MAX_JUMPS; jump++) {
    const [open] = await engine.all<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM ${t('chain')} WHERE thread IS NULL`,
    );
    if ((open?.n ?? 0) === 0) return;
    await engine.run(`
      UPDATE ${t('chain')} c SET thread = x.thread, next = x.next
      FROM (SELECT c2.rn, coalesce(l.thread, p.thread) AS thread, p.next AS next
            FROM ${t('chain')} c2 JOIN ${t('links')} l ON l.rn = c2.next LEFT JOIN ${t('chain')} p ON p.rn = c2.next
            WHERE c2.thread IS NULL) x
      WHERE c.rn = x.rn;`);
  }
  throw new Error('reply chains did not resolve'); // cannot happen: each round halves every chain
}

/** What earlier files of the input sent, as tables. */
async function sentTables(engine: SourceEngine, sent: SentSoFar, t: Names): Promise<void> {
  const values = (rows: string[], empty: string): string => (rows.length === 0 ? empty : `VALUES ${rows.join(', ')}`);
  const identities = [...sent.identities].map(([id, email]) => `(${sqlString(id)}, ${email !== null})`);
  const spaces = [...sent.spaces].map(([id, isPrivate]) => `(${sqlString(id)}, ${isPrivate})`);
  await engine.run(`
    CREATE TEMP TABLE ${t('sent_identities')} AS SELECT * FROM (${values(identities, "SELECT '' AS a, false AS b WHERE false")}) v(id, has_email);
    CREATE TEMP TABLE ${t('sent_spaces')} AS SELECT * FROM (${values(spaces, "SELECT '' AS a, false AS b WHERE false")}) v(id, is_private);`);
}

/** `toLowerCase` on the few e-mails with non-ASCII letters, whose lower case SQL may spell differently. */
async function lowerEmailsInJavaScript(engine: SourceEngine, range: string): Promise<void> {
  const rows = await engine.all<{ seq: number; email: string }>(
    `SELECT seq::DOUBLE AS seq, email FROM raw_identities WHERE ${range} AND regexp_matches(email, '[^\\x00-\\x7F]')`,
  );
  if (rows.length === 0) return;
  // One statement for all of them: an UPDATE each cost a statement per identity (1,818 on the 1M file).
  const values = rows.map((row) => `(${row.seq}, ${sqlString(row.email.toLowerCase())})`).join(', ');
  await engine.run(
    `UPDATE raw_identities SET email = v.email FROM (VALUES ${values}) v(seq, email) WHERE raw_identities.seq = v.seq`,
  );
}

/**
 * The rows JavaScript finishes, in file order, mapped by mapRow; null when mapRow disagrees with
 * SQL about one (see the module comment).
 */
async function mapLeftovers(engine: SourceEngine, rowCtx: RowContext, t: Names): Promise<Leftover[] | null> {
  const columns = mappedColumns(rowCtx.mapping);
  const fields = [...columns].map(([cell, column]) => `${sqlString(column)}, r.${cell}`).join(', ');
  const rows = await engine.all<{
    line: number;
    fields: string;
    skip: string | null;
    at_ms: number | null;
    target: string | null;
    thread: string | null;
    activity_id: string | null;
  }>(`
    SELECT l.line::DOUBLE AS line, json_object(${fields || "'', ''"})::VARCHAR AS fields, r.skip, r.at_ms::DOUBLE AS at_ms,
           k.target, ${threadOf('k', 'c')} AS thread, k.activity_id
    FROM ${t('rows')} r JOIN ${t('lines')} l ON l.rn = r.rowid
    LEFT JOIN ${t('links')} k ON k.rn = r.rowid LEFT JOIN ${t('chain')} c ON c.rn = r.rowid
    WHERE r.skip IS NOT NULL OR r.js
    ORDER BY l.line`);
  const leftovers: Leftover[] = [];
  for (const row of rows) {
    // SQL resolved the thread of the row's target; mapRow looks it up where index.ts keeps it.
    const known = row.target !== null && row.thread !== null ? [[row.target, row.thread] as const] : [];
    const outcome = mapRow(JSON.parse(row.fields) as Record<string, string>, row.line, {
      ...rowCtx,
      threadOf: new Map(known),
    });
    if (!agrees(outcome, row)) return null;
    leftovers.push({ line: row.line, outcome });
  }
  return leftovers;
}

function agrees(
  outcome: RowOutcome,
  sql: { skip: string | null; at_ms: number | null; thread: string | null; activity_id: string | null },
): boolean {
  if (!outcome.use) return outcome.reason === sql.skip;
  const activity: Activity = outcome.activity;
  return (
    sql.skip === null &&
    activity.id === sql.activity_id &&
    activity.at === sql.at_ms &&
    activity.threadId === sql.thread
  );
}

/** What the file sent, for the next files of the input (index.ts's `sent`). */
async function updateSent(engine: SourceEngine, sent: SentSoFar, t: Names): Promise<void> {
  const authors = await engine.all<{ author: string; email: string | null }>(
    `SELECT author, arg_min(email, rowid) FILTER (WHERE email <> '') AS email
     FROM ${t('rows')} WHERE skip IS NULL GROUP BY author`,
  );
  for (const { author, email } of authors) {
    const id = `csv:${author}`;
    if ((sent.identities.get(id) ?? null) === null)
      sent.identities.set(id, email === null ? null : email.toLowerCase());
  }
  const spaces = await engine.all<{ space_key: string; is_private: boolean }>(
    `SELECT space_key, bool_or(is_private) AS is_private FROM ${t('rows')} WHERE skip IS NULL GROUP BY space_key`,
  );
  for (const { space_key, is_private } of spaces) {
    const id = `csv:${space_key}`;
    sent.spaces.set(id, (sent.spaces.get(id) ?? false) || is_private);
  }
}

/**
 * The sequence numbers of SQL rows, in file order, that must come after the rows JavaScript
 * finishes: those whose activity id a JavaScript row has on an earlier line (and no JavaScript
 * row on a later one).
 */
async function laterRows(engine: SourceEngine, base: number, t: Names): Promise<number[]> {
  const rows = await engine.all<{ seq: number }>(`
    WITH acts AS (SELECT k.rn, k.activity_id, r.js FROM ${t('links')} k JOIN ${t('rows')} r ON r.rowid = k.rn),
    last_js AS (SELECT activity_id, max(rn) AS rn FROM acts WHERE js GROUP BY activity_id)
    SELECT (${base} + 3 * a.rn + 2)::DOUBLE AS seq FROM acts a JOIN last_js j USING (activity_id)
    WHERE NOT a.js AND a.rn > j.rn ORDER BY a.rn`);
  return rows.map((row) => row.seq);
}

/**
 * The later row wins inside the file too: JavaScript's rows are appended after the block SQL
 * inserted, so the SQL rows `laterRows` found get sequence numbers after them (in file order), as
 * the JavaScript reader would have given them.
 */
async function laterRowsWin(engine: SourceEngine, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  const first = engine.reserve(seqs.length);
  const moves = seqs.map((seq, i) => `WHEN ${seq} THEN ${first + i}`).join(' ');
  await engine.run(`UPDATE raw_activities SET seq = CASE seq ${moves} END WHERE seq IN (${seqs.join(', ')})`);
}
