/**
 * Messages.csv mapped in SQL (engine-read.ts) against the JavaScript reader (read.ts + map.ts):
 * the same input loaded both ways must give the same final dataset rows and the same accounts,
 * warnings included, on the fixtures, the shared samples, a generated export and a file of nasty rows.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceAccount } from '../../../src/model/accounting.js';
import { Dataset } from '../../../src/model/dataset.js';
import { yammerSourceWith } from '../../../src/sources/yammer/index.js';
import { writeYammerExport } from '../../../scripts/generate/yammer-writer.js';
import {
  BAD_INPUTS,
  CSV_NOT_LINE_FOR_LINE,
  engineLoadOrSameFailure,
  expectSameAccountsAndTables,
  finalTables,
  loadGivingSettingsBack,
  NOT_AFTER,
  watchedSource,
} from '../../helpers/engine-equivalence.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/yammer');
const SAMPLE_PILOT = path.resolve(import.meta.dirname, '../../../fixtures/sample-pilot/yammer');

interface Loaded {
  accounts: SourceAccount[];
  /**
   * The adapter's skips as `file:line reason`, in the order reported (load.ts's screen reports each
   * of its skips as a warning too, with file and line, which `accounts` holds).
   */
  skips: string[];
  tables: Record<string, unknown[]>;
  /** Whether some Messages.csv was inserted by SQL. */
  inSql: boolean;
  /** Statements that inserted activities by SQL. */
  inserts: number;
  /** The memory limits the load set, in order. */
  limitsSet: string[];
  /**
   * In order: `one thread` and `unordered` as the load set them, `parse and map` (and `parse and map
   * the rest` for a file parsed as two halves), `map` (a mapping statement of its own) and `insert`
   * as its statements ran.
   */
  phases: string[];
}

/** Loads `inputs` with Messages.csv read one way, and returns the final tables and the accounts. */
async function load(
  inputs: string[],
  engineMinBytes: number,
  includePrivate = false,
  engineBatchRows?: number,
  memoryLimit?: string,
  engineSplitMinBytes?: number,
): Promise<Loaded> {
  let inSql = false;
  const limitsSet: string[] = [];
  const phases: string[] = [];
  let inserts = 0;
  const skips: string[] = [];
  const watched = watchedSource(
    yammerSourceWith({
      minBytes: engineMinBytes,
      ...(engineBatchRows === undefined ? {} : { batchRows: engineBatchRows }),
      ...(engineSplitMinBytes === undefined ? {} : { splitMinBytes: engineSplitMinBytes }),
    }),
    {
      skip: (reason, at) => skips.push(`${at.file}:${at.line ?? ''} ${reason}`),
    },
  );
  const observe = (sql: string) => {
    if (sql.includes('INSERT INTO raw_activities')) {
      inSql = true;
      inserts += 1;
    }
    for (const set of sql.matchAll(/SET memory_limit = '([^']*)'/g)) limitsSet.push(set[1] ?? '');
    if (sql.includes('SET threads = 1')) phases.push('one thread');
    // A statement that parses the file and gives every record its skip reason maps as it parses.
    const mapsAsItParses = sql.includes('read_csv(') && sql.includes(' AS skip');
    if (/CREATE TEMP TABLE yammer_load_first_\d+ AS/.test(sql) && mapsAsItParses) phases.push('parse and map');
    if (/CREATE TABLE yammer_load_rest_\d+\.rows AS/.test(sql) && mapsAsItParses) phases.push('parse and map the rest');
    if (sql.includes('SET preserve_insertion_order = false')) phases.push('unordered');
    if (/CREATE TEMP TABLE yammer_load_mapped_\d+ AS/.test(sql)) phases.push('map');
    if (sql.includes('INSERT INTO raw_activities')) phases.push('insert');
  };
  // A spilled dataset has a memory limit, which the SQL load lowers while it runs.
  const dataset = await Dataset.open(memoryLimit === undefined ? { observe } : { observe, spill: true, memoryLimit });
  try {
    // The SQL load runs at one thread and gives the engine its threads (and memory limit) back.
    const accounts = await loadGivingSettingsBack(
      inputs,
      dataset,
      { includePrivate, botAccounts: [], notAfter: NOT_AFTER, sources: { yammer: watched } },
      ['threads', 'memory_limit', 'preserve_insertion_order'],
    );
    await dataset.finalize(accounts, []);
    const tables = await finalTables(dataset);
    return { accounts, skips, tables, inSql, inserts, limitsSet, phases };
  } finally {
    await dataset.close();
  }
}

async function expectSameBothWays(inputs: string[], includePrivate = false, loadedInEngine?: Loaded): Promise<Loaded> {
  const inEngine = loadedInEngine ?? (await load(inputs, 0, includePrivate));
  const inJavaScript = await load(inputs, Number.POSITIVE_INFINITY, includePrivate);
  expect(inJavaScript.inSql).toBe(false);
  expectSameAccountsAndTables(inEngine, inJavaScript);
  expect(inEngine.skips).toEqual(inJavaScript.skips);
  return inEngine;
}

/** A CSV cell, quoted. */
const q = (text: string): string => `"${text.replace(/"/g, '""')}"`;

const NASTY_HEADER = [
  'id',
  'replied_to_id',
  'thread_id',
  'conversation_id',
  'group_id',
  'group_name',
  'in_private_group',
  'in_private_conversation',
  'sender_id',
  'sender_type',
  'sender_name',
  'sender_email',
  'body',
  'html_body',
  'title',
  'message_type',
  'attachments',
  'deleted_at',
  'created_at',
];

function row(cells: Partial<Record<string, string>>): string {
  return NASTY_HEADER.map((c) => q(cells[c] ?? '')).join(',');
}

/** Rows that exercise every rule of map.ts and load.ts's screen, and the text clean-up. */
function nastyMessages(eol: string): string {
  const at = '2026-03-02 10:00:00 UTC';
  const rows = [
    // A mention of sender 77 before their first message: `@user:77`, then their name after it.
    row({
      id: '1',
      thread_id: '1',
      sender_id: '5',
      body: 'hi [[user:77]] and [[USER:5]] [[user:5]]',
      created_at: at,
      message_type: 'question',
      title: '  Q1  ',
    }),
    row({
      id: '2',
      thread_id: '1',
      replied_to_id: '1',
      sender_id: '77',
      sender_name: 'Zed Unlisted',
      sender_email: 'z@x.org',
      body: 'reply\r\nover two lines',
      created_at: '2026/03/02 11:00:00 +0100',
    }),
    row({
      id: '3',
      thread_id: '1',
      replied_to_id: '2',
      sender_id: '5',
      body: 'thanks [[user:77]] see https://x.org/a.',
      created_at: '2026-03-02T12:00:00.123456Z',
    }),
    row({
      id: '4',
      thread_id: '4',
      sender_id: '6',
      body: '   ',
      html_body: '<p>Hello <b>there</b></p><script>x()</script>',
      created_at: at,
      message_type: 'announcement',
    }),
    row({
      id: '5',
      thread_id: '5',
      sender_id: '6',
      body: 'see (https://en.wikipedia.org/wiki/Foo_(bar)) and https://a.example/b',
      attachments: 'opengraphobject:[1 : https://intranet.example/p : title="x"]',
      created_at: '2026-03-03',
      group_id: '10',
      in_private_group: 'false',
    }),
    row({
      id: '6',
      thread_id: '5',
      replied_to_id: '5',
      sender_id: '5',
      body: 'in the now private group [[group:10]] [[tag:3]] [[tag:99]] [[group:11]]',
      created_at: at,
      group_id: '10',
      in_private_group: 'TRUE',
    }),
    row({ id: '7', thread_id: '7', sender_id: '5', body: 'deleted', deleted_at: at, created_at: at }),
    row({ id: '8', thread_id: '8', sender_id: '5', body: 'system', message_type: 'System', created_at: at }),
    row({ id: '9', thread_id: '9', sender_id: '8', sender_type: 'bot', body: 'beep', created_at: at }),
    row({
      id: '10',
      thread_id: '10',
      sender_id: '5',
      body: 'dm',
      in_private_conversation: 'true',
      conversation_id: '555',
      created_at: at,
    }),
    row({ id: '11', thread_id: '11', sender_id: '5', body: 'bad date', created_at: '2026-02-30 10:00:00' }),
    row({ id: '12', thread_id: '12', sender_id: '5', body: 'future', created_at: '2027-01-01 00:00:00' }),
    row({ id: '13', thread_id: '13', sender_id: '5', body: 'placeholder date', created_at: '1970-01-01' }),
    row({ id: '', thread_id: '14', sender_id: '5', body: 'no id', created_at: at }),
    row({ id: '15', thread_id: '15', sender_id: 'null', body: 'no sender', created_at: at }),
    row({ id: '16', thread_id: '16', sender_id: '5', body: `long ${'x'.repeat(100_010)}`, created_at: at }),
    row({
      id: '17',
      thread_id: '17',
      sender_id: '9',
      sender_name: '',
      body: '\u00a0\u2003 unicode spaces around \u3000',
      created_at: '2026-03-04 09:30 -05:30',
      group_name: 'Unlisted group',
      group_id: '12',
    }),
    row({
      id: '18',
      thread_id: '18',
      sender_id: '9',
      sender_name: 'Nine Late',
      body: 'escaped\\nnewline and \\r\\n too; emoji 😀 [[user:9]]',
      created_at: '2024-02-29 23:59:59,5 GMT',
      message_type: 'poll',
    }),
    row({
      id: '19',
      thread_id: '18',
      replied_to_id: '',
      sender_id: '9',
      body: 'reply without replied_to',
      created_at: at,
    }),
    row({
      id: '20',
      thread_id: '',
      replied_to_id: '18',
      sender_id: '9',
      body: 'reply without thread id',
      created_at: at,
    }),
    row({ id: '1', thread_id: '1', sender_id: '5', body: 'edited again, later row wins [[user:9]]', created_at: at }),
    row({
      id: '21',
      thread_id: '21',
      sender_id: '5',
      body: 'NULL',
      html_body: 'null',
      created_at: at,
      in_private_group: 'true',
    }),
    row({ id: '22', thread_id: '22', sender_id: '5', body: 'time zone', created_at: '2026-03-05 10:00:00 +15:00' }),
    row({
      id: '23',
      thread_id: '23',
      sender_id: '5',
      body: 'http://x is short, https://ok.example/path?q=1#f fine',
      created_at: '2026-03-05 10:00:00+0200',
      message_type: 'praise',
    }),
    // Row 4 again, now with a plain body: this later row must win over the html_body one JavaScript maps.
    row({ id: '4', thread_id: '4', sender_id: '6', body: 'plain now', created_at: at }),
  ];
  return NASTY_HEADER.join(',') + eol + rows.join(eol) + eol;
}

function writeNasty(dir: string, eol: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'Messages.csv'), `\uFEFF${nastyMessages(eol)}`);
  writeFileSync(path.join(dir, 'Users.csv'), 'id,name,email,department\n5,Ana Ruiz,ana@x.org,Sales\n6,,six@x.org,\n');
  writeFileSync(path.join(dir, 'Groups.csv'), 'id,name,private\n10,Ten,false\n11,Secret,true\n');
  writeFileSync(path.join(dir, 'Topics.csv'), 'id,name\n3,roadmap\n');
}

describe('Messages.csv mapped in SQL', () => {
  it('gives the JavaScript reader’s dataset and accounts on nasty rows (CRLF and LF)', async () => {
    const root = makeTempDir('yammer-engine-');
    writeNasty(path.join(root, 'crlf'), '\r\n');
    writeNasty(path.join(root, 'lf'), '\n');
    const loaded = await expectSameBothWays([path.join(root, 'crlf'), path.join(root, 'lf')]);
    expect(loaded.inSql).toBe(true);
    expect(loaded.accounts[0]?.read).toBe(25);
    expect(loaded.accounts[0]?.warnings.length).toBeGreaterThan(3);
    // Map.ts's skips, each file in line order (the dates load.ts screens are warnings, compared above).
    // Rows 7-11, 14-15 and 22 (an offset of +15:00 is no time zone).
    const reasons = ['deleted', 'system', 'bot', 'private', 'malformed', 'missingField', 'missingField', 'malformed'];
    expect(loaded.skips.map((s) => s.split(' ')[1])).toEqual([...reasons, ...reasons]);
    await expectSameBothWays([path.join(root, 'lf')], true);
  }, 60_000);

  it('gives the JavaScript reader’s texts, links and mentions where the regular expressions are skipped', async () => {
    // The SQL skips the newline unescaping in a text without a backslash, the URL match without
    // '://' and the references without '[['; these rows sit on each side of those tests.
    const dir = makeTempDir('yammer-engine-gates-');
    const rows = [
      { id: '1', body: String.raw`path C:\temp at HTTPS://UP.example/X and one\nline` },
      { id: '2', body: 'no link at http:/x.example or www.example.org', attachments: 'https://att.example/a b' },
      { id: '3', body: 'a [ [user:5]] and [[USER:5]]' },
      { id: '4', body: 'plain, no backslash nor link' },
    ].map((r) =>
      row({ ...r, thread_id: r.id, sender_id: '5', sender_name: 'Five', created_at: '2026-03-05 10:00:00 UTC' }),
    );
    writeFileSync(path.join(dir, 'Messages.csv'), `${[NASTY_HEADER.join(','), ...rows].join('\n')}\n`);
    const loaded = await expectSameBothWays([dir]);
    expect(loaded.inSql).toBe(true);
    const activities = loaded.tables.activities as {
      activity_id: string;
      text: string;
      mentions: string | null;
      links: string | null;
    }[];
    const byId = Object.fromEntries(activities.map((a) => [a.activity_id, [a.text, a.mentions, a.links]]));
    expect(byId).toEqual({
      'yammer:1': ['path C:\\temp at HTTPS://UP.example/X and one\nline', null, 'HTTPS://UP.example/X'],
      'yammer:2': ['no link at http:/x.example or www.example.org', null, 'https://att.example/a'],
      'yammer:3': ['a [ [user:5]] and @Five', 'yammer:5', null],
      'yammer:4': ['plain, no backslash nor link', null, null],
    });
  }, 60_000);

  it('gives the same dataset when the rows are inserted in small batches', async () => {
    // Batch edges fall between a sender's first named row and a later mention of them (rows 17
    // and 18), between a message and its later edit (rows 1 and 24), and beside skipped rows.
    const dir = makeTempDir('yammer-engine-batches-');
    writeNasty(dir, '\n');
    const whole = await load([dir], 0, true);
    expect(whole.inserts).toBe(1);
    for (const batchRows of [1, 4, 7]) {
      const batched = await load([dir], 0, true, batchRows);
      // 25 records, one statement per batch.
      expect(batched.inserts, `batches of ${batchRows}`).toBe(Math.ceil(25 / batchRows));
      await expectSameBothWays([dir], true, batched);
    }
  }, 120_000);

  it('parses and maps the file on one thread in file order, then inserts unordered', async () => {
    // The mapped rows' rowid is the file order only when read_csv runs on one thread in order;
    // the inserts carry their own order (sequence numbers, lines) and may use every thread.
    const dir = makeTempDir('yammer-engine-phases-');
    writeNasty(dir, '\n');
    const loaded = await load([dir], 0, true, 7);
    expect(loaded.phases).toEqual(['one thread', 'parse and map', 'unordered', 'insert', 'insert', 'insert', 'insert']);
  }, 60_000);

  it('gives the same dataset when the file is parsed as two halves at once', async () => {
    // The halves meet near the middle of the 25 records, which hold records over several lines,
    // CRLF ends, skipped rows and a later edit of an earlier message (writeNasty).
    for (const eol of ['\n', '\r\n']) {
      const dir = makeTempDir('yammer-engine-halves-');
      writeNasty(dir, eol);
      const halves = await load([dir], 0, true, undefined, '300MB', 0);
      // The two halves end in either order.
      expect(halves.phases[0]).toBe('one thread');
      expect(halves.phases.slice(1, 3).sort()).toEqual(['parse and map', 'parse and map the rest']);
      expect(halves.phases.slice(3)).toEqual(['unordered', 'insert']);
      await expectSameBothWays([dir], true, halves);
    }
  }, 120_000);

  it('loads a spilled dataset under half its memory limit, then restores the limit', async () => {
    const dir = makeTempDir('yammer-engine-limit-');
    writeNasty(dir, '\n');
    const spilled = await load([dir], 0, true, 4, '300MB');
    expect(spilled.inSql).toBe(true);
    // Half of 300MB while loading, then the configured limit again (load() checks the setting;
    // the work tables' clean-up runs twice, after the load and on the way out).
    expect(spilled.limitsSet[0]).toBe('150MB');
    expect(new Set(spilled.limitsSet.slice(1))).toEqual(new Set(['300MB']));
    await expectSameBothWays([dir], true, spilled);
    // In memory nothing spills: the limit is left alone.
    expect((await load([dir], 0, true)).limitsSet).toEqual([]);
  }, 120_000);

  it('gives the JavaScript reader’s dataset, or the same error, on every Yammer fixture', async () => {
    const dirs = [
      ...readdirSync(FIXTURES).map((d) => path.join(FIXTURES, d)),
      ...readdirSync(BAD_INPUTS)
        .filter((d) => d.startsWith('yammer-'))
        .map((d) => path.join(BAD_INPUTS, d)),
      SAMPLE_PILOT,
    ];
    const inSql: string[] = [];
    for (const dir of dirs) {
      // Loaded once in the engine; an error there must be the JavaScript reader's error too.
      const inEngine = await engineLoadOrSameFailure(
        () => load([dir], 0, true),
        () => load([dir], Number.POSITIVE_INFINITY, true),
        dir,
      );
      if (inEngine === null) continue;
      if ((await expectSameBothWays([dir], true, inEngine)).inSql) inSql.push(path.basename(dir));
    }
    // Files DuckDB cannot read line for line stay on the JavaScript path; the plain ones do not.
    expect(inSql).toContain('yammer'); // the sample pilot's export
    expect(inSql).toContain('groups-private-system-bot-and-bad-rows');
    expect(inSql).toContain('yammer-invalid-and-future-dates');
    for (const fallback of [...CSV_NOT_LINE_FOR_LINE, 'two-threads-one-deleted']) expect(inSql).not.toContain(fallback);
  }, 300_000);

  // 1,500 messages: the smallest generated export with all three (3,000 took ten times longer).
  it('gives the JavaScript reader’s dataset on a generated export with deletions, private groups and DMs', async () => {
    const dir = makeTempDir('yammer-generated-');
    await writeYammerExport(dir, { seed: 7, messages: 1500 });
    const loaded = await expectSameBothWays([dir]);
    expect(loaded.inSql).toBe(true);
    // Counted in the generated Messages.csv with Python's csv module: 36 deleted rows, 2 rows of
    // private conversations (skipped), and rows in private groups (kept, their space private).
    const reasons = loaded.skips.map((skip) => skip.split(' ')[1]);
    expect(reasons.filter((r) => r === 'deleted')).toHaveLength(36);
    expect(reasons.filter((r) => r === 'private')).toHaveLength(2);
    expect(loaded.tables.spaces?.some((row) => (row as { is_private?: boolean }).is_private === true)).toBe(true);
  }, 120_000);
});
