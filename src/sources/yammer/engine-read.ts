/**
 * Messages.csv loaded by the dataset's engine (issue 16): `CREATE TEMP TABLE ... AS <mapping> FROM
 * read_csv(...)` parses the file on one thread, in file order, and applies map.ts's row rules in
 * SQL (sql-text.ts) to each record as it is parsed (a large file as two halves at once, each on one
 * thread: shared/engine-load.ts `parseInOrder`); the stored rows' order is their index in the file.
 * Then `INSERT INTO raw_activities SELECT ...` statements, on every thread and in no order, render
 * the texts and write the activities straight into the dataset, so the rows
 * never cross into JavaScript. Only the rows SQL does not finish come
 * out: skipped ones (for their warning with file and line), ones `load.ts` screens (a date before
 * 2001 or after the run, a text over the length cap), and ones whose text needs what SQL here does
 * not do (an `html_body` alone, a URL extractUrls would trim); those are mapped by `mapMessage` as
 * before. Identities of senders Users.csv does not list and spaces are inserted in SQL for every
 * mapped row.
 *
 * Why the mapping in the parse: only a parse on one thread keeps the file's order, which the line
 * numbers and sequence numbers follow. Mapped in a statement of its own on every thread (s12-a to
 * s14-a), the rows were first written as a table of raw cells and read again, and the mapping on
 * two threads took 1.5-2x the CPU of the same work on one; with the file parsed as two halves at
 * once, the mapping in each half's statement keeps both cores busy (bench/README.md, s15-a).
 *
 * Memory: the mapped rows (the mapped cells and the raw body, html_body only where the body is
 * blank) are TEMP tables (the second half's in an attached in-memory database): uncompressed,
 * held under the load's memory limit and spilled to the dataset's temporary folder past it. In the
 * dataset's own file they were compressed as they were written, a third of the CPU of the
 * statement (1M messages: 14.3 s against 9.3 s as TEMP; bench/README.md). They are dropped as soon
 * as the activities are in.
 *
 * Sequence numbers follow the file: row r (0-based) owns base + 3r (its sender's identity),
 * + 1 (its space) and + 2 (its activity), the order read.ts appends them in.
 */
import type { SourceRecord } from '../../model/types.js';
import { csvHeaderForEngine, sqlString, type EngineCsvHeader } from '../shared/engine-csv.js';
import { ENGINE_MIN_BYTES, loadSettings, parseInOrder, SPLIT_PARSE_MIN_BYTES } from '../shared/engine-load.js';
import type { InputFile, SourceContext, SourceEngine } from '../types.js';
import { mapMessage, type MessageContext } from './map.js';
import { groupMentionName, PRIVATE_GROUP_MENTION, type YammerLookups } from './lookups.js';
import {
  distinctInOrder,
  flagSql,
  instantMs,
  instantParts,
  isNullWord,
  jsTrim,
  REFERENCE,
  textCellSql,
  unescapeNewlines,
  URL_NEEDS_TRIM,
  urlMatchesSql,
} from './sql-text.js';

/** fields.ts `cell` on a trimmed column: the literal `null` (any case) read as ''. */
const nullIsEmpty = (column: string): string => `CASE WHEN ${isNullWord(column)} THEN '' ELSE ${column} END`;

/**
 * Rows of the file per activities insert (one statement each): one statement over a whole large
 * file held its mapped rows and the inserted activities in memory until it ended (bench/README.md,
 * before the load ran under LOAD_MEMORY_SHARE). Each statement also costs its own commit and a scan
 * of the mapped rows: 1M messages in four statements of 250k took 9.6-11.0 s CPU, in one 8.2-9.0 s
 * (bench/README.md, s14-a); the peak at 3M is measured there too.
 */
export const INSERT_BATCH_ROWS = 1_000_000;

/** Columns the SQL mapping needs; older vintages without `thread_id` take the JavaScript path. */
const NEEDED = ['id', 'sender_id', 'created_at', 'thread_id'] as const;

/** Cell columns map.ts reads. */
const CELLS = [
  'id',
  'sender_id',
  'thread_id',
  'replied_to_id',
  'deleted_at',
  'message_type',
  'sender_type',
  'in_private_conversation',
  'in_private_group',
  'conversation_id',
  'group_id',
  'group_name',
  'created_at',
  'title',
  'sender_name',
  'sender_email',
  'attachments',
] as const;

/**
 * The sizes that decide how Messages.csv is loaded by SQL; tests make them small to reach each
 * path's edges on small files.
 */
export interface EngineLoadSizes {
  /** From this file size Messages.csv is loaded by SQL (0 always, Infinity never). */
  minBytes: number;
  /** Rows of the file per activities insert. */
  batchRows: number;
  /** From this file size the parse runs as two halves at once (shared/engine-load.ts `parseInOrder`). */
  splitMinBytes: number;
}

/** The sizes the CLI loads with. */
export const ENGINE_LOAD_SIZES: EngineLoadSizes = {
  minBytes: ENGINE_MIN_BYTES,
  batchRows: INSERT_BATCH_ROWS,
  splitMinBytes: SPLIT_PARSE_MIN_BYTES,
};

let runs = 0;

/** Names of one load's tables. */
type Names = (name: string) => string;

/**
 * Loads `messages` by SQL when the file qualifies (engine-csv.ts, this module's columns); returns
 * null, having reported and counted nothing, when it does not, and the caller reads it with the
 * JavaScript reader. Otherwise the activities are in the dataset, and the returned generator yields
 * the few records SQL left to JavaScript and does the accounting.
 */
export async function readMessagesInEngine(
  messages: InputFile,
  lookups: YammerLookups,
  ctx: SourceContext,
  sizes: EngineLoadSizes = ENGINE_LOAD_SIZES,
): Promise<AsyncGenerator<SourceRecord> | null> {
  const { minBytes, batchRows, splitMinBytes } = sizes;
  const engine = ctx.engine;
  if (!engine || messages.localPath === undefined || (messages.size ?? 0) < minBytes) return null;
  const header = await csvHeaderForEngine(messages);
  if (header === null || NEEDED.some((c) => !header.columns.includes(c))) return null;
  runs += 1;
  const n = runs;
  const t: Names = (name) => `yammer_load_${name}_${n}`;
  const temps = ['lines', 'late', 'users', 'known', 'groups', 'topics', 'firsts'].map(t);
  // One thread for the parse: a parallel read_csv that keeps the file's order holds the rows its
  // threads parse ahead, and its ordered write cost twice the CPU of one thread (bench/README.md);
  // so the parse and its row-by-row mapping stay on one thread, the inserts after them unordered. Half
  // the memory limit too (LOAD_MEMORY_SHARE): the blocks of the work table and of the activities written
  // stayed in DuckDB's buffer pool up to the full limit (338 MiB of them at 3M messages, the run's
  // peak), while each insert batch needs one batch's rows; evicted blocks are in the dataset's file.
  const settings = await loadSettings(engine, true);
  // The mapped rows: a view over the parse's table and, for a large file, its second half's
  // attached database (parseInOrder).
  const dropMapped = `DROP VIEW IF EXISTS ${t('mapped')}; DROP TABLE IF EXISTS ${t('first')}; DETACH DATABASE IF EXISTS ${t('rest')};`;
  const finish = () =>
    engine.run(
      `${temps.map((name) => `DROP TABLE IF EXISTS ${name};`).join(' ')} ${dropMapped} ${settings.restoreSql}`,
    );
  await settings.enter();
  // JavaScript scans the bytes (line ends, carriage returns) while DuckDB parses and maps: neither
  // needs what the scan finds, only the check of the lines after them does. The rows are mapped in
  // the statements that parse them, each on one thread: mapped in a statement of their own, on every
  // thread, they were written as raw cells first and read again, and the mapping on two threads
  // took 1.5-2x the CPU of one (bench/README.md, s15-a).
  const [scanned, parsed] = await Promise.allSettled([
    header.scan(),
    parseInOrder(engine, header, { first: t('first'), rest: t('rest') }, messages.size ?? 0, splitMinBytes, (raw) =>
      mappedSql(header.over(raw, []), header, ctx, engine),
    ),
  ]);
  if (scanned.status === 'rejected') {
    await finish();
    throw scanned.reason;
  }
  const csv = scanned.value;
  // DuckDB refused the file (a ragged row, invalid UTF-8, a record over its line limit), or its
  // line ends do not qualify (engine-csv.ts).
  if (parsed.status === 'rejected' || csv === null) {
    await finish();
    return null;
  }
  try {
    // The mapped rows' `rn` is the file order; every statement from here on carries its own order
    // (that `rn`, the line, the sequence number) and may use every thread, unordered (loadSettings).
    await settings.unordered();
    await engine.run(`CREATE TEMP VIEW ${t('mapped')} AS SELECT * FROM ${parsed.value}`);
  } catch {
    await finish();
    return null;
  }
  const [total] = await engine.all<{ records: number; lines: number; repeats: number }>(
    `SELECT count(*)::DOUBLE AS records, coalesce(sum(span), 0)::DOUBLE AS lines,
            (count(*) FILTER (WHERE repeats))::DOUBLE AS repeats FROM ${t('mapped')}`,
  );
  if (total === undefined || !csv.coversEveryLine(total.lines, total.repeats)) {
    await finish();
    return null;
  }
  return loadInEngine(total.records, batchRows, messages.displayPath, lookups, ctx, engine, t, finish);
}

async function* loadInEngine(
  records: number,
  batchRows: number,
  file: string,
  lookups: YammerLookups,
  ctx: SourceContext,
  engine: SourceEngine,
  t: Names,
  finish: () => Promise<void>,
): AsyncGenerator<SourceRecord> {
  try {
    await lookupTables(engine, lookups, t);
    // Line numbers in a narrow table of their own: a window over the wide rows would sort the bodies.
    await engine.run(`
      CREATE TEMP TABLE ${t('lines')} AS
        SELECT rn, 2 + coalesce(sum(span) OVER (ORDER BY rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
        FROM ${t('mapped')};
      -- Senders not in Users.csv, from mapped rows: the identity comes from their first row, and a
      -- mention shows the name of their first row with one, from the next row on (read.ts order).
      CREATE TEMP TABLE ${t('firsts')} AS
        SELECT r.sender_id, min(l.line) AS line, arg_min(r.sender_name, l.line) AS sender_name
        FROM ${t('mapped')} r JOIN ${t('lines')} l USING (rn)
        WHERE r.skip IS NULL AND r.sender_name <> '' AND r.sender_id NOT IN (SELECT id FROM ${t('users')})
        GROUP BY r.sender_id;`);
    const base = engine.reserve(3 * records);
    // In batches of rows (INSERT_BATCH_ROWS), each statement committed before the next.
    for (let from = 0; from < records; from += batchRows)
      await engine.run(activitiesSql(engine, t, file, base, from, Math.min(records, from + batchRows)));
    // Rows whose finished text or links SQL cannot vouch for go back to JavaScript (they are few).
    const range = `seq BETWEEN ${base} AND ${base + 3 * records}`;
    await engine.run(`
      CREATE TEMP TABLE ${t('late')} AS
        SELECT seq, line FROM raw_activities
        WHERE ${range} AND (strlen(coalesce(text, '')) > ${engine.maxTextChars}
          OR list_bool_or(list_transform(string_split(coalesce(links, ''), ' '),
               u -> u <> '' AND (regexp_matches(u, '${URL_NEEDS_TRIM}') OR length(u) <= 8))));
      DELETE FROM raw_activities WHERE ${range} AND seq IN (SELECT seq FROM ${t('late')});`);
    await engine.run(sendersAndSpacesSql(t, base));
    const [inserted] = await engine.all<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM raw_activities WHERE ${range}`,
    );
    const firsts = await engine.all<{ id: string; line: number; name: string }>(
      `SELECT sender_id AS id, line, sender_name AS name FROM ${t('firsts')}`,
    );
    const [late] = await engine.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${t('late')}`);
    const left = await engine.all<{ line: number; fields: string }>(leftoversSql(t, (late?.n ?? 0) > 0));
    const senders = await engine.all<{ id: string }>(
      `SELECT DISTINCT sender_id AS id FROM ${t('mapped')} WHERE skip IS NULL`,
    );
    // Everything SQL needed is read: the work tables go (and the threads come back) before
    // JavaScript maps the leftovers.
    await finish();
    engine.inserted(inserted?.n ?? 0);
    const firstNames = new Map(firsts.map((f) => [f.id, f]));
    // Activity id -> the last line JavaScript mapped it at.
    const mappedHere = new Map<string, number>();
    yield* leftToJavaScript(left, file, lookups, firstNames, ctx, mappedHere);
    await laterRowsWin(engine, base, records, mappedHere);
    for (const f of firsts) if (!lookups.userNames.has(f.id)) lookups.userNames.set(f.id, f.name);
    for (const s of senders) lookups.knownUsers.add(s.id);
  } finally {
    await finish();
  }
}

/**
 * The later input wins inside the file too: JavaScript's rows were appended after the block SQL
 * inserted, so an SQL row of the same message id on a later line gets a sequence number after
 * them (in line order), as read.ts would have given it.
 */
async function laterRowsWin(
  engine: SourceEngine,
  base: number,
  records: number,
  mappedHere: ReadonlyMap<string, number>,
): Promise<void> {
  if (mappedHere.size === 0) return;
  const pairs = [...mappedHere].map(([id, line]) => `(${sqlString(id)}, ${line})`).join(', ');
  const later = await engine.all<{ seq: number }>(
    `SELECT a.seq::DOUBLE AS seq FROM raw_activities a JOIN (VALUES ${pairs}) v(id, line) ON a.activity_id = v.id
     WHERE a.seq BETWEEN ${base} AND ${base + 3 * records} AND a.line > v.line ORDER BY a.line`,
  );
  if (later.length === 0) return;
  const first = engine.reserve(later.length);
  const moves = later.map((row, i) => `WHEN ${row.seq} THEN ${first + i}`).join(' ');
  await engine.run(
    `UPDATE raw_activities SET seq = CASE seq ${moves} END WHERE seq IN (${later.map((r) => r.seq).join(', ')})`,
  );
}

/** The lookups as they stand before this file, as temporary tables. */
async function lookupTables(engine: SourceEngine, lookups: YammerLookups, t: Names): Promise<void> {
  const values = (rows: string[][], empty: string): string =>
    rows.length === 0 ? empty : `VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}`;
  const users = [...lookups.userNames].map(([id, name]) => [sqlString(id), sqlString(name)]);
  const known = [...lookups.knownUsers].map((id) => [sqlString(id)]);
  const groups = [...lookups.groups].map(([id, g]) => [sqlString(id), sqlString(g.name), String(g.isPrivate)]);
  const topics = [...lookups.topics].map(([id, name]) => [sqlString(id), sqlString(name)]);
  await engine.run(`
    CREATE TEMP TABLE ${t('users')} AS SELECT * FROM (${values(users, "SELECT '' AS a, '' AS b WHERE false")}) v(id, name);
    CREATE TEMP TABLE ${t('known')} AS SELECT * FROM (${values(known, "SELECT '' AS a WHERE false")}) v(id);
    CREATE TEMP TABLE ${t('groups')} AS SELECT * FROM (${values(groups, "SELECT '' AS a, '' AS b, false AS c WHERE false")}) v(id, name, is_private);
    CREATE TEMP TABLE ${t('topics')} AS SELECT * FROM (${values(topics, "SELECT '' AS a, '' AS b WHERE false")}) v(id, name);`);
}

/**
 * map.ts's row rules in SQL over `records` (engine-csv.ts `over`: the cells, `span`, `repeats`), row
 * by row: one row per record with its skip reason, every field of its activity, space and sender,
 * the raw body, and `js` for mapped rows JavaScript must finish; `span` and `repeats` let the caller
 * check the parse.
 */
function mappedSql(records: string, csv: EngineCsvHeader, ctx: SourceContext, engine: SourceEngine): string {
  // In layers, so that each cell is trimmed once (an expression used twice in one layer runs twice).
  const trimmed = CELLS.map((c) => `${jsTrim(csv.raw(c))} AS ${c}`).join(', ');
  const cells = CELLS.map((c) => `${nullIsEmpty(c)} AS ${c}`).join(', ');
  const includePrivate = ctx.options.includePrivate ? 'true' : 'false';
  return `
    WITH trimmed AS (
      SELECT ${trimmed}, ${csv.raw('body')} AS body_raw, ${jsTrim(csv.raw('body'))} AS body_trimmed,
             ${csv.raw('html_body')} AS html_raw, span, repeats
      FROM ${records}),
    cells AS (
      SELECT ${cells}, span, repeats,
             CASE WHEN ${isNullWord('body_trimmed')} THEN '' ELSE body_raw END AS body,
             CASE WHEN body_trimmed = '' OR ${isNullWord('body_trimmed')} THEN ${textCellSql('html_raw')} END AS html_body
      FROM trimmed),
    parts AS (SELECT *, ${instantParts('created_at')} AS instant FROM cells),
    judged AS (
      SELECT * EXCLUDE (instant), ${instantMs('instant')} AS at_ms,
             ${flagSql('in_private_conversation')} AS in_conversation, ${flagSql('in_private_group')} AS in_private_group_flag,
             CASE WHEN thread_id <> '' THEN thread_id = id ELSE replied_to_id = '' END AS is_starter
      FROM parts),
    ruled AS (
      SELECT *, CASE
          WHEN id = '' OR sender_id = '' THEN 'missingField'
          WHEN deleted_at <> '' THEN 'deleted'
          WHEN lower(message_type) = 'system' THEN 'system'
          WHEN sender_type <> '' AND lower(sender_type) <> 'user' THEN 'bot'
          WHEN in_conversation AND NOT ${includePrivate} THEN 'private'
          WHEN at_ms IS NULL THEN 'malformed'
        END AS skip,
        CASE WHEN thread_id <> '' THEN 'yammer:' || thread_id WHEN is_starter THEN 'yammer:' || id ELSE 'yammer:' || replied_to_id END AS thread,
        CASE WHEN is_starter THEN NULL WHEN replied_to_id <> '' THEN 'yammer:' || replied_to_id
             WHEN thread_id <> '' THEN 'yammer:' || thread_id ELSE 'yammer:' || id END AS parent,
        html_body IS NOT NULL AND html_body <> '' OR coalesce(at_ms < ${engine.earliest} OR at_ms > ${engine.notAfter}, false) AS js
      FROM judged)
    -- The fields of the rows JavaScript maps, made here on every thread where the row is at hand: a
    -- query after the inserts read every column of every row to find them (leftoversSql).
    SELECT *, CASE WHEN skip IS NOT NULL OR js THEN ${fieldsJson('ruled')} END AS fields FROM ruled`;
}

/**
 * The activities of rows `from` (inclusive) to `to` (exclusive) SQL finishes, in one statement: references rendered by joining the lookups (one
 * row per reference), texts, mentions and links, inserted into the dataset with their sequence
 * numbers and lines.
 */
function activitiesSql(engine: SourceEngine, t: Names, file: string, base: number, from: number, to: number): string {
  return `
    INSERT INTO raw_activities
    -- Not materialized: the references (\`found\`) read the few rows holding '[[' again rather than
    -- every row's text being copied into a buffer for two readers.
    WITH mapped AS NOT MATERIALIZED (
      SELECT r.rn, l.line, r.id, r.sender_id, r.title, r.message_type, r.attachments, r.at_ms, r.is_starter,
             r.in_conversation, r.in_private_group_flag, r.conversation_id, r.group_id, r.thread, r.parent,
             ${unescapeNewlines(`CASE WHEN r.html_body IS NULL THEN r.body ELSE '' END`)} AS source
      FROM ${t('mapped')} r JOIN ${t('lines')} l USING (rn)
      WHERE r.rn >= ${from} AND r.rn < ${to} AND l.rn >= ${from} AND l.rn < ${to} AND r.skip IS NULL AND NOT r.js),
    found AS (
      SELECT rn, line, unnest(regexp_extract_all(source, '${REFERENCE}', 1)) AS kind,
             unnest(regexp_extract_all(source, '${REFERENCE}', 2)) AS ref,
             unnest(range(1, 1 + len(regexp_extract_all(source, '${REFERENCE}', 2)))) AS k
      FROM mapped WHERE source LIKE '%[[%'),
    refs AS (
      SELECT f.rn, f.k, lower(f.kind) = 'user' AS is_user, f.ref, CASE lower(f.kind)
          WHEN 'user' THEN '@' || coalesce(u.name, CASE WHEN s.line < f.line THEN s.sender_name END, 'user:' || f.ref)
          WHEN 'tag' THEN '#' || coalesce(tp.name, 'tag:' || f.ref)
          ELSE coalesce(CASE WHEN g.is_private THEN ${sqlString(PRIVATE_GROUP_MENTION)} ELSE g.name END, 'group:' || f.ref) END AS shown
      FROM found f
      -- Equalities alone, so each is a hash join: with the kind tested beside the id, DuckDB joined
      -- every reference to every user (a nested loop, 0.3 s CPU per 15k references and 500 users).
      LEFT JOIN ${t('users')} u ON u.id = ${refOfKind('user')}
      LEFT JOIN ${t('firsts')} s ON s.sender_id = ${refOfKind('user')}
      LEFT JOIN ${t('topics')} tp ON tp.id = ${refOfKind('tag')}
      LEFT JOIN ${t('groups')} g ON g.id = ${refOfKind('group')}),
    agg AS (
      -- Each row's references in order: a list of (k, value) sorted, cheaper than \`list(... ORDER
      -- BY k)\`, which sorted each group apart (0.5 s CPU per 15k references).
      SELECT rn, ${inOrderOfK('list({k: k, v: shown})')} AS shown,
             ${inOrderOfK(`list({k: k, v: 'yammer:' || ref}) FILTER (WHERE is_user)`)} AS users
      FROM refs GROUP BY rn),
    untrimmed AS (
      SELECT m.*, CASE WHEN a.rn IS NULL THEN m.source ELSE ${rendered('m', 'a')} END AS untrimmed,
             ${distinctInOrder('coalesce(a.users, [])')} AS mentions
      FROM mapped m LEFT JOIN agg a USING (rn)),
    texts AS (SELECT * EXCLUDE (untrimmed), ${jsTrim('untrimmed')} AS text FROM untrimmed),
    linked AS (
      SELECT *, list_concat(${urlMatchesSql('text')}, ${urlMatchesSql('attachments')}) AS urls
      FROM texts)
    SELECT ${base} + 3 * m.rn + 2, ${engine.inputIndex}, false, 'yammer:' || m.id, 'yammer', CASE WHEN m.is_starter THEN 'post' ELSE 'reply' END,
           epoch_ms(m.at_ms) AT TIME ZONE 'UTC', 'yammer:' || m.sender_id, ${spaceId('m')}, m.thread, m.parent,
           nullif(m.text, ''), nullif(m.title, ''), NULL,
           nullif(array_to_string(m.mentions, ' '), ''), nullif(array_to_string(${distinctInOrder('m.urls')}, ' '), ''),
           ${sqlString(file)}, m.line,
           CASE WHEN NOT m.is_starter THEN NULL WHEN lower(m.message_type) = 'question' THEN true
                WHEN lower(m.message_type) IN ('announcement', 'poll', 'praise') THEN false END
    FROM linked m;`;
}

/** SQL: a found reference's id when it is of `kind` (any case), else NULL (which joins nothing). */
function refOfKind(kind: 'user' | 'tag' | 'group'): string {
  return `CASE WHEN lower(f.kind) = '${kind}' THEN f.ref END`;
}

/** SQL: the values of a list of `{k, v}` structs, in order of `k` (NULL stays NULL). */
function inOrderOfK(pairs: string): string {
  return `list_transform(list_sort(${pairs}), p -> p.v)`;
}

/** The identities of senders no earlier file named, and the spaces, with their sequence numbers. */
function sendersAndSpacesSql(t: Names, base: number): string {
  const m = `(SELECT * FROM ${t('mapped')} WHERE skip IS NULL)`;
  return `
    INSERT INTO raw_identities
    SELECT ${base} + 3 * min(rn), 'yammer:' || sender_id, 'yammer', nullif(arg_min(sender_name, rn), ''),
           nullif(arg_min(sender_email, rn), ''), NULL, false
    FROM ${m} WHERE sender_id NOT IN (SELECT id FROM ${t('known')}) GROUP BY sender_id;

    INSERT INTO raw_spaces
    WITH spaced AS (
      SELECT m.rn, ${spaceId('m')} AS space_id,
             CASE WHEN m.in_conversation THEN 'Private conversation'
                  WHEN m.group_id = '' THEN CASE WHEN m.in_private_group_flag THEN 'Private group' ELSE 'All Company' END
                  ELSE coalesce(nullif(g.name, ''), nullif(m.group_name, ''), 'Group ' || m.group_id) END AS name,
             CASE WHEN m.in_conversation THEN 'chat' ELSE 'group' END AS kind,
             CASE WHEN m.in_conversation THEN true WHEN m.group_id = '' THEN m.in_private_group_flag
                  ELSE m.in_private_group_flag OR coalesce(g.is_private, false) END AS is_private
      FROM ${m} m LEFT JOIN ${t('groups')} g ON m.group_id <> '' AND g.id = m.group_id),
    firsts AS (SELECT space_id, min(rn) AS rn, arg_min(is_private, rn) AS first_private FROM spaced GROUP BY space_id),
    again AS (
      -- A space first seen public is emitted again at its first private row (read.ts).
      SELECT s.space_id, min(s.rn) AS rn FROM spaced s JOIN firsts f USING (space_id)
      WHERE s.is_private AND NOT f.first_private GROUP BY s.space_id),
    emitted AS (SELECT rn FROM firsts UNION ALL SELECT rn FROM again)
    SELECT ${base} + 3 * s.rn + 1, s.space_id, 'yammer', s.name, s.kind, s.is_private
    FROM spaced s JOIN emitted USING (rn);`;
}

/**
 * The rows JavaScript maps, in file order, as the fields map.ts reads (the stored cells give what
 * the raw ones would: `cell` and `textCell` are idempotent): skipped rows and rows marked `js`
 * (their `fields` made by the mapping), and, when `late` holds any, the lines of the `late` table.
 */
function leftoversSql(t: Names, late: boolean): string {
  const lateRows = `
    UNION ALL
    SELECT l.line::DOUBLE AS line, ${fieldsJson('r')} AS fields
    FROM ${t('mapped')} r JOIN ${t('lines')} l USING (rn) WHERE l.line IN (SELECT line FROM ${t('late')})`;
  return `SELECT l.line::DOUBLE AS line, r.fields FROM ${t('mapped')} r JOIN ${t('lines')} l USING (rn) WHERE r.fields IS NOT NULL
    ${late ? lateRows : ''}
    ORDER BY line`;
}

/** SQL: the fields map.ts reads of a mapped row (`row`), as one JSON text. */
function fieldsJson(row: string): string {
  const fields = [...CELLS, 'body', 'html_body'].map((c) => `'${c}', ${row}.${c}`).join(', ');
  return `json_object(${fields})::VARCHAR`;
}

/**
 * The rows SQL left, in file order: skips are counted (with a problem for a bad date, as read.ts
 * does), and mapped rows are mapped by `mapMessage` and yielded, for load.ts to screen and append.
 * Names for mentions follow read.ts: Users.csv's, else a sender's first named row before this one.
 */
async function* leftToJavaScript(
  left: readonly { line: number; fields: string }[],
  file: string,
  lookups: YammerLookups,
  firsts: ReadonlyMap<string, { line: number; name: string }>,
  ctx: SourceContext,
  mappedHere: Map<string, number>,
): AsyncGenerator<SourceRecord> {
  let line = 0;
  const mapping: MessageContext = {
    names: {
      user: (id) => {
        const first = firsts.get(id);
        return lookups.userNames.get(id) ?? (first !== undefined && first.line < line ? first.name : null);
      },
      topic: (id) => lookups.topics.get(id) ?? null,
      group: (id) => groupMentionName(lookups.groups, id),
    },
    groups: lookups.groups,
    includePrivate: ctx.options.includePrivate,
    threadOf: null,
  };
  for (const row of left) {
    line = row.line;
    const fields = JSON.parse(row.fields) as Record<string, string>;
    const mapped = mapMessage(fields, file, line, mapping);
    if (mapped.type === 'skip') {
      if (mapped.isProblem) ctx.problem({ file, line, reason: mapped.reason, detail: mapped.detail });
      ctx.skip(mapped.reason, { file, line }, mapped.detail);
    } else {
      mappedHere.set(mapped.activity.id, line);
      yield { type: 'activity', activity: mapped.activity };
    }
  }
}

/** SQL: a row's source text with its references replaced by the shown names in `a.shown` (one per match, in order). */
function rendered(m: string, a: string): string {
  const pieces = `regexp_split_to_array(${m}.source, '${REFERENCE}')`;
  return `(${pieces}[1] || array_to_string(list_transform(${a}.shown, (s, k) -> s || ${pieces}[k + 1]), ''))`;
}

function spaceId(m: string): string {
  return `CASE WHEN ${m}.in_conversation THEN 'yammer:conversation:' || coalesce(nullif(${m}.conversation_id, ''), 'thread-' || ${m}.thread[8:])
      WHEN ${m}.group_id = '' THEN CASE WHEN ${m}.in_private_group_flag THEN 'yammer:group:unknown-private' ELSE 'yammer:all-company' END
      ELSE 'yammer:group:' || ${m}.group_id END`;
}
