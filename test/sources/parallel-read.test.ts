import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceAccount } from '../../src/model/accounting.js';
import type { LoadLog, LoadOptions } from '../../src/sources/load.js';
import { planGroups, readCost } from '../../src/sources/parallel/plan.js';
import { shareOf } from '../../src/sources/parallel/read-in-workers.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { buildZip } from '../helpers/zip-writer.js';

/**
 * The reading code as built in dist/ (what the CLI runs; `npm test` builds it first), typed as its
 * source. From src/, each worker thread would start tsx and compile the sources again, about 1 s
 * of CPU per thread; from dist/ the threads load the compiled worker.js, as in production. The
 * dataset and error classes come from dist/ too, so that instanceof sees the classes the threads'
 * errors are revived as.
 */
async function built<T>(file: string): Promise<T> {
  const url = pathToFileURL(path.resolve('dist', file));
  if (!existsSync(url)) throw new Error(`${url.pathname} is missing: run npm run build first`);
  return (await import(url.href)) as T;
}
const { loadInputs } = await built<typeof import('../../src/sources/load.js')>('sources/load.js');
const { Dataset } = await built<typeof import('../../src/model/dataset.js')>('model/dataset.js');
const { InputError } = await built<typeof import('../../src/errors.js')>('errors.js');

const PILOT = path.resolve('fixtures/sample-pilot');
const quiet: LoadLog = { warn: () => {}, verbose: () => {} };
const NOW = Date.parse('2027-01-01T00:00:00Z');

/** Options of a load in two threads, however small the exports. */
function inParallel(memoryLimit: string | null): LoadOptions {
  return {
    includePrivate: false,
    botAccounts: [],
    notAfter: NOW,
    parallel: { threads: 2, minBytes: 0, memoryLimit, csvMapping: null },
  };
}

/** A log that keeps the verbose lines, with verbose shown or not (verbose lines then come from the main thread only). */
function verboseLog(verboseOn: boolean): LoadLog & { lines: string[] } {
  const lines: string[] = [];
  return { warn: () => {}, verbose: (m) => lines.push(m), verboseOn, lines };
}

/** Every final table as text, in a fixed order: two loads are equal when these are. */
const TABLES = {
  activities: 'SELECT * EXCLUDE (input_index) , input_index FROM activities ORDER BY activity_id',
  identities: 'SELECT * FROM identities ORDER BY identity_id',
  persons: 'SELECT * FROM persons ORDER BY person_id',
  spaces: 'SELECT * FROM spaces ORDER BY space_id',
};

async function load(
  args: string[],
  options: Partial<LoadOptions>,
  log: LoadLog = quiet,
): Promise<{ tables: Record<string, string>; accounts: SourceAccount[] }> {
  const dataset = await Dataset.open();
  try {
    const accounts = await loadInputs(
      args,
      dataset,
      { includePrivate: false, botAccounts: [], notAfter: NOW, ...options },
      log,
    );
    await dataset.finalize(accounts, []);
    const tables: Record<string, string> = {};
    for (const [name, sql] of Object.entries(TABLES)) tables[name] = JSON.stringify(await dataset.query.all(sql));
    return { tables, accounts };
  } finally {
    await dataset.close();
  }
}

describe('reading exports in worker threads', () => {
  it('gives the same dataset and accounts as reading them one after another (the sample pilot, twice over); each export says in verbose what it is read as', async () => {
    // The pilot twice: every record of the second copy duplicates one of the first, and the later
    // input wins, so the order across threads is exercised too.
    const args = [PILOT, PILOT];
    const sequential = await load(args, {});
    const log = verboseLog(true);
    const parallel = await load(
      args,
      { parallel: { threads: 2, minBytes: 0, memoryLimit: '256MB', csvMapping: null } },
      log,
    );
    // Verbose messages from the reading threads reach the main thread's log: the pilot's three
    // exports, twice, each say what they are read as.
    expect(log.lines.filter((l) => l.startsWith(`reading ${PILOT}/`) && l.includes(' as ')).length).toBe(6);
    expect(log.lines).toContain('reading 6 exports in 2 threads');
    expect(parallel.accounts.map((a) => a.inputIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parallel.accounts).toEqual(sequential.accounts);
    // 956 records read per copy (fixtures/README.md). The later copy wins: each record it uses
    // turns its twin in the first copy into a duplicate, and it has no duplicates of its own.
    const sum = (accounts: SourceAccount[], pick: (a: SourceAccount) => number) =>
      accounts.reduce((n, a) => n + pick(a), 0);
    expect(sum(parallel.accounts, (a) => a.read)).toBe(2 * 956);
    const [first, second] = [parallel.accounts.slice(0, 3), parallel.accounts.slice(3)];
    expect(sum(second, (a) => a.skippedByReason['duplicate'] ?? 0)).toBe(0);
    expect(sum(first, (a) => a.skippedByReason['duplicate'] ?? 0)).toBe(sum(second, (a) => a.used));
    for (const name of Object.keys(TABLES)) expect(parallel.tables[name], name).toBe(sequential.tables[name]);
  }, 60_000);

  it('stops with the input error a thread met, as the same class (exit 2); with verbose off the threads send no verbose line', async () => {
    const log = verboseLog(false);
    const error = await load(
      [path.join(PILOT, 'yammer'), `mediawiki:${path.join(PILOT, 'yammer', 'Messages.csv')}`],
      { parallel: { threads: 2, minBytes: 0, memoryLimit: null, csvMapping: null } },
      log,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InstanceType<typeof InputError>).exitCode).toBe(2);
    expect((error as InstanceType<typeof InputError>).message).toContain('Messages.csv');
    // The worker thread (the wiki "dump") said nothing; the other lines are the main thread's own:
    // it reads the costlier export, Messages.csv as Yammer, itself (or was stopped first).
    expect(log.lines[0]).toBe('reading 2 exports in 2 threads');
    expect(log.lines.filter((l) => l.includes('MediaWiki'))).toEqual([]);
    expect(log.lines.slice(1).every((l) => l.includes(path.join(PILOT, 'yammer')))).toBe(true);
  }, 60_000);

  it("reads the costliest export in the main thread under its share of the memory limit, copies the worker's part in after it, and sets the dataset's limit and threads back", async () => {
    const dataset = await Dataset.open({ spill: true, memoryLimit: '512MB' });
    try {
      // The memory limit and the engine's threads, which the copy of the parts lowers to one.
      const limit = async () =>
        (
          await dataset.query.all<{ m: string; t: string }>(
            `SELECT current_setting('memory_limit') AS m, current_setting('threads')::VARCHAR AS t`,
          )
        )[0];
      const before = await limit();
      const log = verboseLog(true);
      const accounts = await loadInputs(
        [path.join(PILOT, 'yammer'), path.join(PILOT, 'wiki')],
        dataset,
        inParallel('512MB'),
        log,
      );
      expect(log.lines).toContain('reading 2 exports in 2 threads');
      expect(accounts.map((a) => [a.inputIndex, a.kind])).toEqual([
        [0, 'yammer'],
        [1, 'mediawiki'],
      ]);
      // The Yammer export (the costlier: a CSV byte weighs more than an XML byte) is in the
      // dataset's own raw table, one row per record used (578 read, fixtures/README.md); the wiki,
      // read into a part by the worker thread, is copied in after it, one row per revision used.
      const [own] = await dataset.query.all<{ yammer: number; wiki: number; after: boolean }>(
        `SELECT count(*) FILTER (WHERE source = 'yammer' AND NOT derived)::INTEGER AS yammer,
                count(*) FILTER (WHERE source = 'mediawiki')::INTEGER AS wiki,
                max(rowid) FILTER (WHERE source = 'yammer') < min(rowid) FILTER (WHERE source = 'mediawiki') AS after
         FROM raw_activities`,
      );
      expect(accounts[0]?.read).toBe(578);
      expect(accounts[1]?.used).toBeGreaterThan(0);
      expect(own).toEqual({ yammer: accounts[0]?.used, wiki: accounts[1]?.used, after: true });
      expect(await limit()).toEqual(before);
    } finally {
      await dataset.close();
    }
  }, 60_000);
});

describe('without a temporary folder for the parts', () => {
  it('reads the exports in this thread, from archives still open', async () => {
    const dir = makeTempDir('pilot-report-parallel-zip-');
    const zipOf = (folder: string) =>
      buildZip(
        readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => {
            const file = path.join(e.parentPath, e.name);
            return { name: path.relative(folder, file).split(path.sep).join('/'), data: readFileSync(file) };
          }),
      );
    writeFileSync(path.join(dir, 'yammer.zip'), zipOf(path.join(PILOT, 'yammer')));
    writeFileSync(path.join(dir, 'slack.zip'), zipOf(path.join(PILOT, 'slack')));
    const saved = process.env['TMPDIR'];
    // A file where the temporary folder should be: no scratch folder can be made.
    process.env['TMPDIR'] = path.join(dir, 'yammer.zip');
    const dataset = await Dataset.open();
    try {
      const accounts = await loadInputs(
        [path.join(dir, 'yammer.zip'), path.join(dir, 'slack.zip')],
        dataset,
        inParallel(null),
        quiet,
      );
      // The sample pilot's Yammer and Slack exports: read as from their folders (fixtures/README.md).
      expect(accounts.map((a) => a.kind)).toEqual(['yammer', 'slack']);
      expect(accounts.every((a) => a.read > 0 && a.read === a.used + a.skipped)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
      await dataset.close();
      removeTempDirs();
    }
  }, 60_000);
});

describe('planGroups', () => {
  it('puts the largest exports on different threads and keeps input order within a thread', () => {
    const e = (inputIndex: number, cost: number) => ({ arg: `x:${inputIndex}`, inputIndex, cost });
    // Sizes 300, 100, 250, 50: 300 -> A, 250 -> B, 100 -> B (250 < 300), 50 -> A (300 < 350).
    const groups = planGroups([e(0, 300), e(1, 100), e(2, 250), e(3, 50)], 2);
    expect(groups.map((g) => g.map((x) => x.inputIndex))).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(planGroups([e(0, 10)], 4)).toHaveLength(1);
  });

  it('weighs a CSV byte as four JSON bytes: the bench exports split into {Yammer} and {Slack, wiki}', () => {
    // 323 MB of Yammer CSV: 32.3; 1,044 MB of Slack JSON: 26.1; 133 MB of wiki XML: 4.7.
    const exports = [
      { arg: 'yammer:y', inputIndex: 0, cost: readCost('yammer', 323e6) },
      { arg: 'slack:s', inputIndex: 1, cost: readCost('slack', 1044e6) },
      { arg: 'mediawiki:w', inputIndex: 2, cost: readCost('mediawiki', 133e6) },
    ];
    expect(exports.map((x) => Math.round(x.cost * 10) / 10)).toEqual([32.3, 26.1, 4.7]);
    expect(planGroups(exports, 2).map((g) => g.map((x) => x.inputIndex))).toEqual([[0], [1, 2]]);
  });

  it('splits the memory limit between the threads', () => {
    expect(shareOf('1GB', 2)).toBe('500MB');
    // 3 GiB = 3,221,225,472 bytes, half of it 1,610.6 MB.
    expect(shareOf('3 GiB', 2)).toBe('1610MB');
    expect(shareOf('100MB', 4)).toBe('64MB');
  });
});
