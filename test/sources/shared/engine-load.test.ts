import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../src/sources/shared/engine-load.js';
import type { SourceEngine } from '../../../src/sources/types.js';

/** A SourceEngine over a fresh in-memory DuckDB with `threads` threads; only run/all are used here. */
async function engineWith(threads: number, ordered: boolean): Promise<SourceEngine> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`SET threads = ${threads}; SET preserve_insertion_order = ${ordered};`);
  return {
    run: async (sql) => {
      await connection.run(sql);
    },
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
