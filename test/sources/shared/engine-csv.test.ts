/**
 * engine-csv.ts in its two steps (the header, then the scan of the bytes) and `over`, the cells of
 * a table of raw parsed rows: what the Yammer load maps on every thread, each row keeping its index.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { csvForEngine, csvHeaderForEngine, type EngineCsv } from '../../../src/sources/shared/engine-csv.js';
import type { InputFile } from '../../../src/sources/types.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

function fileWith(text: string): InputFile {
  const localPath = path.join(makeTempDir('engine-csv-'), 'Messages.csv');
  writeFileSync(localPath, text);
  return {
    name: 'Messages.csv',
    displayPath: localPath,
    size: Buffer.byteLength(text),
    localPath,
    open: async (): Promise<Readable> => createReadStream(localPath),
  };
}

async function rowsOf(sql: readonly string[]): Promise<Record<string, unknown>[]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  let rows: Record<string, unknown>[] = [];
  for (const statement of sql) rows = (await connection.runAndReadAll(statement)).getRowObjectsJson();
  return rows;
}

// Three records over five lines with CRLF ends: a quoted cell over two lines, an empty cell, an empty last cell.
const CRLF_FILE = 'id,body,extra\r\n1,"two\r\nlines",x\r\n2,,y\r\n3,a,\r\n';

describe('csvHeaderForEngine', () => {
  it('gives the bare parse before the scan, and the scan gives what csvForEngine gives', async () => {
    const file = fileWith(CRLF_FILE);
    const header = await csvHeaderForEngine(file);
    expect(header?.columns).toEqual(['id', 'body', 'extra']);
    const csv = await header?.scan();
    const whole = await csvForEngine(file);
    expect(csv?.source).toBe(whole?.source);
    expect(csv?.read).toBe(header?.read);
    // The bare parse: raw cells, NULL for an empty one, the CRLF inside the quotes kept.
    expect(await rowsOf([`SELECT * FROM ${header?.read}`])).toEqual([
      { c0: '1', c1: 'two\r\nlines', c2: 'x' },
      { c0: '2', c1: null, c2: 'y' },
      { c0: '3', c1: 'a', c2: null },
    ]);
  });

  it('maps a table of parsed rows as `source` maps the file, each row keeping the column asked for', async () => {
    const csv = await csvForEngine(fileWith(CRLF_FILE));
    if (csv === null) throw new Error('the file qualifies');
    // BIGINTs come back as strings from getRowObjectsJson.
    const expected = [
      { rn: '0', c0: '1', c1: 'two\nlines', c2: 'x', span: '2', repeats: false },
      { rn: '1', c0: '2', c1: '', c2: 'y', span: '1', repeats: false },
      { rn: '2', c0: '3', c1: 'a', c2: '', span: '1', repeats: false },
    ];
    const mapped = await rowsOf([
      `SET threads = 1`,
      `CREATE TEMP TABLE parsed AS SELECT * FROM ${csv.read}`,
      `SET threads = 2; SET preserve_insertion_order = false`,
      `SELECT * FROM ${csv.over('(SELECT rowid AS rn, * FROM parsed)', ['rn'])} ORDER BY rn`,
    ]);
    expect(mapped).toEqual(expected);
    const fromFile = await rowsOf([`SELECT * FROM ${csv.source}`]);
    expect(fromFile).toEqual(expected.map(({ rn: _rn, ...row }) => row));
    // Header line plus 2 + 1 + 1 record lines: the five lines of the file.
    expect(csv.coversEveryLine(4, 0)).toBe(true);
    expect(csv.coversEveryLine(3, 0)).toBe(false);
  });

  it('maps rows with the header alone as the scanned pieces do, whatever the line ends', async () => {
    // The header's `over` turns CRLF inside a quoted field into LF without knowing whether the file
    // holds a CR: on a file without one it gives the scanned `over`'s cells, on a CRLF file too.
    for (const text of [CRLF_FILE, CRLF_FILE.replace(/\r\n/g, '\n')]) {
      const file = fileWith(text);
      const header = await csvHeaderForEngine(file);
      const csv = await header?.scan();
      if (!header || !csv) throw new Error('the file qualifies');
      const rowsOver = (over: EngineCsv['over']) =>
        rowsOf([
          `SET threads = 1`,
          `CREATE OR REPLACE TEMP TABLE parsed AS SELECT * FROM ${header.read}`,
          `SELECT * FROM ${over('(SELECT rowid AS rn, * FROM parsed)', ['rn'])} ORDER BY rn`,
        ]);
      const scanned = await rowsOver(csv.over);
      expect(scanned.map((row) => row['c1'])).toEqual(['two\nlines', '', 'a']);
      expect(await rowsOver(header.over)).toEqual(scanned);
      expect([header.raw('body'), header.raw('extra'), header.raw('absent')]).toEqual(['c1', 'c2', "''"]);
      expect(header.raw('body')).toBe(csv.raw('body'));
    }
  });

  it('leaves a file with a lone carriage return to the JavaScript reader only once the bytes are scanned', async () => {
    const file = fileWith('id,body\n1,"a\rb"\n');
    const header = await csvHeaderForEngine(file);
    expect(header?.columns).toEqual(['id', 'body']);
    expect(await header?.scan()).toBeNull();
    expect(await csvForEngine(file)).toBeNull();
  });
});
