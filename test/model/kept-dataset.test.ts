import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEPT_TABLES, type KeptTable } from '../../src/model/kept-dataset.js';
import { act, inlineDataset } from '../helpers/dataset.js';

const folder = mkdtempSync(path.join(tmpdir(), 'pilot-report-kept-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function parquetFiles(name: string): Record<KeptTable, string> {
  return Object.fromEntries(KEPT_TABLES.map((t) => [t, path.join(folder, `${name}-${t}.parquet`)])) as Record<
    KeptTable,
    string
  >;
}

describe('the kept dataset as Parquet files', () => {
  it('writes each table in the order of its key, whatever order its rows were loaded in', async () => {
    // Loaded in descending order, so a file written in table order would hold them descending.
    const ids = ['yammer:9', 'yammer:7', 'yammer:30', 'yammer:12', 'yammer:1'];
    const { dataset } = await inlineDataset({
      spaces: [
        { id: 'yammer:g2', source: 'yammer', name: 'Beta', kind: 'group', isPrivate: false },
        { id: 'yammer:g1', source: 'yammer', name: 'Alpha', kind: 'group', isPrivate: false },
      ],
      activities: ids.map((id, i) =>
        act({
          id,
          at: `2026-01-0${i + 1}T10:00:00Z`,
          identityId: `yammer:u${5 - i}`,
          spaceId: i % 2 ? 'yammer:g1' : 'yammer:g2',
        }),
      ),
    });
    const files = parquetFiles('a');
    await dataset.keepAsParquet(files);
    const inFileOrder = async (table: KeptTable, column: string) =>
      (
        await dataset.query.all<Record<string, string>>(`SELECT ${column} AS k FROM read_parquet('${files[table]}')`)
      ).map((r) => r.k);
    // VARCHAR order, as DuckDB sorts: 'yammer:1' < 'yammer:12' < 'yammer:30' < 'yammer:7' < 'yammer:9'.
    expect(await inFileOrder('activities', 'activity_id')).toEqual([
      'yammer:1',
      'yammer:12',
      'yammer:30',
      'yammer:7',
      'yammer:9',
    ]);
    expect(await inFileOrder('spaces', 'space_id')).toEqual(['yammer:g1', 'yammer:g2']);
    expect(await inFileOrder('identities', 'identity_id')).toEqual([
      'yammer:u1',
      'yammer:u2',
      'yammer:u3',
      'yammer:u4',
      'yammer:u5',
    ]);

    // Written again from the same dataset: the same bytes.
    const again = parquetFiles('b');
    await dataset.keepAsParquet(again);
    for (const t of KEPT_TABLES) expect(readFileSync(again[t]).equals(readFileSync(files[t])), t).toBe(true);
    await dataset.close();
  });
});

/** The column names of a table in docs/dataset.md, in the order its table lists them. */
function documentedColumns(table: string): string[] {
  const docs = readFileSync(path.resolve(import.meta.dirname, '../../docs/dataset.md'), 'utf8');
  const section = docs.split(`### ${table}`)[1]?.split('\n### ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1] ?? ''));
}

describe('the kept activities', () => {
  it("have docs/dataset.md's columns in its order, private spaces' text left out, as DuckDB and as Parquet", async () => {
    const { dataset } = await inlineDataset({
      spaces: [{ id: 'yammer:secret', source: 'yammer', name: 'Secret', kind: 'group', isPrivate: true }],
      activities: [
        act({
          id: 'yammer:1',
          at: '2026-01-01T10:00:00Z',
          identityId: 'yammer:u1',
          text: 'open',
          spaceId: 'yammer:g1',
        }),
        act({
          id: 'yammer:2',
          at: '2026-01-02T10:00:00Z',
          identityId: 'yammer:u1',
          text: 'hidden',
          title: 'hidden title',
          links: ['https://example.com/x'],
          spaceId: 'yammer:secret',
        }),
      ],
    });
    const documented = documentedColumns('activities');
    const file = path.join(folder, 'kept.duckdb');
    await dataset.keepAs(file);
    const files = parquetFiles('columns');
    await dataset.keepAsParquet(files);
    await dataset.query.run(`ATTACH '${file}' AS kept (READ_ONLY)`);
    for (const from of ['kept.activities', `(SELECT * FROM read_parquet('${files.activities}'))`]) {
      const columns = await dataset.query.all<{ name: string }>(`SELECT column_name AS name FROM (DESCRIBE ${from})`);
      expect(
        columns.map((c) => c.name),
        from,
      ).toEqual(documented);
      const rows = await dataset.query.all(`SELECT activity_id, text, title, links FROM ${from} ORDER BY activity_id`);
      expect(rows, from).toEqual([
        { activity_id: 'yammer:1', text: 'open', title: null, links: null },
        { activity_id: 'yammer:2', text: null, title: null, links: null },
      ]);
    }
    await dataset.query.run('DETACH kept');
    await dataset.close();
  });

  it('as a DuckDB file from a dataset in a temporary file (every large run): whole, with no write-ahead log beside it', async () => {
    // A scratch dataset does not checkpoint on shutdown (dataset.ts), and that setting is the
    // instance's: the attached file was detached with its last tables in a .wal beside it, so the
    // file copied or moved alone lacked them (seen on a 10M-message run: 5.7 MB of log left).
    const { dataset } = await inlineDataset(
      {
        spaces: [{ id: 'yammer:g1', source: 'yammer', name: 'Alpha', kind: 'group', isPrivate: false }],
        activities: [
          act({ id: 'yammer:1', at: '2026-01-01T10:00:00Z', identityId: 'yammer:u1', spaceId: 'yammer:g1' }),
          act({ id: 'yammer:2', at: '2026-01-02T10:00:00Z', identityId: 'yammer:u2', spaceId: 'yammer:g1' }),
        ],
      },
      { spill: true },
    );
    const file = path.join(folder, 'from-scratch.duckdb');
    await dataset.keepAs(file);
    await dataset.close();
    expect(existsSync(`${file}.wal`)).toBe(false);
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    const counts = (
      await connection.runAndReadAll(
        `SELECT (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM spaces) AS spaces,
           (SELECT count(*) FROM identities) AS identities, (SELECT count(*) FROM persons) AS persons`,
      )
    ).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(counts).toEqual([{ activities: 2n, spaces: 1n, identities: 2n, persons: 2n }]);
  });
});
