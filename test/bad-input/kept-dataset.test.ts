/**
 * `--dataset kept.duckdb` is an output like the others (issue 19, item 4): it holds no private
 * space's text or name (with or without --include-private), and it cannot be combined with
 * --anonymize (exit 2 with the reason), since the dataset is the data pseudonyms are made from.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { fixture, tempDir } from './harness.js';

afterAll(removeTempDirs);

const INPUTS = [fixture('yammer-private-group-referenced'), fixture('slack-private-channel-linked')];
const PRIVATE_TEXT = ['Inside the private group', 'Inside the private channel', 'Secret Merger Team', 'secret-plans'];

async function rows(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(file, file === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * One run keeping a Parquet folder, with --include-private, shared by the two tests that read it (the
 * second then fails a run into the same folder): the same inputs and arguments, run once.
 */
let parquetRun: Promise<{ dir: string; code: number | null }> | null = null;
function keptParquet(): Promise<{ dir: string; code: number | null }> {
  parquetRun ??= (async () => {
    const dir = tempDir();
    const result = await runCliInProcess(
      ['analyze', ...INPUTS, '--out', 'out', '--dataset', 'kept/', '--include-private'],
      { cwd: dir, env: { SOURCE_DATE_EPOCH: '1775000000' } },
    );
    return { dir, code: result.code };
  })();
  return parquetRun;
}

describe('a kept dataset', () => {
  it('holds every activity but no private space text or name, even with --include-private', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const result = await runCliInProcess(
      ['analyze', ...INPUTS, '--out', 'out', '--dataset', 'kept.duckdb', '--include-private'],
      {
        cwd: dir,
        env: { SOURCE_DATE_EPOCH: '1775000000' },
      },
    );
    expect(result.code).toBe(0);
    const file = path.join(dir, 'kept.duckdb');
    // Counted: 2 Yammer messages (1 in the private group) and 2 Slack messages (1 in the private channel).
    const activities = await rows(file, 'SELECT space_id, text FROM activities ORDER BY activity_id');
    expect(activities).toEqual([
      { space_id: 'slack:C1', text: 'Ideas welcome: should we see #private-channel, #general or #channel?' },
      { space_id: 'slack:G1', text: null },
      { space_id: 'yammer:group:100', text: 'Ideas welcome: should we ask a private group or Marketing about it?' },
      { space_id: 'yammer:group:200', text: null },
    ]);
    expect(await rows(file, 'SELECT space_id, name FROM spaces ORDER BY space_id')).toEqual([
      { space_id: 'slack:C1', name: 'general' },
      { space_id: 'slack:G1', name: '(private space)' },
      { space_id: 'yammer:group:100', name: 'Marketing' },
      { space_id: 'yammer:group:200', name: '(private space)' },
    ]);
    // Not in the file's bytes either (public text is stored readably, so this absence means something).
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('Ideas welcome');
    for (const text of PRIVATE_TEXT) expect(bytes).not.toContain(text);
    expect(existsSync(`${file}.wal`)).toBe(false);
  });

  it('as a Parquet folder (--dataset kept/) holds the same: no private space text or name', {
    timeout: 120_000,
  }, async () => {
    const { dir, code } = await keptParquet();
    expect(code).toBe(0);
    const parquet = (table: string) => `read_parquet('${path.join(dir, 'kept', `${table}.parquet`)}')`;
    expect(await rows(':memory:', `SELECT space_id, text FROM ${parquet('activities')} ORDER BY activity_id`)).toEqual([
      { space_id: 'slack:C1', text: 'Ideas welcome: should we see #private-channel, #general or #channel?' },
      { space_id: 'slack:G1', text: null },
      { space_id: 'yammer:group:100', text: 'Ideas welcome: should we ask a private group or Marketing about it?' },
      { space_id: 'yammer:group:200', text: null },
    ]);
    expect(await rows(':memory:', `SELECT space_id, name FROM ${parquet('spaces')} ORDER BY space_id`)).toEqual([
      { space_id: 'slack:C1', name: 'general' },
      { space_id: 'slack:G1', name: '(private space)' },
      { space_id: 'yammer:group:100', name: 'Marketing' },
      { space_id: 'yammer:group:200', name: '(private space)' },
    ]);
    // Every value of every table, read back (the files are compressed, so their bytes say nothing).
    const everything: unknown[] = [];
    for (const table of ['activities', 'spaces', 'identities', 'persons'])
      everything.push(...(await rows(':memory:', `SELECT * FROM ${parquet(table)}`)));
    const text = JSON.stringify(everything);
    expect(text).toContain('Ideas welcome');
    for (const secret of PRIVATE_TEXT) expect(text).not.toContain(secret);
    expect(readdirSync(path.join(dir, 'kept')).sort()).toEqual([
      'activities.parquet',
      'identities.parquet',
      'persons.parquet',
      'spaces.parquet',
    ]);
  });

  it('as a Parquet folder, in a run that fails when publishing: the previous files stay, no temporary file is left', {
    timeout: 120_000,
  }, async () => {
    // The folder the run above kept (the previous files); the failing run below writes into it.
    const { dir, code } = await keptParquet();
    expect(code).toBe(0);
    const parquet = `read_parquet('${path.join(dir, 'kept', 'activities.parquet')}')`;
    const before = await rows(':memory:', `SELECT activity_id FROM ${parquet} ORDER BY activity_id`);
    // The PDF target is a folder: the run fails at the very end, after the dataset was written.
    mkdirSync(path.join(dir, 'a-folder'));
    const failed = await runCliInProcess(
      ['analyze', INPUTS[0] ?? '', '--out', 'out', '--pdf', 'a-folder', '--dataset', 'kept/'],
      {
        cwd: dir,
      },
    );
    expect(failed.code).toBe(2);
    expect(readdirSync(path.join(dir, 'kept')).sort()).toEqual([
      'activities.parquet',
      'identities.parquet',
      'persons.parquet',
      'spaces.parquet',
    ]);
    // Still the first run's activities (two inputs), not the failed run's (one).
    expect(before).toHaveLength(4);
    expect(await rows(':memory:', `SELECT activity_id FROM ${parquet} ORDER BY activity_id`)).toEqual(before);
  });

  it('with --anonymize is refused with exit 2 and the reason, before anything is written', async () => {
    const dir = tempDir();
    const result = await runCliInProcess(
      ['analyze', ...INPUTS, '--out', 'out', '--dataset', 'kept.duckdb', '--anonymize'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: config: dataset "kept.duckdb" cannot be kept with anonymize: the dataset holds every real name, e-mail and id',
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'kept.duckdb'))).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
