/**
 * Microsoft Teams pages loaded by the dataset's engine (issue 16), like Slack's day files
 * (slack/engine-read.ts): one `CREATE TEMP TABLE ... AS SELECT ... FROM read_json(...)` over every
 * page file DuckDB can read parses the Graph `chatMessage` records and applies map-message.ts's
 * rules in SQL (skip reasons private, system, deleted, bot; conversation, author, thread, date)
 * and html.ts's clean-up (html-sql.ts: HTML to text, `<at>` mentions resolved through
 * `mentions[]`, links), then `INSERT INTO raw_activities SELECT` writes the messages and their
 * reactions straight into the dataset.
 *
 * What SQL does not vouch for goes back to JavaScript, which maps it with `mapTeamsMessage` as
 * before: a message that needs a warning or a problem (a missing field, a date that is not a plain
 * UTC ISO instant, a `null` element), one that names no conversation (the page's `@odata.context`
 * or the file name stands in), numeric ids, HTML with `<script>`, `<style>`, numeric character
 * references or tags inside an `<at>`, a URL extractUrls would trim, unusual mention ids, a date
 * load.ts screens, a text near the length cap. Whole files go to JavaScript when DuckDB refuses
 * them (invalid JSON, an element that is no object, a duplicate key...), when a root object is no
 * page (NDJSON messages, a lone message), or when their first record is not plainly a message.
 *
 * Lines: only what JavaScript maps needs one; such files are read again by the JavaScript reader
 * (the adapter checks that it sees as many messages). Messages SQL inserts and skips SQL decides
 * carry no line.
 *
 * Sequence numbers: message r (DuckDB's row r over the files in reading order) owns base + r *
 * stride, its reactions the numbers after it; what JavaScript yields comes after the block, and an
 * SQL message of the same id later in the reading order is moved after it (`laterRowsWin`).
 */
import { sqlString } from '../shared/engine-csv.js';
import { distinctInOrder, runOverReadableFiles, URL_SQL, urlNeedsJavaScript } from '../shared/engine-json.js';
import { jsonObjectsForEngine, readJsonObjects } from '../shared/engine-json-pages.js';
import {
  ENGINE_MIN_BYTES,
  type FilesLoad,
  filesInOrderSql,
  laterRowsWin,
  loadSettings,
  reserveBlock,
} from '../shared/engine-load.js';
import type { InputFile, SourceContext, SourceEngine } from '../types.js';
import { atIdsSql, hrefsSql, htmlNeedsJavaScript, htmlTextSql, normalizeSpaceSql } from './html-sql.js';

export { ENGINE_MIN_BYTES } from '../shared/engine-load.js';
/** A root object (a Graph page) larger than this makes DuckDB refuse its file, which JavaScript then reads. */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** The chatMessage fields map-message.ts reads, each kept as JSON. */
const MESSAGE_FIELDS = [
  'id',
  'replyToId',
  'messageType',
  'createdDateTime',
  'deletedDateTime',
  'subject',
  'chatId',
  'channelIdentity',
  'from',
  'body',
  'mentions',
  'reactions',
];
const COLUMNS: [string, string][] = [['value', `STRUCT(${MESSAGE_FIELDS.map((f) => `"${f}" JSON`).join(', ')})[]`]];

/** What the engine left for one file, in message order: skips it decided, and messages for JavaScript (`skip` null). */
export type PageEvent = { k: number; skip: string; detail: string } | { k: number; skip: null };

/** A file loaded by SQL. */
export interface LoadedPages {
  /** Messages DuckDB read in it. */
  count: number;
  /** Of them, inserted by SQL (read and used). */
  inserted: number;
  events: PageEvent[];
  /** Spaces of the messages SQL inserted, first seen in this file, at the message that shows them first. */
  spaces: { k: number; id: string; kind: 'channel' | 'chat'; name: string }[];
}

/** A person seen in the messages SQL inserted: the first name given, and where (null: never named). */
export interface EnginePerson {
  id: string;
  name: string | null;
  file: number;
  k: number;
}

/** A load in the engine, for the adapter to replay file by file. */
export interface PagesLoad extends FilesLoad {
  files: ReadonlyMap<InputFile, LoadedPages>;
  people: readonly EnginePerson[];
}

let runs = 0;

/**
 * Loads the page files DuckDB can read (`files` is the adapter's reading order); null, having
 * counted nothing, when the export is too small or no file qualifies.
 */
export async function loadPagesInEngine(
  files: readonly InputFile[],
  ctx: SourceContext,
  minBytes = ENGINE_MIN_BYTES,
): Promise<PagesLoad | null> {
  const engine = ctx.engine;
  if (!engine) return null;
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  if (bytes < minBytes || bytes === 0) return null;
  const eligible: { file: InputFile; ord: number }[] = [];
  for (const [ord, file] of files.entries()) if (await jsonObjectsForEngine(file)) eligible.push({ file, ord });
  if (eligible.length === 0) return null;
  runs += 1;
  const t = (name: string) => `teams_load_${name}_${runs}`;
  const temps = ['rows', 'files', 'firsts', 'yielded'].map(t);
  const settings = await loadSettings(engine, true);
  let settingsBack = false;
  const close = async () => {
    await engine.run(temps.map((name) => `DROP TABLE IF EXISTS ${name};`).join(' '));
    if (settingsBack) return;
    settingsBack = true;
    await engine.run(settings.restoreSql);
  };
  try {
    // One thread and half the memory limit while loading, as the Messages.csv load does (peak RSS
    // 650 vs 410 MiB for the read of 400k messages with the lower limit).
    await settings.enter();
    const byPath = new Map(eligible.map((e) => [e.file.localPath ?? '', e]));
    const done = await runOverReadableFiles(
      engine,
      [...byPath.keys()],
      (paths) => rowsSql(paths, ctx.options.includePrivate, engine, t),
      t('rows'),
    );
    if (done === null || done.read.length === 0) {
      await close();
      return null;
    }
    const read = done.read.map((p) => byPath.get(p)).filter((e) => e !== undefined);
    const rows = read.map((e) => `(${sqlString(e.file.localPath ?? '')}, ${e.ord}, ${sqlString(e.file.displayPath)})`);
    await engine.run(
      `CREATE TEMP TABLE ${t('files')} AS SELECT * FROM (VALUES ${rows.join(', ')}) v(path, ord, shown)`,
    );
    return await loadRows(read, engine, t, close);
  } catch (error) {
    await close();
    throw error;
  }
}

async function loadRows(
  read: readonly { file: InputFile; ord: number }[],
  engine: SourceEngine,
  t: (name: string) => string,
  close: () => Promise<void>,
): Promise<PagesLoad | null> {
  // Each file's first row and count, and whether SQL takes it: no root object that is no page,
  // and a first record that is plainly a message (index.ts `looksLikeMessage`).
  await engine.run(`
    CREATE TEMP TABLE ${t('firsts')} AS
      SELECT f.ord, f.path, f.shown, g.first, g.n, g.ok
      FROM (SELECT filename, min(rowid) AS first, count(*)::BIGINT AS n,
                   NOT bool_or(bare) AND arg_min(looks, rowid) AS ok
            FROM ${t('rows')} GROUP BY filename) g
      JOIN ${t('files')} f ON f.path = g.filename;`);
  const [shape] = await engine.all<{ ordered: boolean; records: number; stride: number }>(`
    SELECT ${filesInOrderSql(t('firsts'))} AS ordered,
           (SELECT count(*)::DOUBLE FROM ${t('rows')}) AS records,
           1 + coalesce((SELECT max(len(reactions)) FROM ${t('rows')} WHERE inserted), 0)::DOUBLE AS stride`);
  const block = reserveBlock(engine, shape);
  if (block === null) {
    await close();
    return null;
  }
  const { base, stride } = block;
  await engine.run(messagesSql(engine, t, base, stride));
  await engine.run(reactionsSql(engine, t, base, stride));
  const firsts = await engine.all<{ path: string; ord: number; first: number; n: number }>(
    `SELECT path, ord::DOUBLE AS ord, first::DOUBLE AS first, n::DOUBLE AS n FROM ${t('firsts')} WHERE ok ORDER BY ord`,
  );
  const events = await engine.all<{ path: string; k: number; skip: string | null; detail: string | null }>(`
    SELECT f.path, (r.rowid - f.first)::DOUBLE AS k, r.skip, r.detail
    FROM ${t('rows')} r JOIN ${t('firsts')} f ON f.path = r.filename
    WHERE f.ok AND NOT r.inserted
    ORDER BY r.rowid`);
  const spaces = await engine.all<{ path: string; k: number; id: string; kind: 'channel' | 'chat'; name: string }>(`
    SELECT f.path, (s.rn - f.first)::DOUBLE AS k, s.id, s.kind, s.name
    FROM (SELECT conv_id AS id, min(rowid) AS rn, arg_min(kind, rowid) AS kind, arg_min(coalesce(conv_name, conv_id), rowid) AS name
          FROM ${t('rows')} WHERE inserted AND filename IN (SELECT path FROM ${t('firsts')} WHERE ok) GROUP BY conv_id) s
    JOIN ${t('firsts')} f ON s.rn BETWEEN f.first AND f.first + f.n - 1
    ORDER BY s.rn`);
  const people = await engine.all<{ id: string; name: string | null; rn: number }>(`
    WITH listed AS (
      SELECT rowid AS rn, unnest(people) AS p, unnest(range(len(people))) AS j FROM ${t('rows')}
      WHERE inserted AND filename IN (SELECT path FROM ${t('firsts')} WHERE ok))
    SELECT p.id AS id, arg_min(p.name, (rn, j)) FILTER (WHERE p.name IS NOT NULL) AS name,
           coalesce(min(rn) FILTER (WHERE p.name IS NOT NULL), min(rn))::DOUBLE AS rn
    FROM listed GROUP BY p.id ORDER BY p.id`);
  // The wide rows are no longer needed; the narrow tables stay for `undo` and `finish`.
  await engine.run(`DROP TABLE ${t('rows')}`);
  const byPath = new Map(read.map((e) => [e.file.localPath ?? '', e.file]));
  const files = new Map<InputFile, LoadedPages>();
  const first = new Map<InputFile, { first: number; n: number; ord: number }>();
  for (const f of firsts) {
    const file = byPath.get(f.path);
    if (file === undefined) continue;
    files.set(file, { count: f.n, inserted: f.n, events: [], spaces: [] });
    first.set(file, f);
  }
  for (const e of events) {
    const loaded = files.get(byPath.get(e.path) as InputFile);
    if (loaded === undefined) continue;
    loaded.inserted -= 1;
    loaded.events.push(e.skip === null ? { k: e.k, skip: null } : { k: e.k, skip: e.skip, detail: e.detail ?? '' });
  }
  for (const s of spaces) files.get(byPath.get(s.path) as InputFile)?.spaces.push(s);
  const where = (rn: number): { file: number; k: number } => {
    for (const f of firsts) if (rn >= f.first && rn < f.first + f.n) return { file: f.ord, k: rn - f.first };
    return { file: -1, k: rn };
  };
  const blockOf = (file: InputFile) => {
    const f = first.get(file);
    const start = base + (f?.first ?? 0) * stride;
    return `seq BETWEEN ${start} AND ${start + (f?.n ?? 0) * stride - 1}`;
  };
  return {
    files,
    people: people.map((p) => ({ id: p.id, name: p.name, ...where(p.rn) })),
    undo: (file) => engine.run(`DELETE FROM raw_activities WHERE ${blockOf(file)}`),
    finish: async (yielded) => {
      await laterRowsWin(engine, { firsts: t('firsts'), yielded: t('yielded') }, block, yielded);
      await close();
    },
    close,
  };
}

/** A JSON value's text when it is a non-empty string (json-stream.ts `stringField`), at `path`. */
const str = (json: string, path = '$'): string =>
  `CASE WHEN json_type(${json}, '${path}') = 'VARCHAR' THEN nullif(json_extract_string(${json}, '${path}'), '') END`;

/**
 * parseInstant for the plain Graph form `2026-03-02T09:00:00.123Z` (a valid calendar date, hours
 * 0-23, any fraction cut to milliseconds) as UTC milliseconds; NULL for anything else, which
 * JavaScript then reads (other forms, the repair of a missing `T` with its warning).
 */
function instantSql(text: string): string {
  return `CASE WHEN regexp_full_match(${text}, '[1-9]\\d{3}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?Z')
      THEN epoch_ms(try_cast(left(${text}, 19) AS TIMESTAMP)) + rpad(left(regexp_extract(${text}, '\\.(\\d+)Z$', 1), 3), 3, '0')::BIGINT END`;
}

/** map-message.ts `idOf`: a non-empty string; other JSON numbers are JavaScript's (`numeric`). */
const idSql = (json: string): string =>
  `CASE WHEN json_type(${json}) = 'VARCHAR' THEN nullif(json_extract_string(${json}, '$'), '') END`;
const numeric = (json: string): string =>
  `coalesce(json_type(${json}) IN ('UBIGINT', 'BIGINT', 'DOUBLE', 'HUGEINT'), false)`;

/**
 * map-message.ts's rules and html.ts's clean-up in SQL, straight from `read_json`: one row per
 * message in reading order (rowid; no join here, which could reorder rows), `bare` for a root
 * object that is no page, `looks` for a record that looks like a message, its skip reason and
 * detail, whether SQL inserts it, and the fields of the activity.
 */
function rowsSql(
  paths: readonly string[],
  includePrivate: boolean,
  engine: SourceEngine,
  t: (name: string) => string,
): string {
  const mention = `{'key': CASE WHEN json_type(e, '$.id') = 'VARCHAR' THEN json_extract_string(e, '$.id')
                                  WHEN json_type(e, '$.id') IN ('UBIGINT', 'BIGINT') AND length(json_extract_string(e, '$.id')) <= 15 THEN json_extract_string(e, '$.id') END,
                    'id': json_extract_string(e, '$.mentioned.user.id'), 'name': ${str('e', '$.mentioned.user.displayName')}}`;
  const reaction = `{'type': json_extract_string(e, '$.reactionType'), 'id': json_extract_string(e, '$.user.user.id'), 'name': ${str('e', '$.user.user.displayName')},
                     'created': ${str('e', '$.createdDateTime')}}`;
  return `
    CREATE TEMP TABLE ${t('rows')} AS
    WITH pages AS (
      SELECT filename, value IS NULL AS bare, unnest(CASE WHEN value IS NULL THEN [NULL] ELSE value END) AS m
      FROM ${readJsonObjects(paths, COLUMNS, MAX_PAGE_BYTES)}),
    typed AS (
      SELECT filename, bare, m IS NULL AS nul,
             coalesce(json_type(m.messageType) = 'VARCHAR' AND m.createdDateTime IS NOT NULL, false) AS looks,
             ${idSql('m.id')} AS id_s, ${numeric('m.id')} OR ${numeric('m.replyToId')} AS num_id, ${idSql('m.replyToId')} AS reply_s,
             ${str('m.messageType')} AS mt, m.deletedDateTime IS NOT NULL AS deleted, ${str('m.subject')} AS subject,
             ${str('m.createdDateTime')} AS created, ${str('m.chatId')} AS chat_id,
             CASE WHEN json_type(m.channelIdentity) = 'OBJECT' THEN ${str('m.channelIdentity', '$.channelId')} END AS channel_id,
             CASE WHEN json_type(m.channelIdentity) = 'OBJECT'
                  THEN coalesce(${str('m.channelIdentity', '$.channelDisplayName')}, ${str('m.channelIdentity', '$.displayName')}) END AS channel_name,
             coalesce(json_type(m."from") = 'OBJECT' AND json_type(m."from", '$.application') = 'OBJECT', false) AS by_app,
             ${str('m."from"', '$.user.id')} AS user_id, ${str('m."from"', '$.user.displayName')} AS user_name,
             CASE WHEN json_type(m.body, '$.content') = 'VARCHAR' THEN json_extract_string(m.body, '$.content') ELSE '' END AS content,
             coalesce(${str('m.body', '$.contentType')} = 'html', false) AS html,
             -- A NUL escape, in the text or in a name or id, is JavaScript's.
             contains(concat_ws(' ', m.id, m.replyToId, m.subject, m.chatId, m.channelIdentity, m."from", m.body, m.mentions, m.reactions), '\\u0000') AS odd,
             CASE WHEN json_type(m.mentions) = 'ARRAY' THEN list_transform(list_filter(json_extract(m.mentions, '$[*]'),
                    e -> json_type(e) = 'OBJECT' AND json_type(e, '$.mentioned') = 'OBJECT' AND json_type(e, '$.mentioned.user') = 'OBJECT'
                         AND json_type(e, '$.mentioned.user.id') = 'VARCHAR' AND json_extract_string(e, '$.mentioned.user.id') <> ''), e -> ${mention})
                  ELSE [] END AS listed,
             CASE WHEN json_type(m.reactions) = 'ARRAY' THEN list_transform(list_filter(json_extract(m.reactions, '$[*]'),
                    e -> json_type(e) = 'OBJECT' AND json_type(e, '$.reactionType') = 'VARCHAR' AND json_extract_string(e, '$.reactionType') <> ''
                         AND json_type(e, '$.user') = 'OBJECT' AND json_type(e, '$.user.user') = 'OBJECT'
                         AND json_type(e, '$.user.user.id') = 'VARCHAR' AND json_extract_string(e, '$.user.user.id') <> ''), e -> ${reaction})
                  ELSE [] END AS reacted
      FROM pages),
    judged AS (
      SELECT *, coalesce(chat_id, channel_id) AS conv_id, CASE WHEN chat_id IS NOT NULL THEN 'chat' ELSE 'channel' END AS kind,
             CASE WHEN chat_id IS NULL THEN channel_name END AS conv_name,
             CASE WHEN nul OR (chat_id IS NULL AND channel_id IS NULL) THEN NULL
                  WHEN chat_id IS NOT NULL AND ${includePrivate ? 'false' : 'true'} THEN 'private'
                  WHEN mt IS NULL THEN NULL
                  WHEN mt <> 'message' THEN 'system'
                  WHEN deleted THEN 'deleted'
                  WHEN by_app THEN 'bot' END AS skip,
             ${instantSql('created')} AS at_ms,
             list_transform(listed, x -> x.key) AS keys
      FROM typed),
    -- The body's text only for messages not skipped (a private chat's text is never cleaned).
    cleaned AS (
      SELECT *, CASE WHEN skip IS NOT NULL THEN '' WHEN html THEN ${htmlTextSql('content')} ELSE ${normalizeSpaceSql('content', '(contains(content, chr(10)) OR contains(content, chr(13)))')} END AS text,
             CASE WHEN html AND skip IS NULL THEN ${atIdsSql('content')} ELSE [] END AS at_ids,
             CASE WHEN html AND skip IS NULL THEN ${hrefsSql('content')} ELSE [] END AS hrefs
      FROM judged),
    mapped AS (
      SELECT *, CASE WHEN contains(lower(text), 'http') THEN regexp_extract_all(text, '${URL_SQL}') ELSE [] END AS urls,
             -- resolveMentions: the <at> ids found in mentions[], then every listed user, each person once.
             list_concat(list_transform(list_filter(at_ids, a -> list_contains(keys, a)), a -> listed[list_position(keys, a)]), listed) AS ordered,
             list_transform(reacted, r -> {'r': r, 'at': ${instantSql('r.created')}}) AS dated
      FROM cleaned),
    routed AS (
      SELECT *, skip IS NULL AND (nul OR conv_id IS NULL OR mt IS NULL OR id_s IS NULL OR user_id IS NULL OR created IS NULL OR num_id
          OR at_ms IS NULL OR at_ms < ${engine.earliest} OR at_ms > ${engine.notAfter} OR odd OR strlen(text) > ${engine.maxTextChars}
          OR coalesce(html AND ${htmlNeedsJavaScript('content')}, false)
          OR coalesce(list_bool_or(list_transform(urls, u -> ${urlNeedsJavaScript('u')})), false)
          OR coalesce(list_bool_or(list_transform(keys, k -> k IS NULL)), false) OR len(list_distinct(keys)) <> len(keys)
          OR coalesce(list_bool_or(list_transform(dated, d -> d.r.created IS NOT NULL AND d.at IS NULL)), false)) AS js
      FROM mapped)
    -- A NULL judgement (some unforeseen value) leaves the message to JavaScript.
    SELECT filename, bare, looks, skip,
           CASE skip WHEN 'private' THEN '1:1 or group chat' WHEN 'system' THEN 'messageType ' || mt
                     WHEN 'deleted' THEN 'deletedDateTime is set' WHEN 'bot' THEN 'posted by an application' END AS detail,
           skip IS NULL AND NOT coalesce(js, true) AS inserted,
           CASE WHEN skip IS NULL AND NOT coalesce(js, true) THEN conv_id END AS conv_id, kind, conv_name, id_s, reply_s, user_id, at_ms, subject,
           CASE WHEN skip IS NULL AND NOT coalesce(js, true) THEN text END AS text,
           CASE WHEN skip IS NULL AND NOT coalesce(js, true) THEN ${distinctInOrder('list_concat(hrefs, urls)')} END AS links,
           CASE WHEN skip IS NULL AND NOT coalesce(js, true) THEN list_filter(ordered, (x, i) -> list_position(list_transform(ordered, y -> y.id), x.id) = i) END AS mentioned,
           CASE WHEN skip IS NULL AND NOT coalesce(js, true) THEN dated END AS reactions,
           CASE WHEN skip IS NULL AND NOT coalesce(js, true) THEN list_concat([{'id': user_id, 'name': user_name}],
                list_transform(list_filter(ordered, (x, i) -> list_position(list_transform(ordered, y -> y.id), x.id) = i), x -> {'id': x.id, 'name': x.name}),
                list_transform(reacted, r -> {'id': r.id, 'name': r.name})) END AS people
    FROM routed;`;
}

/** The messages SQL maps, inserted with their sequence numbers (map-message.ts `buildActivity`). */
function messagesSql(engine: SourceEngine, t: (name: string) => string, base: number, stride: number): string {
  return `
    INSERT INTO raw_activities
    WITH m AS (
      SELECT r.rowid AS rn, r.*, f.shown, 'teams:' || r.conv_id || ':' || r.id_s AS id,
             CASE WHEN r.reply_s IS NOT NULL AND r.reply_s <> r.id_s THEN 'teams:' || r.conv_id || ':' || r.reply_s END AS parent
      FROM ${t('rows')} r JOIN ${t('firsts')} f ON f.path = r.filename
      WHERE r.inserted AND f.ok)
    SELECT ${base} + ${stride} * rn, ${engine.inputIndex}, false, id, 'teams', CASE WHEN parent IS NULL THEN 'post' ELSE 'reply' END,
           epoch_ms(at_ms) AT TIME ZONE 'UTC', 'teams:' || user_id, 'teams:' || conv_id, coalesce(parent, id), parent,
           nullif(text, ''), subject, NULL, nullif(array_to_string(list_transform(mentioned, x -> 'teams:' || x.id), ' '), ''),
           nullif(array_to_string(links, ' '), ''), shown, NULL, NULL
    FROM m;`;
}

/**
 * One reaction activity per (reaction type, user) of each message SQL inserted, at its first
 * place with the date of its last (map-message.ts `mapReactions` keeps them in a Map); dated
 * when it was made, else at the message. Those load.ts would drop (dated outside the run) are
 * left out, as it drops derived records silently.
 */
function reactionsSql(engine: SourceEngine, t: (name: string) => string, base: number, stride: number): string {
  return `
    INSERT INTO raw_activities
    WITH listed AS (
      SELECT r.rowid AS rn, f.shown, 'teams:' || r.conv_id || ':' || r.id_s AS parent, r.at_ms AS parent_at, r.conv_id, r.reply_s, r.id_s,
             unnest(r.reactions) AS x, unnest(range(len(r.reactions))) AS i
      FROM ${t('rows')} r JOIN ${t('firsts')} f ON f.path = r.filename
      WHERE r.inserted AND f.ok AND len(r.reactions) > 0),
    kept AS (
      SELECT rn, any_value(shown) AS shown, any_value(parent) AS parent, any_value(conv_id) AS conv_id,
             any_value(reply_s) AS reply_s, any_value(id_s) AS id_s, x.r.type AS type, x.r.id AS usr, min(i) AS i,
             arg_max(coalesce(x.at, parent_at), i) AS at_ms
      FROM listed GROUP BY rn, x.r.type, x.r.id),
    numbered AS (SELECT *, row_number() OVER (PARTITION BY rn ORDER BY i) AS j FROM kept)
    SELECT ${base} + ${stride} * rn + j, ${engine.inputIndex}, true, parent || '#' || type || '#' || usr, 'teams', 'reaction',
           epoch_ms(at_ms) AT TIME ZONE 'UTC', 'teams:' || usr, 'teams:' || conv_id,
           CASE WHEN reply_s IS NOT NULL AND reply_s <> id_s THEN 'teams:' || conv_id || ':' || reply_s ELSE parent END,
           parent, NULL, NULL, type, NULL, NULL, shown, NULL, NULL
    FROM numbered
    WHERE at_ms BETWEEN ${engine.earliest} AND ${engine.notAfter};`;
}
