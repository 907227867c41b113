import { keepAsDuckDb, keepAsParquetFiles, type KeptTable } from './kept-dataset.js';
import path from 'node:path';
import { DuckDBInstance, timestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { reclassifyUsed, type SourceAccount } from './accounting.js';
import { resolvePersons, type IdentityFacts } from './identities.js';
import { makeScratchFolder, removeScratchFolder } from './scratch.js';
import { sizeInBytes } from './size.js';
import { queryOver, type Query, type QueryObserver } from './query.js';
import type { Activity, Identity, PeopleEntry, SourceRecord, Space } from './types.js';

/**
 * Sequence numbers per input: input n's records are numbered from n * 2^40, so parts read apart
 * still sort by input, and numbers stay exact doubles (below 2^53) for up to 8,192 inputs.
 */
const SEQ_PER_INPUT = 2 ** 40;
/** About what a row of `person_id` takes uncompressed in DuckDB (ids of ~30 characters and their offsets). */
const TRANSIENT_BYTES_PER_ROW = 40;
const MAX_INPUTS = 2 ** 13;

const RAW_TABLES = `
  CREATE TABLE raw_activities (
    seq BIGINT, input_index INTEGER, derived BOOLEAN, activity_id VARCHAR, source VARCHAR, kind VARCHAR,
    occurred_at TIMESTAMPTZ, identity_id VARCHAR, space_id VARCHAR, thread_id VARCHAR, parent_id VARCHAR,
    text VARCHAR, title VARCHAR, reaction VARCHAR, mentions VARCHAR, links VARCHAR, file VARCHAR, line INTEGER,
    platform_question BOOLEAN);
  CREATE TABLE raw_identities (seq BIGINT, identity_id VARCHAR, source VARCHAR, name VARCHAR, email VARCHAR, department VARCHAR, is_bot BOOLEAN);
  CREATE TABLE raw_spaces (seq BIGINT, space_id VARCHAR, source VARCHAR, name VARCHAR, kind VARCHAR, is_private BOOLEAN);
`;

/**
 * The normalized dataset, held in DuckDB (in memory, or in a file with `--dataset`). Adapters'
 * records are appended as they stream in; `finalize` then keeps the last version of every
 * duplicated id, resolves identities to persons and drops bots, fixing the accounting as it goes.
 *
 * Final tables: `activities`, `identities`, `persons`, `spaces` (see `finalize`).
 */
export { KEPT_TABLES, type KeptTable } from './kept-dataset.js';

export class Dataset {
  private seq = 0;
  /** The second connection of `runBeside`, opened on first use. */
  private beside: Promise<Query> | null = null;
  /** Hears about every query, `runBeside`'s too. */
  private observe: QueryObserver | undefined;
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: { activities: DuckDBAppender; identities: DuckDBAppender; spaces: DuckDBAppender },
    readonly query: Query,
    /** A temporary folder holding the database, removed on close. */
    private readonly scratch: string | null,
    /** The `memory_limit` the dataset was opened with (null: DuckDB's default, or in memory, where nothing spills). */
    readonly memoryLimit: string | null = null,
  ) {}

  /**
   * Opens an empty dataset: in memory by default, in `file` (which must not exist yet) to keep it,
   * or with `spill` in a temporary file removed on close (what the CLI does).
   *
   * Why a file even when nothing is kept: DuckDB compresses tables when it writes them to a file
   * and can evict their blocks under `memoryLimit`, while an in-memory database keeps every row
   * uncompressed and cannot spill it (a cap there turns a large export into an out-of-memory
   * error). On 1M Yammer messages the in-memory tables peaked at ~1.5 GB, the file at 154 MB.
   */
  static async open(options: DatasetOptions = {}): Promise<Dataset> {
    const scratch = options.spill && !options.file ? makeScratchFolder() : null;
    const file = options.file ?? (scratch ? path.join(scratch, 'dataset.duckdb') : ':memory:');
    // Extensions this tool needs (ICU, JSON) are built in; never reach the network for others.
    const settings: Record<string, string> = { autoinstall_known_extensions: 'false' };
    if (options.memoryLimit && file !== ':memory:') settings['memory_limit'] = options.memoryLimit;
    if (options.uncompressed) settings['force_compression'] = 'uncompressed';
    if (options.threads) settings['threads'] = String(options.threads);
    try {
      const instance = await DuckDBInstance.create(file, settings);
      const connection = await instance.connect();
      // A scratch file is removed on close: checkpointing it there (DuckDB's default) rewrote every
      // row the load left unmerged (4.5 s CPU at 1M Yammer messages) for nothing.
      if (scratch) await connection.run('PRAGMA disable_checkpoint_on_shutdown');
      await connection.run(RAW_TABLES);
      const appenders = {
        activities: await connection.createAppender('raw_activities'),
        identities: await connection.createAppender('raw_identities'),
        spaces: await connection.createAppender('raw_spaces'),
      };
      const limit = settings['memory_limit'] ?? null;
      const query = queryOver(connection, options.observe, limit);
      const dataset = new Dataset(instance, connection, appenders, query, scratch, limit);
      dataset.observe = options.observe;
      return dataset;
    } catch (error) {
      if (scratch) removeScratchFolder(scratch);
      throw error;
    }
  }

  /**
   * Starts the records of input `inputIndex`: its sequence numbers (the "later wins" order of
   * duplicates and of identity fields) come after those of every earlier input, also when inputs
   * are read apart, in worker threads, and their parts merged with `absorb`.
   */
  beginInput(inputIndex: number): void {
    this.seq = Math.max(this.seq, Math.min(inputIndex, MAX_INPUTS - 1) * SEQ_PER_INPUT);
  }

  /** Ends a part read in a worker thread: the raw rows are written to its file, which is closed. */
  async closePart(): Promise<void> {
    for (const appender of Object.values(this.appenders)) appender.closeSync();
    await this.connection.run('CHECKPOINT');
    await this.close();
  }

  /**
   * Copies the raw rows of a part (a dataset file a worker thread read inputs into, closed) after
   * this dataset's own; the file may then go. The caller copies each part as soon as it is closed,
   * while other threads still read: the copy (1.75M rows of 1M Slack messages, ~6 s) then overlaps
   * their reading instead of lengthening finalize (bench/README.md, s13-b). Parts copied in a fixed
   * order keep the rows' order whatever thread finishes first.
   */
  async absorb(partFile: string): Promise<void> {
    for (const appender of Object.values(this.appenders)) appender.flushSync();
    await this.query.run(`
      ATTACH '${partFile.replaceAll("'", "''")}' AS absorbed_part (READ_ONLY);
      INSERT INTO raw_activities SELECT * FROM absorbed_part.raw_activities;
      INSERT INTO raw_identities SELECT * FROM absorbed_part.raw_identities;
      INSERT INTO raw_spaces SELECT * FROM absorbed_part.raw_spaces;
      DETACH absorbed_part;`);
  }

  /**
   * Reserves `count` sequence numbers for rows an adapter inserts into the raw tables with SQL
   * (`raw_activities`, `raw_identities`, `raw_spaces`, same columns as the appenders write); returns
   * the first. Appended records keep numbering after them.
   */
  reserveSeq(count: number): number {
    const first = this.seq + 1;
    this.seq += count;
    return first;
  }

  /** Appends one adapter record; counts non-derived activities as read and used. */
  append(record: SourceRecord, account: SourceAccount): void {
    this.seq += 1;
    if (record.type === 'activity') {
      if (!record.derived) {
        account.read += 1;
        account.used += 1;
      }
      this.appendActivity(record.activity, account.inputIndex, record.derived === true);
    } else if (record.type === 'identity') this.appendIdentity(record.identity);
    else this.appendSpace(record.space);
  }

  private appendActivity(a: Activity, inputIndex: number, derived: boolean): void {
    const w = this.appenders.activities;
    w.appendBigInt(BigInt(this.seq));
    w.appendInteger(inputIndex);
    w.appendBoolean(derived);
    w.appendVarchar(a.id);
    w.appendVarchar(a.source);
    w.appendVarchar(a.kind);
    // A TIMESTAMP value is stored into the TIMESTAMPTZ column as the same UTC instant (the appender
    // reinterprets, it applies no session time zone), and skips appendTimestampTZ's generic
    // value-conversion path, the slowest call per row in a profile of a million-message load.
    w.appendTimestamp(timestampValue(BigInt(Math.round(a.at)) * 1000n));
    w.appendVarchar(a.identityId);
    w.appendVarchar(a.spaceId);
    w.appendVarchar(a.threadId);
    appendNullable(w, a.parentId);
    appendNullable(w, a.text);
    appendNullable(w, a.title);
    appendNullable(w, a.reaction);
    appendNullable(w, a.mentions.length ? a.mentions.join(' ') : null);
    appendNullable(w, a.links.length ? a.links.join(' ') : null);
    w.appendVarchar(a.provenance.file);
    if (a.provenance.line === null) w.appendNull();
    else w.appendInteger(a.provenance.line);
    if (a.platformQuestion === undefined) w.appendNull();
    else w.appendBoolean(a.platformQuestion);
    w.endRow();
  }

  private appendIdentity(i: Identity): void {
    const w = this.appenders.identities;
    w.appendBigInt(BigInt(this.seq));
    w.appendVarchar(i.id);
    w.appendVarchar(i.source);
    appendNullable(w, i.name);
    appendNullable(w, i.email);
    appendNullable(w, i.department);
    w.appendBoolean(i.isBot);
    w.endRow();
  }

  private appendSpace(s: Space): void {
    const w = this.appenders.spaces;
    w.appendBigInt(BigInt(this.seq));
    w.appendVarchar(s.id);
    w.appendVarchar(s.source);
    w.appendVarchar(s.name);
    w.appendVarchar(s.kind);
    w.appendBoolean(s.isPrivate);
    w.endRow();
  }

  /**
   * Builds the final tables. Duplicated activity ids keep their last version (later inputs and
   * later rows win, as overlapping Yammer exports re-export edited messages); earlier versions
   * move from used to skipped `duplicate` in the input they came from. Activities of bots (from
   * adapters or the people file's role `bot`) move to skipped `bot`.
   */
  async finalize(accounts: readonly SourceAccount[], people: readonly PeopleEntry[]): Promise<void> {
    for (const appender of Object.values(this.appenders)) appender.closeSync();
    const q = this.query;
    // Earlier versions of duplicated ids, found on narrow columns (ids seen twice are usually few):
    // ranking every row, or copying the deduplicated rows with their texts, cost seconds and a
    // second copy of the data on large exports.
    await q.run(`
      CREATE TEMP TABLE superseded AS
      WITH raw AS (SELECT seq, input_index, derived, activity_id FROM raw_activities),
      repeated AS (SELECT activity_id FROM raw GROUP BY activity_id HAVING count(*) > 1)
      SELECT seq, input_index, derived FROM raw
      WHERE activity_id IN (SELECT activity_id FROM repeated)
      QUALIFY seq <> max(seq) OVER (PARTITION BY activity_id)`);
    const duplicates = await q.all<{ input_index: number; n: number }>(`
      SELECT input_index, count(*)::INTEGER AS n FROM superseded
      WHERE NOT derived
      GROUP BY input_index`);
    for (const { input_index, n } of duplicates) reclassify(accounts, input_index, 'duplicate', n);

    await this.buildIdentities(people);

    const bots = await q.all<{ input_index: number; n: number }>(`
      SELECT d.input_index, count(*)::INTEGER AS n FROM raw_activities d JOIN identities i USING (identity_id)
      WHERE i.is_bot AND NOT d.derived AND d.seq NOT IN (SELECT seq FROM superseded) GROUP BY d.input_index`);
    for (const { input_index, n } of bots) reclassify(accounts, input_index, 'bot', n);

    await this.activitiesInPlace();
    await q.run(`
      -- A space seen private in any input stays private: an overlapping export that calls it
      -- public must not make its text appear in outputs.
      CREATE TABLE spaces AS
      SELECT space_id, any_value(source) AS source, arg_max(name, seq) AS name, arg_max(kind, seq) AS kind,
             bool_or(is_private) AS is_private
      FROM raw_spaces GROUP BY space_id;
      INSERT INTO spaces
      SELECT DISTINCT a.space_id, a.source, a.space_id, 'other', false FROM activities a
      WHERE a.space_id NOT IN (SELECT space_id FROM spaces);`);
    // The raw rows are all in the final tables now (a kept --dataset file holds only those).
    await q.run('DROP TABLE raw_identities; DROP TABLE raw_spaces;');
    await q.releaseMemory();

    const ranges = await q.all<{ input_index: number; first_at: string; last_at: string }>(`
      SELECT input_index, min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM activities GROUP BY input_index`);
    for (const r of ranges) {
      const account = accounts.find((a) => a.inputIndex === r.input_index);
      if (account) {
        account.firstAt = Date.parse(r.first_at);
        account.lastAt = Date.parse(r.last_at);
      }
    }
  }

  /**
   * Turns `raw_activities` into `activities` where it stands, so the texts are written once (by
   * the load), not copied a second time: superseded versions and
   * bots' rows deleted, `person_id` and `is_contribution` added, `seq` and `derived` dropped. A
   * `CREATE TABLE activities AS SELECT ... JOIN identities` copy cost 5.3-5.6 s CPU on 1M Yammer
   * messages against 1.8-2.7 s this way (bench/README.md; on a reopened file: right after the load,
   * as the CLI runs it, a commit that checkpoints adds ~4 s, see `personIdsByPosition`). The columns are then in another order
   * than docs/dataset.md's (person_id and is_contribution last): queries name their columns, and
   * the kept dataset lists them in the documented order (kept-dataset.ts). The rows stay in the
   * order they were read; no metric may depend on it (every result orders by its own keys).
   */
  private async activitiesInPlace(): Promise<void> {
    const q = this.query;
    // One statement at a time, the freed memory handed back after each rewrite: a column written
    // again leaves its old blocks in DuckDB's buffer pool and what the C allocator keeps of them,
    // and at 10M Yammer messages they stacked up to the run's peak (1,611 MiB at the end of this
    // step against 1,262 after it, bench/README.md).
    await q.run(`
      ALTER TABLE raw_activities RENAME TO activities;
      DELETE FROM activities
      WHERE seq IN (SELECT seq FROM superseded) OR identity_id IN (SELECT identity_id FROM identities WHERE is_bot);
      DROP TABLE superseded;
      ALTER TABLE activities ADD COLUMN person_id VARCHAR;`);
    await q.releaseMemory();
    // A large dataset takes the UPDATE, whose commit checkpoints the table (`columnsOutgrowMemory`).
    if (await this.columnsOutgrowMemory())
      await q.run(
        `UPDATE activities SET person_id = i.person_id FROM identities i WHERE i.identity_id = activities.identity_id;`,
      );
    else await this.personIdsByPosition();
    await q.releaseMemory();
    await q.run(`
      -- A column computed from others: ALTER ... TYPE ... USING writes that column alone.
      ALTER TABLE activities ADD COLUMN is_contribution BOOLEAN;
      ALTER TABLE activities ALTER is_contribution TYPE BOOLEAN USING kind IN ('post', 'reply', 'page_create', 'page_edit');
      ALTER TABLE activities DROP COLUMN seq;
      ALTER TABLE activities DROP COLUMN derived;`);
    await q.releaseMemory();
  }

  /**
   * Whether `person_id` should be written by a statement that checkpoints the table (the UPDATE) rather
   * than left uncompressed in DuckDB's buffer pool (`personIdsByPosition`), which the metrics then
   * share: at 3M Yammer messages the position lookup without a checkpoint raised the RSS after every
   * metric area by 100-200 MiB and the run's peak from 1,091 to 1,308 MiB, and an ALTER followed by a
   * CHECKPOINT cost more than the UPDATE on the three exports of the bench (8.6 against 5.3 s CPU;
   * bench/README.md, s12-b). Below that size the checkpoint (~4 s CPU per million rows, the load's
   * rows are rewritten too) is the larger cost. So: when the column would take more than an eighth
   * of the memory limit, at about 40 bytes a row. Without a limit (in memory), never.
   */
  private async columnsOutgrowMemory(): Promise<boolean> {
    if (this.memoryLimit === null) return false;
    const [row] = await this.query.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM activities');
    return writtenColumnsOutgrow(row?.n ?? 0, this.memoryLimit);
  }

  /**
   * Fills `activities.person_id` from `identities` by `ALTER ... TYPE ... USING`, which writes that
   * column alone, with a lookup that needs no join (a subquery is not allowed there): an ENUM of the
   * identity ids turns each row's identity into its position, which indexes the list of person ids
   * held in a variable. An `UPDATE ... FROM identities` did the same in 0.3 s CPU on 1M Yammer
   * messages, but its commit checkpointed the whole table the load had just written (4.0 s CPU, and
   * RSS up to 641-726 MiB against 359-368 this way; bench/README.md, s12-b). For datasets that are not
   * large (`columnsOutgrowMemory`); the scratch file is not checkpointed on close either (`open`). An
   * identity not in `identities` gets NULL, as the join gave.
   */
  private async personIdsByPosition(): Promise<void> {
    await this.query.run(`
      CREATE TYPE identity_position AS ENUM (SELECT identity_id FROM identities ORDER BY identity_id);
      SET VARIABLE person_of_identity = (
        SELECT list(person_id ORDER BY enum_code(identity_id::identity_position)) FROM identities);
      ALTER TABLE activities ALTER person_id TYPE VARCHAR
        USING getvariable('person_of_identity')[enum_code(TRY_CAST(identity_id AS identity_position)) + 1];
      RESET VARIABLE person_of_identity;
      DROP TYPE identity_position;`);
  }

  /** Identities seen in records or referenced by activities, resolved to persons. */
  private async buildIdentities(people: readonly PeopleEntry[]): Promise<void> {
    const q = this.query;
    const rows = await q.all<{
      identity_id: string;
      source: string;
      name: string | null;
      email: string | null;
      department: string | null;
      is_bot: boolean;
    }>(`
      -- Per field, the latest value that is known: a later export without Users.csv must not erase
      -- the e-mail and department an earlier one gave.
      WITH latest AS (
        SELECT identity_id, any_value(source) AS source,
               max_by(name, seq) FILTER (WHERE name IS NOT NULL) AS name,
               max_by(email, seq) FILTER (WHERE email IS NOT NULL) AS email,
               max_by(department, seq) FILTER (WHERE department IS NOT NULL) AS department,
               max_by(is_bot, seq) AS is_bot
        FROM raw_identities GROUP BY identity_id),
      referenced AS (
        SELECT DISTINCT identity_id, source FROM raw_activities
        WHERE identity_id NOT IN (SELECT identity_id FROM latest) AND seq NOT IN (SELECT seq FROM superseded))
      SELECT * FROM latest
      UNION ALL SELECT identity_id, source, NULL, NULL, NULL, false FROM referenced
      ORDER BY identity_id`);
    const facts: IdentityFacts[] = rows.map((r) => ({
      id: r.identity_id,
      name: r.name,
      email: r.email,
      department: r.department,
      isBot: r.is_bot,
    }));
    const { persons, personOf } = resolvePersons(facts, people);
    await q.run(`
      CREATE TABLE identities (identity_id VARCHAR PRIMARY KEY, source VARCHAR, person_id VARCHAR, name VARCHAR, email VARCHAR, department VARCHAR, is_bot BOOLEAN);
      CREATE TABLE persons (person_id VARCHAR PRIMARY KEY, name VARCHAR, email VARCHAR, department VARCHAR, role VARCHAR, is_bot BOOLEAN);`);
    const botPersons = new Set(persons.filter((p) => p.isBot).map((p) => p.personId));
    const identityWriter = await this.connection.createAppender('identities');
    for (const r of rows) {
      const personId = personOf.get(r.identity_id) ?? r.identity_id;
      identityWriter.appendVarchar(r.identity_id);
      identityWriter.appendVarchar(r.source);
      identityWriter.appendVarchar(personId);
      appendNullable(identityWriter, r.name);
      appendNullable(identityWriter, r.email);
      appendNullable(identityWriter, r.department);
      identityWriter.appendBoolean(r.is_bot || botPersons.has(personId));
      identityWriter.endRow();
    }
    identityWriter.closeSync();
    const personWriter = await this.connection.createAppender('persons');
    for (const p of persons) {
      personWriter.appendVarchar(p.personId);
      appendNullable(personWriter, p.name);
      appendNullable(personWriter, p.email);
      appendNullable(personWriter, p.department);
      appendNullable(personWriter, p.role);
      personWriter.appendBoolean(p.isBot);
      personWriter.endRow();
    }
    personWriter.closeSync();
  }

  /** `--dataset FILE.duckdb`: the final tables, private text left out (kept-dataset.ts). */
  async keepAs(file: string): Promise<void> {
    await keepAsDuckDb(this.query, file);
  }

  /** `--dataset out/`: the same tables as one Parquet file each (kept-dataset.ts). */
  async keepAsParquet(files: Readonly<Record<KeptTable, string>>): Promise<void> {
    await keepAsParquetFiles(this.query, files);
  }

  /** Connections opened by {@link moreQueries}, closed with the dataset. */
  private readonly moreConnections: DuckDBConnection[] = [];

  /**
   * `count` more query surfaces over the dataset, each on a connection of its own (its own
   * temporary tables), closed with the dataset: for work that runs at the same time as the main
   * connection's (the metrics of a small dataset, run-metrics.ts).
   */
  async moreQueries(count: number, observe?: QueryObserver): Promise<Query[]> {
    const queries: Query[] = [];
    for (let i = 0; i < count; i += 1) {
      const connection = await this.instance.connect();
      this.moreConnections.push(connection);
      queries.push(queryOver(connection, observe, this.memoryLimit));
    }
    return queries;
  }

  /**
   * Runs `sql` on a second connection of this database, which may run while `query` runs a
   * statement (a source parsing two halves of a file at once, shared/engine-load.ts); opened on
   * first use by {@link moreQueries}, so it is closed with the others.
   */
  async runBeside(sql: string): Promise<void> {
    this.beside ??= this.moreQueries(1, this.observe).then(([query]) => query as Query);
    await (await this.beside).run(sql);
  }

  async close(): Promise<void> {
    for (const connection of this.moreConnections.splice(0)) connection.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
    if (this.scratch) removeScratchFolder(this.scratch);
  }
}

export interface DatasetOptions {
  /** Keep the dataset in this DuckDB file (it must not exist yet). */
  file?: string;
  /** Without `file`: hold the dataset in a temporary file (removed on close) instead of in memory. */
  spill?: boolean;
  /** DuckDB's `memory_limit` for a dataset in a file (e.g. `1GB`); beyond it DuckDB evicts and spills. */
  memoryLimit?: string;
  /** Hears about every query (the CLI's `--verbose` timings). */
  observe?: QueryObserver;
  /** DuckDB's threads (default: one per core); each connection's statements still run at the same time as another's. */
  threads?: number;
  /**
   * Write the file without compression: for a part a worker thread reads into, which is read once
   * by `absorb` and removed (compressing it cost seconds at the end of every large read).
   */
  uncompressed?: boolean;
}

/**
 * Whether an uncompressed `person_id` for `rows` activities (about 40 bytes a row) takes more than an
 * eighth of `memoryLimit` (`Dataset.columnsOutgrowMemory` says why); false without a known limit.
 */
export function writtenColumnsOutgrow(rows: number, memoryLimit: string | null): boolean {
  const limit = memoryLimit === null ? null : sizeInBytes(memoryLimit);
  return limit !== null && rows * TRANSIENT_BYTES_PER_ROW > limit / 8;
}

function appendNullable(w: DuckDBAppender, value: string | null): void {
  if (value === null) w.appendNull();
  else w.appendVarchar(value);
}

function reclassify(accounts: readonly SourceAccount[], inputIndex: number, reason: string, count: number): void {
  const account = accounts.find((a) => a.inputIndex === inputIndex);
  if (account) reclassifyUsed(account, reason, count);
}
