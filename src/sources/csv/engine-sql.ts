/**
 * The SQL of engine-read.ts: map-row.ts's rules over `read_csv`'s rows (the work table), the used
 * rows' ids, and the inserts of activities, identities and spaces with their sequence numbers
 * (row r owns base + 3r, + 1, + 2).
 */
import { sqlString, type EngineCsv } from '../shared/engine-csv.js';
import { distinctInOrder, jsTrim, unsureUrlsSql, urlListSql } from '../shared/engine-csv-sql.js';
import type { InputFile, SourceContext, SourceEngine } from '../types.js';
import type { RowContext } from './map-row.js';
import type { CsvMapping } from './mapping.js';
import { sqlTimestamp } from './sql-timestamp.js';

/** Names of one load's tables. */
export type Names = (name: string) => string;

/** The mapping's fields as cells: SQL column name -> mapping key. */
export const CELLS = {
  author: 'author',
  ts: 'timestamp',
  email: 'authorEmail',
  space: 'space',
  text: 'text',
  thread_id: 'threadId',
  parent_id: 'parentId',
  message_id: 'messageId',
  reaction_to: 'reactionTo',
  priv: 'private',
} as const satisfies Record<string, keyof CsvMapping>;

export type Cell = keyof typeof CELLS;

/** Mapping key -> its column as the header names it (trimmed, lower-cased). */
export function mappedColumns(mapping: CsvMapping): Map<Cell, string> {
  const columns = new Map<Cell, string>();
  for (const [cell, key] of Object.entries(CELLS) as [Cell, keyof CsvMapping][]) {
    const column = mapping[key];
    if (column !== undefined) columns.set(cell, column.trim().toLowerCase());
  }
  return columns;
}

/** map-row.ts's TRUE_VALUES. */
const TRUE_VALUES = "('true', 'yes', 'y', '1', 'x')";

/**
 * mapRow's rules in SQL, straight from `read_csv`: one row per record, in file order (rowid), with
 * its trimmed cells, time, skip reason, kind and target, and `js` for used rows JavaScript must
 * finish; `span` and `repeats` let the caller check the parse.
 */
export function rowsSql(
  csv: EngineCsv,
  columns: ReadonlyMap<Cell, string>,
  rowCtx: RowContext,
  ctx: SourceContext,
  engine: SourceEngine,
  t: Names,
): string {
  const cells = (Object.keys(CELLS) as Cell[])
    .map((cell) => {
      const column = columns.get(cell);
      return `${column === undefined ? "''" : jsTrim(csv.raw(column))} AS ${cell}`;
    })
    .join(', ');
  const steps = sqlTimestamp(rowCtx.mapping.timestampFormat ?? 'iso');
  const layers = steps
    .map((step, i) => {
      const from = i === 0 ? 'trimmed' : `time_${i - 1}`;
      const input = i === 0 ? 'ts' : `step_${i - 1}`;
      const keep = i === 0 ? '*' : `* EXCLUDE (step_${i - 1})`;
      return `time_${i} AS (SELECT ${keep}, ${step(input)} AS step_${i} FROM ${from})`;
    })
    .join(',\n    ');
  const last = steps.length - 1;
  const includePrivate = ctx.options.includePrivate ? 'true' : 'false';
  return `
    CREATE TABLE ${t('rows')} AS
    WITH trimmed AS (SELECT ${cells}, span, repeats FROM ${csv.source}),
    ${layers},
    judged AS (
      SELECT * EXCLUDE (step_${last}), step_${last} AS at_ms, lower(priv) IN ${TRUE_VALUES} AS is_private,
             coalesce(nullif(space, ''), ${sqlString(rowCtx.defaultSpace)}) AS space_key,
             CASE WHEN thread_id <> '' AND thread_id <> message_id THEN thread_id END AS own_thread
      FROM time_${last})
    SELECT *,
        CASE WHEN author = '' OR ts = '' THEN 'missingField' WHEN at_ms IS NULL THEN 'malformed'
             WHEN is_private AND NOT ${includePrivate} THEN 'private' END AS skip,
        CASE WHEN reaction_to <> '' THEN 'reaction' WHEN parent_id <> '' AND parent_id <> message_id THEN 'reply'
             WHEN own_thread IS NOT NULL THEN 'reply' ELSE 'post' END AS kind,
        CASE WHEN reaction_to <> '' THEN reaction_to WHEN parent_id <> '' AND parent_id <> message_id THEN parent_id
             ELSE own_thread END AS target,
        coalesce(at_ms < ${engine.earliest} OR at_ms > ${engine.notAfter}, false) OR strlen(text) > ${engine.maxTextChars}
          OR (strpos(text, '://') > 0 AND ${unsureUrlsSql('text')}) AS js
    FROM judged;`;
}

/**
 * The used rows' ids: `own` (the row's message), `target` (what a reply or reaction points at) and
 * `thread` where the row says it (a post, a thread column); replies and reactions without one
 * take the thread of their target (resolveThreads).
 */
export function linksSql(file: InputFile, t: Names): string {
  const prefix = `'csv:' || r.space_key || ':'`;
  return `
    CREATE TEMP TABLE ${t('links')} AS
    SELECT *, CASE WHEN kind = 'reaction' THEN target || '#react:' || reaction || ':csv:' || author ELSE own END AS activity_id
    FROM (
    SELECT r.rowid AS rn, r.kind, r.author, CASE WHEN r.text = '' THEN 'like' ELSE r.text END AS reaction,
           ${prefix} || CASE WHEN r.message_id <> '' THEN r.message_id ELSE ${sqlString(`${file.name}:`)} || l.line END AS own,
           CASE WHEN r.kind <> 'post' THEN ${prefix} || r.target END AS target,
           CASE WHEN r.kind = 'post' THEN ${prefix} || CASE WHEN r.message_id <> '' THEN r.message_id ELSE ${sqlString(`${file.name}:`)} || l.line END
                WHEN r.own_thread IS NOT NULL THEN ${prefix} || r.own_thread END AS thread
    FROM ${t('rows')} r JOIN ${t('lines')} l ON l.rn = r.rowid
    WHERE r.skip IS NULL);`;
}

/** The thread of a used row: its own, or the one resolveThreads found. */
export const threadOf = (l: string, c: string) => `coalesce(${l}.thread, ${c}.thread)`;

/** The activities of rows `from` (inclusive) to `to` (exclusive) that SQL finishes, in one statement. */
export function activitiesSql(
  engine: SourceEngine,
  t: Names,
  file: string,
  base: number,
  from: number,
  to: number,
): string {
  return `
    INSERT INTO raw_activities
    SELECT ${base} + 3 * rn + 2, ${engine.inputIndex}, false, activity_id, 'csv', kind, epoch_ms(at_ms) AT TIME ZONE 'UTC',
           'csv:' || author, 'csv:' || space_key, thread, target,
           CASE WHEN kind = 'reaction' OR text = '' THEN NULL ELSE text END, NULL,
           CASE WHEN kind = 'reaction' THEN reaction END, NULL,
           nullif(array_to_string(${distinctInOrder('urls')}, ' '), ''), ${sqlString(file)}, line, NULL
    FROM (
      SELECT r.rowid AS rn, k.activity_id, r.kind, r.at_ms, r.author, r.space_key, ${threadOf('k', 'c')} AS thread, k.target,
             r.text, k.reaction, k.line,
             CASE WHEN r.kind <> 'reaction' AND strpos(r.text, '://') > 0 THEN ${urlListSql('r.text')} END AS urls
      FROM ${t('rows')} r JOIN (SELECT k.*, l.line FROM ${t('links')} k JOIN ${t('lines')} l USING (rn)) k ON k.rn = r.rowid
      LEFT JOIN ${t('chain')} c ON c.rn = r.rowid
      WHERE r.rowid >= ${from} AND r.rowid < ${to} AND k.rn >= ${from} AND k.rn < ${to} AND NOT r.js);`;
}

/**
 * The identities and spaces index.ts would send for the used rows (SQL and JavaScript ones):
 * an author at their first row, and again at their first row with an e-mail when the first had
 * none; a space at its first row, and again at its first private row when it was public.
 */
export function identitiesAndSpacesSql(t: Names, base: number): string {
  const used = `(SELECT rowid AS rn, author, email, space_key, is_private FROM ${t('rows')} WHERE skip IS NULL)`;
  // JavaScript lower-cases e-mails: non-ASCII ones are lower-cased there (lowerEmailsInJavaScript).
  const email = `nullif(CASE WHEN regexp_matches(u.email, '[^\\x00-\\x7F]') THEN u.email ELSE lower(u.email) END, '')`;
  return `
    INSERT INTO raw_identities
    WITH u AS ${used},
    f AS (SELECT author, min(rn) AS first_rn, arg_min(email, rn) AS first_email, min(rn) FILTER (WHERE email <> '') AS email_rn
          FROM u GROUP BY author),
    p AS (SELECT f.*, s.has_email FROM f LEFT JOIN ${t('sent_identities')} s ON s.id = 'csv:' || f.author),
    emit AS (
      SELECT first_rn AS rn FROM p WHERE has_email IS NULL
      UNION ALL SELECT email_rn FROM p
      WHERE email_rn IS NOT NULL AND (has_email IS NULL AND first_email = '' OR has_email = false))
    SELECT ${base} + 3 * u.rn, 'csv:' || u.author, 'csv', u.author, ${email}, NULL, false FROM u JOIN emit USING (rn);

    INSERT INTO raw_spaces
    WITH u AS ${used},
    f AS (SELECT space_key, min(rn) AS first_rn, arg_min(is_private, rn) AS first_private,
                 min(rn) FILTER (WHERE is_private) AS private_rn
          FROM u GROUP BY space_key),
    p AS (SELECT f.*, s.is_private AS was_private FROM f LEFT JOIN ${t('sent_spaces')} s ON s.id = 'csv:' || f.space_key),
    emit AS (
      SELECT first_rn AS rn FROM p WHERE was_private IS NULL
      UNION ALL SELECT private_rn FROM p
      WHERE private_rn IS NOT NULL AND (was_private IS NULL AND NOT first_private OR was_private = false))
    SELECT ${base} + 3 * u.rn + 1, 'csv:' || u.space_key, 'csv', u.space_key, 'channel', u.is_private
    FROM u JOIN emit USING (rn);`;
}
