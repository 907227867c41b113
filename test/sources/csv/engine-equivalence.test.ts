/**
 * Generic CSV files mapped in SQL (engine-read.ts) against the JavaScript reader (index.ts +
 * map-row.ts): the same input loaded both ways must give the same final dataset rows, the same
 * accounts (warnings with file and line included) and the same skips, on the fixture, the
 * bad-input corpus's CSV files, a file of nasty rows in every timestamp form, and generated files.
 */
import { readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceAccount } from '../../../src/model/accounting.js';
import { Dataset } from '../../../src/model/dataset.js';
import { createCsvSource, type CsvMapping } from '../../../src/sources/csv/index.js';
import { compileTimestampFormat } from '../../../src/sources/csv/timestamp-format.js';
import { genericCsvLines, genericMapping, writeGenericCsv, type GenericTimeFormat } from '../../helpers/generic-csv.js';
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

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/csv/replies-reaction-private-bad-rows');

interface Loaded {
  accounts: SourceAccount[];
  /** The adapter's skips as `file:line reason`, in the order reported. */
  skips: string[];
  tables: Record<string, unknown[]>;
  /** Statements that inserted activities by SQL. */
  inserts: number;
  /** Files whose SQL rows were deleted again, for mapRow disagreed with SQL about a row. */
  fallbacks: number;
}

interface How {
  /** Files from this size on are loaded by SQL. */
  minBytes: number;
  /** A config mapping (else each CSV's pilot-report.csv.json). */
  mapping?: CsvMapping;
  includePrivate?: boolean;
  batchRows?: number;
}

async function load(inputs: string[], how: How): Promise<Loaded> {
  const skips: string[] = [];
  let inserts = 0;
  let fallbacks = 0;
  const watched = watchedSource(createCsvSource(how.mapping ?? null, how.minBytes, how.batchRows), {
    skip: (reason, at) => skips.push(`${at.file}:${at.line ?? ''} ${reason}`),
  });
  const observe = (sql: string) => {
    if (sql.includes('INSERT INTO raw_activities')) inserts += 1;
    if (sql.includes('DELETE FROM raw_activities')) fallbacks += 1;
  };
  const dataset = await Dataset.open({ observe });
  try {
    // The SQL load runs at one thread and gives the engine its threads back, its tables dropped.
    const accounts = await loadGivingSettingsBack(
      inputs,
      dataset,
      { includePrivate: how.includePrivate ?? false, botAccounts: [], notAfter: NOT_AFTER, sources: { csv: watched } },
      ['threads', 'memory_limit'],
    );
    expect(
      await dataset.query.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'csv_load_%'`),
    ).toEqual([]);
    await dataset.finalize(accounts, []);
    const tables = await finalTables(dataset);
    return { accounts, skips, tables, inserts, fallbacks };
  } finally {
    await dataset.close();
  }
}

/** Loads `inputs` by SQL (as far as `how` lets it) and in JavaScript only, and compares. */
async function expectSameBothWays(inputs: string[], how: How): Promise<Loaded> {
  const inEngine = await load(inputs, how);
  const inJavaScript = await load(inputs, { ...how, minBytes: Number.POSITIVE_INFINITY });
  expect(inJavaScript.inserts).toBe(0);
  expectSameAccountsAndTables(inEngine, inJavaScript);
  expect(inEngine.skips).toEqual(inJavaScript.skips);
  return inEngine;
}

/** A CSV cell, quoted. */
const q = (text: string): string => `"${text.replace(/"/g, '""')}"`;

const NASTY_HEADER = ['ID', 'Sent', 'User', 'Email', 'Room', 'Message', 'Reply To', 'Thread', 'Reacted To', 'DM'];

function row(cells: Partial<Record<string, string>>): string {
  return NASTY_HEADER.map((c) => q(cells[c] ?? '')).join(',');
}

/**
 * Rows that exercise every rule of map-row.ts and load.ts's screen; `at(i)` writes the i-th
 * minute after 2026-03-02 10:00 UTC in the file's timestamp format.
 */
function nastyRows(at: (minute: number) => string): string[] {
  return [
    row({
      ID: 'm1',
      Sent: at(0),
      User: 'ana',
      Email: 'Ana@Example.com',
      Room: 'general',
      Message: 'Idea https://x.org/a',
    }),
    row({ ID: 'm2', Sent: at(1), User: 'bob', Room: 'general', Message: 'reply\r\nover two lines', 'Reply To': 'm1' }),
    // A reply to a reply: its thread is m1's, found through m2 (no thread column).
    row({ ID: 'm3', Sent: at(2), User: 'carol', Email: 'carol@x.org', Room: 'general', 'Reply To': 'm2' }),
    row({ ID: 'm4', Sent: at(3), User: 'dan', Room: 'general', 'Reply To': 'm3', Message: 'deeper still' }),
    row({ ID: 'r1', Sent: at(4), User: 'bob', Room: 'general', Message: ' tada ', 'Reacted To': 'm4' }),
    row({ ID: 'r2', Sent: at(5), User: 'bob', Room: 'general', 'Reacted To': 'm4' }),
    row({ ID: 'm5', Sent: at(6), User: 'ana', Room: 'random', Message: 'thread column only', Thread: 'm9' }),
    row({ ID: 'm6', Sent: at(7), User: '', Room: 'random', Message: 'no author' }),
    row({ ID: 'm7', Sent: '', User: 'ana', Room: 'random', Message: 'no time' }),
    row({ ID: 'm8', Sent: 'not a date', User: 'ana', Room: 'random', Message: 'bad time' }),
    row({ ID: 'm9', Sent: at(8), User: 'eve', Room: 'random', Message: 'secret', DM: ' Yes ' }),
    row({ ID: 'm10', Sent: at(9), User: 'eve', Room: 'random', Message: 'reply to the secret', 'Reply To': 'm9' }),
    row({ ID: '', Sent: at(10), User: 'fay', Message: 'no id, no room: the file is the space' }),
    row({ ID: '', Sent: at(11), User: 'fay', Message: 'a reaction without id', 'Reacted To': 'm1', Room: 'general' }),
    row({
      ID: 'm11',
      Sent: at(12),
      User: 'gus',
      Email: 'ZOË@Example.com',
      Room: 'ideas',
      Message: 'see (https://en.wikipedia.org/wiki/Foo_(bar)). https://e.example/a).).).). http://é',
    }),
    row({
      ID: 'm12',
      Sent: at(13),
      User: 'gus',
      Email: 'gus@x.org',
      Room: 'ideas',
      Message:
        'http://x is short, https://ok.example/p?q=1#f fine, (https://a.example/x)). [https://b.example/y] {https://c.example/{z}} https://d.example/w?!; http://éé HTTPS://ok.example/p?q=1#f https://ok.example/p?q=1#f',
    }),
    row({ ID: 'm13', Sent: at(14), User: 'hal', Room: 'ideas', Message: `long ${'x'.repeat(100_010)}` }),
    row({
      ID: 'm14',
      Sent: at(15),
      User: 'hal',
      Room: 'ideas',
      Message: '\u00a0\u2003 unicode spaces \u3000',
      'Reply To': 'm14',
    }),
    // m1 re-exported: the later row wins; and a reply to it after that.
    row({ ID: 'm1', Sent: at(16), User: 'ana', Room: 'general', Message: 'edited https://x.org/b,' }),
    row({ ID: 'm15', Sent: at(17), User: 'ivy', Room: 'general', 'Reply To': 'm1', Message: 'after the edit' }),
    // m13 (long, JavaScript's) again, shorter: this later SQL row must win.
    row({ ID: 'm13', Sent: at(18), User: 'hal', Room: 'ideas', Message: 'short now' }),
    row({ ID: 'm16', Sent: at(19), User: 'ana', Room: 'ideas', Message: 'private room turns private', DM: 'x' }),
    row({ ID: 'm17', Sent: at(20), User: 'ana', Room: "O'Brien's", Message: "it's quoted", DM: 'no' }),
    row({ ID: 'm18', Sent: at(21), User: 'ana', Room: 'general', Message: 'reply to a reaction id', 'Reply To': 'r1' }),
  ];
}

function nastyCsv(at: (minute: number) => string, eol: string, extra: string[] = []): string {
  return `\uFEFF${NASTY_HEADER.join(',')}${eol}${[...nastyRows(at), ...extra].join(eol)}${eol}`;
}

const MINUTE = (i: number) => Date.UTC(2026, 2, 2, 10, i);

/** Every form each timestamp format takes (and some it refuses), written as the format reads them. */
const FORMS: Record<string, { at: (i: number) => string; extra: string[] }> = {
  iso: {
    at: (i) => new Date(MINUTE(i)).toISOString(),
    extra: [
      '2026-03-02 10:00:00 UTC',
      '2026/03/02 11:00:00 +0100',
      '2026-03-02T12:00:00.123456Z',
      '2026-03-03',
      '2026-03-04 09:30 -05:30',
      '2024-02-29 23:59:59,5 GMT',
      '2026-03-05 10:00:00+0200',
      '2026-03-05 10:00:00 +15:00',
      '2026-02-30 10:00:00',
      '2026-03-02 24:00',
      '2026-03/02',
      '0999-03-02',
      '2027-01-01 00:00:00',
      '1970-01-01',
    ],
  },
  'epoch-s': {
    at: (i) => String(MINUTE(i) / 1000),
    extra: [
      '1767607200.000100',
      '1767607200.0005',
      '1767607200.9995',
      '-1',
      '1e9',
      '17676072000000000',
      '007',
      ' 1767607200 ',
    ],
  },
  'epoch-ms': {
    at: (i) => String(MINUTE(i)),
    extra: ['1767607200001', '1767607200000.5', '1767607199999.5', '8640000000000001', '12.5.1', '-0'],
  },
  'dd/MM/yyyy HH:mm': {
    at: (i) => {
      const d = new Date(MINUTE(i));
      return `02/03/2026 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    },
    extra: [
      '31/02/2026 09:30',
      '05/01/2026 24:00',
      '05/01/2026   09:30',
      '05/01/2026\u00a009:30',
      '5/1/2026 09:30',
      '29/02/2024 00:00',
    ],
  },
  'M/d/yyyy h:mm a': {
    at: (i) => `3/2/2026 10:${String(i).padStart(2, '0')} AM`,
    extra: ['1/5/2026 12:15 AM', '1/5/2026 3:04 pm', '1/5/2026 13:04 PM', '1/5/2026 0:04 AM', '12/31/2025 12:00 pm'],
  },
  "yyyy-MM-dd'T'HH:mm:ss.SSS": {
    at: (i) => new Date(MINUTE(i)).toISOString().slice(0, 23),
    extra: ['2026-01-05T10:00:00.123', '2026-01-05T10:00:00.12', '2026-01-05 10:00:00.123'],
  },
  'DD.MM.YYYY HH:mm': {
    at: (i) => `02.03.2026 10:${String(i).padStart(2, '0')}`,
    extra: ['05.01.2026 10:00', '5.1.2026 10:00', '31.04.2026 10:00'],
  },
  'd-M-yyyy H:mm:ss|yyyy': {
    // A field twice: the last one wins, as in timestamp-format.ts.
    at: (i) => `2-3-2026 10:${String(i).padStart(2, '0')}:00|2026`,
    extra: ['2-3-2026 10:00:00|2025', '2-3-2026 9:5:00|2026'],
  },
};

/** The extra rows of a format: one message per form. */
function formRows(extra: readonly string[]): string[] {
  return extra.map((sent, i) => row({ ID: `t${i}`, Sent: sent, User: 'tim', Room: 'times', Message: `form ${i}` }));
}

describe('generic CSV files mapped in SQL', () => {
  it('give the JavaScript reader’s dataset, accounts and skips on nasty rows in every timestamp format', async () => {
    const root = makeTempDir('csv-engine-');
    for (const [format, { at, extra }] of Object.entries(FORMS)) {
      const mapping = { ...genericMapping('iso'), timestampFormat: format };
      const parse = compileTimestampFormat(format);
      if (typeof parse === 'string') throw new Error(parse);
      // CRLF (CRLF inside quoted cells turned to LF) in two formats, LF in all.
      for (const eol of format === 'iso' || format === 'M/d/yyyy h:mm a' ? ['\n', '\r\n'] : ['\n']) {
        const dir = path.join(root, `${format.replace(/[^a-z]/gi, '_')}-${eol.length}`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'chat.csv'), nastyCsv(at, eol, formRows(extra)));
        for (const includePrivate of [false, true]) {
          const loaded = await expectSameBothWays([`csv:${dir}`], { minBytes: 0, mapping, includePrivate });
          expect([loaded.inserts, loaded.fallbacks], `${format} ${eol.length}`).toEqual([1, 0]);
          const account = loaded.accounts[0];
          expect(account?.read).toBe(24 + extra.length);
          // The nasty rows' own skips, then each form the JavaScript parser refuses.
          const refused = extra.filter((text) => parse(text.trim()) === null).length;
          const reasons = loaded.skips.map((s) => s.split(' ')[1]);
          expect(reasons.filter((r) => r === 'missingField')).toHaveLength(2);
          expect(reasons.filter((r) => r === 'malformed')).toHaveLength(1 + refused);
          expect(reasons.filter((r) => r === 'private')).toHaveLength(includePrivate ? 0 : 2);
        }
      }
    }
  }, 300_000);

  it('send a whole file back to JavaScript when mapRow reads a row differently from SQL', async () => {
    // A lower-case "t" is ISO to parseInstant but not to the SQL pattern: SQL calls the row malformed,
    // mapRow uses it, and the file is read again in JavaScript, with the same result.
    const dir = makeTempDir('csv-engine-disagree-');
    writeFileSync(
      path.join(dir, 'chat.csv'),
      nastyCsv((i) => new Date(MINUTE(i)).toISOString(), '\n', formRows(['2026-03-02t10:00:00Z'])),
    );
    const loaded = await expectSameBothWays([`csv:${dir}/chat.csv`], { minBytes: 0, mapping: genericMapping('iso') });
    expect([loaded.inserts, loaded.fallbacks]).toEqual([1, 1]); // tried, then deleted
    expect(loaded.tables.activities?.some((a) => (a as { activity_id: string }).activity_id === 'csv:times:t0')).toBe(
      true,
    );
  }, 60_000);

  it('give the same dataset in small insert batches, and across files of one input', async () => {
    const dir = makeTempDir('csv-engine-batches-');
    writeFileSync(
      path.join(dir, 'a.csv'),
      nastyCsv((i) => new Date(MINUTE(i)).toISOString(), '\n'),
    );
    // The second file sends an identity again with an e-mail, a space again as private, and
    // re-exports m1; the third is small and read in JavaScript between two SQL files.
    writeFileSync(
      path.join(dir, 'b.csv'),
      `${NASTY_HEADER.join(',')}\n${[
        row({ ID: 'm1', Sent: '2026-03-03', User: 'bob', Email: 'BOB@x.org', Room: 'general', Message: 'b wins' }),
        row({ ID: 'm20', Sent: '2026-03-03', User: 'dan', Room: 'random', DM: 'yes', Message: 'now private' }),
        row({ ID: 'm21', Sent: '2026-03-03', User: 'fay', Email: 'fay@x.org', Room: 'general', 'Reply To': 'm2' }),
      ].join('\n')}\n`,
    );
    writeFileSync(
      path.join(dir, 'c.csv'),
      `${NASTY_HEADER.join(',')}\n${row({ ID: 'm1', Sent: '2026-03-04', User: 'eve', Email: 'e@x.org', Room: 'general' })}\n`,
    );
    writeFileSync(path.join(dir, 'pilot-report.csv.json'), JSON.stringify(genericMapping('iso')));
    for (const batchRows of [1, 5]) {
      const loaded = await expectSameBothWays([dir], { minBytes: 200, includePrivate: true, batchRows });
      // a.csv (24 records) and b.csv (3) in batches, c.csv (under 200 bytes) in JavaScript.
      expect(loaded.fallbacks).toBe(0);
      expect(loaded.inserts, `batches of ${batchRows}`).toBe(Math.ceil(24 / batchRows) + Math.ceil(3 / batchRows));
    }
  }, 120_000);

  it('give the JavaScript reader’s dataset, or the same error, on the fixture and the bad-input corpus’s CSV files', async () => {
    // The bad-input corpus's CSV files are Yammer's Messages.csv: read here as generic CSV mapped
    // onto Yammer's columns, each as a single file.
    const yammerColumns: CsvMapping = {
      timestamp: 'created_at',
      author: 'sender_id',
      authorEmail: 'sender_email',
      space: 'group_id',
      text: 'body',
      messageId: 'id',
      parentId: 'replied_to_id',
      threadId: 'thread_id',
    };
    const inputs: { input: string; mapping?: CsvMapping }[] = [{ input: FIXTURE }];
    for (const dir of readdirSync(BAD_INPUTS).filter((d) => d.startsWith('yammer-'))) {
      const file = path.join(BAD_INPUTS, dir, 'Messages.csv');
      if (existsSync(file)) inputs.push({ input: `csv:${file}`, mapping: yammerColumns });
    }
    expect(inputs.length).toBeGreaterThan(10);
    const inSql: string[] = [];
    for (const { input, mapping } of inputs) {
      const how: How = mapping ? { minBytes: 0, mapping, includePrivate: true } : { minBytes: 0, includePrivate: true };
      const inEngine = await engineLoadOrSameFailure(
        () => load([input], how),
        () => load([input], { ...how, minBytes: Number.POSITIVE_INFINITY }),
        input,
      );
      if (inEngine === null) continue;
      await expectSameBothWays([input], how);
      if (inEngine.inserts > 0 && inEngine.fallbacks === 0) inSql.push(path.basename(path.dirname(input)));
    }
    // Plain files are loaded by SQL; what DuckDB cannot read line for line stays in JavaScript.
    expect(inSql).toContain('yammer-invalid-and-future-dates');
    expect(inSql).toContain('yammer-utf8-bom');
    for (const fallback of CSV_NOT_LINE_FOR_LINE) expect(inSql).not.toContain(fallback);
  }, 300_000);

  it('give the JavaScript reader’s dataset on generated files in each timestamp format', async () => {
    const formats: GenericTimeFormat[] = ['dd/MM/yyyy HH:mm:ss', 'iso', 'epoch-s', 'epoch-ms', 'M/d/yyyy h:mm a'];
    for (const [i, format] of formats.entries()) {
      const dir = makeTempDir('csv-generated-');
      const file = path.join(dir, 'chat.csv');
      await writeGenericCsv(file, i === 0 ? 3000 : 800, 11 + i, format);
      const loaded = await expectSameBothWays([`csv:${file}`], {
        minBytes: 0,
        mapping: genericMapping(format),
        batchRows: 700,
      });
      expect(loaded.inserts, format).toBeGreaterThan(0);
      expect(loaded.fallbacks, format).toBe(0);
      const account = loaded.accounts[0];
      expect(account?.read, format).toBe(i === 0 ? 3000 : 800);
      // The generator writes every kind of skip; both readers found them.
      for (const reason of ['malformed', 'missingField', 'private', 'future', 'tooEarly', 'duplicate'])
        expect(
          account?.skippedByReason[reason] ?? 0,
          `${format} ${reason}: ${JSON.stringify(account?.skippedByReason)}`,
        ).toBeGreaterThan(0);
    }
    // The generator's header and row count, checked on its own lines.
    expect([...genericCsvLines(3, 1, 'iso')].length).toBe(4);
  }, 300_000);
});
