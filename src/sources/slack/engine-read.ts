/**
 * Slack day files loaded by the dataset's engine (issue 16): one `CREATE TABLE ... AS SELECT ...
 * FROM read_json(...)` over every day file DuckDB can read parses them and applies map-message.ts's
 * rules in SQL (skip reasons, author, thread), then `INSERT INTO raw_activities SELECT ...` writes
 * the messages (mrkdwn made plain: `<@U1>` as the user's name, `<url|label>` as its label,
 * `<#C1|name>` as a public channel's name; mentions and links) and their reactions straight into
 * the dataset, so the rows never cross into JavaScript.
 *
 * What SQL does not vouch for comes back to JavaScript and is mapped by `mapMessage` as before:
 * a message that needs a warning (no `ts` or `user`, a malformed `ts`, which carry a line), a
 * legacy file comment, a broadcast whose thread is only in `root`, rich-text blocks naming users
 * in an unusual shape (`blockMentionsSql`), a URL extractUrls would trim, a date load.ts screens,
 * a text near the length cap. Lines: only
 * those messages need one, and they are found by reading just the files that hold one with the
 * JavaScript reader (which also checks that it sees as many messages as DuckDB did). The messages
 * SQL inserts and the skips SQL decides without a warning (system, bot, deleted, private) carry
 * no line (`line` null; they report no problem).
 *
 * Memory: the work table of mapped rows is a TEMP table (uncompressed, in memory, spilled to the
 * scratch folder under the memory limit), not one of the dataset's file as for Messages.csv: the
 * statements after it read every text again, and decompressing and compressing them cost more
 * CPU than the rest of the mapping (0.65 vs 1.0 s on 50k messages). It is dropped as soon as the
 * messages are in.
 *
 * Sequence numbers: message r (DuckDB's row r over the files in reading order) owns base + r *
 * stride, its reactions the numbers after it; records JavaScript yields come after the block, and
 * an SQL message of the same id later in the reading order is moved after them (`laterRowsWin`).
 */
import { sqlString } from '../shared/engine-csv.js';
import {
  distinctInOrder,
  jsonArrayForEngine,
  jsonIs,
  readJsonArrays,
  runOverReadableFiles,
  URL_SQL,
  urlNeedsJavaScript,
  utcInstantSql,
} from '../shared/engine-json.js';
import {
  ENGINE_MIN_BYTES,
  type FilesLoad,
  filesInOrderSql,
  laterRowsWin,
  loadSettings,
  reserveBlock,
} from '../shared/engine-load.js';
import type { InputFile, SourceContext, SourceEngine } from '../types.js';
import type { Conversation } from './layout.js';
import { BOT_SUBTYPES, ORDINARY_SUBTYPES } from './map-message.js';
import { SLACKBOT_ID, type SlackUser } from './users.js';

export { ENGINE_MIN_BYTES } from '../shared/engine-load.js';

/** Message fields map-message.ts reads. */
const COLUMNS = ['ts', 'user', 'subtype', 'bot_id', 'text', 'thread_ts', 'root', 'blocks', 'reactions'];
/** map-message.ts's subtypes, as lists for SQL. */
const ORDINARY = [...ORDINARY_SUBTYPES];
const BOTS = [...BOT_SUBTYPES];

/** A day file to read, in reading order. */
export interface DayFileTask {
  file: InputFile;
  conversation: Conversation;
  /** The path warnings show (a private conversation's id for its name). */
  shown: string;
  /** Its messages are skipped as `private`. */
  skipPrivate: boolean;
}

/** What the engine left for one file, in message order. */
export type FileEvent = { k: number; skip: string; detail: string | null } | { k: number; skip: null };

/** A file loaded by SQL. */
export interface LoadedFile {
  /** Messages DuckDB read in it. */
  count: number;
  /** Of them, inserted by SQL (read and used). */
  inserted: number;
  /** Messages left to JavaScript (`skip` null) or skipped without a warning, in order. */
  events: FileEvent[];
}

/** A load in the engine, for the adapter to replay file by file in its reading order. */
export interface EngineLoad extends FilesLoad {
  files: ReadonlyMap<InputFile, LoadedFile>;
  /** Some reaction lists SQL read were cut short by Slack (the adapter's note). */
  capped: boolean;
}

let runs = 0;

/**
 * Loads the day files DuckDB can read in SQL (see the module comment); null, having counted
 * nothing, when the export is too small or none qualifies, and the adapter reads every file itself.
 */
export async function loadDayFilesInEngine(
  tasks: readonly DayFileTask[],
  users: ReadonlyMap<string, SlackUser>,
  conversations: readonly Conversation[],
  ctx: SourceContext,
  minBytes = ENGINE_MIN_BYTES,
): Promise<EngineLoad | null> {
  const engine = ctx.engine;
  if (!engine) return null;
  const bytes = tasks.reduce((n, t) => n + (t.file.size ?? 0), 0);
  if (bytes < minBytes || bytes === 0) return null;
  const eligible: DayFileTask[] = [];
  for (const task of tasks) if (await jsonArrayForEngine(task.file)) eligible.push(task);
  if (eligible.length === 0) return null;
  runs += 1;
  const t = (name: string) => `slack_load_${name}_${runs}`;
  const temps = ['rows', 'files', 'firsts', 'users', 'channels', 'reactors', 'refs', 'late', 'yielded'].map(t);
  const settings = await loadSettings(engine, false);
  let threadsBack = false;
  const close = async () => {
    await engine.run(temps.map((name) => `DROP TABLE IF EXISTS ${name};`).join(' '));
    if (!threadsBack) await engine.run(settings.restoreSql);
    threadsBack = true;
  };
  try {
    // One thread (see loadSettings); the memory limit stays: the work table is dropped early.
    await settings.enter();
    const byPath = new Map(eligible.map((task) => [task.file.localPath ?? '', task]));
    await lookupTables(eligible, users, conversations, engine, t);
    const done = await runOverReadableFiles(
      engine,
      [...byPath.keys()],
      (paths) => rowsSql(paths, users, engine, t),
      t('rows'),
    );
    if (done === null || done.read.length === 0) {
      await close();
      return null;
    }
    const read = done.read.map((p) => byPath.get(p)).filter((task): task is DayFileTask => task !== undefined);
    return await loadRows(read, engine, t, close);
  } catch (error) {
    await close();
    throw error;
  }
}

async function loadRows(
  read: readonly DayFileTask[],
  engine: SourceEngine,
  t: (name: string) => string,
  close: () => Promise<void>,
): Promise<EngineLoad | null> {
  // Each file's first row and count; the order check: files must follow in reading order.
  await engine.run(`
    CREATE TEMP TABLE ${t('firsts')} AS
      SELECT f.ord, f.path, f.private, g.first, g.n
      FROM (SELECT filename, min(rowid) AS first, count(*)::BIGINT AS n FROM ${t('rows')} GROUP BY filename) g
      JOIN ${t('files')} f ON f.path = g.filename;
    -- The named reactions of the messages SQL maps, with their distinct users (map-message.ts
    -- mapReactions) and whether Slack cut the list short.
    CREATE TEMP TABLE ${t('reactors')} AS
      WITH listed AS (
        SELECT rn, ${activityFields} AS parent, unnest(json_extract(reactions, '$[*]')) AS rx,
               unnest(range(1, 1 + json_array_length(reactions)::BIGINT)) AS rk
        FROM (${mappedRows(t)}) WHERE reactions IS NOT NULL),
      -- Each reaction parsed once for its three fields; a JSON number starts with a digit or a minus.
      fields AS (
        SELECT rn, parent, rk, json_extract(rx, ['$.name', '$.users', '$.count']) AS f FROM listed WHERE ${jsonIs('rx', 'object')}),
      named AS (
        SELECT rn, parent, rk, f[1] ->> '$' AS name,
               CASE WHEN ${jsonIs('f[2]', 'array')} THEN list_transform(list_filter(json_extract(f[2], '$[*]'),
                   u -> ${jsonIs('u', 'string')} AND u::VARCHAR <> '""'), u -> json_extract_string(u, '$')) ELSE [] END AS listed,
               CASE WHEN regexp_matches(f[3]::VARCHAR, '^[-0-9]') THEN f[3]::VARCHAR::DOUBLE END AS count
        FROM fields
        WHERE ${jsonIs('f[1]', 'string')} AND f[1]::VARCHAR <> '""'),
      -- A column, not the expression: distinctInOrder names its list twice, and a lambda would run it per element.
      users AS (SELECT rn, parent, rk, name, count, ${distinctInOrder('listed')} AS users FROM named)
      SELECT rn, parent, rk, name, users, coalesce(count > len(users), false) AS capped FROM users;`);
  const [shape] = await engine.all<{ ordered: boolean; records: number; stride: number; capped: boolean }>(`
    SELECT ${filesInOrderSql(t('firsts'))} AS ordered,
           (SELECT count(*)::DOUBLE FROM ${t('rows')}) AS records,
           1 + coalesce((SELECT max(n) FROM (SELECT sum(len(users)) AS n FROM ${t('reactors')} GROUP BY rn)), 0)::DOUBLE AS stride,
           (SELECT coalesce(bool_or(capped), false) FROM ${t('reactors')}) AS capped`);
  const block = reserveBlock(engine, shape);
  if (shape === undefined || block === null) {
    await close();
    return null;
  }
  const { base, stride, range } = block;
  await engine.run(messagesSql(engine, t, base, stride));
  await engine.run(reactionsSql(engine, t, base, stride));
  // A text near the cap (bytes count at least its UTF-16 units) goes back to JavaScript, which cuts it with a warning.
  await engine.run(`
    CREATE TEMP TABLE ${t('late')} AS
      SELECT (seq - ${base}) // ${stride} AS rn FROM raw_activities
      WHERE ${range} AND NOT derived AND strlen(coalesce(text, '')) > ${engine.maxTextChars};
    DELETE FROM raw_activities WHERE ${range} AND (seq - ${base}) // ${stride} IN (SELECT rn FROM ${t('late')});`);
  const firsts = await engine.all<{ path: string; first: number; n: number }>(
    `SELECT path, first::DOUBLE AS first, n::DOUBLE AS n FROM ${t('firsts')} ORDER BY ord`,
  );
  const events = await engine.all<{ path: string; k: number; skip: string | null; detail: string | null }>(`
    SELECT f.path, (r.rowid - f.first)::DOUBLE AS k, r.skip, r.detail
    FROM ${t('rows')} r JOIN ${t('firsts')} f ON f.path = r.filename
    WHERE NOT f.private AND (r.skip IS NOT NULL OR r.js OR r.rowid IN (SELECT rn FROM ${t('late')}))
    ORDER BY r.rowid`);
  // The wide rows are no longer needed; the narrow tables stay for `undo` and `finish`.
  await engine.run(`DROP TABLE ${t('rows')}; DROP TABLE ${t('reactors')};`);
  const byPath = new Map(read.map((task) => [task.file.localPath ?? '', task]));
  const files = new Map<InputFile, LoadedFile>();
  const first = new Map<InputFile, number>();
  for (const f of firsts) {
    const task = byPath.get(f.path);
    if (task === undefined) continue;
    files.set(task.file, { count: f.n, inserted: task.skipPrivate ? 0 : f.n, events: [] });
    first.set(task.file, f.first);
  }
  for (const e of events) {
    const task = byPath.get(e.path);
    const loaded = task ? files.get(task.file) : undefined;
    if (loaded === undefined) continue;
    loaded.inserted -= 1;
    loaded.events.push(e.skip === null ? { k: e.k, skip: null } : { k: e.k, skip: e.skip, detail: e.detail });
  }
  const blockOf = (file: InputFile) => {
    const start = base + (first.get(file) ?? 0) * stride;
    const count = files.get(file)?.count ?? 0;
    return `seq BETWEEN ${start} AND ${start + count * stride - 1}`;
  };
  return {
    files,
    capped: shape.capped,
    undo: (file) => engine.run(`DELETE FROM raw_activities WHERE ${blockOf(file)}`),
    finish: async (yielded) => {
      await laterRowsWin(engine, { firsts: t('firsts'), yielded: t('yielded') }, block, yielded);
      await close();
    },
    close,
  };
}

/** The users, channels and files the mapping looks up, as temporary tables. */
async function lookupTables(
  read: readonly DayFileTask[],
  users: ReadonlyMap<string, SlackUser>,
  conversations: readonly Conversation[],
  engine: SourceEngine,
  t: (name: string) => string,
): Promise<void> {
  const values = (rows: string[][], empty: string): string =>
    rows.length === 0 ? empty : `VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}`;
  const people = [...users].map(([id, u]) => [sqlString(id), u.name === null ? 'NULL::VARCHAR' : sqlString(u.name)]);
  // channelNamer in index.ts: a public channel's name, never a private one's (the last listed of an id).
  const named = new Map(conversations.map((c) => [c.id, c.space.isPrivate ? 'private-channel' : c.space.name]));
  const channels = [...named].map(([id, shown]) => [sqlString(id), sqlString(shown)]);
  const files = read.map((task, ord) => [
    sqlString(task.file.localPath ?? ''),
    String(ord),
    sqlString(task.conversation.id),
    sqlString(task.conversation.space.id),
    sqlString(task.shown),
    String(task.skipPrivate),
  ]);
  await engine.run(`
    CREATE TEMP TABLE ${t('users')} AS SELECT * FROM (${values(people, "SELECT '' AS a, '' AS b WHERE false")}) v(id, name);
    CREATE TEMP TABLE ${t('channels')} AS SELECT * FROM (${values(channels, "SELECT '' AS a, '' AS b WHERE false")}) v(id, shown);
    CREATE TEMP TABLE ${t('files')} AS SELECT * FROM (${values(files, "SELECT '' AS a, 0 AS b, '' AS c, '' AS d, '' AS e, false AS f WHERE false")}) v(path, ord, channel_id, space_id, shown, private);`);
}

/**
 * Undoes Slack's escaping of `&`, `<` and `>` (mrkdwn.ts `unescapeSlack`); a text with no `&` is
 * left as it is rather than copied three times. `text` is named twice: give it a column.
 */
const unescapeSql = (text: string): string =>
  `CASE WHEN contains(${text}, '&') THEN replace(replace(replace(${text}, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') ELSE ${text} END`;

/**
 * map-message.ts's rules in SQL, straight from `read_json`: one row per message in reading order
 * (rowid; no join here, which could reorder rows), its skip reason and detail (system, bot,
 * deleted), `js` for messages JavaScript maps, and the fields of the activity.
 */
function rowsSql(
  paths: readonly string[],
  users: ReadonlyMap<string, SlackUser>,
  engine: SourceEngine,
  t: (name: string) => string,
): string {
  // list_contains, not IN: DuckDB plans an IN over many constants as a join, which does not keep
  // the rows' order (the sequence numbers follow it).
  const list = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;
  const bots = [SLACKBOT_ID, ...[...users].filter(([, u]) => u.isBot).map(([id]) => id)];
  const str = (c: string) => `CASE WHEN ${jsonIs(c, 'string')} THEN ${c} ->> '$' END`;
  return `
    CREATE TEMP TABLE ${t('rows')} AS
    WITH raw AS (
      SELECT filename, ts, "user" AS usr, subtype, bot_id, text, thread_ts, root, blocks, reactions
      FROM ${readJsonArrays(paths, COLUMNS)}),
    typed AS (
      SELECT filename, coalesce(${str('subtype')}, '') AS sub, coalesce(${str('bot_id')}, '') <> '' AS has_bot_id,
             ${str('ts')} AS ts_s, nullif(${str('usr')}, '') AS user_s, coalesce(${str('text')}, '') AS body,
             nullif(${str('thread_ts')}, '') AS thread_s, coalesce(${jsonIs('root', 'object')}, false) AS has_root,
             -- A NUL escape is JavaScript's.
             coalesce(contains(text::VARCHAR, '\\u0000'), false) AS odd,
             CASE WHEN contains(blocks::VARCHAR, '"user_id"') THEN blocks END AS user_blocks,
             CASE WHEN ${jsonIs('reactions', 'array')} AND reactions::VARCHAR <> '[]' THEN reactions END AS reactions
      FROM raw),
    ${blockMentionsSql()},
    judged AS (
      SELECT *, CASE
          WHEN list_contains(${list(['tombstone', 'message_deleted', 'message_changed'])}, sub) THEN 'deleted'
          WHEN NOT list_contains(${list([...ORDINARY, ...BOTS])}, sub) THEN 'system'
          WHEN list_contains(${list(BOTS)}, sub) OR has_bot_id THEN 'bot'
        END AS early,
        CASE WHEN regexp_full_match(coalesce(ts_s, ''), '(\\d{1,12})(\\.\\d{1,6})?')
             THEN split_part(ts_s, '.', 1)::BIGINT * 1000 + rpad(left(split_part(ts_s, '.', 2), 3), 3, '0')::BIGINT END AS at_ms,
        -- Every URL holds "://", which unescaping neither makes nor breaks: only those texts are searched.
        CASE WHEN contains(body, '://') THEN regexp_extract_all(${unescapeSql('body')}, '${URL_SQL}') END AS url_matches
      FROM blocked),
    routed AS (
      SELECT *, early IS NULL AND (sub = 'file_comment' OR user_s IS NULL OR at_ms IS NULL OR (thread_s IS NULL AND has_root) OR odd OR blocks_js
          OR at_ms < ${engine.earliest} OR at_ms > ${engine.notAfter}
          -- Gated: a lambda costs per row even over no list, and most texts hold no URL.
          OR (url_matches IS NOT NULL AND coalesce(list_bool_or(list_transform(url_matches, u -> ${urlNeedsJavaScript('u')})), false))) AS js
      FROM judged),
    skipped AS (
      SELECT *, CASE WHEN early IS NOT NULL THEN early
                     WHEN NOT js AND list_contains([${bots.map(sqlString).join(', ')}], user_s) THEN 'bot' END AS skip
      FROM routed)
    SELECT filename, ts_s, user_s, body, thread_s, at_ms, js, reactions, block_users, url_matches, skip,
           CASE WHEN early = 'deleted' AND sub = 'message_changed' THEN 'an edit of an earlier message'
                WHEN early = 'deleted' OR early = 'system' THEN 'subtype ' || sub
                WHEN early = 'bot' THEN 'a bot or integration message'
                WHEN skip = 'bot' THEN 'a message by bot user ' || user_s END AS detail
    FROM skipped;`;
}

/**
 * mrkdwn.ts `blockMentions` for the usual rich text, as CTEs after `typed`: the users of
 * `type: user` elements at one of the first four levels of `elements` (blocks, their elements,
 * theirs...), in order, without repeats. JavaScript walks the tree depth first; the levels agree
 * with it when every `"user_id"` key of the blocks' text sits at one level, which is checked by
 * counting them; any other shape (users at two levels or deeper, blocks that are no array, the
 * words in a string) makes the message JavaScript's (`blocks_js`).
 */
function blockMentionsSql(): string {
  const paths = [
    '$[*]',
    '$[*].elements[*]',
    '$[*].elements[*].elements[*]',
    '$[*].elements[*].elements[*].elements[*]',
  ];
  const levels = `[${paths.map((p) => `coalesce(json_extract(user_blocks, '${p}'), [])`).join(', ')}]`;
  const users = `list_transform(list_filter(lv[list_position(counts, keys)], e -> json_type(e, '$.type') = 'VARCHAR'
      AND json_extract_string(e, '$.type') = 'user' AND json_type(e, '$.user_id') = 'VARCHAR'), e -> json_extract_string(e, '$.user_id'))`;
  return `leveled AS (
      SELECT *, CASE WHEN user_blocks IS NOT NULL THEN ${levels} END AS lv,
             (strlen(user_blocks::VARCHAR) - strlen(replace(user_blocks::VARCHAR, '"user_id"', ''))) // 9 AS keys
      FROM typed),
    counted AS (
      SELECT *, list_transform(lv, l -> len(list_filter(l, e -> json_type(e, '$.user_id') IS NOT NULL))) AS counts FROM leveled),
    blocked AS (
      SELECT * EXCLUDE (lv, keys, counts, user_blocks),
             coalesce(user_blocks IS NOT NULL AND NOT list_contains(counts, keys), false) AS blocks_js,
             CASE WHEN user_blocks IS NOT NULL AND list_contains(counts, keys) THEN ${distinctInOrder(users)} END AS block_users
      FROM counted)`;
}

/** The messages SQL maps in files not skipped as private, with their file's fields. */
const mappedRows = (t: (name: string) => string) =>
  `SELECT r.rowid AS rn, r.*, f.channel_id, f.space_id, f.shown FROM ${t('rows')} r JOIN ${t('files')} f ON f.path = r.filename
   WHERE r.skip IS NULL AND NOT r.js AND NOT f.private`;

/** What a reaction takes from its message (map-message.ts `buildActivity`), over a row of `mappedRows`. */
const activityFields = `{'id': 'slack:' || channel_id || ':' || ts_s, 'at_ms': at_ms, 'space_id': space_id, 'shown': shown,
  'thread': CASE WHEN thread_s IS NOT NULL AND thread_s <> ts_s THEN 'slack:' || channel_id || ':' || thread_s ELSE 'slack:' || channel_id || ':' || ts_s END}`;

const TOKEN = '<([^<>]*)>';

/**
 * The messages, in two statements. First the texts holding a `<`, their mrkdwn references
 * rendered (one row per reference, the users and channels joined, gathered back per message in
 * order) into a small table of its own with the users they mention (joined inside the insert,
 * the planner copied every text once more: 0.54 vs 0.32 s of CPU on 50k messages). Then the
 * messages with their texts, mentions and links, inserted with their sequence numbers.
 */
function messagesSql(engine: SourceEngine, t: (name: string) => string, base: number, stride: number): string {
  return `
    CREATE TEMP TABLE ${t('refs')} AS
    WITH tokens AS (
      SELECT rn, body, regexp_extract_all(body, '${TOKEN}', 1) AS toks
      FROM (SELECT rowid AS rn, body FROM ${t('rows')} WHERE skip IS NULL AND NOT js) WHERE contains(body, '<')),
    -- Each text searched once: its tokens and their positions unnested side by side.
    found AS (SELECT rn, body, unnest(toks) AS tok, unnest(range(1, 1 + len(toks))) AS k FROM tokens),
    parsed AS (
      SELECT rn, body, k, CASE WHEN strpos(tok, '|') = 0 THEN tok ELSE tok[:strpos(tok, '|') - 1] END AS target,
             CASE WHEN strpos(tok, '|') > 0 THEN tok[strpos(tok, '|') + 1:] END AS escaped_label
      FROM found),
    labeled AS (SELECT *, ${unescapeSql('escaped_label')} AS label, ${unescapeSql('target')} AS plain_target FROM parsed),
    refs AS (
      SELECT p.rn, p.body, p.k, CASE WHEN starts_with(p.target, '@') THEN p.target[2:] END AS usr, CASE
          WHEN starts_with(p.target, '@') THEN '@' || coalesce(u.name, p.label, p.target[2:])
          WHEN starts_with(p.target, '#') THEN '#' || coalesce(c.shown, 'channel')
          WHEN starts_with(p.target, '!') THEN CASE WHEN coalesce(p.label, '') <> '' THEN p.label ELSE '@' || split_part(p.target[2:], '^', 1) END
          ELSE coalesce(p.label, p.plain_target) END AS shown
      FROM labeled p
      -- Equalities alone, so that the joins are hash joins (with the sigil tested beside them, nested loops).
      LEFT JOIN ${t('users')} u ON u.id = CASE WHEN starts_with(p.target, '@') THEN p.target[2:] END
      LEFT JOIN ${t('channels')} c ON c.id = CASE WHEN starts_with(p.target, '#') THEN p.target[2:] END),
    -- In order by sorting each message's short list: an ordered list aggregate took 2.3 s on 59k references.
    gathered AS (
      SELECT rn, list_sort(list({'k': k, 'shown': shown, 'usr': usr})) AS refs,
             regexp_split_to_array(any_value(body), '<[^<>]*>') AS pieces
      FROM refs GROUP BY rn)
    SELECT rn, pieces[1] || array_to_string(list_transform(refs, (r, k) -> r.shown || pieces[k + 1]), '') AS rendered,
           list_filter(list_transform(refs, r -> r.usr), u -> u IS NOT NULL) AS users
    FROM gathered;

    INSERT INTO raw_activities
    WITH mapped AS (${mappedRows(t)}),
    joined AS (
      SELECT m.*, coalesce(a.rendered, m.body) AS escaped,
             -- A list only where there is someone to name: an empty list is built per row otherwise.
             CASE WHEN a.users IS NOT NULL OR m.block_users IS NOT NULL
                  THEN list_concat(coalesce(a.users, []), coalesce(m.block_users, [])) END AS named,
             'slack:' || m.channel_id || ':' || m.ts_s AS id,
             CASE WHEN m.thread_s IS NOT NULL AND m.thread_s <> m.ts_s THEN 'slack:' || m.channel_id || ':' || m.thread_s END AS parent
      FROM mapped m LEFT JOIN ${t('refs')} a USING (rn)),
    texts AS (
      -- The lambdas only over lists that hold something (most messages name nobody and no URL); an
      -- empty or NULL list writes NULL either way.
      SELECT *, ${unescapeSql('escaped')} AS text,
             CASE WHEN len(named) > 0 THEN list_filter(${distinctInOrder('named')}, u -> u <> user_s) END AS mentions,
             CASE WHEN len(url_matches) > 0 THEN ${distinctInOrder('url_matches')} END AS urls
      FROM joined)
    SELECT ${base} + ${stride} * rn, ${engine.inputIndex}, false, id, 'slack', CASE WHEN parent IS NULL THEN 'post' ELSE 'reply' END,
           ${utcInstantSql('at_ms')}, 'slack:' || user_s, space_id, coalesce(parent, id), parent,
           nullif(text, ''), NULL, NULL,
           CASE WHEN len(mentions) > 0 THEN nullif(array_to_string(list_transform(mentions, u -> 'slack:' || u), ' '), '') END,
           CASE WHEN urls IS NOT NULL THEN nullif(array_to_string(urls, ' '), '') END, shown, NULL, NULL
    FROM texts;`;
}

/** One reaction activity per (reaction, user) of each message SQL inserted (map-message.ts `mapReactions`). */
function reactionsSql(engine: SourceEngine, t: (name: string) => string, base: number, stride: number): string {
  return `
    INSERT INTO raw_activities
    WITH listed AS (SELECT rn, parent, rk, name, unnest(users) AS usr, unnest(range(1, 1 + len(users))) AS uk FROM ${t('reactors')}),
    numbered AS (SELECT *, row_number() OVER (PARTITION BY rn ORDER BY rk, uk) AS j FROM listed)
    SELECT ${base} + ${stride} * rn + j, ${engine.inputIndex}, true, parent.id || '#' || name || '#' || usr, 'slack',
           'reaction', ${utcInstantSql('parent.at_ms')}, 'slack:' || usr, parent.space_id, parent.thread, parent.id,
           NULL, NULL, name, NULL, NULL, parent.shown, NULL, NULL
    FROM numbered;`;
}
