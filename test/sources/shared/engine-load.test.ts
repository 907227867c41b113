import { createReadStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { csvHeaderForEngine, type EngineCsvHeader } from '../../../src/sources/shared/engine-csv.js';
import { loadSettings, parseInOrder } from '../../../src/sources/shared/engine-load.js';
import type { SourceEngine } from '../../../src/sources/types.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** The header step of a CSV file holding `text` (it must qualify for the engine). */
async function csvHeaderOf(text: string): Promise<EngineCsvHeader> {
  const localPath = path.join(makeTempDir('parse-in-order-'), 'rows.csv');
  writeFileSync(localPath, text);
  const size = Buffer.byteLength(text);
  const csv = await csvHeaderForEngine({
    name: 'rows.csv',
    displayPath: localPath,
    size,
    localPath,
    open: async () => createReadStream(localPath),
  });
  if (csv === null) throw new Error('the file should qualify');
  return csv;
}

/**
 * A SourceEngine over a fresh in-memory DuckDB with `threads` threads; only run/all (and, with
 * `beside`, runBeside on a second connection) are used here.
 */
async function engineWith(threads: number, ordered: boolean, beside = false): Promise<SourceEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const second = beside ? await instance.connect() : null;
  await connection.run(`SET threads = ${threads}; SET preserve_insertion_order = ${ordered};`);
  return {
    run: async (sql) => {
      await connection.run(sql);
    },
    ...(second && {
      runBeside: async (sql: string) => {
        await second.run(sql);
      },
    }),
    all: async <T extends Record<string, unknown>>(sql: string) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[],
    reserve: () => 0,
    inputIndex: 0,
    inserted: () => undefined,
    notAfter: 0,
    earliest: 0,
    maxTextChars: 0,
    memoryLimit: null,
  };
}

async function settingsOf(engine: SourceEngine): Promise<{ threads: string; ordered: string }> {
  const [row] = await engine.all<{ threads: string; ordered: string }>(
    `SELECT current_setting('threads')::VARCHAR AS threads, current_setting('preserve_insertion_order')::VARCHAR AS ordered`,
  );
  return row ?? { threads: '', ordered: '' };
}

describe('loadSettings', () => {
  it('parses on one thread in order, then runs unordered on the engine’s threads, then gives both back', async () => {
    const engine = await engineWith(3, true);
    const settings = await loadSettings(engine, false);
    await settings.enter();
    expect(await settingsOf(engine)).toEqual({ threads: '1', ordered: 'true' });
    await settings.unordered();
    expect(await settingsOf(engine)).toEqual({ threads: '3', ordered: 'false' });
    await engine.run(settings.restoreSql);
    expect(await settingsOf(engine)).toEqual({ threads: '3', ordered: 'true' });
  });

  it('gives back an engine that was unordered before as it was', async () => {
    const engine = await engineWith(2, false);
    const settings = await loadSettings(engine, false);
    await settings.enter();
    await engine.run(settings.restoreSql);
    expect(await settingsOf(engine)).toEqual({ threads: '2', ordered: 'false' });
  });
});

describe('parseInOrder', () => {
  // Records over several lines (a quoted line end, a doubled quote beside one), so that a split
  // counted in lines rather than records would show.
  const records = Array.from({ length: 9 }, (_, i) =>
    i % 3 === 1 ? `${i},"line one\nline ""two""\n"` : `${i},plain ${i}`,
  );
  const text = `id,body\n${records.join('\n')}\n`;
  const bytes = Buffer.byteLength(text);
  const rowsOf = async (engine: SourceEngine, relation: string) =>
    engine.all<{ rn: number; c0: string; c1: string }>(`SELECT rn::INTEGER AS rn, c0, c1 FROM ${relation} ORDER BY rn`);
  const expected = records.map((r, rn) => {
    const [id = '', ...rest] = r.split(',');
    const body = rest.join(',');
    return { rn, c0: id, c1: body.startsWith('"') ? body.slice(1, -1).replace(/""/g, '"') : body };
  });

  it('parses a file on one connection in one statement below the size that splits it', async () => {
    const csv = await csvHeaderOf(text);
    const engine = await engineWith(1, true, true);
    const statements: string[] = [];
    const watched = { ...engine, runBeside: async (sql: string) => void statements.push(sql) };
    const relation = await parseInOrder(watched, csv, { first: 'p_first', rest: 'p_rest' }, bytes, bytes + 1);
    expect(statements).toEqual([]);
    expect(await rowsOf(engine, relation)).toEqual(expected);
  });

  it('gives every record its index in the file wherever the two halves meet', async () => {
    const csv = await csvHeaderOf(text);
    // The estimate is the mean length of the records after the header (the quoted line ends inside
    // records do not count); `bytes` then moves the split from the first record to past the last.
    expect(csv.bytesPerRecord).toBeCloseTo(Buffer.byteLength(`${records.join('\n')}\n`) / 9, 6);
    for (const half of [1, 2, 4, 5, 8, 9, 12]) {
      const engine = await engineWith(1, true, true);
      const relation = await parseInOrder(
        engine,
        csv,
        { first: 'p_first', rest: 'p_rest' },
        Math.round(half * 2 * csv.bytesPerRecord),
        0,
      );
      expect(await rowsOf(engine, relation), `split after ${half} records`).toEqual(expected);
      const [first] = await engine.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM p_first');
      expect(first?.n, `split after ${half} records`).toBe(Math.min(half, 9));
    }
  });

  it('stores what `select` makes of each record, in file order, in one statement or as two halves', async () => {
    // A mapping in the parse's own statements: each record's columns computed from its raw cells,
    // the records still numbered in file order wherever the halves meet.
    const csv = await csvHeaderOf(text);
    const select = (raw: string) => `SELECT c0 || '/' || strlen(c1) AS mapped FROM ${raw}`;
    const mappedRows = expected.map(({ rn, c0, c1 }) => ({ rn, mapped: `${c0}/${Buffer.byteLength(c1)}` }));
    for (const [half, splitMinBytes] of [
      [0, bytes + 1],
      [1, 0],
      [4, 0],
      [5, 0],
      [9, 0],
    ] as const) {
      const engine = await engineWith(1, true, true);
      const relation = await parseInOrder(
        engine,
        csv,
        { first: 'p_first', rest: 'p_rest' },
        half === 0 ? bytes : Math.round(half * 2 * csv.bytesPerRecord),
        splitMinBytes,
        select,
      );
      const rows = await engine.all<{ rn: number; mapped: string }>(
        `SELECT rn::INTEGER AS rn, mapped FROM ${relation} ORDER BY rn`,
      );
      expect(rows, `split after ${half} records`).toEqual(mappedRows);
    }
  });

  it('rejects, once both halves ended, when DuckDB refuses the file', async () => {
    // A ragged row in the second half: strict_mode refuses it.
    const csv = await csvHeaderOf('id,body\n1,a\n2,b\n3,c\n4,d,extra\n');
    const engine = await engineWith(1, true, true);
    await expect(
      parseInOrder(engine, csv, { first: 'p_first', rest: 'p_rest' }, Math.round(4 * csv.bytesPerRecord), 0),
    ).rejects.toThrow();
  });
});
